"""The language layer's date parser: the union of the forms the three former parsers read
(repair's metadata, commitments' link-target date, the temporal grammar)."""

from __future__ import annotations

import datetime as dt

import pytest

from kamer_nlp.lang import dates
from kamer_nlp.lang.dates import (
    date_from_parts,
    find_date,
    find_day_month,
    iso_date,
    latest_on_or_before,
    make_date,
    month_number,
    parse_date,
    parse_iso,
)

D = dt.date


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # day month year (repair, commitments, temporal)
        ("14 februari 2018", D(2018, 2, 14)),
        ("14 FEBRUARI 2018", D(2018, 2, 14)),
        ("1 januari 2020", D(2020, 1, 1)),
        ("  14  februari\n2018 ", D(2018, 2, 14)),
        # weekday and ordinal day (temporal)
        ("dinsdag 14 februari 2018", D(2018, 2, 14)),
        ("Dinsdag, 14 februari 2018", D(2018, 2, 14)),
        ("1e mei 2020", D(2020, 5, 1)),
        ("1ste mei 2020", D(2020, 5, 1)),
        ("2de mei 2020", D(2020, 5, 2)),
        # abbreviated month, with or without its dot (temporal)
        ("14 feb. 2018", D(2018, 2, 14)),
        ("14 febr 2018", D(2018, 2, 14)),
        ("3 sept. 2019", D(2019, 9, 3)),
        ("3 Mrt 2019", D(2019, 3, 3)),
        # a comma before the year (temporal)
        ("14 februari, 2018", D(2018, 2, 14)),
        # numeric day-month-year, one separator (temporal)
        ("14-02-2018", D(2018, 2, 14)),
        ("1/7/2023", D(2023, 7, 1)),
        ("1.7.2023", D(2023, 7, 1)),
        # ISO (temporal, and what a record's meta.date holds)
        ("2018-02-14", D(2018, 2, 14)),
    ],
)
def test_parse_date_reads_every_form(text: str, expected: dt.date) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "31 februari 2018",  # no such day
        "29 februari 2019",
        "14-13-2018",
        "2018-02-30",
        "14-02/2018",  # two separators
        "14 februari",  # no year: find_day_month reads it, with a reference date
        "februari 2018",
        "14 brumaire 2018",
        "de brief van 14 februari 2018",  # not a date as a whole: find_date searches
        "14 februari 2018 en later",
        "",
    ],
)
def test_parse_date_refuses(text: str) -> None:
    assert parse_date(text) is None


def test_parse_iso() -> None:
    assert parse_iso("2018-02-14") == D(2018, 2, 14)
    assert parse_iso("14-02-2018") is None
    assert parse_iso("2018-02-31") is None


def test_find_date_is_the_first_written_date() -> None:
    text = "Den Haag, 3 maart 2023\nBetreft de brief van 14 februari 2018"
    found = find_date(text)
    assert found is not None
    assert (found.text, found.date) == ("3 maart 2023", D(2023, 3, 3))
    assert text[found.start : found.end] == found.text
    later = find_date(text, found.end)
    assert later is not None and later.date == D(2018, 2, 14)
    assert find_date(text, 0, 12) is None


def test_find_date_reports_a_form_that_names_no_day() -> None:
    found = find_date("op 31 februari 2018 en 1 maart 2018")
    assert found is not None and found.text == "31 februari 2018" and found.date is None
    # iso_date keeps the metadata rule: the first written date decides
    assert iso_date("op 31 februari 2018 en 1 maart 2018") is None
    assert iso_date("Den Haag, 3 MAART 2023") == "2023-03-03"
    assert iso_date("geen datum") is None


def test_find_date_needs_whole_numbers() -> None:
    assert find_date("114 februari 2018") is None
    assert find_date("14 februari 20189") is None


def test_find_day_month() -> None:
    found = find_day_month("de brief van 7 februari jl. over", 0)
    assert found is not None
    assert (found.text, found.day, found.month, found.year, found.past) == (
        "7 februari jl.",
        7,
        2,
        None,
        True,
    )
    with_year = find_day_month("op 7 Februari 2018 schreef ik")
    assert with_year is not None and (with_year.year, with_year.past) == (2018, False)
    bare = find_day_month("het overleg van 12 maart")
    assert bare is not None and (bare.text, bare.year, bare.past) == ("12 maart", None, False)
    assert find_day_month("de brief van 7 februari", 0, 15) is None


def test_latest_on_or_before() -> None:
    ref = D(2018, 2, 14)
    assert latest_on_or_before(7, 2, ref) == D(2018, 2, 7)
    assert latest_on_or_before(14, 2, ref) == D(2018, 2, 14)
    assert latest_on_or_before(15, 2, ref) == D(2017, 2, 15)
    assert latest_on_or_before(29, 2, D(2019, 3, 1)) is None  # 2019 has no 29 February


def test_parts_and_months() -> None:
    assert date_from_parts("14", "februari", "2018") == D(2018, 2, 14)
    assert date_from_parts("14", "Feb.", "2018") == D(2018, 2, 14)
    assert date_from_parts(14, 2, 2018) == D(2018, 2, 14)
    assert date_from_parts("14", "02", "2018") == D(2018, 2, 14)
    assert date_from_parts("14", "brumaire", "2018") is None
    assert make_date(2018, 2, 29) is None
    assert [month_number(w) for w in ("januari", "Mei", "sept.", "SEP", "mrt", "mei.", "x")] == [
        1,
        5,
        9,
        9,
        3,
        None,
        None,
    ]
    assert dates.month_names()[0] == "januari" and len(dates.month_names()) == 12
