"""Who makes a commitment: :func:`find_actor` and the actor records it builds.

The ACTOR span over the cue's agent wins; a first-person agent without a span, or a
passive sentence, falls back to the document's signatory (or None). Without ACTOR spans
the actor is the signatory. The actor is a ``contracts.CommitmentActor`` (``start``/``end``
are absolute offsets, None when the actor is not in the sentence).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span

from kamer_nlp.commitments.anchor import Anchor
from kamer_nlp.commitments.lexicon import StructureLexicon
from kamer_nlp.commitments.view import DocView, as_view, overlaps
from kamer_nlp.contracts import ActorAttrs, CommitmentActor, Turn
from kamer_nlp.nlp.extensions import ACTORS_KEY, actor_attrs, doc_meta, turn_at

if TYPE_CHECKING:  # the actors package is optional at run time (see _gazetteer_entry)
    from kamer_nlp.actors.gazetteer import ActorEntry

#: the actor types of the government (the makers of a commitment)
GOVERNMENT_TYPES = frozenset(
    {"minister", "staatssecretaris", "minister-president", "ministry", "cabinet", "kabinet"}
)
CABINET_ID = "kabinet"


def _gazetteer_entry(actor_id: str | None) -> ActorEntry | None:
    if not actor_id:
        return None
    try:  # the actors package is optional for this component
        from kamer_nlp.actors.gazetteer import Gazetteer

        return Gazetteer.default().get(actor_id)
    except Exception:  # missing package or unknown id: no enrichment
        return None


def _signatory_name(doc: Doc, actor_id: str | None) -> str | None:
    """The person's name when the actor is one of the document's signatories."""
    for sig in doc_meta(doc).signatories:
        if actor_id and sig.actor_id == actor_id and sig.name:
            return sig.name
    return None


def _ministry(actor_id: str | None, actor_type: str | None, ministry: str | None) -> str | None:
    """A ministry is its own ministry (the register's ``ministerie`` of a ministry's promise)."""
    return actor_id if actor_type == "ministry" and actor_id else ministry


def _unresolved(name: str | None, via: str | None) -> CommitmentActor:
    return CommitmentActor(None, name, None, None, None, None, via)


_NO_ATTRS = ActorAttrs(type=None, actor_id=None)


def actor_from_span(span: Span, via: str | None = None) -> CommitmentActor:
    attrs = actor_attrs(span) or _NO_ATTRS
    actor_id = attrs.actor_id or span.kb_id_ or None
    entry = _gazetteer_entry(actor_id)
    return CommitmentActor(
        actor_id=actor_id,
        # the person where the document names them (the signatory), else the function or body
        name=_signatory_name(span.doc, actor_id)
        or attrs.name
        or (entry.name if entry else None)
        or span.text,
        function=entry.function if entry else None,
        ministry=_ministry(
            actor_id,
            attrs.type or (entry.type if entry else None),
            attrs.ministry or (entry.ministry if entry else None),
        ),
        start=span.start_char,
        end=span.end_char,
        via=via or attrs.via,
    )


def _entry_actor(actor_id: str, via: str) -> CommitmentActor | None:
    entry = _gazetteer_entry(actor_id)
    if entry is None:
        return None
    return CommitmentActor(
        actor_id=actor_id,
        name=entry.name,
        function=entry.function,
        ministry=_ministry(actor_id, entry.type, entry.ministry),
        start=None,
        end=None,
        via=via,
    )


def signatory_actor(doc: Doc, via: str) -> CommitmentActor | None:
    signatories = doc_meta(doc).signatories
    if not signatories:
        return None
    sig = signatories[0]
    entry = _gazetteer_entry(sig.actor_id)
    return CommitmentActor(
        actor_id=sig.actor_id,
        name=sig.name or (entry.name if entry else None),
        function=sig.function or (entry.function if entry else None),
        ministry=_ministry(
            sig.actor_id, entry.type if entry else None, entry.ministry if entry else None
        ),
        start=None,
        end=None,
        via=via,
    )


def first_person_actor(doc: Doc | DocView, agent_text: str) -> CommitmentActor:
    """Who "ik"/"wij" is when the actors component left the pronoun without a span.

    The signatory first; without one, "wij" is the cabinet and "ik" the one
    bewindspersoon the document names (a Kamervragen answer: "Antwoord van minister
    …"); failing that an unresolved first person, so the row still says "ik"/"wij".
    """
    view = as_view(doc)
    via = "ik" if agent_text in StructureLexicon.default().first_person_singular else "wij"
    actor = signatory_actor(view.doc, via)
    if actor is not None:
        return actor
    if via == "wij":
        actor = _entry_actor(CABINET_ID, via)
    else:
        people = view.people()
        actor = actor_from_span(people[0], via) if len(people) == 1 else None
        if actor is not None:
            actor.start = actor.end = None  # the named person is not in this sentence
    return actor or _unresolved(None, via)


def turn_actor(turn: Turn) -> CommitmentActor:
    """The speaker of a debate turn as a commitment's actor (via "turn")."""
    entry = _gazetteer_entry(turn.actor_id)
    return CommitmentActor(
        actor_id=turn.actor_id,
        name=turn.speaker,
        function=turn.function or (entry.function if entry else None) or turn.role,
        ministry=entry.ministry if entry else None,
        start=None,
        end=None,
        via="turn",
    )


def find_actor(
    doc: Doc | DocView, start: int, end: int, anchor: Anchor | None
) -> CommitmentActor | None:
    """Who makes the commitment: in a debate the speaker of the sentence's turn (the
    government speaker's own ACTOR span when the sentence names them, "ik" included),
    elsewhere :func:`find_document_actor`."""
    view = as_view(doc)
    turn = turn_at(view.doc, start)
    if turn is None:
        return find_document_actor(view, start, end, anchor)
    for span in view.spans_in(ACTORS_KEY, start, end):
        attrs = actor_attrs(span) or _NO_ATTRS
        if (
            turn.actor_id
            and attrs.actor_id == turn.actor_id
            and (anchor is None or anchor.agent is None or overlaps(span, anchor.agent))
        ):
            actor = actor_from_span(span)
            actor.function = actor.function or turn.function or turn.role
            return actor
    return turn_actor(turn)


def find_document_actor(
    doc: Doc | DocView, start: int, end: int, anchor: Anchor | None
) -> CommitmentActor | None:
    """Who makes the commitment.

    The ACTOR span over the cue's agent wins ("zal de Minister van JenV",
    "ik" resolved by the actors component); a first-person agent without a
    span, or a passive sentence, falls back to the signatory (via "ik"/"wij",
    or "implicit"); a government ACTOR elsewhere in the sentence is used
    before that fallback for agentless sentences.
    """
    view = as_view(doc)
    text = view.text
    lexicon = StructureLexicon.default()
    actors = view.spans_in(ACTORS_KEY, start, end)
    if anchor and anchor.agent:
        for span in actors:
            if overlaps(span, anchor.agent):
                return actor_from_span(span)
        agent_text = text[anchor.agent[0] : anchor.agent[1]].lower()
        if agent_text in lexicon.first_person:
            for span in actors:
                if (actor_attrs(span) or _NO_ATTRS).via in ("ik", "wij"):
                    return actor_from_span(span)
            return first_person_actor(view, agent_text)
        if agent_text.startswith(lexicon.cabinet_agents):
            return first_person_actor(view, "wij")
        a0, a1 = anchor.agent
        tail = lexicon.function_tail.match(text, a1, end)
        if tail and lexicon.starts_with_article(text[a0:a1]):
            a1 = tail.end()
        return _unresolved(lexicon.agent_article_prefix.sub("", text[a0:a1]).rstrip(" ,"), None)
    for span in actors:
        if (actor_attrs(span) or _NO_ATTRS).type in GOVERNMENT_TYPES:
            return actor_from_span(span)
    return signatory_actor(view.doc, "implicit")
