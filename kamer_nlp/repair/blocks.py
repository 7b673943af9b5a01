"""Body lines → blocks (paragraphs, headings, list items, letter parts).

Geometry cuts the flow: vertical gaps larger than the line pitch, indentation,
font changes, short last lines in justified text, list-item openings. A block
that ends at the bottom of a page mid-sentence continues on the next page.
Patterns in ``resources/repair/blocks.json`` then name each block's kind.
"""

from __future__ import annotations

import itertools
import re
import statistics
from dataclasses import dataclass, field
from functools import cache

from kamer_nlp.extract.lines import Line
from kamer_nlp.repair.resources import load_json

SENTENCE_END = ".:;?!"


@dataclass
class Block:
    lines: list[Line] = field(default_factory=list)
    kind: str = "paragraph"

    @property
    def text(self) -> str:
        return " ".join(ln.text for ln in self.lines)

    @property
    def separator(self) -> str:
        return "\n" if self.kind in ("address", "signature") else " "


@cache
def _pattern(key: str) -> re.Pattern[str]:
    return re.compile(load_json("blocks.json")[key], re.IGNORECASE)


def is_list_item(text: str) -> bool:
    return bool(_pattern("list_item").match(text))


def matches(key: str, text: str) -> bool:
    return bool(_pattern(key).match(text.strip()))


@dataclass(frozen=True)
class Column:
    """Typical geometry of the body text, for judging breaks."""

    pitch: float  # baseline-to-baseline distance of body lines
    right: float  # right edge of full lines
    justified: bool
    size: float
    font: str = ""  # the dominant face of body lines


def column_geometry(lines: list[Line], size: float) -> Column:
    body = [ln for ln in lines if abs(ln.size - size) < 0.1 * size]
    pitches = [
        b.bottom - a.bottom
        for a, b in itertools.pairwise(body)
        if a.page == b.page and 0 < b.bottom - a.bottom < 2.5 * size
    ]
    pitch = statistics.median(pitches) if pitches else 1.2 * size
    rights = sorted(ln.x1 for ln in body)
    right = rights[int(0.9 * (len(rights) - 1))] if rights else 0.0
    near = sum(1 for r in rights if right - r < 0.4 * size)
    justified = bool(rights) and near / len(rights) > 0.55
    fonts: dict[str, int] = {}
    for ln in body:
        fonts[ln.font] = fonts.get(ln.font, 0) + len(ln.text)
    font = max(fonts, key=lambda f: fonts[f]) if fonts else ""
    return Column(pitch=pitch, right=right, justified=justified, size=size, font=font)


def _breaks_between(a: Line, b: Line, col: Column, in_list: bool, block_lines: int) -> bool:
    if a.page != b.page:
        # Across a page break: continue a sentence that was not finished; a lone short
        # line at the foot of a page (a name, a heading) does not run on.
        if block_lines == 1 and a.x1 - a.x0 < 0.6 * (col.right - a.x0):
            return True
        if b.bold != a.bold or is_list_item(b.text) or matches("field", b.text):
            return True
        return a.text.rstrip()[-1:] in SENTENCE_END and (
            not col.justified or a.x1 < col.right - 3 * col.size
        )
    if abs(a.bottom - b.bottom) < 0.3 * col.size and b.x0 > a.x1:
        return False  # another segment of the same visual line ("36 318" + the dossier title)
    if b.top - a.top > 1.45 * col.pitch * max(a.size, b.size) / col.size:
        return True
    if abs(a.size - b.size) > 0.1 * col.size or a.bold != b.bold:
        return True
    if (
        a.font != b.font and a.x1 < col.right - 3 * col.size
    ):  # a short line in another face: a heading
        return True
    if is_list_item(b.text) or matches("field", b.text) or matches("label_heading", a.text):
        return True
    if b.x0 < a.x0 - 1.5 * col.size:
        return True
    if b.x0 > a.x0 + 1.5 * col.size and not in_list:
        return True
    return bool(
        col.justified and a.x1 < col.right - 3 * col.size and a.text.rstrip()[-1:] in SENTENCE_END
    )


def cut_blocks(lines: list[Line], col: Column) -> list[Block]:
    blocks: list[Block] = []
    for ln in lines:
        if not blocks:
            blocks.append(Block([ln]))
            continue
        cur = blocks[-1]
        first = cur.lines[0].text
        hanging = is_list_item(first) or matches("field", first)
        if _breaks_between(cur.lines[-1], ln, col, hanging, len(cur.lines)):
            blocks.append(Block([ln]))
        else:
            cur.lines.append(ln)
    return blocks


def name_blocks(blocks: list[Block], col: Column, *, layout_kind: str) -> list[Block]:
    """Give each block its kind; a signature's name lines join its function line."""
    _name_each(blocks, col, layout_kind=layout_kind)
    merged: list[Block] = []
    for block in blocks:
        if block.kind == "signature_name" and merged:
            merged[-1].lines.extend(block.lines)
        else:
            merged.append(block)
    return merged


def _name_each(blocks: list[Block], col: Column, *, layout_kind: str) -> None:
    # The typeset page-1 head block: everything before the first plain line in the body column.
    body_x = _body_x0(blocks)
    seen_body = False
    seen_salutation = False
    for k, block in enumerate(blocks):
        first = block.lines[0].text.strip()
        text = block.text.strip()
        if not seen_body and layout_kind == "kamerstuk" and block.lines[0].page == 1:
            ln = block.lines[0]
            if ln.bold or ln.size > 1.05 * col.size or abs(ln.x0 - body_x) > col.size:
                block.kind = "head"
                continue
            seen_body = True
        if not seen_salutation and matches("field", first):
            block.kind = "field"
            continue
        if matches("salutation", first) and len(block.lines) <= 2 and text.endswith(","):
            block.kind = "salutation"
            seen_salutation = True
            seen_body = True
            continue
        if matches("closing", text):
            block.kind = "closing"
            continue
        after_closing = k > 0 and blocks[k - 1].kind in ("closing", "signature")
        if (
            matches("signature_function", block.lines[0].text.strip())
            and len(block.lines) <= 6
            and (after_closing or _near_end(blocks, k))
        ):
            block.kind = "signature"
            continue
        if _name_then_function(block) and _near_end(blocks, k):
            block.kind = "signature"
            continue
        if k > 0 and blocks[k - 1].kind == "signature" and _name_like(block):
            block.kind = "signature_name"
            continue
        if (
            layout_kind == "letterhead"
            and not seen_salutation
            and block.lines[0].page == 1
            and k + 1 < len(blocks)
            and any(matches("field", b.lines[0].text) for b in blocks[k + 1 : k + 4])
        ):
            block.kind = "address"
            continue
        if matches("label_heading", text) or _numbered_heading(blocks, k):
            block.kind = "heading"
        elif matches("addressee", first) and len(block.lines) <= 4 and not text.endswith("."):
            block.kind = "address"
        elif matches("place_date", text):
            block.kind = "field"
        elif is_list_item(first) and not _heading_like(block, col):
            block.kind = "list_item"
        elif _heading_like(block, col):
            block.kind = "heading"
        seen_body = seen_body or block.kind == "paragraph"


def _body_x0(blocks: list[Block]) -> float:
    """The most common left edge of body lines."""
    counts: dict[int, int] = {}
    for block in blocks:
        for ln in block.lines:
            counts[round(ln.x0)] = counts.get(round(ln.x0), 0) + len(ln.text)
    return float(max(counts, key=lambda x: counts[x])) if counts else 0.0


def _heading_like(block: Block, col: Column) -> bool:
    if len(block.lines) > 2:
        return False
    text = block.text.strip()
    if len(text) > 120 or text.endswith(","):
        return False
    ln = block.lines[0]
    other_face = len(block.lines) == 1 and ln.font != col.font and text[-1:] not in SENTENCE_END
    return ln.bold or ln.size > 1.1 * col.size or other_face


def _numbered_heading(blocks: list[Block], k: int) -> bool:
    """ "1. Notificatie van slachtoffers": one numbered line without final punctuation, then a paragraph."""
    block = blocks[k]
    text = block.text.strip()
    if len(block.lines) != 1 or not re.match(r"^\d{1,2}\.\s+[A-ZÀ-Ý]", text) or text[-1:] in ".;:,":
        return False
    nxt = blocks[k + 1] if k + 1 < len(blocks) else None
    return nxt is not None and not is_list_item(nxt.lines[0].text)


def _name_then_function(block: Block) -> bool:
    """ "M.A.M. Adriaansens" / "Minister van Economische Zaken en Klimaat": name first, no comma."""
    lines = [ln.text.strip() for ln in block.lines]
    return 2 <= len(lines) <= 6 and any(
        matches("function_line", b) and len(a) < 50 and not matches("function_line", a)
        for a, b in itertools.pairwise(lines)
    )


def _name_like(block: Block) -> bool:
    """A short block of name lines under a signature function ("S. Dekker")."""
    return len(block.lines) <= 2 and all(
        (len(ln.text) < 50 and not ln.text.rstrip().endswith(".")) or ln.text.count(".") >= 2
        for ln in block.lines
    )


def _near_end(blocks: list[Block], k: int) -> bool:
    later = [b for b in blocks[k + 1 :] if b.kind == "paragraph" and len(b.text) > 200]
    return not later
