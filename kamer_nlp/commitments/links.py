"""What a link points back to: :func:`find_link_target`, the date and meeting an earlier
commitment is referred to by ("de toezegging die ik op 7 februari jl. in het commissiedebat
heb gedaan")."""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc

from kamer_nlp.commitments.cues import CueSet
from kamer_nlp.commitments.deadline import _regex_date
from kamer_nlp.commitments.view import DocView, as_view
from kamer_nlp.nlp.extensions import TIMEX_KEY, get_span_attrs


def find_link_target(doc: Doc | DocView, start: int, end: int, cues: CueSet) -> dict[str, Any]:
    """The date and meeting an earlier commitment is referred to by."""
    view = as_view(doc)
    date: dict[str, Any] | None = None
    for span in view.spans_in(TIMEX_KEY, start, end):
        attrs = get_span_attrs(span)
        if attrs.get("kind") == "date":
            date = {
                "start": span.start_char,
                "end": span.end_char,
                "text": span.text,
                "value": attrs.get("value"),
            }
            break
    if date is None:
        date = _regex_date(view, start, end, cues)
    meeting = None
    m = cues.regex("meeting").search(view.text, start, end)
    if m:
        meeting = {"start": m.start("meeting"), "end": m.end("meeting"), "text": m.group("meeting")}
    return {"date": date, "meeting": meeting}
