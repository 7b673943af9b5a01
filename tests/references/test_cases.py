"""The case file: every positive found exactly (offsets, type, kb_id), no false positives."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Any

import pytest

from kamer_nlp.references import REFERENCE_TYPES, find_references

from .caseload import expected_refs, load_cases

CASES = load_cases()


def _found(case: dict[str, Any]) -> set[tuple[int, int, str, str | None]]:
    date = dt.date.fromisoformat(case["doc_date"]) if case.get("doc_date") else None
    return {(r.start, r.end, r.type, r.kb_id) for r in find_references(case["text"], doc_date=date)}


def test_case_file_is_large_and_covers_every_type() -> None:
    ids = [c["id"] for c in CASES]
    assert len(ids) == len(set(ids)), "case ids must be unique"
    assert len(CASES) >= 100
    types = Counter(e["type"] for c in CASES for e in c["expect"])
    assert set(types) == set(REFERENCE_TYPES)
    assert sum(1 for c in CASES if not c["expect"]) >= 30, "negatives"


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_case(case: dict[str, Any]) -> None:
    date = dt.date.fromisoformat(case["doc_date"]) if case.get("doc_date") else None
    refs = find_references(case["text"], doc_date=date)
    expected = expected_refs(case)
    assert [(r.start, r.end, r.type, r.kb_id) for r in refs] == [
        (e.start, e.end, e.type, e.kb_id) for e in expected
    ]
    for ref, exp in zip(refs, expected, strict=True):
        assert ref.text == case["text"][ref.start : ref.end]
        for key, value in exp.extra.items():  # url, date
            assert getattr(ref, key) == value, key


def test_precision_and_recall_are_100_percent() -> None:
    tp = fp = fn = 0
    for case in CASES:
        gold = {(e.start, e.end, e.type, e.kb_id) for e in expected_refs(case)}
        found = _found(case)
        tp += len(gold & found)
        fp += len(found - gold)
        fn += len(gold - found)
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    assert (precision, recall) == (1.0, 1.0), f"P={precision:.3f} R={recall:.3f} fp={fp} fn={fn}"
