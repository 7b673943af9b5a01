"""Each bad input is exactly the kind of bad it claims to be."""

from __future__ import annotations

from pathlib import Path

import pdfplumber
import pytest
import reportlab  # noqa: F401  (a dev dependency: fail loudly when missing)

from kamer_samples.bad_inputs import PASSWORD, generate_bad_inputs


@pytest.fixture(scope="module")
def bad(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return generate_bad_inputs(tmp_path_factory.mktemp("bad"))


def _chars(path: Path, **kwargs) -> list[list[dict]]:  # type: ignore[no-untyped-def]
    with pdfplumber.open(path, **kwargs) as pdf:
        return [page.chars for page in pdf.pages]


def test_all_kinds_are_written(bad: dict[str, Path]) -> None:
    assert set(bad) == {
        "encrypted",
        "corrupt",
        "empty",
        "not_a_pdf",
        "scanned",
        "whitespace_only",
        "no_pages",
    }
    assert all(p.suffix == ".pdf" and p.exists() for p in bad.values())


def test_encrypted_needs_its_password(bad: dict[str, Path]) -> None:
    with pytest.raises(Exception) as info:
        _chars(bad["encrypted"])
    assert "PDFPasswordIncorrect" in repr(info.value)
    pages = _chars(bad["encrypted"], password=PASSWORD)
    assert pages and pages[0], "with the password the text layer is there"


def test_corrupt_has_a_pdf_header_but_cannot_be_read(bad: dict[str, Path]) -> None:
    data = bad["corrupt"].read_bytes()
    assert data.startswith(b"%PDF-") and b"%%EOF" not in data
    with pytest.raises(Exception):  # noqa: B017 - pdfminer raises several types here
        _chars(bad["corrupt"])


def test_empty_and_not_a_pdf(bad: dict[str, Path]) -> None:
    assert bad["empty"].stat().st_size == 0
    text = bad["not_a_pdf"].read_bytes()
    assert not text.startswith(b"%PDF") and text.decode("utf-8").startswith("Dit is geen PDF")
    for kind in ("empty", "not_a_pdf"):
        with pytest.raises(Exception):  # noqa: B017
            _chars(bad[kind])


def test_scanned_has_graphics_but_no_text_layer(bad: dict[str, Path]) -> None:
    with pdfplumber.open(bad["scanned"]) as pdf:
        (page,) = pdf.pages
        assert page.chars == []
        assert len(page.rects) >= 40


def test_whitespace_only_and_no_pages(bad: dict[str, Path]) -> None:
    pages = _chars(bad["whitespace_only"])
    assert pages[0] and all(c["text"].isspace() for c in pages[0])
    assert _chars(bad["no_pages"]) == []


def test_command_line_writes_samples_and_bad_inputs(tmp_path: Path) -> None:
    from kamer_samples.__main__ import main
    from kamer_samples.source import load_documents

    assert main([str(tmp_path / "raw"), "--bad", str(tmp_path / "bad")]) == 0
    for doc in load_documents():
        assert (tmp_path / "raw" / f"{doc.stem}.pdf").read_bytes().startswith(b"%PDF-")
        assert (tmp_path / "raw" / f"{doc.stem}.truth.json").exists()
    assert len(list((tmp_path / "bad").glob("bad_*.pdf"))) == 7
