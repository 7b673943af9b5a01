"""Ground truth of a generated sample: the canonical text the repair stage must produce.

:func:`build_truth` is the one place where the rules live:

- body blocks in reading order, one paragraph each, separated by "\\n\\n";
- inside a paragraph, drawn lines are joined with one space, except across a line-end
  hyphen: ``join`` glues the fragments ("slacht" + "offer"), ``keep`` keeps the hyphen
  and glues ("EU-landen"), ``keep_space`` keeps hyphen and space ("zorg- en");
- address and signature blocks keep their line breaks ("\\n");
- footnote markers are removed; the offset where each stood is recorded;
- page furniture (running heads/footers, page numbers, colophon, sidebar, return address,
  "Pagina x van y") is not in the text but listed under ``meta.furniture``;
- after the body: "\\n\\n" and the notes, one per line, as "<label> <note text>".

Beyond the brief's fields the record has ``pages``, ``page_breaks`` (offset of the first
body character of each later page), ``footnotes[].pages`` (pages the note is set on) and
``hyphenation[].start/end`` (``text[start:end] == joined``).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kamer_samples.linebreak import DECISIONS, JOIN, KEEP, Line

TRUTH_FORMAT = "kamer-nlp-sample-truth/1"
LINE_BREAK_KINDS = ("address", "signature")  # blocks whose lines stay on their own line
PARAGRAPH_KINDS = (
    "head",
    "heading",
    "paragraph",
    "list_item",
    "salutation",
    "signature",
    "address",
    "field",
    "closing",
)


@dataclass(frozen=True)
class TruthBlock:
    kind: str
    lines: tuple[tuple[int, Line], ...]  # (page, line) in reading order


@dataclass(frozen=True)
class TruthNote:
    label: str
    lines: tuple[tuple[int, Line], ...]


@dataclass(frozen=True)
class LaidOut:
    """What a layout drew: everything the truth is made of."""

    stem: str
    layout: str
    pages: int
    meta: dict[str, Any]
    blocks: tuple[TruthBlock, ...]
    notes: tuple[TruthNote, ...] = ()
    furniture: tuple[str, ...] = field(default_factory=tuple)


class _TextBuilder:
    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.markers: dict[str, int] = {}
        self.hyphenation: list[dict[str, Any]] = []
        self.page_starts: dict[int, int] = {}  # first body offset on each page

    def add(self, text: str) -> None:
        self.parts.append(text)
        self.length += len(text)

    def emit(self, kind: str, lines: tuple[tuple[int, Line], ...], *, body: bool) -> None:
        prev: Line | None = None
        prev_page = 0
        left_start = 0
        for page, line in lines:
            if prev is not None:
                if prev.end in (JOIN, KEEP):
                    sep = ""
                elif kind in LINE_BREAK_KINDS:
                    sep = "\n"
                else:
                    sep = " "
                self.add(sep)
            if body and page not in self.page_starts:
                self.page_starts[page] = self.length
            piece_starts = []
            for k, piece in enumerate(line.pieces):
                if k:
                    self.add(" ")
                piece_starts.append(self.length)
                for seg in piece.segments:
                    if seg.marker:
                        self.markers[seg.text] = self.length
                    else:
                        self.add(seg.text)
            if prev is not None and prev.end in DECISIONS:
                right = line.pieces[0].plain
                left = prev.pieces[-1].plain
                end = piece_starts[0] + len(right)
                joined = "".join(self.parts)[left_start:end]
                self.hyphenation.append(
                    {
                        "page": prev_page,
                        "left": left + "-" if prev.end == JOIN else left,
                        "right": right,
                        "decision": prev.end,
                        "joined": joined,
                        "start": left_start,
                        "end": end,
                    }
                )
            left_start = piece_starts[-1]
            prev, prev_page = line, page

    @property
    def text(self) -> str:
        return "".join(self.parts)


def build_truth(laid: LaidOut) -> dict[str, Any]:
    """The ground-truth record of a laid-out sample (see the module docstring)."""
    out = _TextBuilder()
    paragraphs = []
    for i, block in enumerate(laid.blocks):
        if block.kind not in PARAGRAPH_KINDS:
            raise ValueError(f"unknown paragraph kind {block.kind!r}")
        if i:
            out.add("\n\n")
        start = out.length
        out.emit(block.kind, block.lines, body=True)
        paragraphs.append({"start": start, "end": out.length, "kind": block.kind})
    footnotes = []
    for i, note in enumerate(laid.notes):
        out.add("\n\n" if i == 0 else "\n")
        out.add(f"{note.label} ")
        start = out.length
        out.emit("paragraph", note.lines, body=False)
        if note.label not in out.markers:
            raise ValueError(f"{laid.stem}: footnote {note.label} has no marker")
        footnotes.append(
            {
                "label": note.label,
                "start": start,
                "end": out.length,
                "marker": out.markers[note.label],
                "pages": sorted({page for page, _ in note.lines}),
            }
        )
    page_breaks = [
        {"page": page, "offset": offset}
        for page, offset in sorted(out.page_starts.items())
        if page > 1
    ]
    return {
        "format": TRUTH_FORMAT,
        "id": laid.meta.get("id", laid.stem),
        "layout": laid.layout,
        "pages": laid.pages,
        "text": out.text,
        "paragraphs": paragraphs,
        "footnotes": footnotes,
        "hyphenation": sorted(out.hyphenation, key=lambda h: h["start"]),
        "page_breaks": page_breaks,
        "meta": {**laid.meta, "furniture": list(laid.furniture)},
    }


def dump_truth(truth: dict[str, Any], path: Path) -> None:
    """Write a truth record as stable, human-diffable JSON."""
    path.write_text(json.dumps(truth, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def load_truth(path: Path) -> dict[str, Any]:
    data = json.loads(path.read_text(encoding="utf-8"))
    if data.get("format") != TRUTH_FORMAT:
        raise ValueError(f"{path}: not a {TRUTH_FORMAT} record")
    return data
