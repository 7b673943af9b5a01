"""The repair stage for plain text already extracted by another tool (.txt input).

Same decisions as for PDFs, as far as the text allows: blank lines separate
paragraphs; footnote lines at page bottoms are recognised by their continuous
numbering and by a matching marker earlier in the body; a page that starts
mid-sentence continues the paragraph; line-end hyphens are decided with the
same Dutch rules. Offsets map back to (page, character offset in the input).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kamer_nlp.extract.glyphs import Glyph
from kamer_nlp.extract.lines import Line
from kamer_nlp.repair.assemble import assemble
from kamer_nlp.repair.blocks import Block, is_list_item, matches
from kamer_nlp.repair.hyphenation import DocumentVocabulary
from kamer_nlp.repair.notes import NoteDraft
from kamer_nlp.repair.text import RepairedText

NOTE_LINE = re.compile(r"^(\d{1,3})\s+(\S.*)$")
SENTENCE_END = ".:;?!"


@dataclass
class _TextLine:
    text: str  # stripped
    start: int  # offset of text[0] in the input
    page: int
    page_start: bool  # first line of a page (after "\f" or a note block)


def _marker_pattern(label: str) -> re.Pattern[str]:
    # the label glued to a word end, a closing bracket or punctuation: "bijlage)1." "kindermisbruik.2"
    return re.compile(rf"(?<=[a-zà-ÿ\)\].,;:”’\"'])({label})(?=[\s.,;:)]|$)")


def _make_line(tl: _TextLine, glyphs: list[Glyph], raised: set[int]) -> Line:
    refs: list[int | None] = []
    for k, ch in enumerate(tl.text):
        offset = tl.start + k
        refs.append(len(glyphs))
        glyphs.append(Glyph(ch, tl.page, offset, 0.0, 0.0, 0.0, 0.0, 0.0, ""))
    return Line(
        page=tl.page,
        text=tl.text,
        refs=refs,
        raised=[tl.start + k in raised for k in range(len(tl.text))],
        x0=0.0,
        top=0.0,
        x1=0.0,
        bottom=0.0,
        size=10.0,
        bold=False,
        font="",
    )


def _split_lines(text: str) -> list[_TextLine | None]:
    """Lines with offsets; None stands for a blank line."""
    out: list[_TextLine | None] = []
    page = 1
    pos = 0
    page_start = True
    for raw in text.split("\n"):
        start = pos
        pos += len(raw) + 1
        if "\f" in raw:
            page += raw.count("\f")
            page_start = True
            raw_clean = raw.replace("\f", "")
            start += len(raw) - len(raw_clean)
            raw = raw_clean
        stripped = raw.strip()
        if not stripped:
            out.append(None)
            continue
        lead = len(raw) - len(raw.lstrip())
        out.append(_TextLine(stripped, start + lead, page, page_start or lead > 0))
        page_start = False
    return out


def _find_notes(
    lines: list[_TextLine | None], text: str
) -> tuple[list[tuple[str, list[int]]], set[int]]:
    """Footnote blocks: (label, line indices) in order; and the input offsets of body markers."""
    notes: list[tuple[str, list[int]]] = []
    raised: set[int] = set()
    search_from = 0
    i = 0
    while i < len(lines):
        tl = lines[i]
        expected = str(len(notes) + 1)
        m = NOTE_LINE.match(tl.text) if tl else None
        # a note area opens after a blank line, at a page start or right after another note
        opens_area = (
            i == 0
            or lines[i - 1] is None
            or (tl is not None and tl.page_start)
            or (bool(notes) and notes[-1][1][-1] == i - 1)
        )
        if tl and m and m.group(1) == expected and opens_area:
            marker = _marker_pattern(expected).search(text, search_from, tl.start)
            if marker:
                # the note runs to the next note line, a blank line or the next page start
                block = [i]
                j = i + 1
                while j < len(lines) and (cur := lines[j]) is not None and not cur.page_start:
                    nxt = NOTE_LINE.match(cur.text)
                    if nxt and nxt.group(1) == str(len(notes) + 2):
                        break
                    block.append(j)
                    j += 1
                notes.append((expected, block))
                raised.update(range(marker.start(1), marker.end(1)))
                search_from = marker.end(1)
                # a following note line belongs to the same note area: next page starts after the area
                i = j
                if (
                    j < len(lines)
                    and (after := lines[j]) is not None
                    and not NOTE_LINE.match(after.text)
                ):
                    after.page_start = True
                continue
        i += 1
    return notes, raised


def _name_block(block: Block, is_first: bool) -> None:
    first = block.lines[0].text
    text = " ".join(ln.text for ln in block.lines)
    if matches("salutation", first) and text.endswith(","):
        block.kind = "salutation"
    elif matches("closing", text):
        block.kind = "closing"
    elif matches("signature_function", first):
        block.kind = "signature"
    elif matches("field", first) or matches("place_date", text):
        block.kind = "field"
    elif matches("addressee", first) and len(block.lines) <= 4 and not text.endswith("."):
        block.kind = "address"
    elif is_first and re.match(r"^Nr\.\s", first):
        block.kind = "head"
    elif (
        len(block.lines) == 1
        and len(text) < 90
        and not text.endswith(",")
        and (is_list_item(first) or text[-1:] not in SENTENCE_END)
    ):
        block.kind = (
            "heading"
            if not is_list_item(first) or re.match(r"^\d{1,2}\.\s+[A-Z]", first)
            else "list_item"
        )
    elif is_list_item(first):
        block.kind = "list_item"


def repair_plaintext(text: str) -> RepairedText:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = _split_lines(text)
    notes_found, raised = _find_notes(lines, text)
    note_lines = {j for _, block in notes_found for j in block}

    glyphs: list[Glyph] = []
    blocks: list[Block] = []
    current: list[Line] = []
    pending_break = False
    last_body: _TextLine | None = None
    for idx, tl in enumerate(lines):
        if idx in note_lines:
            continue
        if tl is None:
            pending_break = True
            continue
        line = _make_line(tl, glyphs, raised)
        continues = (
            tl.page_start
            and last_body is not None
            and last_body.text.rstrip()[-1:] not in SENTENCE_END
            and tl.text[:1].islower()
        )
        if current and (pending_break or tl.page_start) and not continues:
            blocks.append(Block(current))
            current = []
        current.append(line)
        pending_break = False
        last_body = tl
    if current:
        blocks.append(Block(current))
    for k, block in enumerate(blocks):
        _name_block(block, k == 0)
    # a signature's name lines stay with it
    merged: list[Block] = []
    for block in blocks:
        if (
            merged
            and merged[-1].kind == "signature"
            and block.kind not in ("signature", "closing", "salutation")
            and len(block.lines) <= 2
            and len(block.lines[0].text) < 50
        ):
            merged[-1].lines.extend(block.lines)
        else:
            merged.append(block)

    drafts = []
    for label, note_ids in notes_found:
        note_lines_objs = [
            _make_line(tl, glyphs, set()) for j in note_ids if (tl := lines[j]) is not None
        ]
        first = note_lines_objs[0]
        m = NOTE_LINE.match(first.text)
        label_len = m.start(2) if m else len(label)
        drafts.append(
            NoteDraft(label=label, page=first.page, lines=note_lines_objs, label_len=label_len)
        )
    pages = max((tl.page for tl in lines if tl), default=1)
    return assemble(
        merged,
        drafts,
        glyphs=glyphs,
        furniture=[],
        layout_kind="text",
        pages=pages,
        vocabulary=DocumentVocabulary.from_text(text),
    )
