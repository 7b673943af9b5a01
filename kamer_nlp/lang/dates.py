"""Dutch dates: one parser for the written forms every stage reads.

:func:`parse_date` reads one whole date; :func:`find_date` and :func:`find_day_month`
find one in running text; :func:`date_from_parts` turns the parts a grammar matched into a
date. The union of what the three former parsers (repair's metadata, commitments'
link-target date, the temporal finder) accepted, each row tested in tests/lang:

=========================  =====================================  ==========================
form                       example                                found by
=========================  =====================================  ==========================
day month year             "14 februari 2018", "14 FEBRUARI 2018" parse, find_date, day_month
weekday, ordinal day       "dinsdag 14 februari 2018", "1e mei"   parse (temporal grammar)
abbreviated month          "14 feb. 2018", "3 sept 2019"          parse (temporal grammar)
comma before the year      "14 februari, 2018"                    parse (temporal grammar)
numeric day-month-year     "14-02-2018", "1/7/2023", "1.7.2023"   parse (temporal grammar)
ISO                        "2018-02-14"                           parse (temporal grammar)
day month, no year         "7 februari", "7 februari jl."         find_day_month
=========================  =====================================  ==========================

A form that names no real day ("31 februari 2018", "14-13-2018") gives None.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache

from kamer_nlp.lang.words import calendar


def month_names() -> tuple[str, ...]:
    """The full month names, January first."""
    return tuple(calendar().months)


def month_alternation() -> str:
    """A regex alternation of the full month names (no group; match case-insensitively)."""
    return "|".join(re.escape(name) for name in month_names())


def month_number(word: str) -> int | None:
    """1–12 for a month name or abbreviation ("februari", "Feb.", "sept"), else None."""
    return calendar().month(word)


def make_date(year: int, month: int, day: int) -> dt.date | None:
    """The date, or None when there is no such day ("31 februari")."""
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def date_from_parts(day: str | int, month: str | int, year: str | int) -> dt.date | None:
    """The date a grammar matched: the day and year as digits, the month as digits or a
    Dutch name or abbreviation. None when it names no day."""
    if isinstance(month, str) and not month.isdigit():
        number = month_number(month)
        if number is None:
            return None
        month = number
    return make_date(int(year), int(month), int(day))


# --- one whole date ------------------------------------------------------------


@cache
def _whole_date() -> re.Pattern[str]:
    cal = calendar()
    weekdays = "|".join(re.escape(w) for w in cal.weekdays)
    abbreviations = "|".join(re.escape(a) for a in cal.month_abbreviations)
    written = (
        rf"(?:(?:{weekdays}),?\s+)?(?P<day>\d{{1,2}})(?:e|ste|de)?\s+"
        rf"(?P<month>{month_alternation()}|(?:{abbreviations})\.?),?\s+(?P<year>\d{{4}})"
    )
    numeric = r"(?P<nday>\d{1,2})(?P<sep>[-/.])(?P<nmonth>\d{1,2})(?P=sep)(?P<nyear>\d{4})"
    iso = r"(?P<iyear>\d{4})-(?P<imonth>\d\d)-(?P<iday>\d\d)"
    return re.compile(rf"(?:{written}|{numeric}|{iso})", re.IGNORECASE)


def parse_date(text: str) -> dt.date | None:
    """The date ``text`` is, as a whole (surrounding whitespace aside), in any of the forms
    in the module's table except the ones without a year; None otherwise.

    >>> parse_date("14 februari 2018"), parse_date("14-02-2018"), parse_date("2018-02-14")
    (datetime.date(2018, 2, 14), datetime.date(2018, 2, 14), datetime.date(2018, 2, 14))
    >>> parse_date("31 februari 2018") is None
    True
    """
    m = _whole_date().fullmatch(text.strip())
    if m is None:
        return None
    if m["day"]:
        return date_from_parts(m["day"], m["month"], m["year"])
    if m["nday"]:
        return date_from_parts(m["nday"], m["nmonth"], m["nyear"])
    return date_from_parts(m["iday"], m["imonth"], m["iyear"])


def parse_iso(text: str) -> dt.date | None:
    """A ``YYYY-MM-DD`` date (what a record's ``meta.date`` holds), or None."""
    m = _ISO.fullmatch(text.strip())
    return date_from_parts(m["day"], m["month"], m["year"]) if m else None


_ISO = re.compile(r"(?P<year>\d{4})-(?P<month>\d\d)-(?P<day>\d\d)")


# --- dates in running text -------------------------------------------------------


@dataclass(frozen=True)
class DateMatch:
    """A date written in a text: where, as written, and the day it names (None for a form
    that names no day, "31 februari 2018")."""

    start: int
    end: int
    text: str
    date: dt.date | None


@dataclass(frozen=True)
class DayMonthMatch:
    """A day and month in a text: "7 februari", "7 februari 2018", "7 februari jl.";
    ``year`` is None when none is written, ``past`` True after "jl."."""

    start: int
    end: int
    text: str
    day: int
    month: int
    year: int | None
    past: bool


@cache
def written_date_regex() -> re.Pattern[str]:
    """Day, full month name and year as words ("14 februari 2018"), case-insensitive; groups
    ``day``, ``month``, ``year``."""
    return re.compile(
        rf"\b(?P<day>\d{{1,2}})\s+(?P<month>{month_alternation()})\s+(?P<year>\d{{4}})\b",
        re.IGNORECASE,
    )


@cache
def _day_month_regex() -> re.Pattern[str]:
    return re.compile(
        rf"\b(?P<day>\d{{1,2}})\s+(?P<month>{month_alternation()})"
        r"(?:\s+(?P<year>\d{4})|\s+(?P<jl>jl\.))?",
        re.IGNORECASE,
    )


def find_date(text: str, pos: int = 0, endpos: int | None = None) -> DateMatch | None:
    """The first date written as day, full month name and year in ``text[pos:endpos]``
    ("… Den Haag, 14 februari 2018 …"); its ``date`` is None when that is no real day."""
    regex = written_date_regex()
    m = regex.search(text, pos) if endpos is None else regex.search(text, pos, endpos)
    if m is None:
        return None
    return DateMatch(
        m.start(), m.end(), m.group(0), date_from_parts(m["day"], m["month"], m["year"])
    )


def iso_date(text: str) -> str | None:
    """The first written date of ``text`` (see :func:`find_date`) as ``YYYY-MM-DD``; None when
    there is none or the first one names no real day."""
    found = find_date(text)
    return found.date.isoformat() if found is not None and found.date is not None else None


def find_day_month(text: str, pos: int = 0, endpos: int | None = None) -> DayMonthMatch | None:
    """The first "7 februari", "7 februari 2018" or "7 februari jl." in ``text[pos:endpos]``."""
    regex = _day_month_regex()
    m = regex.search(text, pos) if endpos is None else regex.search(text, pos, endpos)
    if m is None:
        return None
    month = month_number(m["month"])
    assert month is not None  # the regex only matches month names
    return DayMonthMatch(
        m.start(),
        m.end(),
        m.group(0),
        int(m["day"]),
        month,
        int(m["year"]) if m["year"] else None,
        m["jl"] is not None,
    )


def latest_on_or_before(day: int, month: int, ref: dt.date) -> dt.date | None:
    """The day ``day`` of ``month`` in the year that makes it the latest such date on or before
    ``ref`` ("7 februari jl."); None when that year has no such day (29 February)."""
    year = ref.year if (month, day) <= (ref.month, ref.day) else ref.year - 1
    return make_date(year, month, day)
