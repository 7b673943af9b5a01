"""To whom a commitment is made: :func:`find_addressee` (a Kamer or a committee id)."""

from __future__ import annotations

import re

from spacy.tokens import Doc

from kamer_nlp.commitments.cues import CueSet
from kamer_nlp.commitments.view import DocView, as_view
from kamer_nlp.nlp.extensions import ACTORS_KEY, actor_attrs

#: the actor types an addressee can have
PARLIAMENT_TYPES = frozenset({"parliament", "committee"})


def find_addressee(doc: Doc | DocView, start: int, end: int, cues: CueSet) -> str | None:
    """A parliament or committee ACTOR in the sentence, else the Kamer the ``kamer`` cue
    pattern names ("uw Kamer", "de vaste commissie voor …"), else None."""
    view = as_view(doc)
    for span in view.spans_in(ACTORS_KEY, start, end):
        attrs = actor_attrs(span)
        if attrs is not None and attrs.type in PARLIAMENT_TYPES and attrs.actor_id:
            return attrs.actor_id
    m = cues.regex("kamer").search(view.text, start, end)
    if not m:
        return None
    if m.group("ek"):
        return "eerste-kamer"
    if m.group("cie"):
        return _slug(m.group("cie"))
    return "tweede-kamer"


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
