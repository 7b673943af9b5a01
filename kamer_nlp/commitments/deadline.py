"""When a commitment is due: :func:`find_deadline` over the sentence's TIMEX spans.

Without TIMEX spans the deadline is None. Also :func:`_regex_date`, the fallback date of
a link (:mod:`.links`).
"""

from __future__ import annotations

import datetime as dt
import re

from spacy.tokens import Doc, Span

from kamer_nlp.commitments.anchor import Anchor
from kamer_nlp.commitments.cues import CueSet
from kamer_nlp.commitments.view import DocView, as_view
from kamer_nlp.contracts import Deadline, TextMention, TimexAttrs
from kamer_nlp.lang.dates import find_day_month, latest_on_or_before, make_date
from kamer_nlp.nlp.extensions import TIMEX_KEY, doc_date, timex_attrs
from kamer_nlp.temporal.due import completion_due

_BARE_YEAR = re.compile(r"^\d{4}$")
# characters before / after a year searched for target words ("toe naar … in 2050", "in 2030 te halveren")
TARGET_WINDOW = (40, 25)


def is_target_year(doc: Doc | DocView, span: Span, sentence: tuple[int, int], cues: CueSet) -> bool:
    """A bare year next to target words (``target_pattern``): a goal, not a deadline.

    "toe naar een circulaire economie in 2050", "het doel … in 2030 te halveren",
    "50 procent in 2030". Years with a modifier ("uiterlijk in 2025", "vanaf 2026"), other
    dates and years away from target words ("zal in 2025 een wetsvoorstel indienen om de
    uitstoot in 2050 te halveren": 2025) stay candidates.
    """
    attrs = timex_attrs(span)
    if attrs is None or not _BARE_YEAR.match(attrs.value) or attrs.mod:
        return False
    before, after = TARGET_WINDOW
    lo = max(sentence[0], span.start_char - before)
    hi = min(sentence[1], span.end_char + after)
    return bool(cues.regex("target").search(as_view(doc).text, lo, hi))


def find_deadline(
    doc: Doc | DocView, start: int, end: int, anchor: Anchor | None, cues: CueSet
) -> Deadline | None:
    """The TIMEX that bounds the action: deadlines first, then those with a due date, nearest the
    cue; target years ("… in 2050") are never deadlines."""
    view = as_view(doc)
    timexes = [
        (s, attrs)
        for s in view.spans_in(TIMEX_KEY, start, end)
        if (attrs := timex_attrs(s)) is not None and not is_target_year(view, s, (start, end), cues)
    ]
    if not timexes:
        return None
    pivot = anchor.end if anchor else start

    def rank(item: tuple[Span, TimexAttrs]) -> tuple[int, int]:
        span, attrs = item
        kind = attrs.kind
        tier = (
            0 if kind == "deadline" else 1 if attrs.due else 2 if kind in ("vague", "date") else 3
        )
        return tier, abs(span.start_char - pivot)

    best, attrs = min(timexes, key=rank)
    if attrs.kind == "set":  # "jaarlijks" is a frequency, not a deadline
        return None
    interval = attrs.interval
    # The TIMEX's own due (set by kamer_temporal when its sentence states a planned completion);
    # a commitment is one by definition, so the same rule applies when the temporal component
    # saw no completion cue ("informeer ik uw Kamer in het najaar van 2023": the period's end;
    # "na de zomer": 30 November). Open-ended ("vanaf 2026"), "binnenkort" and event-anchored
    # times stay without one.
    found = completion_due(attrs, best.text)
    due, due_source = found if found else (None, None)
    return Deadline(
        start=best.start_char,
        end=best.end_char,
        text=best.text,
        kind=attrs.kind,
        value=attrs.value,
        mod=attrs.mod,
        interval=list(interval) if interval else None,
        due=due,
        due_source=due_source if due else None,
    )


def _regex_date(doc: Doc | DocView, start: int, end: int, cues: CueSet) -> TextMention | None:
    """The first "7 februari (2018 | jl.)" in [start, end), by the language layer's parser; a
    date without a year is the latest such date on or before the document date."""
    view = as_view(doc)
    found = find_day_month(view.text, start, end)
    if found is None:
        return None
    day: dt.date | None = None
    if found.year is not None:
        day = make_date(found.year, found.month, found.day)
    elif (ref := doc_date(view.doc)) is not None:
        day = latest_on_or_before(found.day, found.month, ref)
    value = day.isoformat() if day is not None else None
    return TextMention(found.start, found.end, found.text, value)
