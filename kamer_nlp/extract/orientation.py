"""Pages set sideways: glyphs turned back into an upright frame before lines are built.

A page with /Rotate 90 (a landscape table, a letter scanned sideways with OCR text)
gives glyphs whose writing direction is not left-to-right. The dominant direction of a
page decides its frame: glyphs written that way are rotated so they read left to right,
top to bottom; glyphs at any other angle (a vertical note in the margin, a stamp) are
left out and counted, so the repair stage can say so. Boxes in the output keep the
original coordinates: only line building sees the turned frame.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from dataclasses import dataclass

from kamer_nlp.extract.glyphs import Glyph, PageGlyphs, Rule

UPRIGHT = (1.0, 0.0)


@dataclass(frozen=True)
class Frame:
    """A page in reading orientation: each work glyph with the original it stands for."""

    pairs: list[tuple[Glyph, Glyph]]  # (original, in the reading frame)
    width: float
    height: float
    rules: tuple[Rule, ...]
    dropped: int  # glyphs written at another angle, left out


def _snap(direction: tuple[float, float]) -> tuple[float, float]:
    return (round(direction[0], 1), round(direction[1], 1))


def reading_frame(page: PageGlyphs) -> Frame:
    written = [g for g in page.glyphs if not g.text.isspace()]
    counts = Counter(_snap(g.direction) for g in written)
    dominant = counts.most_common(1)[0][0] if counts else UPRIGHT
    keep = [
        g
        for g in page.glyphs
        if _snap(g.direction) == dominant
        or (g.text.isspace() and g.upright == (dominant == UPRIGHT))
    ]
    dropped = sum(1 for g in written if _snap(g.direction) != dominant)
    if dominant == UPRIGHT:
        return Frame([(g, g) for g in keep], page.width, page.height, tuple(page.rules), dropped)
    dx, dy = dominant

    def turn(x: float, y: float) -> tuple[float, float]:  # maps the writing direction onto (1, 0)
        return (dx * x + dy * y, -dy * x + dx * y)

    turned = []
    for g in keep:
        corners = [turn(x, y) for x in (g.x0, g.x1) for y in (g.top, g.bottom)]
        xs, ys = [c[0] for c in corners], [c[1] for c in corners]
        turned.append((g, (min(xs), min(ys), max(xs), max(ys))))
    extent = [
        turn(x, y)
        for x in (0.0, max(page.width, max((g.x1 for g in keep), default=0.0)))
        for y in (0.0, max(page.height, max((g.bottom for g in keep), default=0.0)))
    ]
    ox, oy = min(c[0] for c in extent), min(c[1] for c in extent)
    width = max(c[0] for c in extent) - ox
    height = max(c[1] for c in extent) - oy
    pairs = [
        (
            g,
            dataclasses.replace(
                g,
                x0=x0 - ox,
                top=top - oy,
                x1=x1 - ox,
                bottom=bottom - oy,
                upright=True,
                direction=UPRIGHT,
            ),
        )
        for g, (x0, top, x1, bottom) in turned
    ]
    return Frame(pairs, width, height, (), dropped)
