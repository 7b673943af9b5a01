"""The repaired text of every generated sample equals the generator's ground truth, exactly."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kamer_nlp.api import repair_pdf

RAW = Path(__file__).resolve().parents[2] / "data" / "raw"
SAMPLES = sorted(RAW.glob("*.pdf"))
META_KEYS = (
    "date",
    "kamer",
    "vergaderjaar",
    "dossier",
    "toevoeging",
    "ondernummer",
    "subject",
    "kenmerk",
    "signatories",
    "co_senders",
    "id",
    "title",
)
# A letterhead letter prints no vergaderjaar or publication id; its title is its subject.
NOT_PRINTED = {"letterhead": {"vergaderjaar", "id", "title"}, "kamerstuk": set()}


def _truth(pdf: Path) -> dict:
    return json.loads(pdf.with_suffix(".truth.json").read_text(encoding="utf-8"))


def test_there_are_samples_of_both_layouts() -> None:
    layouts = {_truth(p)["layout"] for p in SAMPLES}
    assert len(SAMPLES) >= 3
    assert {"kamerstuk", "letterhead"} <= layouts


@pytest.fixture(scope="module", params=SAMPLES, ids=[p.stem for p in SAMPLES])
def pair(request: pytest.FixtureRequest):  # type: ignore[no-untyped-def]
    pdf = request.param
    return repair_pdf(pdf), _truth(pdf)


def test_text_is_exactly_the_truth(pair) -> None:  # type: ignore[no-untyped-def]
    rt, truth = pair
    assert rt.text == truth["text"]
    assert rt.layout == truth["layout"]


def test_paragraph_kinds(pair) -> None:  # type: ignore[no-untyped-def]
    rt, truth = pair
    assert [(p.start, p.end, p.kind) for p in rt.paragraphs] == [
        (p["start"], p["end"], p["kind"]) for p in truth["paragraphs"]
    ]


def test_footnotes_and_markers(pair) -> None:  # type: ignore[no-untyped-def]
    rt, truth = pair
    assert [(f.label, f.start, f.end, f.marker) for f in rt.footnotes] == [
        (f["label"], f["start"], f["end"], f["marker"]) for f in truth["footnotes"]
    ]


def test_every_hyphenation_decision(pair) -> None:  # type: ignore[no-untyped-def]
    rt, truth = pair
    ours = [r for r in rt.repairs if r.kind == "dehyphenate"]
    assert [(r.source.split("\n")[0], r.decision) for r in ours] == [
        (h["left"], h["decision"]) for h in truth["hyphenation"]
    ]


def test_metadata(pair) -> None:  # type: ignore[no-untyped-def]
    rt, truth = pair
    for key in META_KEYS:
        if key in truth["meta"] and key not in NOT_PRINTED[truth["layout"]]:
            assert rt.meta.to_record().get(key) == truth["meta"][key], key
