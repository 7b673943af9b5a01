"""Pass 3, first half: the modifier in front of a core, the tense of its clause, the year
choice (policy) that follows, and the period a core resolves to against the document date."""

from __future__ import annotations

import datetime as dt
import re

from kamer_nlp.temporal import conventions as cv
from kamer_nlp.temporal import periods
from kamer_nlp.temporal.core import CLAUSE_BREAK, Core, Modifier, norm
from kamer_nlp.temporal.grammar import S
from kamer_nlp.temporal.periods import Period
from kamer_nlp.temporal.tables import Tables


def modifier_before(t: Tables, text: str, core: Core) -> tuple[int, Modifier] | None:
    """The modifier phrase right before ``core`` and where it starts, if one applies."""
    window_start = max(0, core.start - 40)
    m = t.modifier_re.search(text[window_start : core.start])
    if not m:
        return None
    phrase = norm(m["mod"])
    mod = t.modifiers.get(phrase) or t.event_modifiers[phrase]
    if mod.events_only and core.rule != "event":
        return None
    if core.bij_only and not mod.events_only:
        return None  # "middelen voor de begroting" is no date; "bij de begroting" is
    if mod.only_before and not norm(text[core.start : core.end]).startswith(mod.only_before):
        return None
    return window_start + m.start("mod"), mod


def tense(t: Tables, text: str, start: int, end: int) -> str | None:
    """'past' or 'future' from the verb nearest the expression in its clause, or None."""
    found = tense_verb(t, text, start, end)
    return found[0] if found else None


# the perfect's auxiliary: "heb toegezegd … eind januari te informeren" may look ahead;
# "was", "werd", "verscheen" may not
_PERFECT = {"heb", "hebt", "heeft", "hebben"}


def tense_verb(t: Tables, text: str, start: int, end: int) -> tuple[str, str, bool] | None:
    """('past' or 'future', the verb, whether it comes after the expression) for the verb
    nearest the expression in its clause, or None."""
    lo = max(0, start - 160)
    breaks = list(CLAUSE_BREAK.finditer(text, lo, start))
    lo = breaks[-1].end() if breaks else lo
    nxt = CLAUSE_BREAK.search(text, end, min(len(text), end + 160))
    hi = nxt.start() + 1 if nxt else min(len(text), end + 160)
    best: tuple[int, str, str, bool] | None = None
    for regex, label in ((t.past_re, "past"), (t.future_re, "future")):
        for w in regex.finditer(text, lo, hi):
            if start <= w.start() < end:
                continue
            distance = start - w.end() if w.end() <= start else w.start() - end
            if best is None or distance < best[0]:
                best = (distance, label, w.group(0).lower(), w.start() >= end)
    return (best[1], best[2], best[3]) if best else None


def policy(t: Tables, text: str, core: Core, mod: Modifier | None, *, forward: bool = False) -> str:
    """Which year a core without one means (conventions.json "year_choice"). ``forward``: the
    sentence states a planned completion, so a month or period (not a day: "de brief van 7
    november") read as past by a perfect auxiliary, or by a past verb after it, looks ahead
    ("Ik heb toegezegd u eind januari te informeren", written in December: next January;
    "Ik zeg toe dat ik in mei terugkom op het voorstel dat … had"); "In mei was …" stays
    past."""
    if core.policy:
        return core.policy
    if mod is not None and mod.past:
        return cv.PAST_OR_CURRENT
    if mod is not None and mod.mod == "BEFORE":
        return cv.NEXT  # "voor 1 december" written on 1 December is next year's
    if mod is not None and (mod.deadline or mod.mod == "AFTER"):
        return t.conv.year_choice["after_deadline_or_after_modifier"]
    verb = tense_verb(t, text, core.start, core.end)
    found = verb[0] if verb else None
    if (
        found == "past"
        and forward
        and not core.day_month
        and verb
        and (verb[1] in _PERFECT or verb[2])
    ):
        found = "future"  # a perfect auxiliary, or a past verb after it ("in mei … dat … had")
    if found == "past":
        return t.conv.year_choice["past_tense"]
    if found == "future":
        return t.conv.year_choice["future_tense"]
    return t.conv.year_choice["day_month" if core.day_month else "other"]


def resolve(t: Tables, core: Core, doc_date: dt.date | None, choice: str) -> Period | None:
    """The period ``core`` names, given the document date and the year choice."""
    if core.fixed is not None:
        return core.fixed
    if doc_date is None:
        return None
    if core.shift is not None:
        p = periods.shift_unit(doc_date, *core.shift)
        return t.conv.part(p, core.part) if core.part else p
    if core.weekday is not None:
        wd, past = core.weekday
        delta = (wd - doc_date.weekday()) % 7
        if past:
            return periods.day(doc_date - dt.timedelta(days=(doc_date.weekday() - wd) % 7 or 7))
        return periods.day(doc_date + dt.timedelta(days=delta or 7))
    if core.make is None:
        return None
    if core.year_offset is not None:
        return core.make(doc_date.year + core.year_offset)
    return t.conv.choose(core.make, doc_date, choice)


def uiterlijk_before(text: str, start: int) -> int:
    """Where an "uiterlijk" right before ``start`` begins ("uiterlijk binnen zes weken"), or
    ``start``."""
    lo = max(0, start - 16)
    m = _UITERLIJK.search(text[lo:start])
    return lo + m.start() if m else start


_UITERLIJK = re.compile(r"(?<!\w)uiterlijk" + S + r"\Z", re.I)
