"""Repair quality on the real documents of ../shared/corpus (skips cleanly without it).

The figures asserted here are the floors of the text-repair issue; `bench/repair_quality.py`
prints the same measurements per document.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kamer_nlp.api import repair_pdf, repair_text
from kamer_nlp.repair.text_evaluation import official_body_text, word_error_rate

pytestmark = pytest.mark.corpus

OB = "officielebekendmakingen"


def _body(rt) -> str:  # type: ignore[no-untyped-def]
    return " ".join(rt.text[p.start : p.end] for p in rt.paragraphs if p.kind != "head")


@pytest.mark.parametrize("doc", ["ah-tk-20202021-3235", "kst-32545-143"])
def test_body_text_matches_the_official_xml(corpus_dir: Path, doc: str) -> None:
    rt = repair_pdf(corpus_dir / OB / doc / f"{doc}.pdf")
    gold = official_body_text(corpus_dir / OB / doc / f"{doc}.xml")
    assert word_error_rate(gold, _body(rt)) <= 0.005


def test_every_line_end_hyphen_resolved_as_in_the_xml(corpus_dir: Path) -> None:
    doc = "ah-tk-20202021-3235"
    rt = repair_pdf(corpus_dir / OB / doc / f"{doc}.pdf")
    gold = official_body_text(corpus_dir / OB / doc / f"{doc}.xml")
    decisions = [r for r in rt.repairs if r.kind == "dehyphenate"]
    assert len(decisions) >= 8
    for r in decisions:
        left, right = r.source.split("-\n")
        right = right.strip(".,;:)")
        form = left + right if r.decision == "join" else f"{left}-{right}"
        assert form in gold, (r.source, r.decision)


def test_no_furniture_left_in_the_body(corpus_dir: Path) -> None:
    doc = "ah-tk-20202021-3235"
    rt = repair_pdf(corpus_dir / OB / doc / f"{doc}.pdf")
    body = rt.text
    assert "ISSN" not in body
    assert "vergaderjaar 2020–2021, Aanhangsel" not in body
    assert "ah-tk-20202021-3235" not in body
    assert "Gravenhage" not in body
    assert not re.search(r"\bAanhangsel \d\b", body)
    assert rt.meta.to_record()["id"] == "ah-tk-20202021-3235"
    assert rt.meta.to_record()["vergaderjaar"] == "2020-2021"


LETTERS = {
    "Kamerbrief_circulaire_economie.pdf": {
        "date": "2023-02-03",
        "subject": "Nationaal Programma Circulaire Economie 2023-2030 (NPCE) incl. kabinetsreactie op ICER en SER-verkenning",
        "kenmerk": "IENW/BSK-2023/33017",
        "notes": 6,
        "sidebar": ["Rijnstraat 8", "IENW/BSK-2023/33017", "Ministerie van", "Postbus 20901"],
    },
    "Kamerbrief_innovatie_missie.pdf": {
        "date": "2023-05-30",
        "subject": "Herijkte missies van het missiegedreven innovatiebeleid",
        "kenmerk": "DGBI – I&K/ 26844711",
        "notes": 15,
        "sidebar": ["Bezuidenhoutseweg 73", "Ons kenmerk", "Directoraat-generaal", "Postbus 20401"],
    },
}


@pytest.mark.parametrize("name", sorted(LETTERS))
def test_letterhead_letters(corpus_dir: Path, name: str) -> None:
    expected = LETTERS[name]
    rt = repair_pdf(corpus_dir / "letters" / name)
    assert rt.layout == "letterhead"
    body = rt.text[: rt.body_end]
    for furniture in expected["sidebar"]:
        assert furniture not in body
    assert not re.search(r"Pagina \d+ van \d+", rt.text)
    assert "Retouradres" not in rt.text
    assert [int(f.label) for f in rt.footnotes] == list(range(1, expected["notes"] + 1))
    assert all(f.marker is not None for f in rt.footnotes)
    markers = [f.marker for f in rt.footnotes]
    assert markers == sorted(markers)
    for key in ("date", "subject", "kenmerk"):
        assert rt.meta.to_record()[key] == expected[key]
    assert not rt.warnings


def test_marker_linked_to_the_right_word(corpus_dir: Path) -> None:
    rt = repair_pdf(corpus_dir / "letters" / "Kamerbrief_circulaire_economie.pdf")
    first = rt.footnotes[0]
    assert rt.text[first.start : first.end].startswith("Zie ook de Nationale Grondstoffenstrategie")
    assert rt.text[: first.marker].endswith("landen voor onze grondstoffen")
    assert rt.text[first.marker] == "."


def test_seed_plain_text(corpus_dir: Path) -> None:
    rt = repair_text((corpus_dir / "seed" / "kst-31015-136.txt").read_text(encoding="utf-8"))
    text = rt.text
    assert "Mensenhandel en Seksueel Geweld" in text
    assert "waarbij het slachtoffer ingelicht" in text
    assert "publiek-private" in text
    assert "Mensen-" not in text and "slacht-" not in text
    labels = [(f.label, rt.text[f.start : f.end]) for f in rt.footnotes]
    assert labels == [
        ("1", "Raadpleegbaar via www.tweedekamer.nl."),
        ("2", "Kamerstuk 31 015, nr. 135."),
        ("3", "Kamerstuk 34 775 VI, nr. 16."),
    ]
    markers = [f.marker for f in rt.footnotes]
    assert text[: markers[0]].endswith("(zie bijlage)") and text[markers[0]] == "."
    assert text[: markers[1]].endswith("kindermisbruik.")
    assert text[: markers[2]].endswith("heb gedaan.")
    # the sentence that runs over the page break after note 2 is one paragraph
    para = next(
        p for p in rt.paragraphs if "De actielijn over publiek-private" in text[p.start : p.end]
    )
    assert (
        "het introduceren van een bestuursrechtelijke aanpak is voor het vinden"
        in text[para.start : para.end]
    )
    assert rt.meta.to_record()["date"] == "2018-02-14"
    assert rt.meta.to_record()["signatories"] == [
        {"name": "S. Dekker", "function": "Minister voor Rechtsbescherming"}
    ]
