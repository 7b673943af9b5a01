"""The reference corpus (../shared/corpus): the seed and real letters, measured by hand.

Skips cleanly without the corpus. Letters are read through the project's repair
stage (kamer_nlp.api) when it is importable, else as pdfplumber text.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cache
from pathlib import Path

import pytest

from kamer_nlp.temporal import Timex, find_timexes

pytestmark = pytest.mark.corpus

SEED = "seed/kst-31015-136.txt"
SEED_EXPECTED = [  # every time expression of the seed letter, in order
    ("14 februari 2018", "date", "2018-02-14", None, None),
    ("4 oktober 2017", "date", "2017-10-04", None, None),
    ("6 november 2017", "date", "2017-11-06", None, None),
    ("7 februari jl.", "date", "2018-02-07", None, None),
    ("8 november 2017", "date", "2017-11-08", None, None),
    ("de komende maanden", "vague", "FUTURE_REF", None, "2018-05-14"),  # window, #14
    ("uiterlijk aanstaande zomer", "deadline", "2018-SU", "ON_OR_BEFORE", "2018-08-31"),
]

# (document, document date, [(expression, value, mod, due)], [strings no TIMEX may overlap]);
# since #14 every expression ahead of the document date in a planned completion has a due
LETTERS = [
    (
        "letters/Kamerbrief_circulaire_economie.pdf",
        "2023-02-03",
        [
            ("3 februari 2023", "2023-02-03", None, None),
            ("het voorjaar van 2023", "2023-SP", None, "2023-05-31"),  # planned, #14
            ("voor het einde van het jaar", "2023", "BEFORE", "2023-12-31"),
            ("Vanaf 2023", "2023", "AFTER", None),
            ("9 december 2022", "2022-12-09", None, None),
            ("2023-2030", "2023/2030", None, None),
            ("Het komende jaar", "P1Y", None, "2024-02-03"),
        ],
        ["2022Z24775", "Kamerstuk 32852 nr. 209", "Rapportage 2023"],
    ),
    (
        "letters/Kamerbrief_innovatie_missie.pdf",
        "2023-05-30",
        [
            ("11 november jl.", "2022-11-11", None, None),
            ("eind 2023", "2023", "END", "2023-12-31"),
            ("eind dit jaar", "2023", "END", "2023-12-31"),
            ("van 2021 t/m 2027", "2021/2027", None, None),
            ("rond de zomer", "2023-SU", "APPROX", "2023-08-31"),
            ("dit najaar", "2023-FA", None, "2023-11-30"),
            ("2 november", "2023-11-02", None, "2023-11-02"),
        ],
        ["Kamerstuk 33009, nr. 117"],
    ),
    (
        "letters/Fiche_1pag.pdf",
        "2022-10-26",
        [("26 oktober 2022", "2022-10-26", None, None), ("september 2020", "2020-09", None, None)],
        ["COM (2022) 546", "2021/1230", "260/2012"],
    ),
    (
        "officielebekendmakingen/ah-tk-20202021-3235/ah-tk-20202021-3235.pdf",
        "2021-06-21",
        [("3 juni 2021", "2021-06-03", None, None), ("21 juni 2021", "2021-06-21", None, None)],
        ["2020–2021", "Staatsblad 2020, 118", "Bbz 2004"],
    ),
    (
        "besluitenlijsten/besluitenlijst_example2.pdf",
        "2016-10-28",
        [
            ("uiterlijk op 18 november 2016", "2016-11-18", "ON_OR_BEFORE", "2016-11-18"),
            ("tot en met 11 november 2016", "2016-11-11", "ON_OR_BEFORE", "2016-11-11"),
            ("binnen 30 dagen", "P30D", None, None),
            ("14 oktober jl.", "2016-10-14", None, None),
            ("31 december van dit jaar", "2016-12-31", None, "2016-12-31"),
        ],
        [],
    ),
]


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text)


@cache
def _text(path: Path) -> str:
    try:
        from kamer_nlp import api

        return api.repair_pdf(path).text
    except ImportError:  # repair stage not available: the raw text layer
        import pdfplumber

        with pdfplumber.open(path) as pdf:
            return "\n".join(page.extract_text() or "" for page in pdf.pages)


def test_seed_every_expression(corpus_dir: Path) -> None:
    text = (corpus_dir / SEED).read_text(encoding="utf-8")
    found = find_timexes(text, doc_date=dt.date(2018, 2, 14))
    got = [(_squash(t.text), t.kind, t.value, t.mod, t.due) for t in found]
    assert got == SEED_EXPECTED
    for t in found:
        assert text[t.start : t.end] == t.text
    summer = found[-1]
    assert summer.interval == ("2018-06-01", "2018-08-31")
    assert found[5].interval == ("2018-02-14", "2018-05-14")


def test_seed_negatives(corpus_dir: Path) -> None:
    """'tot 4 jaar', 'vóór hun vijfde jaar', dossier numbers and 'nr. 16' are no dates."""
    text = (corpus_dir / SEED).read_text(encoding="utf-8")
    found = find_timexes(text, doc_date=dt.date(2018, 2, 14))
    for phrase in ("tot 4 jaar", "vijfde jaar", "31 015, nr. 135", "34 775 VI, nr. 16", "Nr. 136"):
        start = text.index(phrase)
        assert not [t for t in found if t.start < start + len(phrase) and start < t.end], phrase


def _check_letter(
    corpus_dir: Path, doc: str, date: str, expected: list, negatives: list
) -> list[Timex]:
    path = corpus_dir / doc
    text = _text(path)
    found = find_timexes(text, doc_date=dt.date.fromisoformat(date))
    squashed = [(_squash(t.text), t.value, t.mod, t.due) for t in found]
    for exp in expected:
        assert exp in squashed, f"{doc}: {exp} not in {squashed}"
    for phrase in negatives:
        pattern = r"\s+".join(re.escape(w) for w in phrase.split())
        spans = [m.span() for m in re.finditer(pattern, text)]
        assert spans, f"{doc}: {phrase!r} not in the text"
        for start, end in spans:
            hits = [t.text for t in found if t.start < end and start < t.end]
            assert not hits, f"{doc}: TIMEX inside {phrase!r}: {hits}"
    return found


@pytest.mark.parametrize(
    ("doc", "date", "expected", "negatives"), LETTERS, ids=[d[0].split("/")[-1] for d in LETTERS]
)
def test_letters(corpus_dir: Path, doc: str, date: str, expected: list, negatives: list) -> None:
    _check_letter(corpus_dir, doc, date, expected, negatives)


def test_no_session_year_anywhere(corpus_dir: Path) -> None:
    """No 'vergaderjaar YYYY–YYYY' in any typeset document becomes a TIMEX."""
    for doc, date, _, _ in LETTERS:
        text = _text(corpus_dir / doc)
        for t in find_timexes(text, doc_date=dt.date.fromisoformat(date)):
            before = text[max(0, t.start - 16) : t.start].lower()
            assert "vergaderjaar" not in before, (doc, t.text)
