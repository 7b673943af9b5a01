"""The repair stage for PDFs: Layout → RepairedText."""

from __future__ import annotations

from collections import defaultdict

from kamer_nlp.extract.lines import Layout, Line
from kamer_nlp.repair.assemble import assemble
from kamer_nlp.repair.blocks import column_geometry, cut_blocks, name_blocks
from kamer_nlp.repair.furniture import FurnitureLine, body_size, classify_furniture
from kamer_nlp.repair.hyphenation import DocumentVocabulary
from kamer_nlp.repair.notes import note_area, parse_notes
from kamer_nlp.repair.text import RepairedText


def layout_kind(furniture: list[FurnitureLine]) -> str:
    kinds = {f.kind for f in furniture}
    if "sidebar" in kinds or "return_address" in kinds:
        return "letterhead"
    if (
        "colophon" in kinds
        or "kamer_number" in kinds
        or any(f.kind == "running" and "vergaderjaar" in f.text.lower() for f in furniture)
    ):
        return "kamerstuk"
    return "other"


def _reading_order(line: Line) -> tuple[int, float, float]:
    return (line.page, round(line.bottom, 0), line.x0)


def repair_layout(layout: Layout) -> RepairedText:
    size = body_size(layout.lines)
    furniture = classify_furniture(layout, size)
    by_page: dict[int, list[int]] = defaultdict(list)
    for i, ln in enumerate(layout.lines):
        if i not in furniture:
            by_page[ln.page].append(i)
    note_ids: list[int] = []
    for page in sorted(by_page):
        note_ids.extend(
            sorted(note_area(layout, by_page[page], size), key=lambda i: layout.lines[i].top)
        )
    note_set = set(note_ids)
    body = sorted(
        (
            layout.lines[i]
            for i in range(len(layout.lines))
            if i not in furniture and i not in note_set
        ),
        key=_reading_order,
    )
    furn = [furniture[i] for i in sorted(furniture)]
    kind = layout_kind(furn)
    col = column_geometry(body, size)
    blocks = cut_blocks(body, col)
    blocks = name_blocks(blocks, col, layout_kind=kind)
    vocabulary = DocumentVocabulary.from_text("\n".join(ln.text for ln in layout.lines))
    rt = assemble(
        blocks,
        parse_notes(layout, note_ids),
        glyphs=layout.glyphs,
        furniture=furn,
        layout_kind=kind,
        pages=len(layout.pages),
        vocabulary=vocabulary,
    )
    for page, why in sorted(layout.unreadable.items()):
        rt.warnings.append(f"page {page} could not be read and was left out: {why}")
    for page, n in sorted(layout.dropped.items()):
        rt.warnings.append(
            f"page {page}: {n} characters set at an angle (margin text, stamps) were left out"
        )
    return rt
