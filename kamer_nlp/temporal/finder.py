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
import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
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

    def find(
        self,
        text: str,
        doc_date: dt.date | None,
        sentences: Sequence[tuple[int, int]] | None = None,
    ) -> list[Timex]:
        """The time expressions of ``text``. ``sentences``: the [start, end) of each sentence
        (the pipeline's ``doc.sents``); without them the text is split at sentence ends.
        An expression ahead of the document date in a sentence that states a planned
        completion (:meth:`completion_sentences`) gets a due date by the completion rule
        (due.py)."""
        cores = coordinate_ranges(text, self.select(self.candidates(text)))
        planned = self.completion_sentences(text, sentences)
        starts = [s for s, _ in planned]
        found: list[Timex] = []
        for core in cores:
            i = bisect_right(starts, core.start) - 1
            completion = i >= 0 and core.start < planned[i][1]
            timex = finish(self.tables, text, core, doc_date, completion)
            if timex is not None:
                found.append(timex)
        return found

    def completion_sentences(
        self, text: str, sentences: Sequence[tuple[int, int]] | None
    ) -> list[tuple[int, int]]:
        """The sentences (sorted) that state a planned completion: those with a completion cue
        ("zal", "stuur ik", "voorzien", "gereed"), and those not in the past tense (no past
        verb of the lexicon's ``tense.past``): a time ahead in a present-tense sentence is a
        schedule ("De brief volgt begin maart", "Begin 2024 start de uitvoering"). Times that
        are not ahead of the document date never get a due (finish.py)."""
        bounds = sentence_bounds(text) if sentences is None else sorted(sentences)
        cue, past = self.tables.completion_re, self.tables.past_re
        return [(s, e) for s, e in bounds if cue.search(text, s, e) or not past.search(text, s, e)]

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


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[^\s\w]*[A-Z0-9])|\n\s*\n")


def sentence_bounds(text: str) -> list[tuple[int, int]]:
    """[start, end) of the sentences of a plain text: split after ".", "!", "?" before a
    capital or digit, and at blank lines (the pipeline passes its own sentences)."""
    out: list[tuple[int, int]] = []
    start = 0
    for m in _SENTENCE_END.finditer(text):
        out.append((start, m.start()))
        start = m.end()
    out.append((start, len(text)))
    return out


@cache
def _finder(resources: TemporalResources) -> TimexFinder:
    return TimexFinder(resources)


def find_timexes(
    text: str,
    *,
    doc_date: dt.date | None,
    resources: TemporalResources | None = None,
    sentences: Sequence[tuple[int, int]] | None = None,
) -> list[Timex]:
    """All time expressions in ``text``, normalised against ``doc_date`` (may be None);
    ``sentences`` as in :meth:`TimexFinder.find`.

    >>> [t.value for t in find_timexes("uiterlijk aanstaande zomer", doc_date=dt.date(2018, 2, 14))]
    ['2018-SU']
    """
    return _finder(resources or TemporalResources.default()).find(text, doc_date, sentences)
