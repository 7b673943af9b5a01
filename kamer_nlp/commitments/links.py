"""What a link points back to: :func:`find_link_target`, the date and meeting an earlier
commitment is referred to by ("de toezegging die ik op 7 februari jl. in het commissiedebat
heb gedaan")."""

from __future__ import annotations

from spacy.tokens import Doc

from kamer_nlp.commitments.cues import CueSet
from kamer_nlp.commitments.deadline import _regex_date
from kamer_nlp.commitments.view import DocView, as_view
from kamer_nlp.contracts import TextMention
from kamer_nlp.nlp.extensions import TIMEX_KEY, timex_attrs


def find_link_target(
    doc: Doc | DocView, start: int, end: int, cues: CueSet
) -> tuple[TextMention | None, TextMention | None]:
    """The date and the meeting an earlier commitment is referred to by."""
    view = as_view(doc)
    date: TextMention | None = None
    for span in view.spans_in(TIMEX_KEY, start, end):
        attrs = timex_attrs(span)
        if attrs is not None and attrs.kind == "date":
            date = TextMention(span.start_char, span.end_char, span.text, attrs.value)
            break
    if date is None:
        date = _regex_date(view, start, end, cues)
    meeting = None
    m = cues.regex("meeting").search(view.text, start, end)
    if m:
        meeting = TextMention(
            m.start("meeting"), m.end("meeting"), m.group("meeting"), has_value=False
        )
    return date, meeting
