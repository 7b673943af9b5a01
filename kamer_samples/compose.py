"""From source blocks to flowed, drawn lines and back to truth blocks (both layouts)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from kamer_samples.flow import FlowBlock, Pagination, PlacedLine
from kamer_samples.linebreak import Line, Piece, TextStyle, break_lines
from kamer_samples.markup import Segment, parse_words
from kamer_samples.render import draw_line, draw_string
from kamer_samples.source import SampleDocument, SourceBlock
from kamer_samples.truth import TruthBlock, TruthNote

RAGGED_KINDS = ("heading", "salutation", "closing", "signature", "address", "field")
KEEP_TOGETHER_KINDS = ("signature", "closing", "address", "field")


@dataclass(frozen=True)
class BodyStyle:
    """Text styles and column geometry of a layout's body and notes."""

    body: TextStyle
    heading: TextStyle
    note: TextStyle
    x: float
    width: float
    list_indent: float  # text of list items starts this far right of the label
    note_indent: float  # note text starts this far right of the note label
    justify: bool
    hyphenate: bool
    paragraph_space: float  # blank space between paragraphs

    def style_for(self, kind: str) -> TextStyle:
        return self.heading if kind == "heading" else self.body


def text_lines(
    text: str, style: TextStyle, width: float, *, justify: bool, hyphenate: bool
) -> list[Line]:
    """Break markup text; "\\n" separates lines that must stay separate."""
    lines: list[Line] = []
    for part in text.split("\n"):
        lines.extend(
            break_lines(parse_words(part), style, width, justify=justify, hyphenate=hyphenate)
        )
    return lines


def compose_blocks(doc: SampleDocument, bs: BodyStyle) -> list[FlowBlock]:
    blocks: list[FlowBlock] = []
    prev: SourceBlock | None = None
    for index, block in enumerate(doc.blocks):
        style = bs.style_for(block.kind)
        ragged = block.kind in RAGGED_KINDS
        width = bs.width - (bs.list_indent if block.kind == "list_item" else 0.0)
        lines = text_lines(
            block.text,
            style,
            width,
            justify=bs.justify and not ragged,
            hyphenate=bs.hyphenate and not ragged,
        )
        space = bs.paragraph_space
        if prev is not None and block.kind == "list_item" and prev.kind == "list_item":
            space = 0.0
        if prev is not None and block.kind == "field" and prev.kind == "address":
            space = bs.paragraph_space
        blocks.append(
            FlowBlock(
                index=index,
                kind=block.kind,
                lines=tuple(lines),
                style=style,
                space_before=space,
                keep_with_next=block.kind == "heading",
                keep_together=block.kind in KEEP_TOGETHER_KINDS,
            )
        )
        prev = block
    return blocks


def compose_notes(doc: SampleDocument, bs: BodyStyle) -> dict[str, tuple[Line, ...]]:
    width = bs.width - bs.note_indent
    return {
        note.label: tuple(
            text_lines(note.text, bs.note, width, justify=bs.justify, hyphenate=bs.hyphenate)
        )
        for note in doc.notes
    }


def draw_page_flow(
    canvas: Any,
    pagination: Pagination,
    page: int,
    doc: SampleDocument,
    blocks: list[FlowBlock],
    bs: BodyStyle,
    page_height: float,
) -> float | None:
    """Draw the body and note lines of ``page``; returns the top of its note area."""
    by_index = {b.index: b for b in blocks}
    for placed in pagination.body:
        if placed.page != page:
            continue
        fb = by_index[placed.block]  # type: ignore[index]
        src = doc.blocks[fb.index]
        x, width = bs.x, bs.width
        if fb.kind == "list_item":
            if placed.line_no == 0:
                draw_string(
                    canvas,
                    src.label or "",
                    fb.style.font,
                    fb.style.size,
                    x,
                    placed.top,
                    page_height,
                )
            x, width = x + bs.list_indent, width - bs.list_indent
        justify = bs.justify and fb.kind not in RAGGED_KINDS
        draw_line(canvas, placed.line, fb.style, x, placed.top, width, page_height, justify=justify)
    note_top = None
    for placed in pagination.notes:
        if placed.page != page:
            continue
        if note_top is None:
            note_top = placed.top
        if placed.line_no == 0:
            draw_string(
                canvas, placed.note or "", bs.note.font, bs.note.size, bs.x, placed.top, page_height
            )
        draw_line(
            canvas,
            placed.line,
            bs.note,
            bs.x + bs.note_indent,
            placed.top,
            bs.width - bs.note_indent,
            page_height,
            justify=bs.justify,
        )
    return note_top


def _by_owner(placed: list[PlacedLine], attr: str) -> dict[Any, list[tuple[int, Line]]]:
    owned: dict[Any, list[tuple[int, Line]]] = {}
    for p in sorted(placed, key=lambda p: (getattr(p, attr), p.line_no)):
        owned.setdefault(getattr(p, attr), []).append((p.page, p.line))
    return owned


def truth_blocks(
    pagination: Pagination, doc: SampleDocument, blocks: list[FlowBlock]
) -> list[TruthBlock]:
    owned = _by_owner(pagination.body, "block")
    out = []
    for fb in blocks:
        lines = owned[fb.index]
        src = doc.blocks[fb.index]
        if fb.kind == "list_item":  # the label is part of the item's text
            page, first = lines[0]
            label = Piece((Segment(src.label or ""),))
            lines[0] = (page, Line((label, *first.pieces), first.end, first.last))
        out.append(TruthBlock(fb.kind, tuple(lines)))
    return out


def truth_notes(pagination: Pagination, doc: SampleDocument) -> list[TruthNote]:
    owned = _by_owner(pagination.notes, "note")
    return [TruthNote(n.label, tuple(owned[n.label])) for n in doc.notes]


def fixed_lines(text: str, style: TextStyle, width: float) -> list[Line]:
    """Ragged lines without hyphenation (head blocks, sidebars, fields)."""
    return text_lines(text, style, width, justify=False, hyphenate=False)


def prefixed(prefix: str, line: Line) -> Line:
    """``line`` with words put in front (e.g. the dossier number before the title)."""
    pieces = tuple(Piece((Segment(w),)) for w in prefix.split())
    return Line((*pieces, *line.pieces), line.end, line.last)
