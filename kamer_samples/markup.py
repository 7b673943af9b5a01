"""The markup of sample source texts.

- ``[^1]`` : footnote marker "1", drawn raised and small; removed from the true text.
- ``|``    : a forced line break. Inside a word it breaks the word there: after a
  hyphen the hyphen stays ("EU-|landen", decision ``keep``), elsewhere a hyphen is
  added at the line end ("slacht|offer", decision ``join``). Before a space it ends
  the line at that space ("zorg-| en", decision ``keep_space`` because the line
  ends in a hyphen).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MARKER_RE = re.compile(r"\[\^([^\]\s]+)\]")
FORCE = "|"


@dataclass(frozen=True)
class Segment:
    """A run of text, or a footnote marker label (drawn raised, not in the true text)."""

    text: str
    marker: bool = False


@dataclass(frozen=True)
class Word:
    segments: tuple[Segment, ...]
    forced_after: bool = False  # the line must end after this word
    forced_inside: int | None = None  # plain-text offset where the word must break

    @property
    def plain(self) -> str:
        return "".join(s.text for s in self.segments if not s.marker)

    @property
    def markers(self) -> tuple[str, ...]:
        return tuple(s.text for s in self.segments if s.marker)


def parse_segments(raw: str) -> tuple[Segment, ...]:
    segments: list[Segment] = []
    pos = 0
    for m in MARKER_RE.finditer(raw):
        if m.start() > pos:
            segments.append(Segment(raw[pos : m.start()]))
        segments.append(Segment(m.group(1), marker=True))
        pos = m.end()
    if pos < len(raw):
        segments.append(Segment(raw[pos:]))
    return tuple(segments)


def parse_words(text: str) -> list[Word]:
    """Split one line of markup into words (single spaces separate words)."""
    words: list[Word] = []
    for raw in text.split():
        forced_after = raw.endswith(FORCE)
        if forced_after:
            raw = raw[: -len(FORCE)]
        forced_inside = None
        if FORCE in raw:
            before, after = raw.split(FORCE, 1)
            if FORCE in after:
                raise ValueError(f"more than one forced break in {raw!r}")
            forced_inside = len(MARKER_RE.sub("", before))
            raw = before + after
        words.append(Word(parse_segments(raw), forced_after, forced_inside))
    return words


def plain_text(text: str) -> str:
    """Markup without markers and forced breaks (whitespace normalised)."""
    return " ".join(w.plain for w in parse_words(text))


def split_segments(segments: tuple[Segment, ...], cuts: list[int]) -> list[tuple[Segment, ...]]:
    """Cut ``segments`` at plain-text offsets; a marker at a cut stays on the left."""
    parts: list[list[Segment]] = [[]]
    pending = sorted(cuts)
    pos = 0
    for seg in segments:
        if seg.marker:
            parts[-1].append(seg)
            continue
        buf = ""
        for ch in seg.text:
            if pending and pos == pending[0]:
                if buf:
                    parts[-1].append(Segment(buf))
                    buf = ""
                parts.append([])
                pending.pop(0)
            buf += ch
            pos += 1
        if buf:
            parts[-1].append(Segment(buf))
    if pending:
        raise ValueError(f"cuts {pending} outside the word")
    return [tuple(p) for p in parts]
