from __future__ import annotations

from pathlib import Path

import pytest

from kamer_nlp.errors import ExtractionError
from kamer_nlp.extract.lines import build_layout, normalise_glyph_text
from kamer_nlp.extract.pdfplumber_source import PdfplumberSource, check_pdf_file
from tests.pdfs import draw_pdf


def _layout(tmp_path: Path, pages: list[list[tuple]]):
    return build_layout(PdfplumberSource().pages(draw_pdf(tmp_path / "t.pdf", pages)))


def test_lines_follow_baselines_and_keep_provenance(tmp_path: Path) -> None:
    layout = _layout(
        tmp_path,
        [
            [
                ("text", 72, 100, "Eerste regel van de brief", "Helvetica", 10),
                ("text", 72, 113, "tweede regel", "Helvetica", 10),
            ]
        ],
    )
    assert [ln.text for ln in layout.lines] == ["Eerste regel van de brief", "tweede regel"]
    first = layout.lines[0]
    for ch, ref in zip(first.text, first.refs, strict=True):
        if ref is not None:
            glyph = layout.glyphs[ref]
            assert glyph.text == ch
            assert glyph.page == 1
            assert 72 - 0.5 <= glyph.x0 <= glyph.x1 <= 595


def test_raised_smaller_digits_attach_to_their_line_as_markers(tmp_path: Path) -> None:
    layout = _layout(
        tmp_path,
        [
            [
                ("text", 72, 100, "zie de bijlage", "Helvetica", 10),
                ("text", 72 + 63.4, 96, "1", "Helvetica", 6),
                ("text", 72, 113, "volgende regel", "Helvetica", 10),
            ]
        ],
    )
    line = layout.lines[0]
    assert line.text.startswith("zie de bijlage")
    assert line.text.endswith("1")
    assert line.raised[-1] is True
    assert not any(line.raised[:-1])
    assert len(layout.lines) == 2


def test_small_right_column_is_a_separate_segment(tmp_path: Path) -> None:
    layout = _layout(
        tmp_path,
        [
            [
                ("text", 72, 100, "De tekst van de brief loopt hier door", "Helvetica", 9),
                ("text", 440, 100, "Ons kenmerk", "Helvetica", 6.5),
            ]
        ],
    )
    assert sorted(ln.text for ln in layout.lines) == [
        "De tekst van de brief loopt hier door",
        "Ons kenmerk",
    ]


def test_glyphs_drawn_twice_count_once(tmp_path: Path) -> None:
    layout = _layout(
        tmp_path,
        [[("text", 72, 100, "Vet", "Helvetica", 10), ("text", 72, 100, "Vet", "Helvetica", 10)]],
    )
    assert [ln.text for ln in layout.lines] == ["Vet"]


@pytest.mark.parametrize(
    ("glyph", "expected"),
    [
        ("\ufb01", "fi"),
        ("\ufb02", "fl"),
        ("\ufb03", "ffi"),
        ("\u00a0", " "),
        ("\u00ad", "-"),
        ("\u200b", ""),
        ("\uf0b7", "•"),
        ("a", "a"),
    ],
)
def test_glyph_text_is_normalised(glyph: str, expected: str) -> None:
    assert normalise_glyph_text(glyph) == expected


def test_bad_files_are_classified(tmp_path: Path) -> None:
    empty = tmp_path / "empty.pdf"
    empty.write_bytes(b"")
    text = tmp_path / "text.pdf"
    text.write_text("dit is geen pdf", encoding="utf-8")
    with pytest.raises(ExtractionError) as e1:
        check_pdf_file(empty)
    assert e1.value.kind == "empty"
    with pytest.raises(ExtractionError) as e2:
        check_pdf_file(text)
    assert e2.value.kind == "not_a_pdf"
    with pytest.raises(ExtractionError) as e3:
        check_pdf_file(text, max_bytes=3)
    assert e3.value.kind == "too_large"
