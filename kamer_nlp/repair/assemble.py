"""Blocks and notes → :class:`RepairedText` (the one canonical text with its char map)."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from kamer_nlp.extract.glyphs import Glyph
from kamer_nlp.extract.lines import Line
from kamer_nlp.repair.blocks import Block
from kamer_nlp.repair.furniture import FurnitureLine
from kamer_nlp.repair.hyphenation import DocumentVocabulary
from kamer_nlp.repair.joining import ParagraphWriter
from kamer_nlp.repair.metadata import extract_metadata
from kamer_nlp.repair.notes import NoteDraft
from kamer_nlp.repair.text import Footnote, Paragraph, Repair, RepairedText, TextBuilder

PARAGRAPH_BREAK = "\n\n"


def _strip_label(line: Line, n: int) -> Line:
    return dataclasses.replace(
        line, text=line.text[n:], refs=line.refs[n:], raised=[False] * (len(line.text) - n)
    )


def assemble(
    blocks: list[Block],
    notes: list[NoteDraft],
    *,
    glyphs: Sequence[Glyph],
    furniture: list[FurnitureLine],
    layout_kind: str,
    pages: int,
    vocabulary: DocumentVocabulary,
) -> RepairedText:
    builder = TextBuilder()
    writer = ParagraphWriter(builder, vocabulary)
    paragraphs: list[Paragraph] = []
    for block in blocks:
        if paragraphs:
            builder.synth(PARAGRAPH_BREAK)
        start, end = writer.write(block.lines, separator=block.separator)
        paragraphs.append(Paragraph(start, end, block.kind))
    body_markers = list(writer.markers)

    footnotes: list[Footnote] = []
    for k, note in enumerate(notes):
        builder.synth(PARAGRAPH_BREAK if k == 0 else "\n")
        first = note.lines[0]
        builder.append(note.label, first.refs[: len(note.label)])
        builder.synth(" ")
        lines = [_strip_label(first, note.label_len), *note.lines[1:]]
        lines = [ln for ln in lines if ln.text.strip()]
        if not lines:
            start = end = len(builder)
        else:
            start, end = writer.write(lines)
        footnotes.append(Footnote(note.label, start, end, None, note.page))

    # Link each note to the first unused marker with its label, in reading order.
    used: set[int] = set()
    linked = []
    for fn in footnotes:
        marker = next(
            (i for i, m in enumerate(body_markers) if i not in used and m.label == fn.label),
            None,
        )
        if marker is not None:
            used.add(marker)
            fn = dataclasses.replace(fn, marker=body_markers[marker].offset)
        linked.append(fn)

    repairs: list[Repair] = [r for r in writer.repairs]
    warnings: list[str] = []
    for i, m in enumerate(body_markers):
        repairs.append(
            Repair("footnote_marker", m.offset, m.offset, m.label, "remove", 1.0, m.page)
        )
        if i not in used:
            warnings.append(f"footnote marker {m.label!r} on page {m.page} has no note")
    for fn in linked:
        if fn.marker is None:
            warnings.append(f"footnote {fn.label!r} has no marker in the body")
    repairs.sort(key=lambda r: (r.start, r.end))

    text = builder.text()
    meta = extract_metadata(text, paragraphs, furniture, layout_kind=layout_kind)
    return RepairedText(
        text=text,
        char_map=builder.char_map(),
        glyphs=glyphs,
        footnotes=linked,
        paragraphs=paragraphs,
        repairs=repairs,
        meta=meta,
        warnings=warnings,
        layout=layout_kind,
        pages=pages,
    )
