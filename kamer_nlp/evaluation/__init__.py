"""Evaluation on real text: labelled sentences of the reference corpus, held by anchors.

Labels point into documents by offsets plus a hash of the normalised sentence
(:mod:`kamer_nlp.evaluation.anchors`); the corpus text itself is never copied into the
repository. :mod:`~kamer_nlp.evaluation.corpus` lists the documents and the fixed
held-out split of issue #11, :mod:`~kamer_nlp.evaluation.inventory` writes the batches
to label, :mod:`~kamer_nlp.evaluation.show` prints them, and
:mod:`~kamer_nlp.evaluation.labels` checks label files and measures agreement;
:mod:`~kamer_nlp.evaluation.gold` joins anchors, labels, adjudications and gold due dates,
:mod:`~kamer_nlp.evaluation.harness` runs the product against them (``kamer-nlp evaluate
commitments``), :mod:`~kamer_nlp.evaluation.cv` cross-validates the classifier by document,
and :mod:`~kamer_nlp.evaluation.contamination` finds old training sentences from held-out
documents.
"""
