"""Gold documents: annotator-corrected spans, and the checks every importer applies.

An import is only meaningful when the annotator saw exactly the text that was
exported: offsets point into that text. Every exported task therefore carries the
document id and a SHA-256 of its text, and importers refuse a task whose text
differs from the exported one (or from the original record, when given).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from typing import Any, NamedTuple

from kamer_nlp.io.schema import record_schema


class AnnotationImportError(ValueError):
    """A corrected task that cannot become gold data; the message says why."""


class TextChangedError(AnnotationImportError):
    """The annotator's text differs from the exported record: offsets would mean nothing."""


class SkippedTask(Exception):
    """A task that is not gold data (rejected, ignored, never annotated); ``reason`` says which."""

    def __init__(self, doc_id: str | None, reason: str) -> None:
        super().__init__(f"{doc_id or '?'}: {reason}")
        self.doc_id = doc_id
        self.reason = reason


@cache
def contract_labels() -> tuple[str, ...]:
    """The span labels of the output contract, read from the shipped JSON Schema."""
    enum = record_schema()["properties"]["spans"]["items"]["properties"]["label"]["enum"]
    return tuple(str(label) for label in enum)


class GoldSpan(NamedTuple):
    """One gold span: ``(start, end, label, kb_id)``, half-open character offsets."""

    start: int
    end: int
    label: str
    kb_id: str | None = None


@dataclass(frozen=True)
class GoldDocument:
    """The corrected spans of one document.

    ``labels`` are the labels the annotator reviewed (those exported); evaluation
    scores only these, so exporting COMMITMENT alone does not count every ACTOR
    the pipeline found as a false positive.
    """

    doc_id: str
    text: str
    spans: tuple[GoldSpan, ...]
    labels: tuple[str, ...] = field(default_factory=contract_labels)
    origin: str | None = None  # prodigy | labelstudio | doccano | record

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.doc_id,
            "text": self.text,
            "labels": list(self.labels),
            "origin": self.origin,
            "spans": [
                {
                    "start": s.start,
                    "end": s.end,
                    "label": s.label,
                    "text": self.text[s.start : s.end],
                    "kb_id": s.kb_id,
                }
                for s in self.spans
            ],
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> GoldDocument:
        """Read a gold line, or a ``kamer-nlp/1`` record (its spans taken as gold)."""
        text = data["text"]
        spans = [
            GoldSpan(int(s["start"]), int(s["end"]), str(s["label"]), s.get("kb_id"))
            for s in data.get("spans") or []
        ]
        doc_id = str(data["id"])
        validate_spans(doc_id, text, spans)
        return cls(
            doc_id=doc_id,
            text=text,
            spans=normalise_spans(text, spans),
            labels=tuple(data.get("labels") or contract_labels()),
            origin=data.get("origin") or ("record" if "schema" in data else None),
        )


def text_sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def span_key(label: str, start: int, end: int) -> str:
    """The key used for kb ids in exported metadata (as ``extensions.span_key``)."""
    return f"{label}:{start}:{end}"


PAYLOAD_KEY = "kamer"  # machine-only data of a task, kept apart from what the tool shows
VISIBLE_KEYS = ("doc_id", "source", "sha256")
PAYLOAD_KEYS = ("text_sha256", "schema", "labels", "kb_ids")


def export_meta(
    record: Mapping[str, Any], labels: Iterable[str], spans: Iterable[Mapping[str, Any]]
) -> tuple[dict[str, Any], dict[str, Any]]:
    """What every exported task carries so its corrections can be matched back.

    The first dict (document id, source path and sha256) is for the annotator to
    see; the second (text hash, labels exported, kb ids by ``LABEL:start:end``) goes
    under :data:`PAYLOAD_KEY`.
    """
    source = record.get("source") or {}
    visible = {"doc_id": record["id"], "source": source.get("path"), "sha256": source.get("sha256")}
    if record.get("turns"):  # debates: who speaks where, for the annotator
        visible["turns"] = [
            {k: t.get(k) for k in ("speaker", "role", "party", "function", "start", "end")}
            for t in record["turns"]
        ]
    payload = {
        "text_sha256": text_sha256(record["text"]),
        "schema": record.get("schema"),
        "labels": list(labels),
        "kb_ids": {
            span_key(s["label"], s["start"], s["end"]): s["kb_id"] for s in spans if s.get("kb_id")
        },
    }
    return visible, payload


def read_meta(*holders: Any) -> dict[str, Any]:
    """Our metadata from the first holder (a dict) that has each key, flat or under
    :data:`PAYLOAD_KEY`; integer ``doc_id`` values (a tool's own ids) are passed over."""
    found: dict[str, Any] = {}
    for holder in holders:
        if not isinstance(holder, Mapping):
            continue
        payload = holder.get(PAYLOAD_KEY)
        for source, keys in ((holder, VISIBLE_KEYS + PAYLOAD_KEYS), (payload, PAYLOAD_KEYS)):
            if not isinstance(source, Mapping):
                continue
            for key in keys:
                value = source.get(key)
                if value is not None and key not in found and not isinstance(value, int):
                    found[key] = value
    return found


def exported_spans(
    record: Mapping[str, Any], labels: Iterable[str] | None
) -> tuple[list[str], list[dict[str, Any]]]:
    """The labels to export and the record's spans with those labels, in record order."""
    chosen = list(labels) if labels is not None else list(contract_labels())
    unknown = sorted(set(chosen) - set(contract_labels()))
    if unknown:
        raise ValueError(f"unknown labels {unknown}; the contract has {list(contract_labels())}")
    return chosen, [s for s in record.get("spans") or [] if s["label"] in chosen]


def first_difference(a: str, b: str) -> int:
    for i, (x, y) in enumerate(zip(a, b, strict=False)):
        if x != y:
            return i
    return min(len(a), len(b))


def check_text(
    doc_id: str,
    text: str,
    *,
    expected_sha256: str | None,
    record: Mapping[str, Any] | None,
    fmt: str,
) -> None:
    """Refuse a task whose text is not the exported text."""
    if record is not None:
        original = record["text"]
        if text != original:
            i = first_difference(text, original)
            raise TextChangedError(
                f"{doc_id}: the text of the corrected {fmt} task differs from the record "
                f"(first difference at character {i}: {text[i : i + 30]!r} vs "
                f"{original[i : i + 30]!r}, lengths {len(text)} vs {len(original)}); span "
                "offsets would not point at the same words. Re-export the document and "
                "annotate it again."
            )
        return
    if expected_sha256 is None:
        raise AnnotationImportError(
            f"{doc_id}: the {fmt} task carries no text_sha256 and no original record was "
            "given, so an edited text could not be detected; pass the records the export "
            "was made from"
        )
    if text_sha256(text) != expected_sha256:
        raise TextChangedError(
            f"{doc_id}: the text of the corrected {fmt} task differs from the exported text "
            "(its SHA-256 no longer matches text_sha256); span offsets would not point at "
            "the same words. Re-export the document and annotate it again."
        )


def validate_spans(doc_id: str, text: str, spans: Iterable[GoldSpan]) -> None:
    known = set(contract_labels())
    for s in spans:
        if not 0 <= s.start < s.end <= len(text):
            raise AnnotationImportError(
                f"{doc_id}: span {s.label} [{s.start}, {s.end}) is empty or outside the text "
                f"(length {len(text)})"
            )
        if s.label not in known:
            raise AnnotationImportError(
                f"{doc_id}: unknown label {s.label!r} at [{s.start}, {s.end}); "
                f"allowed: {', '.join(sorted(known))}"
            )


def normalise_spans(text: str, spans: Iterable[GoldSpan]) -> tuple[GoldSpan, ...]:
    """Trim whitespace an annotator's selection took along, drop duplicates, sort."""
    out: set[GoldSpan] = set()
    for s in spans:
        start, end = s.start, s.end
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start < end:
            out.add(GoldSpan(start, end, s.label, s.kb_id))
    return tuple(sorted(out, key=lambda s: (s.start, -s.end, s.label, s.kb_id or "")))


def meta_kb_ids(meta: Mapping[str, Any]) -> dict[str, str]:
    kb = meta.get("kb_ids")
    return dict(kb) if isinstance(kb, Mapping) else {}


def record_kb_ids(record: Mapping[str, Any] | None) -> dict[str, str]:
    if record is None:
        return {}
    return {
        span_key(s["label"], s["start"], s["end"]): s["kb_id"]
        for s in record.get("spans") or []
        if s.get("kb_id")
    }


def finish(
    doc_id: str,
    text: str,
    raw: Iterable[tuple[int, int, str, str | None, bool]],
    *,
    meta: Mapping[str, Any],
    record: Mapping[str, Any] | None,
    fmt: str,
) -> GoldDocument:
    """Build the gold document from ``(start, end, label, kb_id, kb_given)`` tuples.

    A span whose format carried no kb id of its own (``kb_given`` false: a span the
    annotator drew, or a tool that cannot hold one) takes the kb id the exported span
    with the same label and offsets had, if any.
    """
    known_kb = {**record_kb_ids(record), **meta_kb_ids(meta)}
    spans = [
        GoldSpan(
            start,
            end,
            label,
            kb_id if kb_given else known_kb.get(span_key(label, start, end)),
        )
        for start, end, label, kb_id, kb_given in raw
    ]
    validate_spans(doc_id, text, spans)
    labels = meta.get("labels") or contract_labels()
    return GoldDocument(
        doc_id=doc_id,
        text=text,
        spans=normalise_spans(text, spans),
        labels=tuple(labels),
        origin=fmt,
    )


def lookup_record(
    doc_id: str | None, records: Mapping[str, Mapping[str, Any]] | None, fmt: str
) -> Mapping[str, Any] | None:
    if doc_id is None:
        raise AnnotationImportError(
            f"a {fmt} task without a doc_id: it was not exported by kamer-nlp, or the tool "
            "dropped its metadata"
        )
    if records is None:
        return None
    if doc_id not in records:
        raise AnnotationImportError(f"{doc_id}: no record with this id among the originals")
    return records[doc_id]
