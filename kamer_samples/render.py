"""Drawing lines on a reportlab canvas (shared by both layouts)."""

from __future__ import annotations

from typing import Any

from kamer_samples.linebreak import JOIN, Line, TextStyle, natural_width

ASCENT = 0.78  # baseline offset below a line's top, as a fraction of the font size


def baseline(page_height: float, top: float, size: float) -> float:
    """reportlab y of the baseline of a line whose box starts ``top`` points from the top."""
    return page_height - top - ASCENT * size


def draw_line(
    canvas: Any,
    line: Line,
    style: TextStyle,
    x: float,
    top: float,
    width: float,
    page_height: float,
    *,
    justify: bool,
) -> None:
    """Draw one line; justified lines stretch their spaces (PDF word spacing, Tw)."""
    gaps = len(line.pieces) - 1
    word_space = 0.0
    if justify and not line.last and gaps:
        word_space = max(0.0, (width - natural_width(line, style)) / gaps)
    text = canvas.beginText(x, baseline(page_height, top, style.size))
    text.setFont(style.font, style.size)
    text.setWordSpace(word_space)
    for k, piece in enumerate(line.pieces):
        if k:
            text.textOut(" ")
        for seg in piece.segments:
            if seg.marker:
                text.setFont(style.font, style.marker_size)
                text.setRise(style.marker_rise)
                text.textOut(seg.text)
                text.setRise(0)
                text.setFont(style.font, style.size)
            else:
                text.textOut(seg.text)
    if line.end == JOIN:
        text.textOut("-")
    canvas.drawText(text)


def draw_string(
    canvas: Any,
    text: str,
    font: str,
    size: float,
    x: float,
    top: float,
    page_height: float,
    *,
    align: str = "left",
) -> None:
    """Draw a plain string whose box starts ``top`` points from the top of the page."""
    y = baseline(page_height, top, size)
    canvas.setFont(font, size)
    if align == "right":
        canvas.drawRightString(x, y, text)
    else:
        canvas.drawString(x, y, text)


def hrule(canvas: Any, x0: float, x1: float, top: float, page_height: float, width: float) -> None:
    canvas.setLineWidth(width)
    canvas.line(x0, page_height - top, x1, page_height - top)
