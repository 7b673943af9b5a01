"""Pagination: body blocks flow down the pages, footnotes collect at the page bottom.

A note is set on the page of its marker. When it does not fit, at least two of its lines
stay there and the rest runs over onto the next page (TeX's behaviour); a note with
``runover=k`` keeps only k lines on the marker's page, so every sample has a note that
runs over. Notes anchored after a run-over note wait for it (reading order is kept).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from kamer_samples.linebreak import Line, TextStyle

MIN_NOTE_LINES = 2  # lines of a note that must stay on its marker's page


@dataclass(frozen=True)
class FlowBlock:
    """A body block, already broken into lines, with its vertical rules."""

    index: int  # position in the document's block list
    kind: str
    lines: tuple[Line, ...]
    style: TextStyle
    space_before: float
    keep_with_next: bool = False  # headings: not the last thing on a page
    keep_together: bool = False  # signatures, closings, short address blocks


@dataclass(frozen=True)
class PageFrame:
    first_top: float  # where the flow starts on page 1 (below the head block)
    top: float  # where it starts on later pages
    bottom: float  # lowest baseline area: notes end here
    note_style: TextStyle
    note_gap: float  # between the last body line and the note rule

    def start(self, page: int) -> float:
        return self.first_top if page == 1 else self.top


@dataclass(frozen=True)
class PlacedLine:
    page: int
    top: float  # top of the line box, from the top of the page
    line: Line
    block: int | None = None  # FlowBlock.index for body lines
    note: str | None = None  # note label for note lines
    line_no: int = 0  # index of the line within its block or note


@dataclass
class Pagination:
    body: list[PlacedLine] = field(default_factory=list)
    notes: list[PlacedLine] = field(default_factory=list)
    pages: int = 1


def paginate(
    blocks: list[FlowBlock],
    notes: dict[str, tuple[Line, ...]],
    frame: PageFrame,
    *,
    runover: dict[str, int] | None = None,
) -> Pagination:
    runover = runover or {}
    note_lh = frame.note_style.leading
    result = Pagination()
    page = 1
    y = frame.start(1)
    on_page: list[tuple[str, int]] = []  # (label, line_no) set on this page
    carry: list[tuple[str, int]] = []  # note lines waiting for the next page

    def notes_height(count: int) -> float:
        return 0.0 if count == 0 else frame.note_gap + count * note_lh

    def limit(extra: int = 0) -> float:
        return frame.bottom - notes_height(len(on_page) + extra)

    def close_page() -> None:
        nonlocal page, y, on_page, carry
        _place_notes(result, page, on_page, notes, frame)
        page += 1
        y = frame.start(page)
        on_page, carry = carry, []

    for b_pos, block in enumerate(blocks):
        lh = block.style.leading
        for l_no, line in enumerate(block.lines):
            at_top = y <= frame.start(page)
            space = 0.0 if at_top else (block.space_before if l_no == 0 else 0.0)
            if l_no == 0 and not at_top:
                need = space + lh * (len(block.lines) if block.keep_together else 1)
                if block.keep_with_next and b_pos + 1 < len(blocks):
                    nxt = blocks[b_pos + 1]
                    need = space + lh * len(block.lines) + nxt.space_before
                    need += nxt.style.leading * min(2, len(nxt.lines))
                if y + need > limit():
                    close_page()
                    space = 0.0
            labels = [s.text for p in line.pieces for s in p.segments if s.marker]
            while True:
                fits, now, later = _split_notes(
                    labels, notes, runover, bool(carry), y + space + lh, limit
                )
                if fits:
                    break
                if y <= frame.start(page):
                    raise ValueError(f"line does not fit on an empty page: {line.plain!r}")
                close_page()
                space = 0.0
            result.body.append(PlacedLine(page, y + space, line, block=block.index, line_no=l_no))
            y += space + lh
            on_page.extend(now)
            carry.extend(later)
    while True:
        _place_notes(result, page, on_page, notes, frame)
        if not carry:
            break
        page += 1
        on_page, carry = carry, []
    result.pages = page
    return result


def _split_notes(
    labels: list[str],
    notes: dict[str, tuple[Line, ...]],
    runover: dict[str, int],
    deferring: bool,
    line_bottom: float,
    limit: Callable[[int], float],
) -> tuple[bool, list[tuple[str, int]], list[tuple[str, int]]]:
    """Which lines of the notes anchored in a line go on this page (now) and which later.

    Returns ``(fits, now, later)``; ``fits`` is False when the line must move to the
    next page because not even two lines of its note would fit.
    """
    now: list[tuple[str, int]] = []
    later: list[tuple[str, int]] = []
    for label in labels:
        lines = [(label, i) for i in range(len(notes[label]))]
        if deferring or later:
            later.extend(lines)
            continue
        keep = min(runover.get(label, len(lines)), len(lines))
        if line_bottom > limit(len(now) + keep):
            keep = 0
            while line_bottom <= limit(len(now) + keep + 1):
                keep += 1
            if keep < min(MIN_NOTE_LINES, len(lines)):
                return False, [], []
        now.extend(lines[:keep])
        later.extend(lines[keep:])
    if line_bottom > limit(len(now)):
        return False, [], []
    return True, now, later


def _place_notes(
    result: Pagination,
    page: int,
    on_page: list[tuple[str, int]],
    notes: dict[str, tuple[Line, ...]],
    frame: PageFrame,
) -> None:
    lh = frame.note_style.leading
    top = frame.bottom - len(on_page) * lh
    for label, i in on_page:
        result.notes.append(PlacedLine(page, top, notes[label][i], note=label, line_no=i))
        top += lh
