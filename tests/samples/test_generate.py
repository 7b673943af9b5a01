"""The generated samples: deterministic, committed up to date, and truthful to the PDF."""

from __future__ import annotations

import itertools
import json
import re
from collections import Counter
from pathlib import Path

import pdfplumber
import pytest
import reportlab  # noqa: F401  (a dev dependency: fail loudly when missing)

from kamer_samples.compose import RAGGED_KINDS, compose_blocks
from kamer_samples.generate import MANIFEST, generate_samples
from kamer_samples.linebreak import JOIN, natural_width
from kamer_samples.source import load_documents
from kamer_samples.truth import PARAGRAPH_KINDS, load_truth

RAW = Path(__file__).resolve().parents[2] / "data" / "raw"
DOCS = load_documents()
STEMS = [d.stem for d in DOCS]
MAX_STRETCH = 2.5  # word space of a justified line at most this many times its natural width


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("samples")
    generate_samples(out)
    return out


@pytest.fixture(scope="module")
def truths(generated: Path) -> dict[str, dict]:
    return {stem: load_truth(generated / f"{stem}.truth.json") for stem in STEMS}


def test_sample_set() -> None:
    layouts = Counter(d.layout for d in DOCS)
    assert 3 <= len(DOCS) <= 5
    assert layouts["kamerstuk"] >= 2 and layouts["letterhead"] >= 1


@pytest.mark.slow  # generates every sample a second time
def test_generation_is_byte_identical(generated: Path, tmp_path: Path) -> None:
    generate_samples(tmp_path)
    for stem in STEMS:
        for suffix in (".pdf", ".truth.json"):
            assert (tmp_path / f"{stem}{suffix}").read_bytes() == (
                generated / f"{stem}{suffix}"
            ).read_bytes()


def test_data_raw_is_up_to_date(generated: Path) -> None:
    manifest = json.loads((RAW / MANIFEST).read_text("utf-8"))
    fresh = json.loads((generated / MANIFEST).read_text("utf-8"))
    assert sorted(manifest["files"]) == sorted(fresh["files"]), (
        "run: python -m kamer_samples data/raw"
    )
    for stem in STEMS:
        name = f"{stem}.truth.json"
        assert (RAW / name).read_text("utf-8") == (generated / name).read_text("utf-8"), name
    if (manifest["reportlab"], manifest["pyphen"]) != (fresh["reportlab"], fresh["pyphen"]):
        pytest.skip(
            "PDF bytes are only comparable with the reportlab/pyphen versions in the manifest"
        )
    for stem in STEMS:
        assert (RAW / f"{stem}.pdf").read_bytes() == (generated / f"{stem}.pdf").read_bytes(), stem


@pytest.mark.parametrize("stem", STEMS)
def test_truth_is_consistent(truths: dict[str, dict], stem: str) -> None:
    truth = truths[stem]
    text = truth["text"]
    paragraphs = truth["paragraphs"]
    assert paragraphs[0]["start"] == 0
    for a, b in itertools.pairwise(paragraphs):
        assert text[a["end"] : b["start"]] == "\n\n"
    for p in paragraphs:
        assert p["kind"] in PARAGRAPH_KINDS
        assert text[p["start"]] not in " \n" and text[p["end"] - 1] not in " \n"
    body_end = paragraphs[-1]["end"]
    notes = truth["footnotes"]
    assert [n["label"] for n in notes] == [str(i) for i in range(1, len(notes) + 1)]
    assert [n["marker"] for n in notes] == sorted(n["marker"] for n in notes)
    doc = next(d for d in DOCS if d.stem == stem)
    for note in notes:
        assert 0 < note["marker"] <= body_end  # every note is anchored in the body
        assert text[note["start"] - len(note["label"]) - 1 : note["start"]] == f"{note['label']} "
        assert text[note["start"] : note["end"]] == " ".join(
            doc.note(note["label"]).text.replace("|", "").split()
        )
    if notes:
        assert text[body_end : notes[0]["start"]] == f"\n\n{notes[0]['label']} "
    for h in truth["hyphenation"]:
        assert text[h["start"] : h["end"]] == h["joined"]
    assert "[^" not in text and "|" not in text
    for item in truth["meta"]["furniture"]:
        assert item not in text.split("\n"), item
    for furniture in ("> Retouradres", "Pagina 1 van", "ISSN", "Tweede Kamer, vergaderjaar"):
        assert furniture not in text


@pytest.mark.parametrize("stem", STEMS)
def test_every_document_has_the_required_cases(truths: dict[str, dict], stem: str) -> None:
    truth = truths[stem]
    decisions = Counter(h["decision"] for h in truth["hyphenation"])
    assert decisions["join"] and decisions["keep"] and decisions["keep_space"], decisions
    kinds = {p["kind"] for p in truth["paragraphs"]}
    assert {"heading", "paragraph", "list_item", "signature"} <= kinds
    assert kinds & {"head", "field"}
    assert 2 <= truth["pages"] <= 3
    meta = truth["meta"]
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", meta["date"]) and meta["id"] == stem
    assert meta["signatories"] and "mede namens" in truth["text"].lower()
    # the body continues over every page break inside a paragraph or list item
    for brk in truth["page_breaks"]:
        inside = [p for p in truth["paragraphs"] if p["start"] < brk["offset"] < p["end"]]
        assert not inside or inside[0]["kind"] in ("paragraph", "list_item")


def test_the_set_covers_runover_notes_and_sentences_over_page_breaks(
    truths: dict[str, dict],
) -> None:
    runover = [n for t in truths.values() for n in t["footnotes"] if len(n["pages"]) > 1]
    assert len(runover) >= len(truths)  # every document has a note that runs over
    mid_sentence = []
    for t in truths.values():
        for brk in t["page_breaks"]:
            before = t["text"][: brk["offset"]].rstrip()
            inside = any(p["start"] < brk["offset"] < p["end"] for p in t["paragraphs"])
            if inside and before[-1] not in ".:;":
                mid_sentence.append(brk)
    assert mid_sentence


def _size(char: dict, size: float) -> bool:
    return abs(char["size"] - size) < 0.01


def _pdf_lines(page, crop) -> list[str]:  # type: ignore[no-untyped-def]
    return [line["text"] for line in page.crop(crop).extract_text_lines()]


@pytest.mark.slow  # reads every sample PDF
@pytest.mark.parametrize("stem", STEMS)
def test_hyphenation_truth_covers_every_drawn_line_end_hyphen(
    generated: Path, truths: dict, stem: str
) -> None:
    truth = truths[stem]
    drawn = Counter()
    with pdfplumber.open(generated / f"{stem}.pdf") as pdf:
        for number, page in enumerate(pdf.pages, 1):
            crop = (
                (200, 0, page.width, 750) if truth["layout"] == "kamerstuk" else (0, 140, 460, 800)
            )
            for line in _pdf_lines(page, crop):
                if line.rstrip().endswith("-"):
                    drawn[(number, line.split()[-1])] += 1
    recorded = Counter((h["page"], h["left"]) for h in truth["hyphenation"])
    assert drawn == recorded


@pytest.mark.slow  # reads every sample PDF
@pytest.mark.parametrize("stem", STEMS)
def test_pdf_characters_are_truth_plus_furniture(generated: Path, truths: dict, stem: str) -> None:
    """Every drawn glyph is accounted for: truth text, furniture, markers or an added hyphen."""
    truth = truths[stem]
    with pdfplumber.open(generated / f"{stem}.pdf") as pdf:
        drawn = Counter(
            c["text"] for page in pdf.pages for c in page.chars if not c["text"].isspace()
        )
    expected = Counter(ch for ch in truth["text"] if not ch.isspace())
    expected += Counter(
        ch for item in truth["meta"]["furniture"] for ch in item if not ch.isspace()
    )
    expected += Counter(ch for note in truth["footnotes"] for ch in note["label"])  # markers
    expected += Counter({"-": sum(h["decision"] == JOIN for h in truth["hyphenation"])})
    assert drawn == expected


@pytest.mark.slow  # reads every sample PDF
@pytest.mark.parametrize("stem", [d.stem for d in DOCS if d.layout == "kamerstuk"])
def test_typeset_geometry(generated: Path, truths: dict, stem: str) -> None:
    truth = truths[stem]
    with pdfplumber.open(generated / f"{stem}.pdf") as pdf:
        first = pdf.pages[0]
        text = first.extract_text()
        assert "Tweede Kamer der Staten-Generaal" in text and "ISSN 0921 - 7371" in text
        assert f"’s-Gravenhage {truth['meta']['date'][:4]}" in text
        for number, page in enumerate(pdf.pages, 1):
            right = page.crop((200, 0, page.width, page.height))
            footer = [ln for ln in right.extract_text_lines() if ln["top"] > 760]
            assert footer and footer[0]["text"].startswith("Tweede Kamer, vergaderjaar")
            assert footer[0]["text"].endswith(str(number))
            body = [c for c in page.chars if _size(c, 9.1) and 60 < c["top"] < 750]
            notes = [c for c in page.chars if _size(c, 7.3)]
            markers = [c for c in page.chars if _size(c, 6.0)]
            if notes:
                rule = [ln for ln in page.lines if ln["x1"] - ln["x0"] < 100]
                assert rule and rule[0]["top"] < min(c["top"] for c in notes)
                assert max(c["bottom"] for c in body) < rule[0]["top"]
            for m in markers:  # raised: the marker's bottom is above its line's baseline area
                neighbours = [c for c in body if abs(c["top"] - m["top"]) < 3]
                assert neighbours and m["bottom"] < min(c["bottom"] for c in neighbours) - 2


@pytest.mark.slow  # reads every sample PDF
@pytest.mark.parametrize("stem", [d.stem for d in DOCS if d.layout == "letterhead"])
def test_letterhead_geometry(generated: Path, truths: dict, stem: str) -> None:
    truth = truths[stem]
    with pdfplumber.open(generated / f"{stem}.pdf") as pdf:
        for number, page in enumerate(pdf.pages, 1):
            side = [c for c in page.chars if c["x0"] > 460]
            assert side and all(c["size"] <= 7 for c in side)
            body = [c for c in page.chars if _size(c, 9.0)]
            assert max(c["x1"] for c in body) < 460
            text = page.extract_text()
            assert f"Pagina {number} van {len(pdf.pages)}" in text
            assert "Ons kenmerk" in text
        first = pdf.pages[0].extract_text_lines()
        assert first[0]["text"].startswith("> Retouradres") and first[0]["top"] < 140
    assert truth["paragraphs"][0]["kind"] == "address"
    assert truth["text"].startswith("De Voorzitter van de Tweede Kamer\nder Staten-Generaal\n")
    fields = [
        truth["text"][p["start"] : p["end"]] for p in truth["paragraphs"] if p["kind"] == "field"
    ]
    assert fields[0].startswith("Datum ") and fields[1] == f"Betreft {truth['meta']['subject']}"


@pytest.mark.slow  # lays out every sample again
@pytest.mark.parametrize("stem", [d.stem for d in DOCS if d.layout == "kamerstuk"])
def test_justified_lines_are_not_overstretched(stem: str) -> None:
    doc = next(d for d in DOCS if d.stem == stem)
    module = "typeset" if doc.layout == "kamerstuk" else "letterhead"
    style = __import__(f"kamer_samples.{module}", fromlist=["STYLE"]).STYLE
    assert style.justify
    for block in compose_blocks(doc, style):
        if block.kind in RAGGED_KINDS:
            continue
        width = style.width - (style.list_indent if block.kind == "list_item" else 0)
        for line in block.lines:
            if line.last or len(line.pieces) < 2:
                continue
            stretch = (width - natural_width(line, block.style)) / (
                (len(line.pieces) - 1) * block.style.text_width(" ")
            )
            assert stretch <= MAX_STRETCH, line.drawn


def test_pdfs_are_small() -> None:
    for stem in STEMS:
        assert (RAW / f"{stem}.pdf").stat().st_size < 30_000
