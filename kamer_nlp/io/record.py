"""Doc + RepairedText → one ``kamer-nlp/1`` JSON record (see docs/output.md)."""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc, Span

from kamer_nlp import __version__
from kamer_nlp.nlp.extensions import (
    COMMITMENT_RECORDS_EXT,
    SPAN_KEYS,
    WARNINGS_EXT,
    get_span_attrs,
)
from kamer_nlp.repair.text import RepairedText

SCHEMA = "kamer-nlp/1"
META_FIELDS = (
    "date",
    "kamer",
    "vergaderjaar",
    "dossier",
    "toevoeging",
    "ondernummer",
    "doc_type",
    "title",
    "subject",
    "kenmerk",
    "signatories",
)


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
    meta = {k: rt.meta.get(k) for k in META_FIELDS}
    meta["signatories"] = list(rt.meta.get("signatories") or [])
    for extra in ("id", "co_senders", "heading", "furniture", "sidebar", "date_source"):
        if rt.meta.get(extra):
            meta[extra] = rt.meta[extra]

    spans_out: list[dict[str, Any]] = []
    span_ids: dict[tuple[str, int, int], str] = {}
    for span in _spans(doc):
        key = (span.label_, span.start_char, span.end_char)
        if key in span_ids:
            continue
        sid = f"s{len(spans_out) + 1}"
        span_ids[key] = sid
        spans_out.append(
            {
                "id": sid,
                "start": span.start_char,
                "end": span.end_char,
                "label": span.label_,
                "text": text[span.start_char : span.end_char],
                "kb_id": span.kb_id_ or None,
                "attrs": get_span_attrs(span),
                "boxes": [b.to_dict() for b in rt.boxes(span.start_char, span.end_char)],
            }
        )

    commitments, links = _commitments(doc, span_ids, rt)
    warnings = list(rt.warnings) + list(doc._.get(WARNINGS_EXT) or [])
    return {
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
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Split the component's records into commitments and links; point them at span ids."""
    commitments: list[dict[str, Any]] = []
    links: list[dict[str, Any]] = []
    for raw in doc._.get(COMMITMENT_RECORDS_EXT) or []:
        rec = dict(raw)
        kind = rec.pop("kind", "commitment")
        start, end = rec.get("start"), rec.get("end")
        if start is not None and end is not None:
            rec["span"] = span_ids.get(("COMMITMENT", start, end))
            rec["page"] = rt.page_of(start, end)
        actor = rec.get("actor")
        if isinstance(actor, dict) and actor.get("start") is not None:
            actor = dict(actor)
            actor["span"] = span_ids.get(("ACTOR", actor["start"], actor["end"]))
            rec["actor"] = actor
        deadline = rec.get("deadline")
        if isinstance(deadline, dict) and deadline.get("start") is not None:
            deadline = dict(deadline)
            deadline["span"] = span_ids.get(("TIMEX", deadline["start"], deadline["end"]))
            rec["deadline"] = deadline
        (links if kind == "link" else commitments).append(rec)
    return commitments, links
