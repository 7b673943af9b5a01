"""Custom attributes shared by the kamer-nlp spaCy components.

Registered once, at import. Components write their results into ``doc.spans``
under the keys below; label-specific payloads (``attrs`` in the output record)
live at document level, keyed by the span's character offsets and label, so
they survive ``Doc.to_bytes`` / ``DocBin`` round trips.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from spacy.tokens import Doc, Span

# doc.spans keys, one per component
REFERENCES_KEY = "kamer_references"
TIMEX_KEY = "kamer_timex"
ACTORS_KEY = "kamer_actors"
COMMITMENTS_KEY = "kamer_commitments"
SPAN_KEYS = (ACTORS_KEY, REFERENCES_KEY, TIMEX_KEY, COMMITMENTS_KEY)

# Doc extensions
DATE_EXT = (
    "kamer_date"  # ISO date string of the document (or None): relative times resolve against it
)
META_EXT = "kamer_meta"  # dict: document metadata from repair (signatories, dossier, …) or None
ATTRS_EXT = "kamer_attrs"  # dict[str, dict]: span attrs keyed by span_key(); use the helpers below
COMMITMENT_RECORDS_EXT = "kamer_commitment_records"  # list[dict] built by kamer_commitments
WARNINGS_EXT = "kamer_warnings"  # list[str] of document-level warnings from components

for _name in (DATE_EXT, META_EXT, ATTRS_EXT, COMMITMENT_RECORDS_EXT, WARNINGS_EXT):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


def span_key(span: Span) -> str:
    """The document-level key of a span: ``LABEL:start_char:end_char``."""
    return f"{span.label_}:{span.start_char}:{span.end_char}"


def set_span_attrs(span: Span, attrs: dict[str, Any]) -> None:
    """Store the label-specific attributes of ``span`` on its Doc."""
    doc = span.doc
    store = doc._.get(ATTRS_EXT)
    if store is None:
        store = {}
        doc._.set(ATTRS_EXT, store)
    store[span_key(span)] = dict(attrs)


def get_span_attrs(span: Span) -> dict[str, Any]:
    """The attributes stored for ``span`` (an empty dict when none)."""
    store = span.doc._.get(ATTRS_EXT) or {}
    return dict(store.get(span_key(span), {}))


def doc_date(doc: Doc) -> dt.date | None:
    """The document date as a ``datetime.date``, or None when unknown."""
    value = doc._.get(DATE_EXT)
    if value is None:
        return None
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))


def doc_meta(doc: Doc) -> dict[str, Any]:
    """The document metadata dict (empty when the Doc came from bare text)."""
    return doc._.get(META_EXT) or {}


def add_warning(doc: Doc, message: str) -> None:
    warnings = doc._.get(WARNINGS_EXT)
    if warnings is None:
        warnings = []
        doc._.set(WARNINGS_EXT, warnings)
    if message not in warnings:
        warnings.append(message)
