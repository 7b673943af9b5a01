"""A damaged page does not cost the document: the pages that read are kept, with a warning."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest

from kamer_nlp.api import repair_pdf
from kamer_nlp.errors import ExtractionError

TEXT = "Geachte voorzitter, hierbij informeer ik uw Kamer over de voortgang van pagina {n}."


def _pdf(pages: int) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    buf = io.BytesIO()
    canvas = Canvas(buf, pagesize=A4, invariant=1)  # streams are ASCII85 + Flate encoded
    for n in range(1, pages + 1):
        canvas.setFont("Helvetica", 11)
        for i in range(12):
            canvas.drawString(72, 770 - 16 * i, TEXT.format(n=n))
        canvas.showPage()
    canvas.save()
    return buf.getvalue()


STREAM = re.compile(rb"<<([^>]*?)>>\s*stream\r?\n", re.S)


def _damage_stream(data: bytes, which: int) -> bytes:
    """Put a character that ASCII85 does not have into the ``which``-th stream."""
    pos = list(STREAM.finditer(data))[which].end() + 10
    return data[:pos] + b"v" + data[pos + 1 :]


def _content_streams(data: bytes) -> list[int]:
    """Indexes of the streams that hold page text (ASCII85 + Flate), in file order."""
    return [i for i, m in enumerate(STREAM.finditer(data)) if b"ASCII85Decode" in m.group(1)]


def test_a_damaged_page_is_left_out_with_a_warning(tmp_path: Path) -> None:
    data = _pdf(3)
    streams = _content_streams(data)
    assert len(streams) == 3
    path = tmp_path / "beschadigd.pdf"
    path.write_bytes(_damage_stream(data, streams[1]))
    rt = repair_pdf(path)
    assert "pagina 1" in rt.text and "pagina 3" in rt.text
    assert "pagina 2" not in rt.text
    assert rt.pages == 3
    assert any(w.startswith("page 2 could not be read") for w in rt.warnings), rt.warnings


def test_a_document_whose_every_page_is_damaged_is_corrupt(tmp_path: Path) -> None:
    data = _pdf(2)
    for index in reversed(_content_streams(data)):
        data = _damage_stream(data, index)
    path = tmp_path / "kapot.pdf"
    path.write_bytes(data)
    with pytest.raises(ExtractionError) as info:
        repair_pdf(path)
    assert info.value.kind == "corrupt"
    assert "no page with text could be read" in info.value.message
