from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest
import spacy

from kamer_nlp.nlp.sentences import SentenceSplitter, sentence_starts

CASES = [
    (
        "Zie Kamerstuk 31 015, nr. 135. Dat is de brief.",
        ["Zie Kamerstuk 31 015, nr. 135.", "Dat is de brief."],
    ),
    (
        "In de brief van 7 februari jl. Heeft de Minister iets gezegd.",
        ["In de brief van 7 februari jl. Heeft de Minister iets gezegd."],
    ),
    (
        "Dit gebeurt o.a. door de politie. Daarna volgt meer.",
        ["Dit gebeurt o.a. door de politie.", "Daarna volgt meer."],
    ),
    ("Op 12 maart a.s. Komt er een overleg.", ["Op 12 maart a.s. Komt er een overleg."]),
    ("Zie blz. 4 en art. 3. Het lid vervalt.", ["Zie blz. 4 en art. 3.", "Het lid vervalt."]),
    (
        "Dit is ondertekend door mr. Jansen. Hij is advocaat.",
        ["Dit is ondertekend door mr. Jansen.", "Hij is advocaat."],
    ),
    (
        "De Minister voor Rechtsbescherming,\nS. Dekker",
        ["De Minister voor Rechtsbescherming,", "S. Dekker"],
    ),
    ("Gesprek met V.L.W.A. Heijnen. Zij komt.", ["Gesprek met V.L.W.A. Heijnen.", "Zij komt."]),
    (
        "1. Vinden en verwijderen kinderpornografie.\n\nDe Rapporteur geeft aan.",
        ["1. Vinden en verwijderen kinderpornografie.", "De Rapporteur geeft aan."],
    ),
    (
        "Wat vindt u? Ik vind het goed! Nu verder.",
        ["Wat vindt u?", "Ik vind het goed!", "Nu verder."],
    ),
    ("Het kost 2,5 mln. Dat is veel.", ["Het kost 2,5 mln. Dat is veel."]),
    (
        "Hij zei: “Dit klopt.” Daarna ging hij weg.",
        ["Hij zei: “Dit klopt.”", "Daarna ging hij weg."],
    ),
]


@cache
def _splitter() -> spacy.Language:  # one pipeline for every case (building one costs 0.5 s)
    nlp = spacy.blank("nl")
    nlp.add_pipe("kamer_sentences")
    return nlp


def _split(text: str) -> list[str]:
    return [s.text.strip() for s in _splitter()(text).sents if s.text.strip()]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_dutch_sentence_boundaries(text: str, expected: list[str]) -> None:
    assert _split(text) == expected


def test_starts_are_offsets_into_the_text() -> None:
    text = "Eerste zin. Tweede zin."
    assert sentence_starts(text, []) == [0, 12]


@pytest.mark.slow  # builds and saves whole pipelines: the full suite runs it
def test_component_round_trips_through_disk(tmp_path: Path) -> None:
    nlp = spacy.blank("nl")
    pipe = nlp.add_pipe("kamer_sentences", config={"abbreviations": ["nr", "xyz"]})
    assert isinstance(pipe, SentenceSplitter)
    nlp.to_disk(tmp_path / "p")
    loaded = spacy.load(tmp_path / "p")
    assert loaded.get_pipe("kamer_sentences").abbreviations == {"nr", "xyz"}
    text = "Zie xyz. Dit blijft één zin."
    assert len(list(loaded(text).sents)) == 1


def test_a_footnote_label_is_not_part_of_the_note_sentence() -> None:
    text = "Zie de brief.\n\n12 Dit kabinet werkt aan een agenda.\n13 https://www.example.nl is de bron.\n14 gemeenten doen mee."
    sents = _split(text)
    assert "Dit kabinet werkt aan een agenda." in sents
    assert "https://www.example.nl is de bron." in sents
    assert "14 gemeenten doen mee." in sents  # a number opening an ordinary sentence stays
