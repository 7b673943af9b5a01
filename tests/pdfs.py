"""Small PDFs drawn with reportlab for unit tests (the samples generator makes whole documents)."""

from __future__ import annotations

from pathlib import Path


def draw_pdf(
    path: Path, pages: list[list[tuple]], *, size: tuple[float, float] = (595.0, 842.0)
) -> Path:
    """Each page is a list of ("text", x, y_from_top, string, font, size) or ("rule", x0, y_from_top, x1)."""
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=size, invariant=1)
    height = size[1]
    for items in pages:
        for item in items:
            if item[0] == "text":
                _, x, y, s, font, fsize = item
                c.setFont(font, fsize)
                c.drawString(x, height - y, s)
            elif item[0] == "rule":
                _, x0, y, x1 = item
                c.setLineWidth(0.5)
                c.line(x0, height - y, x1, height - y)
        c.showPage()
    c.save()
    return path
