"""The canonical repaired text and its map back to the PDF.

:class:`TextBuilder` is the only place offsets are created: every character
appended carries the id of the glyph it came from (or None when the repair
synthesised it: a space joining two lines, a paragraph break). Everything later
points into ``RepairedText.text``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from kamer_nlp.contracts import DocumentMeta, Evidence, Turn
from kamer_nlp.extract.glyphs import Glyph


@dataclass(frozen=True)
class Box:
    page: int
    x0: float
    top: float
    x1: float
    bottom: float

    def to_dict(self) -> dict[str, Any]:
        return {
            "page": self.page,
            "x0": round(self.x0, 2),
            "top": round(self.top, 2),
            "x1": round(self.x1, 2),
            "bottom": round(self.bottom, 2),
        }


@dataclass(frozen=True)
class Footnote:
    label: str
    start: int  # note text = text[start:end]
    end: int
    marker: int | None  # offset in the body where the marker stood; None when unlinked
    page: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "label": self.label,
            "start": self.start,
            "end": self.end,
            "marker": None if self.marker is None else {"start": self.marker, "end": self.marker},
            "page": self.page,
        }


@dataclass(frozen=True)
class Paragraph:
    start: int
    end: int
    kind: str  # head | heading | paragraph | list_item | salutation | closing | signature | address | field

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "kind": self.kind}


@dataclass(frozen=True)
class Repair:
    """One recorded text decision: where in the output, what the source was, what was done."""

    kind: str  # dehyphenate | footnote_marker | furniture | kerning | ...
    start: int
    end: int
    source: str
    decision: str
    confidence: float = 1.0
    page: int | None = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "kind": self.kind,
            "start": self.start,
            "end": self.end,
            "source": self.source,
            "decision": self.decision,
            "confidence": round(self.confidence, 3),
        }
        if self.page is not None:
            out["page"] = self.page
        return out


@dataclass
class RepairedText:
    """One canonical string (body, then the footnote texts) plus provenance."""

    text: str
    char_map: list[int | None]  # per character: id into ``glyphs`` or None (synthesised)
    glyphs: Sequence[Glyph] = ()
    footnotes: list[Footnote] = field(default_factory=list)
    paragraphs: list[Paragraph] = field(default_factory=list)
    repairs: list[Repair] = field(default_factory=list)
    meta: DocumentMeta = field(default_factory=DocumentMeta)
    warnings: list[str] = field(default_factory=list)
    layout: str = "other"
    pages: int = 0
    #: speaker turns (debates read from official or VLOS XML; empty for other input)
    turns: list[Turn] = field(default_factory=list)
    #: what official markup states about the text (``extref``, ``<datum isodatum>``)
    evidence: list[Evidence] = field(default_factory=list)

    def __post_init__(self) -> None:
        if len(self.char_map) != len(self.text):
            raise ValueError("char_map must have one entry per character of text")

    @property
    def body_end(self) -> int:
        """End of the body: the footnote texts follow it."""
        return (
            min((f.start for f in self.footnotes), default=len(self.text))
            if self.footnotes
            else len(self.text)
        )

    def source(self, i: int) -> tuple[int, int] | None:
        """The (page, index) of the glyph behind ``text[i]``, or None when synthesised."""
        gid = self.char_map[i]
        if gid is None:
            return None
        g = self.glyphs[gid]
        return (g.page, g.index)

    def boxes(self, start: int, end: int) -> list[Box]:
        """Boxes covering ``text[start:end]``: one per page line run, merged left to right."""
        out: list[Box] = []
        for i in range(start, end):
            gid = self.char_map[i]
            if gid is None:
                continue
            g = self.glyphs[gid]
            last = out[-1] if out else None
            if (
                last is not None
                and last.page == g.page
                and abs(last.bottom - g.bottom) < 0.6 * max(g.bottom - g.top, 1.0)
                and g.x0 >= last.x0 - 1
            ):
                out[-1] = Box(
                    g.page,
                    min(last.x0, g.x0),
                    min(last.top, g.top),
                    max(last.x1, g.x1),
                    max(last.bottom, g.bottom),
                )
            else:
                out.append(Box(g.page, g.x0, g.top, g.x1, g.bottom))
        return out

    def page_of(self, start: int, end: int) -> int | None:
        for i in range(start, end):
            gid = self.char_map[i]
            if gid is not None:
                return self.glyphs[gid].page
        return None


class TextBuilder:
    """Appends text with provenance; offsets come from here and nowhere else."""

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._map: list[int | None] = []
        self._len = 0

    def __len__(self) -> int:
        return self._len

    def append(self, text: str, refs: Sequence[int | None]) -> tuple[int, int]:
        if len(text) != len(refs):
            raise ValueError("one ref per character")
        start = self._len
        self._parts.append(text)
        self._map.extend(refs)
        self._len += len(text)
        return start, self._len

    def synth(self, text: str) -> tuple[int, int]:
        """Append characters the repair made up (separators); they map to None."""
        return self.append(text, [None] * len(text))

    def tail(self, n: int) -> str:
        """The last ``n`` characters written (cheap: does not join the whole text)."""
        out: list[str] = []
        size = 0
        for part in reversed(self._parts):
            out.append(part)
            size += len(part)
            if size >= n:
                break
        return "".join(reversed(out))[-n:]

    def drop_last(self) -> None:
        """Remove the last character (a line-end hyphen decided as a soft break)."""
        while self._parts and not self._parts[-1]:
            self._parts.pop()
        self._parts[-1] = self._parts[-1][:-1]
        self._map.pop()
        self._len -= 1

    def text(self) -> str:
        if len(self._parts) > 1:
            self._parts = ["".join(self._parts)]
        return self._parts[0] if self._parts else ""

    def char_map(self) -> list[int | None]:
        return list(self._map)
