"""Finding and normalising Dutch time expressions: :func:`find_timexes`.

Three passes over the text, each in its own module:

1. *cores* (here, with the rules of rules_dates.py, rules_periods.py, rules_amounts.py): every
   grammar pattern (grammar.py) proposes candidates through its handler in the table of
   handlers.py; the longest non-overlapping ones are kept ("14 februari 2018", "aanstaande
   zomer", "binnen zes weken");
2. *ranges* (ranges.py): "tussen X en Y" / "van X tot Y" join two cores;
3. *modifiers and resolution* (resolution.py, finish.py): a modifier right before a core
   ("uiterlijk", "voor", "na", "vanaf", "rond") is taken into the span; relative cores get
   their year from the document date, following the conventions table (conventions.json):
   deixis ("aanstaande", "dit", "vorig"), "jl."/"a.s.", the modifier (a deadline points
   forward) and the tense of the clause.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left, bisect_right
from functools import cache

from kamer_nlp.temporal.core import Core
from kamer_nlp.temporal.finish import finish
from kamer_nlp.temporal.handlers import HANDLERS, Handler, check_table
from kamer_nlp.temporal.ranges import coordinate_ranges
from kamer_nlp.temporal.resources import TemporalResources
from kamer_nlp.temporal.tables import Tables
from kamer_nlp.temporal.timex import Timex


class TimexFinder:
    """Finds TIMEX expressions with the grammar and conventions of one resource set."""

    def __init__(self, resources: TemporalResources | None = None) -> None:
        self.resources = resources or TemporalResources.default()
        self.tables = Tables(self.resources)
        check_table([p.name for p in self.tables.patterns])
        self.rules: tuple[tuple[str, int, Handler], ...] = tuple(
            (p.name, p.priority, HANDLERS[p.name]) for p in self.tables.patterns
        )

    def find(self, text: str, doc_date: dt.date | None) -> list[Timex]:
        cores = coordinate_ranges(text, self.select(self.candidates(text)))
        found: list[Timex] = []
        for core in cores:
            timex = finish(self.tables, text, core, doc_date)
            if timex is not None:
                found.append(timex)
        return found

    # --- pass 1: cores ------------------------------------------------------------

    def candidates(self, text: str) -> list[Core]:
        """Every core any rule proposes, in rule order."""
        out: list[Core] = []
        for pattern, (name, priority, handler) in zip(
            self.tables.patterns, self.rules, strict=True
        ):
            for m in pattern.regex.finditer(text):
                core = handler(self.tables, m, text)
                if core is not None:
                    core.rule, core.priority = name, priority
                    out.append(core)
        return out

    @staticmethod
    def select(cands: list[Core]) -> list[Core]:
        """The longest candidates first (then priority, position), each kept if it overlaps
        none kept before. The kept ones never overlap, so in (start, end) order their ends
        are in order too and a clash is found by bisection."""
        cands.sort(key=lambda c: (-(c.end - c.start), c.priority, c.start))
        taken: list[Core] = []
        keys: list[tuple[int, int]] = []  # (start, end) of the kept, sorted
        ends: list[int] = []  # their ends, in the same order (also sorted)
        for c in cands:
            # kept t with t.end > c.start and t.start < c.end would overlap c
            if bisect_right(ends, c.start) >= bisect_left(keys, (c.end,)):
                taken.append(c)
                n = bisect_left(keys, (c.start, c.end))
                keys.insert(n, (c.start, c.end))
                ends.insert(n, c.end)
        return sorted(taken, key=lambda c: c.start)


@cache
def _finder(resources: TemporalResources) -> TimexFinder:
    return TimexFinder(resources)


def find_timexes(
    text: str, *, doc_date: dt.date | None, resources: TemporalResources | None = None
) -> list[Timex]:
    """All time expressions in ``text``, normalised against ``doc_date`` (may be None).

    >>> [t.value for t in find_timexes("uiterlijk aanstaande zomer", doc_date=dt.date(2018, 2, 14))]
    ['2018-SU']
    """
    return _finder(resources or TemporalResources.default()).find(text, doc_date)
