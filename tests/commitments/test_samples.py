"""The four generated sample letters in ``data/raw``, checked against my reading of their sources.

The samples were written with known commitments (``kamer_nlp/samples/documents/*.json``);
``sample_cases.jsonl`` lists, per document, the sentences I read as commitments, links
and hard negatives by anchor phrase. They are held out of the training data. Known
misses and spurious finds are ``xfail`` with the reason; the summary pins the counts.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from tests.commitments.corpus_text import corpus_text
from tests.commitments.test_corpus import _find, _nlp

RAW = Path(__file__).resolve().parents[2] / "data" / "raw"
CASES = [
    json.loads(line)
    for line in (Path(__file__).parent / "sample_cases.jsonl")
    .read_text(encoding="utf-8")
    .splitlines()
    if line.strip()
]
DOCS = sorted({c["doc"] for c in CASES})


@cache
def _run(stem: str) -> tuple[str, tuple[dict[str, Any], ...]]:
    pdf = RAW / f"{stem}.pdf"
    if not pdf.is_file():
        pytest.skip(f"sample {pdf} not generated")
    text, meta = corpus_text(pdf)
    nlp = _nlp()
    doc = nlp.make_doc(text)
    doc._.kamer_date = meta.get("date")
    doc._.kamer_meta = meta
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return doc.text, tuple(doc._.kamer_commitment_records)


@pytest.mark.parametrize(
    "case",
    [
        pytest.param(c, id=c["id"], marks=pytest.mark.xfail(reason=c["xfail"], strict=False))
        if c.get("xfail")
        else pytest.param(c, id=c["id"])
        for c in CASES
    ],
)
def test_sample_case(case: dict[str, Any]) -> None:
    text, records = _run(case["doc"])
    kind, _ = _find(text, records, case["anchor"])
    assert kind == case["label"]


def _counts(stem: str) -> tuple[int, int, int]:
    text, records = _run(stem)
    cases = [c for c in CASES if c["doc"] == stem]
    right = missed = spurious = 0
    for rec in records:
        if rec["kind"] != "commitment":
            continue
        covering = [c for c in cases if c["anchor"] in " ".join(rec["text"].split())]
        assert covering, f"unreviewed commitment in {stem}: {rec['text'][:80]!r}"
        if any(c["label"] == "commitment" for c in covering):
            right += 1
        else:
            spurious += 1
    for case in cases:
        if (
            case["label"] == "commitment"
            and _find(text, records, case["anchor"])[0] != "commitment"
        ):
            missed += 1
    return right, missed, spurious


# measured with the shipped model (right, missed, spurious); a floor may move by at most 1
MEASURED = {
    "kamerbrief-ezk-laadinfrastructuur": (5, 1, 1),
    "kamerbrief-vws-huiselijk-geweld": (9, 0, 0),
    "kst-26991-612": (3, 3, 0),
    "kst-36318-4": (8, 2, 0),
}


@pytest.mark.parametrize("stem", DOCS)
def test_sample_summary(stem: str) -> None:
    """Every commitment the pipeline lists was reviewed; right/missed/spurious pinned per letter."""
    right, missed, spurious = _counts(stem)
    want_right, want_missed, want_spurious = MEASURED[stem]
    assert right >= want_right - 1
    assert missed <= want_missed + 1
    assert spurious <= want_spurious + 1
