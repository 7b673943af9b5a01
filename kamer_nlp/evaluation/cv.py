"""Document-grouped cross-validation of the commitment classifier on the real labels.

    kamer-nlp evaluate commitments --cv K [--json FILE]

Today's classifier type (:func:`kamer_nlp.commitments.training.fit_model`: word 1–3-gram
tf-idf plus the cue features, a logistic regression, the same cue gating at prediction,
:func:`~kamer_nlp.commitments.training.predict_labels`) is trained on the labelled sentences
of the training part (``inventory/batch-*``), K folds grouped by document
(``sklearn.model_selection.GroupKFold``: no document is in a training and a test fold).

Label mapping (the classifier has three classes): gold ``promise`` or ``plan`` →
``commitment`` (whatever the link); else a ``mention`` or ``fulfils`` link → ``link``; else
``none``. The sentence text is the anchor's stretch of the document text the anchors point
into (:func:`kamer_nlp.evaluation.corpus.document_text`).

For comparison the shipped model (``resources/commitments/model.json``) labels the same
sentences; it was trained on the project's own sentences, so this is a held-out figure for
it (none of the training part's documents is in its training set; its 187 VLOS sentences
are in the held-out part, see ``data/labels/commitments/contaminated.json``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from kamer_nlp.evaluation.anchors import resolve
from kamer_nlp.evaluation.corpus import GROUPS, document_text, find_document
from kamer_nlp.evaluation.gold import GoldSentence, load_gold
from kamer_nlp.evaluation.labels import BASE

__all__ = ["CLASSES", "class_prf", "cross_validate_real", "format_cv", "to_class"]

CLASSES = ("commitment", "link", "none")


def to_class(label: str, link: str) -> str:
    """The classifier's class of a gold label (see the module doc)."""
    if label in ("promise", "plan"):
        return "commitment"
    return "link" if link != "none" else "none"


def class_prf(gold: Sequence[str], pred: Sequence[str]) -> dict[str, dict[str, Any]]:
    """P/R/F1 per class, plus recall of gold promise and plan kept separately by the caller."""
    from kamer_nlp.commitments.training import prf

    return {c: prf(gold, pred, c) for c in CLASSES}


def _texts(root: Path, sentences: Sequence[GoldSentence]) -> tuple[list[str], list[int]]:
    texts: list[str] = []
    kept: list[int] = []
    cache: dict[str, str] = {}
    for i, g in enumerate(sentences):
        if g.doc not in cache:
            cache[g.doc] = document_text(find_document(root, g.doc))
        span = resolve(g.anchor, cache[g.doc])
        if span is None:
            continue
        texts.append(cache[g.doc][span[0] : span[1]])
        kept.append(i)
    return texts, kept


def _figures(
    sentences: Sequence[GoldSentence], gold: Sequence[str], pred: Sequence[str]
) -> dict[str, Any]:
    out: dict[str, Any] = {"all": class_prf(gold, pred)}
    for label in ("promise", "plan"):
        idx = [i for i, g in enumerate(sentences) if g.label == label]
        hit = sum(pred[i] == "commitment" for i in idx)
        out[f"{label}_recall"] = {"n": len(idx), "k": hit, "rate": hit / len(idx) if idx else None}
    for group in GROUPS:
        idx = [i for i, g in enumerate(sentences) if g.group == group]
        if idx:
            out[group] = class_prf([gold[i] for i in idx], [pred[i] for i in idx])
    return out


def cross_validate_real(
    root: Path, *, folds: int = 5, base: Path = BASE, seed: int = 0
) -> dict[str, Any]:
    """The CV figures and the shipped model's figures on the same sentences."""
    import numpy as np
    from sklearn.model_selection import GroupKFold

    from kamer_nlp.commitments.cues import CueSet
    from kamer_nlp.commitments.model import CommitmentModel
    from kamer_nlp.commitments.training import fit_model, predict_labels

    goldset = load_gold("train", base)
    texts, kept = _texts(root, goldset.sentences)
    sentences = [goldset.sentences[i] for i in kept]
    gold = [to_class(g.label, g.link) for g in sentences]
    groups = [g.doc for g in sentences]
    cues = CueSet.default()
    pred = [""] * len(sentences)
    n_docs = len(set(groups))
    k = min(folds, n_docs)
    for train_idx, test_idx in GroupKFold(n_splits=k).split(np.zeros(len(gold)), gold, groups):
        model = fit_model([texts[i] for i in train_idx], [gold[i] for i in train_idx], cues)
        for i, label in zip(
            test_idx, predict_labels(model, [texts[i] for i in test_idx], cues), strict=True
        ):
            pred[i] = label
    shipped = predict_labels(CommitmentModel.default(), texts, cues)
    return {
        "folds": k,
        "seed": seed,
        "sentences": len(sentences),
        "documents": n_docs,
        "unlabelled_sentences": goldset.unlabelled,
        "unlabelled_batches": list(goldset.unlabelled_batches),
        "anchors_lost": len(goldset.sentences) - len(sentences),
        "classes": dict(Counter(gold)),
        "cv": _figures(sentences, gold, pred),
        "shipped": _figures(sentences, gold, shipped),
    }


def _fmt(m: Mapping[str, Any]) -> str:
    return f"{m['precision']:.2f} / {m['recall']:.2f} / {m['f1']:.2f}"


def format_cv(result: Mapping[str, Any]) -> str:
    lines = [
        f"document-grouped {result['folds']}-fold CV on the training part: "
        f"{result['sentences']} sentences, {result['documents']} documents, classes "
        f"{result['classes']}; {result['unlabelled_sentences']} sentences not labelled yet"
        + (f" ({', '.join(result['unlabelled_batches'])})" if result["unlabelled_batches"] else ""),
        f"{'':18}{'class':12}{'CV P / R / F1':22}{'shipped P / R / F1':22}",
    ]
    for scope in ["all", *[g for g in GROUPS if g in result["cv"]]]:
        for c in CLASSES:
            cv, sh = result["cv"][scope][c], result["shipped"][scope][c]
            if not (cv["tp"] + cv["fn"] + cv["fp"] + sh["fp"]):
                continue
            lines.append(f"{scope:18}{c:12}{_fmt(cv):22}{_fmt(sh):22}")
    for label in ("promise", "plan"):
        cv, sh = result["cv"][f"{label}_recall"], result["shipped"][f"{label}_recall"]
        lines.append(
            f"gold {label} found as commitment: CV {cv['k']}/{cv['n']}, shipped {sh['k']}/{sh['n']}"
        )
    return "\n".join(lines)
