"""The reference-corpus letters through the product, checked against my reading (skips without
the corpus).

``corpus_cases.jsonl`` lists, per document, the sentences I read as commitments, links and
hard negatives (by a short anchor phrase, not the text). Known misses and spurious finds are
strict ``xfail`` with the reason; the summary test pins right / missed / spurious per letter.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.commitments.handcheck import annotate, check_case, counts, find, load_cases

CASES = load_cases("corpus_cases.jsonl")
# the document date and first signatory as I read them; the product must find them itself
DOCS: dict[str, tuple[str, str]] = {
    "seed/kst-31015-136.txt": ("2018-02-14", "S. Dekker"),
    "letters/Kamerbrief_circulaire_economie.pdf": ("2023-02-03", "V.L.W.A. Heijnen"),
    "letters/Kamerbrief_innovatie_missie.pdf": ("2023-05-30", "M.A.M. Adriaansens"),
}
# measured with the shipped model through kamer_nlp.api.annotate_file: (right, missed, spurious)
MEASURED = {
    "seed/kst-31015-136.txt": (9, 0, 0),
    "letters/Kamerbrief_circulaire_economie.pdf": (12, 3, 0),
    "letters/Kamerbrief_innovatie_missie.pdf": (7, 1, 1),
}

pytestmark = pytest.mark.corpus


def _param(case: dict[str, Any]) -> Any:
    if case.get("xfail"):
        return pytest.param(
            case, id=case["id"], marks=pytest.mark.xfail(reason=case["xfail"], strict=True)
        )
    return pytest.param(case, id=case["id"])


@pytest.mark.parametrize("doc_path", list(DOCS))
def test_date_and_signatory_come_from_the_document(corpus_dir: Path, doc_path: str) -> None:
    meta = annotate(corpus_dir / doc_path)["meta"]
    date, signatory = DOCS[doc_path]
    assert meta["date"] == date
    assert signatory in meta["signatories"][0]["name"]


@pytest.mark.parametrize("case", [_param(c) for c in CASES])
def test_corpus_case(corpus_dir: Path, case: dict[str, Any]) -> None:
    check_case(annotate(corpus_dir / case["doc"]), case)


def test_seed_summer_deadline(corpus_dir: Path) -> None:
    """'uiterlijk aanstaande zomer' is due at the end of summer 2018; the action is its verb phrase."""
    record = annotate(corpus_dir / "seed/kst-31015-136.txt")
    _, entry = find(record, "zal ik uw Kamer uiterlijk aanstaande zomer berichten")
    assert entry is not None and entry["deadline"] is not None
    assert entry["deadline"]["due"] == "2018-08-31"
    assert entry["action"] == "uw Kamer berichten"


@pytest.mark.parametrize("doc_path", list(DOCS))
def test_corpus_summary(corpus_dir: Path, doc_path: str) -> None:
    """Every commitment the product lists was checked by hand; right/missed/spurious pinned."""
    cases = [c for c in CASES if c["doc"] == doc_path]
    right, missed, spurious = counts(annotate(corpus_dir / doc_path), cases)
    want_right, want_missed, want_spurious = MEASURED[doc_path]
    assert right >= want_right
    assert missed <= want_missed
    assert spurious <= want_spurious
