"""Structure a commitment sentence: actor, addressee, action, deadline; link targets.

Everything here reads other components' output only through ``doc.spans`` and
:func:`get_span_attrs`, and degrades gracefully: without ACTOR spans the actor
falls back to the document's signatory (or None), without TIMEX spans the
deadline is None. Offsets are absolute character offsets into ``doc.text``.

One module per thing found; this module gathers their public API:

* :mod:`.view`: :class:`DocView`, the Doc's text and span groups read once per call
  (the functions take a view or a Doc);
* :mod:`.anchor`: :class:`Anchor`, :func:`choose_anchor` (the cue that carries it);
* :mod:`.actor`: :func:`find_actor` (who);
* :mod:`.addressee`: :func:`find_addressee` (to whom);
* :mod:`.deadline`: :func:`find_deadline` (by when);
* :mod:`.action`: :func:`find_action` (what);
* :mod:`.links`: :func:`find_link_target` (the date and meeting a link refers to);
* :mod:`.lexicon`: their Dutch vocabulary, from ``resources/commitments/structure.json``.
"""

from __future__ import annotations

from kamer_nlp.commitments.action import find_action
from kamer_nlp.commitments.actor import (
    CABINET_ID,
    GOVERNMENT_TYPES,
    actor_from_span,
    find_actor,
    first_person_actor,
    signatory_actor,
)
from kamer_nlp.commitments.addressee import PARLIAMENT_TYPES, find_addressee
from kamer_nlp.commitments.anchor import Anchor, choose_anchor
from kamer_nlp.commitments.deadline import TARGET_WINDOW, find_deadline, is_target_year
from kamer_nlp.commitments.links import find_link_target
from kamer_nlp.commitments.view import PERSON_TYPES, DocView, as_view

__all__ = [
    "CABINET_ID",
    "GOVERNMENT_TYPES",
    "PARLIAMENT_TYPES",
    "PERSON_TYPES",
    "TARGET_WINDOW",
    "Anchor",
    "DocView",
    "actor_from_span",
    "as_view",
    "choose_anchor",
    "find_action",
    "find_actor",
    "find_addressee",
    "find_deadline",
    "find_link_target",
    "first_person_actor",
    "is_target_year",
    "signatory_actor",
]
