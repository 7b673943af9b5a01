"""When a time expression is due: the one rule for ``due`` and ``due_source``.

Two cases (conventions.json ``due``, docs/temporal.md "Deadlines"):

* a *deadline* ("uiterlijk 1 juli", "voor de zomer", "binnen zes weken") is due by its
  modifier: :func:`deadline_due`;
* any other expression is due only when its sentence states a planned completion ("De
  oplevering is voorzien in het derde kwartaal", "Eind 2025 stuur ik u …"): then
  :func:`completion_due` gives the day from the expression's attrs. The temporal component
  applies it to the sentences with a completion cue (lexicon.json ``completion_cues``);
  the commitments component applies it to the TIMEX that bounds a commitment.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cache

from kamer_nlp.contracts import TimexAttrs
from kamer_nlp.temporal.core import norm
from kamer_nlp.temporal.periods import Period
from kamer_nlp.temporal.resources import TemporalResources
from kamer_nlp.temporal.tables import Tables

TIMEX = "timex"  # the expression's own deadline modifier
RECESS_CALENDAR = "recess_calendar"  # the day before a recess whose dates are known
RECESS_RULE = "recess_rule"  # the day before a recess from the calendar rule
INTERVAL_END = "interval_end"  # the last day of the period named
CONVENTION = "convention"  # a pinned day: medio → 1 July, na de zomer → 30 November
WINDOW = "window"  # the end of a vague expression's window ("de komende maanden")
SOURCES = (TIMEX, RECESS_CALENDAR, RECESS_RULE, INTERVAL_END, CONVENTION, WINDOW)

_YEAR = re.compile(r"^\d{4}$")


def deadline_due(
    t: Tables, period: Period, relation: str | None, part: str | None, recess: str | None
) -> tuple[str, str]:
    """The due day of a deadline on ``period`` and where it comes from: the day before it
    (BEFORE; but "voor eind 2025" is by its last day) or its last day."""
    if relation == "BEFORE" and not (part == "END" and t.conv.before_end_is_by_end):
        due = period.first - dt.timedelta(days=1)
    else:
        due = period.last
    source = TIMEX
    if recess is not None and relation == "BEFORE":
        known = t.conv.recess_known(recess, period.first.year)
        source = RECESS_CALENDAR if known else RECESS_RULE
    return due.isoformat(), source


def completion_due(
    attrs: TimexAttrs, text: str, resources: TemporalResources | None = None
) -> tuple[str, str] | None:
    """:func:`completion_due_in` with the conventions of ``resources`` (the package's own when
    None): for the components after ``kamer_temporal`` (commitments' deadlines)."""
    return completion_due_in(_tables(resources or TemporalResources.default()), attrs, text)


@cache
def _tables(resources: TemporalResources) -> Tables:
    return Tables(resources)


def completion_due_in(t: Tables, attrs: TimexAttrs, text: str) -> tuple[str, str] | None:
    """(due, due_source) of a time expression that bounds a planned completion, or None.

    A deadline keeps its own due. A date whose mod is one of ``completion_mods`` (none,
    begin/medio/eind, rond) is due on its last day, the middle of a year on ``mid_year``
    (1 July); "na de zomer" (AFTER a recess with an ``after`` convention) on that period's
    last day (30 November); a vague expression whose convention says ``due: window`` on
    its window's end, and so is a coming duration ("het komende jaar"). Other AFTER expressions ("vanaf", "per", "sinds"), durations, sets
    and "binnenkort"/"op termijn" have none. ``text`` is the expression's text.
    """
    if attrs.due is not None:
        return attrs.due, attrs.due_source or TIMEX
    if attrs.interval is None:
        return None
    last = attrs.interval[1]
    if attrs.kind == "vague":
        key = t.vague.get(norm(text))
        spec = t.conv.vague.get(key) if key else None
        return (last, WINDOW) if spec and spec.get("due") == "window" else None
    if attrs.kind == "duration":
        # "het komende jaar", "de komende twee jaar": the window from the document date; a
        # range ("2023-2030") or a length without one ("gedurende drie jaar") is never due
        return (last, WINDOW) if attrs.value.startswith("P") else None
    if attrs.kind != "date":
        return None
    if attrs.mod == "AFTER":
        recess = attrs.get("recess")
        if isinstance(recess, str) and t.conv.recesses.get(recess, {}).get("after"):
            return last, CONVENTION
        return None
    if attrs.mod not in t.conv.completion_mods:
        return None
    if attrs.mod == "MID" and _YEAR.match(attrs.value):
        month, day = t.conv.mid_year
        return dt.date(int(attrs.value), month, day).isoformat(), CONVENTION
    return last, INTERVAL_END
