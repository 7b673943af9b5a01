"""Glyphs → lines: baseline clustering, raised markers, column segments, spacing.

No text decisions beyond geometry happen here: a line is what was drawn on one
baseline within one column segment, with every output character pointing back to
the glyph it came from (or None for a space synthesised from a gap).
"""

from __future__ import annotations

import statistics
from collections.abc import Iterable
from dataclasses import dataclass, field

from kamer_nlp.extract.glyphs import Glyph, PageGlyphs, Rule
from kamer_nlp.extract.orientation import Frame, reading_frame

# Presentation forms and invisible characters normalised at the glyph level.
LIGATURES = {
    "\ufb00": "ff",
    "\ufb01": "fi",
    "\ufb02": "fl",
    "\ufb03": "ffi",
    "\ufb04": "ffl",
    "\ufb05": "st",
    "\ufb06": "st",
}
SPACES = {"\u00a0", "\u2002", "\u2003", "\u2007", "\u2009", "\u202f", "\t"}
SOFT_HYPHEN = "\u00ad"
# Symbol-font bullets that arrive as private-use code points
BULLETS = {"\uf0b7", "\uf0a7", "\uf076", "\uf0d8", "\uf0fc", "\u25aa", "\u25cf", "\u2219"}
DROP = {"\u200b", "\u200c", "\u200d", "\ufeff", "\r", "\n"}


@dataclass
class Line:
    """One baseline of one column segment on one page."""

    page: int
    text: str
    refs: list[int | None]  # per character: id into Layout.glyphs, None when synthesised
    raised: list[bool]  # per character: drawn above the baseline in a smaller size (note markers)
    x0: float
    top: float
    x1: float
    bottom: float
    size: float  # median font size of the line's main glyphs
    bold: bool
    font: str
    region: str = "body"  # geometric hint: head | foot | sidebar | notes | body

    def __post_init__(self) -> None:
        assert len(self.text) == len(self.refs) == len(self.raised)


@dataclass(frozen=True)
class PageInfo:
    number: int
    width: float
    height: float
    rules: tuple[Rule, ...] = ()


@dataclass
class Layout:
    """A whole document as glyphs and lines, the input of the repair stage."""

    pages: list[PageInfo] = field(default_factory=list)
    glyphs: list[Glyph] = field(default_factory=list)
    lines: list[Line] = field(default_factory=list)
    dropped: dict[int, int] = field(default_factory=dict)  # page → glyphs at an odd angle, left out
    unreadable: dict[int, str] = field(default_factory=dict)  # page → why it could not be read

    def page(self, number: int) -> PageInfo:
        return self.pages[number - 1]


def normalise_glyph_text(text: str) -> str:
    if text in LIGATURES:
        return LIGATURES[text]
    if text in SPACES:
        return " "
    if text == SOFT_HYPHEN:
        return "-"
    if text in BULLETS:
        return "•"
    if text in DROP:
        return ""
    return text


def _dedupe(glyphs: Iterable[Glyph]) -> list[Glyph]:
    """Drop glyphs drawn twice at (almost) the same spot: fake-bold and shadow text."""
    seen: dict[tuple[str, int, int], Glyph] = {}
    out = []
    for g in glyphs:
        key = (g.text, round(g.x0 * 2), round(g.top * 2))
        if key in seen:
            continue
        seen[key] = g
        out.append(g)
    return out


def _cluster_baselines(glyphs: list[Glyph]) -> list[list[Glyph]]:
    """Group glyphs whose baselines (bottom) lie within a fraction of the font size."""
    clusters: list[list[Glyph]] = []
    bottoms: list[float] = []
    for g in sorted(glyphs, key=lambda g: (g.bottom, g.x0)):
        tol = max(1.0, 0.22 * g.size)
        if clusters and abs(g.bottom - bottoms[-1]) <= tol:
            clusters[-1].append(g)
        else:
            clusters.append([g])
            bottoms.append(g.bottom)
    return clusters


def _main_size(glyphs: list[Glyph]) -> float:
    sizes = [g.size for g in glyphs if not g.text.isspace()] or [g.size for g in glyphs]
    return statistics.median(sizes) if sizes else 0.0


def _attach_raised(clusters: list[list[Glyph]]) -> list[tuple[list[Glyph], set[int]]]:
    """Merge small clusters drawn raised above a line (superscript markers) into that line.

    Returns each cluster with the ids (``id(glyph)``) of its raised glyphs.
    """
    result: list[tuple[list[Glyph], set[int]]] = [(c, set()) for c in clusters]
    merged: set[int] = set()
    for i, cluster in enumerate(clusters):
        size = _main_size(cluster)
        text = "".join(g.text for g in cluster).strip()
        if not text or len(text) > 6:
            continue
        bottom = statistics.median(g.bottom for g in cluster)
        best = None
        for j in (i - 1, i + 1):
            if not 0 <= j < len(clusters) or j in merged:
                continue
            other = clusters[j]
            other_size = _main_size(other)
            if size > 0.85 * other_size or len(other) <= len(cluster):
                continue
            other_top = min(g.top for g in other)
            other_bottom = statistics.median(g.bottom for g in other)
            # raised: its baseline sits above the line's baseline but within the line's height
            if other_top - 0.2 * other_size <= bottom < other_bottom - 0.1 * other_size:
                x_lo, x_hi = min(g.x0 for g in other), max(g.x1 for g in other)
                if all(x_lo - 2 * other_size <= g.x0 <= x_hi + 2 * other_size for g in cluster):
                    best = j
                    break
        if best is not None:
            result[best][0].extend(cluster)
            result[best][1].update(id(g) for g in cluster)
            merged.add(i)
    return [r for k, r in enumerate(result) if k not in merged]


def _segments(glyphs: list[Glyph], page_width: float) -> list[list[Glyph]]:
    """Split one baseline into column segments.

    A new segment starts at a wide gap, or at a moderate gap where the font size
    changes (a letterhead sidebar in a smaller size beside the body text).
    """
    segments: list[list[Glyph]] = []
    prev: Glyph | None = None
    for g in sorted(glyphs, key=lambda g: g.x0):
        if g.text.isspace():
            if segments:
                segments[-1].append(g)
            continue
        if prev is None:
            segments.append([g])
        else:
            gap = g.x0 - prev.x1
            size = max(g.size, prev.size, 1.0)
            size_change = abs(g.size - prev.size) > 0.15 * size
            if gap > max(4.0 * size, 0.06 * page_width) or (size_change and gap > 0.8 * size):
                segments.append([g])
            else:
                segments[-1].append(g)
        if prev is None or g.x1 > prev.x1 or segments[-1][0] is g:
            prev = g
    return segments


def build_line(
    page: int, glyphs: list[Glyph], raised_ids: set[int], gid: dict[int, int]
) -> Line | None:
    """Turn one segment's glyphs into a Line, inserting spaces at gaps."""
    main = [g for g in glyphs if id(g) not in raised_ids and not g.text.isspace()]
    if not main and not glyphs:
        return None
    size = _main_size(main or glyphs)
    chars: list[str] = []
    refs: list[int | None] = []
    raised: list[bool] = []
    prev: Glyph | None = None
    for g in sorted(glyphs, key=lambda g: g.x0):
        text = normalise_glyph_text(g.text)
        if not text:
            continue
        if text == " ":
            if chars and chars[-1] != " ":
                chars.append(" ")
                refs.append(gid[id(g)])
                raised.append(False)
            prev = g
            continue
        if prev is not None and chars and chars[-1] != " ":
            gap = g.x0 - prev.x1
            if gap > 0.18 * max(size, 1.0):
                chars.append(" ")
                refs.append(None)
                raised.append(False)
        for ch in text:
            chars.append(ch)
            refs.append(gid[id(g)])
            raised.append(id(g) in raised_ids)
        prev = g
    while chars and chars[-1] == " ":
        chars.pop()
        refs.pop()
        raised.pop()
    while chars and chars[0] == " ":
        chars.pop(0)
        refs.pop(0)
        raised.pop(0)
    if not chars:
        return None
    bold_count = sum(1 for g in main if g.bold)
    fonts = [g.font for g in main] or [g.font for g in glyphs]
    return Line(
        page=page,
        text="".join(chars),
        refs=refs,
        raised=raised,
        x0=min(g.x0 for g in glyphs),
        top=min(g.top for g in (main or glyphs)),
        x1=max(g.x1 for g in glyphs),
        bottom=statistics.median(g.bottom for g in (main or glyphs)),
        size=size,
        bold=bool(main) and bold_count > len(main) / 2,
        font=statistics.mode(fonts) if fonts else "",
    )


def page_lines(page: PageGlyphs, offset: int) -> tuple[list[Glyph], list[Line], Frame]:
    """Lines of one page; ``offset`` is the id of the page's first glyph in the layout.

    Lines are built in the page's reading frame (see ``orientation``); the glyphs returned,
    which the char map points at, keep their original coordinates.
    """
    frame = reading_frame(page)
    original_of = {id(work): orig for orig, work in frame.pairs}
    work = _dedupe(w for _, w in frame.pairs)
    glyphs = [original_of[id(w)] for w in work]
    gid = {id(w): offset + i for i, w in enumerate(work)}
    lines: list[Line] = []
    for cluster, raised_ids in _attach_raised(_cluster_baselines(work)):
        for segment in _segments(cluster, frame.width):
            line = build_line(page.number, segment, raised_ids, gid)
            if line is not None:
                lines.append(line)
    lines.sort(key=lambda ln: (round(ln.bottom, 0), ln.x0))
    return glyphs, lines, frame


def build_layout(pages: Iterable[PageGlyphs]) -> Layout:
    layout = Layout()
    for page in pages:
        glyphs, lines, frame = page_lines(page, len(layout.glyphs))
        layout.glyphs.extend(glyphs)
        layout.lines.extend(lines)
        layout.pages.append(PageInfo(page.number, frame.width, frame.height, frame.rules))
        if frame.dropped:
            layout.dropped[page.number] = frame.dropped
        if page.error:
            layout.unreadable[page.number] = page.error
    return layout
