"""The output contract: the ``kamer-nlp/1`` record (:mod:`record`), its JSON Schema
(:mod:`schema`, ``kamer-nlp-1.schema.json``), JSONL reading and writing (:mod:`jsonl`)
and atomic file replacement (:mod:`atomic`).

Tools that work on the output (annotation-tool exports, gold imports, span evaluation,
the review page) are in :mod:`kamer_nlp.annotation`.
"""
