"""Doc + RepairedText → one ``kamer-nlp/1`` JSON record (see docs/output.md)."""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc, Span

from kamer_nlp import __version__
from kamer_nlp.contracts import (
    META_FIELDS,
    Commitment,
    CommitmentActor,
    CommitmentLink,
    DocumentMeta,
    Record,
    evidence_record,
)
from kamer_nlp.nlp.extensions import (
    COMMITMENT_RECORDS_EXT,
    META_EXT,
    SPAN_KEYS,
    WARNINGS_EXT,
    doc_turns,
    span_attrs_record,
)
from kamer_nlp.repair.text import RepairedText

SCHEMA = "kamer-nlp/1"
#: the ``source.format`` values of official publications: their records carry
#: ``evidence`` (and ``turns``, for debates)
OFFICIAL_FORMATS = frozenset({"xml", "html", "vlos"})
__all__ = ["META_FIELDS", "SCHEMA", "build_record"]


def _spans(doc: Doc) -> list[Span]:
    spans = [s for key in SPAN_KEYS if key in doc.spans for s in doc.spans[key]]
    return sorted(spans, key=lambda s: (s.start_char, -s.end_char, s.label_))


def build_record(
    rt: RepairedText,
    doc: Doc,
    *,
    doc_id: str,
    source: dict[str, Any],
    pipeline: dict[str, Any],
) -> dict[str, Any]:
    text = rt.text
    doc_meta = doc._.get(META_EXT)
    meta = (doc_meta if isinstance(doc_meta, DocumentMeta) else rt.meta).to_record()

    spans_out: list[dict[str, Any]] = []
    span_ids: dict[tuple[str, int, int], str] = {}
    seen: set[tuple[str, int, int, str]] = set()
    for span in _spans(doc):
        key = (span.label_, span.start_char, span.end_char)
        if (*key, span.kb_id_) in seen:
            continue
        seen.add((*key, span.kb_id_))
        sid = f"s{len(spans_out) + 1}"
        span_ids.setdefault(key, sid)
        spans_out.append(
            {
                "id": sid,
                "start": span.start_char,
                "end": span.end_char,
                "label": span.label_,
                "text": text[span.start_char : span.end_char],
                "kb_id": span.kb_id_ or None,
                "attrs": span_attrs_record(span),
                "boxes": [b.to_dict() for b in rt.boxes(span.start_char, span.end_char)],
            }
        )

    commitments, links = _commitments(doc, span_ids, rt)
    warnings = list(rt.warnings) + list(doc._.get(WARNINGS_EXT) or [])
    record: dict[str, Any] = {
        "schema": SCHEMA,
        "id": doc_id,
        "source": source,
        "meta": meta,
        "text": text,
        "paragraphs": [p.to_dict() for p in rt.paragraphs],
        "sentences": _sentences(doc),
        "footnotes": [f.to_dict() for f in rt.footnotes],
        "spans": spans_out,
        "commitments": commitments,
        "commitment_links": links,
        "repairs": [r.to_dict() for r in rt.repairs],
        "warnings": warnings,
        "pipeline": {"version": __version__, **pipeline},
    }
    if source.get("format") in OFFICIAL_FORMATS:
        record["turns"] = [t.to_record() for t in doc_turns(doc) or rt.turns]
        record["evidence"] = evidence_record(rt.evidence, text)
    return record


def _sentences(doc: Doc) -> list[list[int]]:
    if not doc.has_annotation("SENT_START"):
        return []
    out = []
    for sent in doc.sents:
        stripped = sent.text.rstrip()
        if stripped:
            lead = len(stripped) - len(stripped.lstrip())
            out.append([sent.start_char + lead, sent.start_char + len(stripped)])
    return out


def _commitments(
    doc: Doc, span_ids: dict[tuple[str, int, int], str], rt: RepairedText
) -> tuple[list[Record], list[Record]]:
    """The component's commitments and links as record objects, pointed at span ids."""
    commitments: list[Record] = []
    links: list[Record] = []

    def actor_span(actor: CommitmentActor | None) -> str | None:
        if actor is None or actor.start is None or actor.end is None:
            return None
        return span_ids.get(("ACTOR", actor.start, actor.end))

    for found in doc._.get(COMMITMENT_RECORDS_EXT) or []:
        page = rt.page_of(found.start, found.end)
        if isinstance(found, Commitment):
            deadline = found.deadline
            commitments.append(
                found.to_record(
                    span=span_ids.get(("COMMITMENT", found.start, found.end)),
                    page=page,
                    actor_span=actor_span(found.actor),
                    deadline_span=None
                    if deadline is None
                    else span_ids.get(("TIMEX", deadline.start, deadline.end)),
                )
            )
        elif isinstance(found, CommitmentLink):
            links.append(
                found.to_record(
                    span=span_ids.get(("COMMITMENT", found.start, found.end)),
                    page=page,
                    actor_span=actor_span(found.actor),
                )
            )
    return commitments, links
