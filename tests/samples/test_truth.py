"""The truth serialisation rules, driven by cases/truth_join_cases.json."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kamer_samples.linebreak import Line, Piece
from kamer_samples.markup import parse_words
from kamer_samples.truth import LaidOut, TruthBlock, TruthNote, build_truth

CASES = json.loads((Path(__file__).parent / "cases" / "truth_join_cases.json").read_text("utf-8"))[
    "cases"
]


def _line(markup: str, end: str | None) -> Line:
    return Line(tuple(Piece(w.segments) for w in parse_words(markup)), end)


def _laid(blocks: list[TruthBlock], notes: tuple[TruthNote, ...] = ()) -> LaidOut:
    return LaidOut(
        stem="t", layout="kamerstuk", pages=1, meta={"id": "t"}, blocks=tuple(blocks), notes=notes
    )


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_join_rules(case: dict) -> None:
    lines = tuple((1, _line(markup, end)) for markup, end in case["lines"])
    labels = sorted(case.get("markers", {}))
    notes = tuple(TruthNote(label, ((1, _line("noot", None)),)) for label in labels)
    truth = build_truth(_laid([TruthBlock(case["kind"], lines)], notes))
    body = truth["text"].split("\n\n")[0] if notes else truth["text"]
    assert body == case["expected"]
    for note in truth["footnotes"]:
        assert note["marker"] == case["markers"][note["label"]]
        assert truth["text"][note["start"] : note["end"]] == "noot"


def test_hyphenation_records_each_line_end_hyphen() -> None:
    lines = (
        (1, _line("het slacht", "join")),
        (2, _line("offer in EU-", "keep")),
        (2, _line("landen", None)),
    )
    truth = build_truth(_laid([TruthBlock("paragraph", lines)]))
    assert truth["text"] == "het slachtoffer in EU-landen"
    decisions = [
        (h["page"], h["left"], h["right"], h["decision"], h["joined"]) for h in truth["hyphenation"]
    ]
    assert decisions == [
        (1, "slacht-", "offer", "join", "slachtoffer"),
        (2, "EU-", "landen", "keep", "EU-landen"),
    ]
    for h in truth["hyphenation"]:
        assert truth["text"][h["start"] : h["end"]] == h["joined"]
    assert truth["page_breaks"] == [{"page": 2, "offset": len("het slacht")}]


def test_paragraphs_notes_and_layout_of_text() -> None:
    blocks = [
        TruthBlock("salutation", ((1, _line("Geachte voorzitter,", None)),)),
        TruthBlock("paragraph", ((1, _line("Zie de bijlage.[^1]", None)),)),
    ]
    notes = (TruthNote("1", ((1, _line("Kamerstuk 31 015,", None)), (2, _line("nr. 135.", None)))),)
    truth = build_truth(_laid(blocks, notes))
    assert truth["text"] == "Geachte voorzitter,\n\nZie de bijlage.\n\n1 Kamerstuk 31 015, nr. 135."
    assert [(p["start"], p["end"], p["kind"]) for p in truth["paragraphs"]] == [
        (0, 19, "salutation"),
        (21, 36, "paragraph"),
    ]
    (note,) = truth["footnotes"]
    assert truth["text"][note["start"] : note["end"]] == "Kamerstuk 31 015, nr. 135."
    assert note["marker"] == 36 and note["pages"] == [1, 2]


def test_note_without_marker_is_an_error() -> None:
    notes = (TruthNote("1", ((1, _line("noot", None)),)),)
    with pytest.raises(ValueError, match="no marker"):
        build_truth(_laid([TruthBlock("paragraph", ((1, _line("tekst", None)),))], notes))
