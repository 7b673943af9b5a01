"""Ids, the Reference value, the rules loader and invariants of find_references."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kamer_nlp.references import Reference, ReferenceRules, find_references, ids
from kamer_nlp.references.rules import ABBREVIATIONS_FILE, PATTERNS_FILE, read_resource


@pytest.mark.parametrize(
    ("made", "expected"),
    [
        (ids.kamerstuk_id("31 015", "135"), "kst-31015-135"),
        (ids.kamerstuk_id("34775", "16", "VI"), "kst-34775-VI-16"),
        (ids.kamerstuk_id("21\u00a0501", "3", "02"), "kst-21501-02-3"),
        (ids.kamerstuk_id("35300", "E"), "kst-35300-E"),
        (ids.handelingen_id("tk", (2017, 2018), "45", "12"), "h-tk-20172018-45-12"),
        (ids.handelingen_id("ek", (2019, 2020), "20"), "h-ek-20192020-20"),
        (ids.aanhangsel_id("tk", (2019, 2020), "89"), "ah-tk-20192020-89"),
        (ids.staatsblad_id("2020", "118"), "stb-2020-118"),
        (ids.staatscourant_id("2021", "012345"), "stcrt-2021-12345"),
        (ids.celex("R", 2019, 1021), "32019R1021"),
        (ids.celex("L", 2008, 50), "32008L0050"),
        (ids.eu_document_id("COM", "2022", "0542"), "COM:2022:542:FIN"),
    ],
)
def test_ids(made: str, expected: str) -> None:
    assert made == expected


@pytest.mark.parametrize(
    ("first", "second", "years"),
    [
        ("2017", "18", (2017, 2018)),
        ("2017", "2018", (2017, 2018)),
        ("1999", "00", (1999, 2000)),
        ("2017", "19", None),
    ],
)
def test_vergaderjaar(first: str, second: str, years: tuple[int, int] | None) -> None:
    assert ids.vergaderjaar(first, second) == years


@pytest.mark.parametrize(
    ("url", "kb_id"),
    [
        ("https://zoek.officielebekendmakingen.nl/stb-2020-118.html", "stb-2020-118"),
        ("https://zoek.officielebekendmakingen.nl/kst-34775-VI-16.pdf", "kst-34775-VI-16"),
        (
            "https://eur-lex.europa.eu/legal-content/NL/TXT/?uri=CELEX%3A52022PC0546&qid=1",
            "52022PC0546",
        ),
        (
            "https://uitspraken.rechtspraak.nl/details?id=ECLI:NL:HR:2019:2006",
            "ECLI:NL:HR:2019:2006",
        ),
        ("https://www.tweedekamer.nl", None),
    ],
)
def test_id_from_url(url: str, kb_id: str | None) -> None:
    assert ids.id_from_url(url) == kb_id


def test_links() -> None:
    assert (
        ids.officielebekendmakingen_url("kst-31015-135")
        == "https://zoek.officielebekendmakingen.nl/kst-31015-135.html"
    )
    assert ids.eurlex_url("32019R1021").endswith("?uri=CELEX:32019R1021")
    assert ids.eurlex_url("COM:2022:542:FIN").endswith("?uri=COM:2022:542:FIN")
    assert ids.ecli_url("ECLI:DE:BGH:2019:1") is None
    assert ids.normalise_url("www.x.nl/a") == "https://www.x.nl/a"


def test_reference_round_trip() -> None:
    (ref,) = find_references("Kamerstuk 34 775 VI, nr. 16")
    assert Reference.from_dict(ref.to_dict()) == ref
    assert ref.to_dict()["details"]["toevoeging"] == "VI"
    assert ref.attrs().to_record() == {
        "type": "kamerstuk",
        "url": "https://zoek.officielebekendmakingen.nl/kst-34775-VI-16.html",
        "dossier": "34775",
        "toevoeging": "VI",
        "ondernummer": "16",
    }


def test_letter_dates_resolve_against_the_document_date() -> None:
    def date(text: str, doc_date: dt.date) -> str | None:
        (ref,) = find_references(text, doc_date=doc_date)
        return ref.date

    assert date("de brief van 20 december jl.", dt.date(2019, 1, 10)) == "2018-12-20"
    assert date("de brief van 20 december", dt.date(2019, 1, 10)) == "2018-12-20"
    assert date("de brief van 5 januari a.s.", dt.date(2018, 12, 20)) == "2019-01-05"
    # the latest 29 February before the document date
    assert date("de brief van 29 februari jl.", dt.date(2021, 3, 1)) == "2020-02-29"
    assert find_references("de brief van 31 februari jl.", doc_date=dt.date(2021, 3, 1)) == []


def test_rules_load_from_packaged_files() -> None:
    rules = ReferenceRules.default()
    assert {p.type for p in rules.patterns} >= {"kamerstuk", "url", "letter_by_date"}
    assert rules.lookup("kamer", "Tweede  Kamer") == "tk"
    assert rules.lookup("eu_acts", "RICHTLIJN", casefold=True) == "L"
    assert rules.patterns_text == read_resource(PATTERNS_FILE)
    assert rules.abbreviations_text == read_resource(ABBREVIATIONS_FILE)


def test_unknown_placeholders_fail_loudly() -> None:
    abbreviations = read_resource(ABBREVIATIONS_FILE)
    bad = 'version = 1\n[[pattern]]\ntype = "url"\nname = "x"\nregex = "{{nope}}"\n'
    with pytest.raises(KeyError, match="nope"):
        ReferenceRules(bad, abbreviations)
    bad_list = 'version = 1\n[[pattern]]\ntype = "url"\nname = "x"\nregex = "{{list:nope}}"\n'
    with pytest.raises(KeyError, match="nope"):
        ReferenceRules(bad_list, abbreviations)


ALPHABET = st.sampled_from(
    [
        *list("0123456789 ,.;:-/()\n\xa0"),
        "Kamerstuk",
        "nr.",
        "nrs.",
        " en ",
        "31 015",
        "VI",
        "Stb.",
        "2020",
        "brief van ",
        "7 februari",
        " jl.",
        "https://x.nl/a-",
        "ECLI:NL:HR:",
        "Richtlijn ",
        "(EU) ",
        "COM(",
        "E",
    ]
)


@settings(max_examples=200, deadline=None)
@given(st.lists(ALPHABET, max_size=40).map("".join))
def test_offsets_are_exact_sorted_and_disjoint(text: str) -> None:
    refs = find_references(text, doc_date=dt.date(2020, 6, 1))
    previous_end = 0
    for ref in refs:
        assert ref.text == text[ref.start : ref.end]
        assert ref.start >= previous_end
        assert ref.end > ref.start
        previous_end = ref.end
