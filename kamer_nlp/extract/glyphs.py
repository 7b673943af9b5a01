"""The narrow interface between a PDF backend and the rest of the pipeline.

A backend yields, per page, a list of :class:`Glyph` (text, font, size and box of
every character, in content-stream order) plus the horizontal rules drawn on the
page. Everything downstream works from these values only, so another backend can
plug in beside pdfplumber and be held to producing the same repaired text.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from kamer_nlp.errors import ExtractionError

__all__ = ["ExtractionError", "Glyph", "GlyphSource", "PageGlyphs", "Rule"]


@dataclass(frozen=True, slots=True)
class Glyph:
    """One character as drawn on a page. Boxes in pdfplumber's (x0, top, x1, bottom) points."""

    text: str
    page: int  # 1-based
    index: int  # position in the page's character stream
    x0: float
    top: float
    x1: float
    bottom: float
    size: float
    font: str
    upright: bool = True
    direction: tuple[float, float] = (1.0, 0.0)  # writing direction in top-down page coordinates

    @property
    def bold(self) -> bool:
        name = self.font.lower()
        return "bold" in name or "black" in name or "heavy" in name


@dataclass(frozen=True, slots=True)
class Rule:
    """A horizontal line or thin rectangle (footnote separators, table rules)."""

    x0: float
    x1: float
    top: float


@dataclass(frozen=True)
class PageGlyphs:
    number: int  # 1-based
    width: float
    height: float
    glyphs: list[Glyph] = field(default_factory=list)
    rules: list[Rule] = field(default_factory=list)
    error: str | None = None  # the page could not be read (damaged): why; it has no glyphs


class GlyphSource(Protocol):
    """A PDF backend: yields the pages of a document as glyph lists."""

    def pages(self, path: Path) -> Iterator[PageGlyphs]: ...
