"""The committee decision lists (besluitenlijsten) through the product, against my reading
(skips without the corpus).

A decision list records what a committee decided and asked: requests to ministers, summaries
of their letters ("Noot:"), statute text, EU conclusions. None of that is a government
commitment; only where the list records that a minister promised something ("toegezegd") is
there a mention of a commitment (a link). ``besluitenlijst_cases.jsonl`` holds the anchors;
known errors are strict ``xfail``; the summary pins right / missed / spurious per list.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.commitments.handcheck import annotate, check_case, counts, load_cases

CASES = load_cases("besluitenlijst_cases.jsonl")
# measured with the shipped model through kamer_nlp.api.annotate_file: (right, missed, spurious)
MEASURED = {
    "besluitenlijsten/besluitenlijst_example1.pdf": (0, 0, 1),
    "besluitenlijsten/besluitenlijst_example2.pdf": (0, 0, 3),
    "besluitenlijsten/besluitenlijst_example3.pdf": (0, 0, 0),
    "besluitenlijsten/besluitenlijst_example4.pdf": (0, 0, 0),
}

pytestmark = pytest.mark.corpus


def _param(case: dict[str, Any]) -> Any:
    if case.get("xfail"):
        return pytest.param(
            case, id=case["id"], marks=pytest.mark.xfail(reason=case["xfail"], strict=True)
        )
    return pytest.param(case, id=case["id"])


@pytest.mark.parametrize("case", [_param(c) for c in CASES])
def test_besluitenlijst_case(corpus_dir: Path, case: dict[str, Any]) -> None:
    check_case(annotate(corpus_dir / case["doc"]), case)


@pytest.mark.parametrize("doc_path", list(MEASURED))
def test_besluitenlijst_summary(corpus_dir: Path, doc_path: str) -> None:
    """Every commitment the product lists was checked by hand; right/missed/spurious pinned."""
    cases = [c for c in CASES if c["doc"] == doc_path]
    right, missed, spurious = counts(annotate(corpus_dir / doc_path), cases)
    want_right, want_missed, want_spurious = MEASURED[doc_path]
    assert right >= want_right
    assert missed <= want_missed
    assert spurious <= want_spurious
