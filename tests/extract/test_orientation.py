"""Pages set sideways are read in their own reading frame; text at an odd angle is left out, and said so."""

from __future__ import annotations

from pathlib import Path

from reportlab.pdfgen import canvas

from kamer_nlp.api import repair_pdf


def _pdf(path: Path) -> Path:
    c = canvas.Canvas(str(path), pagesize=(595, 842), invariant=1)
    c.setFont("Helvetica", 10)
    c.drawString(72, 770, "Op de eerste pagina staat de aanhef van de brief.")
    c.saveState()
    c.translate(560, 300)
    c.rotate(90)
    c.drawString(0, 0, "Kenmerk in de marge")
    c.restoreState()
    c.showPage()
    c.setPageRotation(90)
    c.setFont("Helvetica", 10)
    c.drawString(72, 770, "De tweede pagina ligt op haar kant.")
    c.drawString(72, 756, "Ook deze regel hoort bij de tekst.")
    c.showPage()
    c.save()
    return path


def test_rotated_page_is_read_and_margin_text_is_reported(tmp_path: Path) -> None:
    rt = repair_pdf(_pdf(tmp_path / "gedraaid.pdf"))
    assert "De tweede pagina ligt op haar kant." in rt.text
    assert "Ook deze regel hoort bij de tekst." in rt.text
    assert rt.text.index("De tweede pagina") < rt.text.index("Ook deze regel")
    assert "Kenmerk in de marge" not in rt.text
    assert any("page 1" in w and "angle" in w for w in rt.warnings)
    # provenance stays in the PDF's own coordinates
    i = rt.text.index("De tweede")
    glyph = rt.glyphs[rt.char_map[i]]
    assert glyph.page == 2 and glyph.text == "D" and not glyph.upright
