"""Pass 3, second half: a core (with its modifier and resolved period) made into a Timex —
kind, value, mod, interval and the due date of a deadline."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from kamer_nlp.temporal import periods
from kamer_nlp.temporal.core import Core
from kamer_nlp.temporal.due import TIMEX, completion_due_in, deadline_due
from kamer_nlp.temporal.periods import Period
from kamer_nlp.temporal.resolution import modifier_before, policy, resolve, uiterlijk_before
from kamer_nlp.temporal.tables import Tables
from kamer_nlp.temporal.timex import Timex

Extra = tuple[tuple[str, str], ...]


def finish(
    t: Tables, text: str, core: Core, doc_date: dt.date | None, completion: bool = False
) -> Timex | None:
    """The Timex of one core (after pass 2), or None when it turns out to be no date.

    ``completion``: the core's sentence states a planned completion ("De oplevering is
    voorzien in het derde kwartaal"): a year-less expression looks ahead, and the
    expression gets the due date of :func:`~kamer_nlp.temporal.due.completion_due_in` unless
    that day is not after the document date."""
    timex = _finish(t, text, core, doc_date, completion)
    if timex is None or not completion or timex.due is not None or doc_date is None:
        return timex
    found = completion_due_in(t, timex.attrs(), timex.text)
    if found is None or found[0] <= doc_date.isoformat():
        return timex  # not ahead of the document date: "Den Haag, 14 februari 2018", "vandaag"
    return replace(timex, due=found[0], due_source=found[1])


def _finish(
    t: Tables, text: str, core: Core, doc_date: dt.date | None, completion: bool
) -> Timex | None:
    if core.category == "range":
        return finish_range(t, text, core, doc_date)
    if core.category == "duration":
        return finish_duration(text, core, doc_date)
    if core.category == "vague":
        return finish_vague(text, core, doc_date)
    if core.category == "set":
        extra: Extra = (("freq", core.freq),) if core.freq else ()
        return _timex(text, core.start, core.end, "set", core.value or "", extra=extra)
    return finish_point(t, text, core, doc_date, completion)


def _timex(
    text: str,
    start: int,
    end: int,
    kind: str,
    value: str,
    *,
    interval: tuple[str, str] | None = None,
    due: str | None = None,
    anchored: bool = True,
    extra: Extra = (),
) -> Timex:
    return Timex(
        start,
        end,
        text[start:end],
        kind,
        value,
        interval=interval,
        due=due,
        due_source=TIMEX if due else None,
        anchored=anchored,
        extra=extra,
    )


def _summer_recess(t: Tables, core: Core) -> Core:
    """The summer recess of the Tweede Kamer, for "voor de zomer" and "na de zomer"."""
    if core.summer_year is not None:
        fixed = t.conv.recess("zomerreces", core.summer_year)
        return replace(core, fixed=fixed, make=None, recess="zomerreces")

    def make(y: int) -> Period | None:
        return t.conv.recess("zomerreces", y)

    return replace(core, make=make, fixed=None, recess="zomerreces")


def finish_point(
    t: Tables, text: str, core: Core, doc_date: dt.date | None, completion: bool = False
) -> Timex | None:
    found = modifier_before(t, text, core)
    start, mod = found if found else (core.start, None)
    if core.needs_cue and mod is None:
        return None  # "in de Voorjaarsnota" is the document, not a date
    if (
        core.summer
        and mod is not None
        and mod.mod in ("BEFORE", "AFTER")
        and mod.phrase.split()[-1].lower() in t.recess_words
    ):
        core = _summer_recess(t, core)
    period = resolve(t, core, doc_date, policy(t, text, core, mod, forward=completion))
    relation = mod.mod if mod else None
    deadline = bool(mod and mod.deadline)
    extra: Extra = (("part", core.part),) if relation and core.part else ()
    if core.recess is not None:
        extra = (*extra, ("recess", core.recess))
    if period is not None and relation == "AFTER" and core.recess is not None:
        # "na het zomerreces": the period after the recess (to 30 November), not the recess
        period = t.conv.after_recess(core.recess, period.first.year) or period
    since = mod is not None and mod.past and t.conv.since_to_document_date
    if since and period is not None and doc_date is not None and period.first <= doc_date:
        period = period.with_days(period.first, doc_date)  # "sinds 1 juli": up to now
    due = source = None
    if deadline and period is not None:
        due, source = deadline_due(t, period, relation, core.part, core.recess)
    return Timex(
        start,
        core.end,
        text[start : core.end],
        "deadline" if deadline else "date",
        period.value if period else core.xvalue,
        mod=relation or core.part,
        interval=period.interval if period else None,
        due=due,
        due_source=source,
        anchored=not (core.relative and doc_date is None),
        extra=extra,
    )


def finish_duration(text: str, core: Core, doc_date: dt.date | None) -> Timex:
    assert core.amount is not None and core.value is not None
    amount, unit = core.amount
    start = uiterlijk_before(text, core.start) if core.cue_kind == "within" else core.start
    extra: Extra = (("anchor", "event"),) if core.event_anchored else ()
    kind, value = "duration", core.value
    interval: tuple[str, str] | None = None
    due: str | None = None
    if doc_date is not None and not core.event_anchored:
        later = periods.add_duration(doc_date, amount, unit)
        if core.cue_kind == "within":
            kind, due = "deadline", later.isoformat()
            interval = (doc_date.isoformat(), later.isoformat())
        elif core.cue_kind == "coming":
            interval = (doc_date.isoformat(), later.isoformat())
        elif core.cue_kind == "past":
            earlier = periods.add_duration(doc_date, amount, unit, sign=-1)
            interval = (earlier.isoformat(), doc_date.isoformat())
        elif core.cue_kind == "after":
            kind, value = "date", later.isoformat()
            interval = (later.isoformat(), later.isoformat())
    elif core.cue_kind == "within" and not core.event_anchored:
        kind = "deadline"
    elif core.cue_kind == "after":
        kind, value = "date", "XXXX-XX-XX"
    return _timex(
        text,
        start,
        core.end,
        kind,
        value,
        interval=interval,
        due=due,
        anchored=not (core.relative and doc_date is None),
        extra=extra,
    )


def finish_vague(text: str, core: Core, doc_date: dt.date | None) -> Timex:
    interval: tuple[str, str] | None = None
    extra: Extra = ()
    if core.window:
        extra = (("window", core.window),)
        if doc_date is not None:
            amount, unit = periods.parse_duration(core.window)
            if core.value == "PAST_REF":
                earlier = periods.add_duration(doc_date, amount, unit, -1)
                interval = (earlier.isoformat(), doc_date.isoformat())
            else:
                later = periods.add_duration(doc_date, amount, unit)
                interval = (doc_date.isoformat(), later.isoformat())
    return _timex(
        text,
        core.start,
        core.end,
        "vague",
        core.value or "FUTURE_REF",
        interval=interval,
        anchored=doc_date is not None,
        extra=extra,
    )


def finish_range(t: Tables, text: str, core: Core, doc_date: dt.date | None) -> Timex:
    left, right = core.left, core.right
    assert left is not None and right is not None
    rp = resolve(t, right, doc_date, policy(t, text, right, None))
    lp: Period | None
    if left.fixed is None and left.make is not None and rp is not None:
        # "van januari tot en met maart 2024": the left side takes the right side's year
        lp = left.make(rp.first.year)
        if lp is not None and lp.first > rp.first:
            lp = left.make(rp.first.year - 1)
    else:
        lp = resolve(t, left, doc_date, policy(t, text, left, None))
    if lp is None or rp is None:
        return _timex(
            text,
            core.start,
            core.end,
            "duration",
            f"{left.xvalue}/{right.xvalue}",
            anchored=False,
        )
    last = rp.first - dt.timedelta(days=1) if core.exclusive else rp.last
    if last < lp.first:  # "in 2030 tot Q3 2024", "7 februari tot 7 februari": no interval
        return _timex(
            text, core.start, core.end, "duration", f"{lp.value}/{rp.value}", anchored=True
        )
    return _timex(
        text,
        core.start,
        core.end,
        "duration",
        f"{lp.value}/{rp.value}",
        interval=(lp.first.isoformat(), last.isoformat()),
        anchored=True,
    )
