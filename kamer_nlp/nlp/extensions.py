"""Custom attributes shared by the kamer-nlp spaCy components.

Registered once, at import. Components write their results into ``doc.spans``
under the keys below; label-specific payloads (``attrs`` in the output record)
live at document level, keyed by the span's character offsets and label, so
they survive ``Doc.to_bytes`` / ``DocBin`` round trips.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from collections.abc import Callable
from typing import Any, TypeVar

import srsly
from spacy.tokens import Doc, Span

from kamer_nlp.contracts import (
    ATTRS_BY_LABEL,
    ActorAttrs,
    Commitment,
    CommitmentLink,
    CommitmentSpanAttrs,
    DocumentMeta,
    Record,
    ReferenceAttrs,
    SpanAttrs,
    TimexAttrs,
    Turn,
)

# doc.spans keys, one per component
REFERENCES_KEY = "kamer_references"
TIMEX_KEY = "kamer_timex"
ACTORS_KEY = "kamer_actors"
COMMITMENTS_KEY = "kamer_commitments"
SPAN_KEYS = (ACTORS_KEY, REFERENCES_KEY, TIMEX_KEY, COMMITMENTS_KEY)

# Doc extensions
META_EXT = "kamer_meta"  # DocumentMeta (or None): metadata from repair; its date anchors times
ATTRS_EXT = "kamer_attrs"  # dict[str, SpanAttrs] keyed by span_key(); use the helpers below
COMMITMENT_RECORDS_EXT = "kamer_commitment_records"  # list[Commitment | CommitmentLink]
WARNINGS_EXT = "kamer_warnings"  # list[str] of document-level warnings from components
TURNS_EXT = "kamer_turns"  # list[Turn] (debates): who speaks where; use the helpers below

for _name in (META_EXT, ATTRS_EXT, COMMITMENT_RECORDS_EXT, WARNINGS_EXT, TURNS_EXT):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


# --- msgpack codec: the typed values survive Doc.to_bytes / DocBin(store_user_data=True) ---
_TAG = "__kamer__"
_CODEC: dict[str, tuple[type, Callable[[Any], Record], Callable[[Record], Any]]] = {
    "DocumentMeta": (DocumentMeta, DocumentMeta.to_record, DocumentMeta.from_record),
    "ReferenceAttrs": (ReferenceAttrs, ReferenceAttrs.to_record, ReferenceAttrs.from_record),
    "TimexAttrs": (TimexAttrs, TimexAttrs.to_record, TimexAttrs.from_record),
    "ActorAttrs": (ActorAttrs, ActorAttrs.to_record, ActorAttrs.from_record),
    "CommitmentSpanAttrs": (
        CommitmentSpanAttrs,
        CommitmentSpanAttrs.to_record,
        CommitmentSpanAttrs.from_record,
    ),
    "Commitment": (Commitment, Commitment.to_store, Commitment.from_store),
    "CommitmentLink": (CommitmentLink, CommitmentLink.to_store, CommitmentLink.from_store),
    "Turn": (Turn, Turn.to_record, Turn.from_record),
}


@srsly.msgpack_encoders("kamer_nlp.contracts")
def _encode(obj: object, chain: Callable[[object], object] | None = None) -> object:
    entry = _CODEC.get(type(obj).__name__)
    if entry is not None and isinstance(obj, entry[0]):
        return {_TAG: type(obj).__name__, "data": entry[1](obj)}
    return obj if chain is None else chain(obj)


@srsly.msgpack_decoders("kamer_nlp.contracts")
def _decode(obj: object, chain: Callable[[object], object] | None = None) -> object:
    if isinstance(obj, dict) and _TAG in obj and str(obj[_TAG]) in _CODEC:
        return _CODEC[str(obj[_TAG])][2](obj["data"])
    return obj if chain is None else chain(obj)


def span_key(span: Span) -> str:
    """The document-level key of a span: ``LABEL:start_char:end_char[:kb_id]`` (two spans over
    the same words may name different things: the middle numbers of "nrs. 12 tot en met 15")."""
    key = f"{span.label_}:{span.start_char}:{span.end_char}"
    return f"{key}:{span.kb_id_}" if span.kb_id_ else key


def set_span_attrs(span: Span, attrs: SpanAttrs) -> None:
    """Store the label-specific attributes of ``span`` on its Doc."""
    expected = ATTRS_BY_LABEL.get(span.label_)
    if expected is not None and not isinstance(attrs, expected):
        raise TypeError(f"{span.label_} spans take {expected.__name__}, not {type(attrs).__name__}")
    doc = span.doc
    store = doc._.get(ATTRS_EXT)
    if store is None:
        store = {}
        doc._.set(ATTRS_EXT, store)
    store[span_key(span)] = attrs


def get_span_attrs(span: Span) -> SpanAttrs | None:
    """The attributes stored for ``span`` (None when none)."""
    store = span.doc._.get(ATTRS_EXT) or {}
    value: SpanAttrs | None = store.get(span_key(span))
    return value


_A = TypeVar("_A", ReferenceAttrs, TimexAttrs, ActorAttrs, CommitmentSpanAttrs)


def _typed(span: Span, cls: type[_A]) -> _A | None:
    value = get_span_attrs(span)
    return value if isinstance(value, cls) else None


def timex_attrs(span: Span) -> TimexAttrs | None:
    """The attrs of a TIMEX span (None for a span the temporal component did not write)."""
    return _typed(span, TimexAttrs)


def actor_attrs(span: Span) -> ActorAttrs | None:
    """The attrs of an ACTOR span (None for a span the actors component did not write)."""
    return _typed(span, ActorAttrs)


def reference_attrs(span: Span) -> ReferenceAttrs | None:
    return _typed(span, ReferenceAttrs)


def span_attrs_record(span: Span) -> Record:
    """The ``attrs`` object of the output record for ``span`` (``{}`` when none)."""
    value = get_span_attrs(span)
    return {} if value is None else value.to_record()


def doc_meta(doc: Doc) -> DocumentMeta:
    """The document metadata (an empty DocumentMeta when the Doc came from bare text)."""
    meta = doc._.get(META_EXT)
    return meta if isinstance(meta, DocumentMeta) else DocumentMeta()


def set_doc_meta(doc: Doc, meta: DocumentMeta) -> None:
    doc._.set(META_EXT, meta)


def doc_date(doc: Doc) -> dt.date | None:
    """The document date (None when unknown): relative times resolve against it."""
    return doc_meta(doc).date


def doc_turns(doc: Doc) -> list[Turn]:
    """The speaker turns of a debate, in text order ([] for other documents)."""
    turns = doc._.get(TURNS_EXT)  # a list; a tuple after a DocBin round trip
    return [t for t in turns if isinstance(t, Turn)] if isinstance(turns, list | tuple) else []


def set_doc_turns(doc: Doc, turns: list[Turn]) -> None:
    doc._.set(TURNS_EXT, sorted(turns, key=lambda t: (t.start, t.end)))


def turn_index_at(doc: Doc, offset: int) -> int | None:
    """The index (in :func:`doc_turns`) of the turn holding character ``offset``, or None."""
    turns = doc_turns(doc)
    n = bisect_right([t.start for t in turns], offset) - 1
    if n >= 0 and turns[n].start <= offset < turns[n].end:
        return n
    return None


def turn_at(doc: Doc, offset: int) -> Turn | None:
    """The turn holding character ``offset`` (None outside any turn or without turns)."""
    n = turn_index_at(doc, offset)
    return None if n is None else doc_turns(doc)[n]


def add_warning(doc: Doc, message: str) -> None:
    warnings = doc._.get(WARNINGS_EXT)
    if warnings is None:
        warnings = []
        doc._.set(WARNINGS_EXT, warnings)
    if message not in warnings:
        warnings.append(message)
