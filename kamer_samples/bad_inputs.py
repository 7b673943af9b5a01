"""Inputs a batch run must survive: each file is exactly the kind of bad it claims to be.

======================  ==============================================================
key                     what it is
======================  ==============================================================
``encrypted``           a PDF with a user password ("geheim"): cannot be opened without it
``corrupt``             a valid PDF header and the first part of a PDF, truncated
``empty``               a zero-byte file
``not_a_pdf``           plain text with a ``.pdf`` name
``scanned``             a page of filled rectangles only ("greeked" text): no text layer
``whitespace_only``     a PDF whose only text is spaces
``no_pages``            a well-formed PDF whose page tree is empty
======================  ==============================================================
"""

from __future__ import annotations

import io
from pathlib import Path

PASSWORD = "geheim"
_TEXT = "Geachte voorzitter, hierbij informeer ik uw Kamer over de voortgang."


def _pdf_bytes(draw, **canvas_kwargs) -> bytes:  # type: ignore[no-untyped-def]
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    buf = io.BytesIO()
    canvas = Canvas(buf, pagesize=A4, invariant=1, **canvas_kwargs)
    draw(canvas)
    canvas.showPage()
    canvas.save()
    return buf.getvalue()


def _text_page(canvas) -> None:  # type: ignore[no-untyped-def]
    canvas.setFont("Helvetica", 10)
    for i in range(20):
        canvas.drawString(72, 770 - 14 * i, _TEXT)


def _scanned_page(canvas) -> None:  # type: ignore[no-untyped-def]
    """Grey bars where lines of text would be, and a stamp-like circle: paths only."""
    canvas.setFillGray(0.25)
    for i in range(40):
        width = 380 if i % 7 != 6 else 170
        canvas.rect(80, 760 - 15 * i, width, 7, stroke=0, fill=1)
    canvas.circle(470, 120, 30, stroke=1, fill=0)


def _whitespace_page(canvas) -> None:  # type: ignore[no-untyped-def]
    canvas.setFont("Helvetica", 10)
    for i in range(5):
        canvas.drawString(72, 770 - 14 * i, " " * 40)


def _no_pages_pdf() -> bytes:
    """A hand-written PDF 1.4 with an empty page tree and a correct xref table."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [] /Count 0 >>"]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(
        b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    )
    return out.getvalue()


def generate_bad_inputs(out_dir: Path) -> dict[str, Path]:
    """Write the bad inputs into ``out_dir``; returns ``{kind: path}`` (see module doc)."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    good = _pdf_bytes(_text_page)
    contents = {
        "encrypted": _pdf_bytes(_text_page, encrypt=PASSWORD),
        "corrupt": good[: len(good) // 3],
        "empty": b"",
        "not_a_pdf": ("Dit is geen PDF maar platte tekst.\n" + _TEXT + "\n").encode("utf-8"),
        "scanned": _pdf_bytes(_scanned_page),
        "whitespace_only": _pdf_bytes(_whitespace_page),
        "no_pages": _no_pages_pdf(),
    }
    paths = {}
    for kind, data in contents.items():
        path = out_dir / f"bad_{kind}.pdf"
        path.write_bytes(data)
        paths[kind] = path
    return paths
