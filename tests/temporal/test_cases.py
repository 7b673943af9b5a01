"""The case file: sentence, expression, document date, expected normalisation (≥150 cases)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.temporal.caseload import load_cases, run_case

CASES = load_cases()
# Known failures stay in the file (with a "note") and are marked here, never deleted.
XFAIL: dict[str, str] = {
    c["id"]: c["note"].removeprefix("xfail: ")
    for c in CASES
    if c.get("note", "").startswith("xfail:")
}


def _param(case: dict[str, Any]) -> Any:
    marks = (
        [pytest.mark.xfail(reason=XFAIL[case["id"]], strict=True)] if case["id"] in XFAIL else []
    )
    return pytest.param(case, id=case["id"], marks=marks)


def test_case_file_size_and_spread() -> None:
    assert len(CASES) >= 150
    assert len({c["id"] for c in CASES}) == len(CASES)
    dates = {c["doc_date"] for c in CASES if c["doc_date"]}
    assert len({d[:4] for d in dates}) >= 8 and len({d[5:7] for d in dates}) >= 10


@pytest.mark.parametrize("case", [_param(c) for c in CASES])
def test_case(case: dict[str, Any]) -> None:
    _, full, why = run_case(case)
    assert full, f"{case['id']} {case['expression']!r} ({case['doc_date']}): {why}"


def test_accuracy_floor() -> None:
    """Acceptance: at least 97% of the cases exactly right (span, interval and due)."""
    right = sum(run_case(c)[0] for c in CASES)
    assert right / len(CASES) >= 0.97, f"{right}/{len(CASES)}"


def test_every_case_says_where_it_comes_from() -> None:
    """``source``: "written" (next to the code) or "real:<doc id>" (a paraphrase of, or
    offsets into, a document of the TRAINING split; held-out documents are never used)."""
    from kamer_nlp.evaluation.corpus import split_of

    for case in CASES:
        source = case["source"]
        assert source == "written" or source.startswith("real:"), case["id"]
        if source.startswith("real:"):
            assert split_of(source.removeprefix("real:")) == "train", case["id"]
    assert sum(c["source"].startswith("real:") for c in CASES) >= 20
