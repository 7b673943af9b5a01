"""Footnote areas: found by separator rule, font size and position; notes parsed and joined.

A page's note area is the run of lines at the bottom of its body that sits below
a short separator rule, or that is set smaller than the body and opens with a
note label. Notes are numbered continuously; a note area that opens without a
label continues the last note of the previous page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kamer_nlp.extract.lines import Layout, Line

_LABEL = re.compile(r"^(\d{1,3}|[*†‡])\s+\S")


@dataclass
class NoteDraft:
    label: str
    page: int
    lines: list[Line] = field(default_factory=list)
    label_len: int = 0  # characters of the label (and following space) on the first line


def _label_of(line: Line) -> str | None:
    """The note label a line opens with: raised digits, or digits followed by a space."""
    text = line.text
    j = 0
    while j < len(text) and line.raised[j] and not text[j].isspace():
        j += 1
    if j:
        return text[:j]
    m = _LABEL.match(text)
    return m.group(1) if m else None


def note_area(layout: Layout, page_lines: list[int], size: float) -> list[int]:
    """Indices (into layout.lines) of the note lines among one page's body lines."""
    if not page_lines:
        return []
    lines = layout.lines
    page = layout.page(lines[page_lines[0]].page)
    ordered = sorted(page_lines, key=lambda i: lines[i].top)
    rules = [
        r for r in page.rules if r.top > 0.45 * page.height and (r.x1 - r.x0) < 0.5 * page.width
    ]
    if rules:
        rule_top = max(r.top for r in rules)
        below = [i for i in ordered if lines[i].top >= rule_top - 1]
        if below and (_label_of(lines[below[0]]) is not None or lines[below[0]].size < 0.95 * size):
            return below
    # No rule: a bottom run of smaller lines opening with a label.
    run: list[int] = []
    for i in reversed(ordered):
        if lines[i].size < 0.95 * size and lines[i].top > 0.4 * page.height:
            run.insert(0, i)
        else:
            break
    while run and _label_of(lines[run[0]]) is None:
        run.pop(0)
    return run


def parse_notes(layout: Layout, note_lines: list[int]) -> list[NoteDraft]:
    """Group note lines (in page order) into notes; continuation lines join the open note."""
    notes: list[NoteDraft] = []
    for i in note_lines:
        line = layout.lines[i]
        label = _label_of(line)
        expected = str(len(notes) + 1)
        starts_note = label is not None and (
            not label.isdigit() or label == expected or not notes or any(line.raised[: len(label)])
        )
        if starts_note and label is not None:
            rest = len(label)
            while rest < len(line.text) and line.text[rest] == " ":
                rest += 1
            notes.append(NoteDraft(label=label, page=line.page, lines=[line], label_len=rest))
        elif notes:
            notes[-1].lines.append(line)
    return notes
