"""Unit tests: periods, conventions, the Timex value type, the plain function."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kamer_nlp.temporal import Timex, find_timexes, periods
from kamer_nlp.temporal import conventions as cv
from kamer_nlp.temporal.conventions import Conventions
from kamer_nlp.temporal.due import SOURCES
from kamer_nlp.temporal.resources import TemporalResources

D = dt.date


@pytest.fixture(scope="module")
def conv() -> Conventions:
    return Conventions(TemporalResources.default().conventions)


def test_periods() -> None:
    assert periods.quarter(2025, 2).interval == ("2025-04-01", "2025-06-30")
    assert periods.half(2024, 2).interval == ("2024-07-01", "2024-12-31")
    assert periods.week(2024, 12).interval == ("2024-03-18", "2024-03-24")
    assert periods.week(2021, 53) is None and periods.week(2020, 53) is not None
    assert periods.add_months(D(2019, 11, 30), 3) == D(2020, 2, 29)
    assert periods.add_duration(D(2018, 2, 14), 6, "W") == D(2018, 3, 28)
    assert periods.shift_unit(D(2024, 11, 5), "quarter", 1).value == "2025-Q1"
    assert periods.shift_unit(D(2020, 1, 15), "month", -1).value == "2019-12"
    assert periods.shift_unit(D(2023, 2, 3), "week", 1).value == "2023-W06"


def test_seasons_and_parts(conv: Conventions) -> None:
    assert conv.season(2018, "SU").interval == ("2018-06-01", "2018-08-31")
    assert conv.season(2019, "WI").interval == ("2019-12-01", "2020-02-29")
    assert conv.part(periods.year(2024), "START").interval == ("2024-01-01", "2024-03-31")
    assert conv.part(periods.year(2023), "END").interval == ("2023-10-01", "2023-12-31")
    assert conv.part(periods.month(2024, 2), "END").interval == ("2024-02-21", "2024-02-29")
    assert conv.part(conv.season(2020, "SU"), "END").interval == ("2020-08-01", "2020-08-31")
    assert conv.part(periods.day(D(2020, 1, 1)), "END").interval == ("2020-01-01", "2020-01-01")


def test_recesses_and_events(conv: Conventions) -> None:
    summer = conv.recess("zomerreces", 2018)
    assert (summer.value, summer.interval) == ("2018-SU", ("2018-07-06", "2018-09-03"))
    assert conv.recess("kerstreces", 2019).interval == ("2019-12-20", "2020-01-13")
    assert conv.recess("kerstreces", 2020).first == D(2020, 12, 18)  # 25 Dec is a Friday
    assert conv.event("prinsjesdag", 2024).value == "2024-09-17"
    assert conv.event("verantwoordingsdag", 2024).value == "2024-05-15"
    assert conv.event("voorjaarsnota", 2018).value == "2018-06-01"


def test_known_recess_dates_override_the_rule() -> None:
    data = TemporalResources.default().conventions
    data = {**data, "recesses": {**data["recesses"]}}
    data["recesses"]["zomerreces"] = {
        **data["recesses"]["zomerreces"],
        "known": {"2022": ["2022-07-08", "2022-09-05"]},
    }
    assert Conventions(data).recess("zomerreces", 2022).interval == ("2022-07-08", "2022-09-05")


@pytest.mark.parametrize(
    ("policy", "expected"),
    [
        (cv.NEXT_OR_CURRENT, "2018-SU"),
        (cv.NEXT, "2019-SU"),
        (cv.THIS, "2018-SU"),
        (cv.PREV, "2017-SU"),
        (cv.PAST_OR_CURRENT, "2018-SU"),
        (cv.NEAREST, "2018-SU"),
    ],
)
def test_year_choice(conv: Conventions, policy: str, expected: str) -> None:
    doc = D(2018, 7, 20)  # in the middle of summer 2018
    chosen = conv.choose(lambda y: conv.season(y, "SU"), doc, policy)
    assert chosen is not None and chosen.value == expected


def test_timex_dict_round_trip() -> None:
    t = Timex(
        3,
        10,
        "binnen",
        "vague",
        "FUTURE_REF",
        None,
        ("2018-02-14", "2018-05-14"),
        None,
        True,
        (("window", "P3M"),),
    )
    d = t.to_dict()
    assert d["interval"] == ["2018-02-14", "2018-05-14"] and d["window"] == "P3M"
    assert set(t.attrs().to_record()) >= {"kind", "value", "mod", "interval", "due", "anchored"}
    assert Timex.from_dict(d) == t


def test_plain_function_is_keyword_only() -> None:
    with pytest.raises(TypeError):
        find_timexes("op 1 maart 2019", dt.date(2019, 1, 1))  # type: ignore[misc]
    assert find_timexes("", doc_date=None) == []


def test_tense_decides_a_bare_month() -> None:
    past = find_timexes("In januari heb ik u geschreven.", doc_date=D(2018, 2, 14))[0]
    future = find_timexes("In januari zal ik u schrijven.", doc_date=D(2018, 2, 14))[0]
    assert (past.value, future.value) == ("2018-01", "2019-01")


TEXT_PIECES = st.sampled_from(
    [
        "uiterlijk aanstaande zomer",
        "7 februari jl.",
        "binnen zes weken",
        "de komende maanden",
        "voor de zomer",
        "in 2030",
        "2023-2030",
        "vergaderjaar 2017–2018",
        "artikel 2",
        "€ 2.018",
        "nr. 136",
        "31 015",
        "Q3 2024",
        "tussen 1 en 5 maart",
        "\n",
        " ",
        ", ",
        ". ",
        "en",
        "tot",
        "voor",
        "het",
        "eind",
        "1-7-2023",
        "week 12",
        "jaarlijks",
    ]
)


@settings(max_examples=150, deadline=None)
@given(st.lists(TEXT_PIECES, max_size=12), st.none() | st.dates(D(1995, 1, 1), D(2035, 12, 31)))
def test_offsets_and_invariants(pieces: list[str], doc_date: dt.date | None) -> None:
    text = " ".join(pieces)
    found = find_timexes(text, doc_date=doc_date)
    last_end = -1
    for t in found:
        assert text[t.start : t.end] == t.text and t.text.strip() == t.text
        assert t.start >= last_end  # sorted, no overlaps
        last_end = t.end
        assert t.kind in ("date", "deadline", "duration", "vague", "set")
        if t.interval:
            assert t.interval[0] <= t.interval[1]
        if t.due:  # a deadline's, or a planned completion's ahead of the document date
            assert t.due_source in SOURCES
            assert t.kind == "deadline" or (doc_date is not None and t.due > doc_date.isoformat())
        if doc_date is None and not t.anchored:
            assert t.interval is None and t.due is None


@pytest.mark.parametrize(
    ("text", "doc_date"),
    [("in 2030 tot Q3 2024", D(2020, 1, 1)), ("7 februari jl. tot 7 februari jl.", D(2000, 1, 1))],
)
def test_a_range_that_ends_before_it_begins_has_no_interval(text: str, doc_date: dt.date) -> None:
    """Found by hypothesis (test_offsets_and_invariants): a reversed or empty range."""
    for t in find_timexes(text, doc_date=doc_date):
        if t.interval:
            assert t.interval[0] <= t.interval[1]
    ranges = [t for t in find_timexes(text, doc_date=doc_date) if "/" in (t.value or "")]
    assert ranges and all(t.interval is None for t in ranges)


def test_due_of_a_planned_completion_and_not_of_the_past() -> None:
    d = D(2024, 12, 10)
    (t,) = find_timexes("De oplevering is voorzien in het derde kwartaal.", doc_date=d)
    assert (t.value, t.due, t.due_source) == ("2025-Q3", "2025-09-30", "interval_end")
    (t,) = find_timexes("De oplevering was gepland in het derde kwartaal.", doc_date=d)
    assert t.due is None  # a past-tense sentence without a completion cue only situates
    past, ahead = find_timexes(
        "In 2019 is de wet ingevoerd; de evaluatie zal in 2025 gereed zijn.", doc_date=d
    )
    assert past.due is None and ahead.due == "2025-12-31"
    (t,) = find_timexes("Den Haag, 10 december 2024", doc_date=d)
    assert t.due is None  # not ahead of the document date


def test_sentences_given_decide_which_expressions_are_planned() -> None:
    text = "Het rapport verscheen in 2024 Ik stuur u in 2025 de evaluatie."
    one = find_timexes(text, doc_date=D(2024, 1, 10))  # no sentence end found: one sentence
    assert [t.due for t in one] == ["2024-12-31", "2025-12-31"]
    split = find_timexes(text, doc_date=D(2024, 1, 10), sentences=[(0, 29), (30, len(text))])
    assert [t.due for t in split] == [None, "2025-12-31"]


def test_resources_saved_before_the_due_sections_still_load() -> None:
    import json

    from kamer_nlp.temporal import TemporalResources, TimexFinder

    base = TemporalResources.default()
    lexicon = {k: v for k, v in json.loads(base.lexicon_text).items() if k != "completion_cues"}
    conventions = {
        k: v for k, v in json.loads(base.conventions_text).items() if k not in ("due", "since")
    }
    old = TemporalResources(json.dumps(lexicon), json.dumps(conventions))
    (t,) = TimexFinder(old).find("Eind 2025 is de wet gereed.", D(2024, 12, 10))
    assert t.due == "2025-12-31"
