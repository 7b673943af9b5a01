"""doccano: sequence-labeling JSONL out, the project's JSONL export back.

A line is ``{"text", "label": [[start, end, "LABEL"], ...]}``; doccano keeps every
other key as the example's metadata and writes it back on export, so the line
also carries ``doc_id``, ``source``, ``sha256``, ``text_sha256``, ``kamer_labels``
(the labels exported) and ``kb_ids`` (kb id by ``LABEL:start:end``). doccano has
no per-span fields: a span keeps the kb id of the exported span with the same
label and offsets, and span ``attrs`` are not exported.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from kamer_nlp.io.annotation.gold import (
    AnnotationImportError,
    GoldDocument,
    check_text,
    export_meta,
    exported_spans,
    finish,
    lookup_record,
    span_key,
)

FORMAT = "doccano"
LABELS_KEY = "kamer_labels"  # not "labels": too close to doccano's own "label" column


def to_doccano(record: Mapping[str, Any], *, labels: Iterable[str] | None = None) -> dict[str, Any]:
    """One doccano line for the record."""
    chosen, spans = exported_spans(record, labels)
    meta = export_meta(record, chosen)
    meta[LABELS_KEY] = meta.pop("labels")
    meta["kb_ids"] = {
        span_key(s["label"], s["start"], s["end"]): s["kb_id"] for s in spans if s.get("kb_id")
    }
    return {
        "text": record["text"],
        "label": [[s["start"], s["end"], s["label"]] for s in spans],
        **meta,
    }


def _metadata(line: Mapping[str, Any]) -> dict[str, Any]:
    """Our keys, wherever this doccano version put them (top level, ``meta`` or ``metadata``)."""
    found: dict[str, Any] = {}
    for holder in (line.get("metadata"), line.get("meta"), line):
        if isinstance(holder, Mapping):
            for key in ("doc_id", "source", "sha256", "text_sha256", LABELS_KEY, "kb_ids"):
                if key in holder and key not in found:
                    found[key] = holder[key]
    found["labels"] = found.pop(LABELS_KEY, None)
    return found


def _spans(line: Mapping[str, Any], doc_id: str) -> list[tuple[int, int, str]]:
    out: list[tuple[int, int, str]] = []
    for item in line.get("label") or []:  # [start, end, label]
        if not (isinstance(item, list | tuple) and len(item) == 3):
            raise AnnotationImportError(
                f"{doc_id}: a label that is not [start, end, label]: {item}"
            )
        out.append((int(item[0]), int(item[1]), str(item[2])))
    for item in line.get("entities") or []:  # projects with relations
        try:
            out.append((int(item["start_offset"]), int(item["end_offset"]), str(item["label"])))
        except (KeyError, TypeError, ValueError) as e:
            raise AnnotationImportError(f"{doc_id}: an entity without offsets: {item}") from e
    return out


def from_doccano(
    line: Mapping[str, Any], *, records: Mapping[str, Mapping[str, Any]] | None = None
) -> GoldDocument:
    """The gold document of one line of a doccano export."""
    meta = _metadata(line)
    doc_id = meta.get("doc_id")
    record = lookup_record(doc_id, records, FORMAT)
    assert doc_id is not None
    text = line.get("text")
    if not isinstance(text, str):
        raise AnnotationImportError(f"{doc_id}: a doccano line without text")
    check_text(doc_id, text, expected_sha256=meta.get("text_sha256"), record=record, fmt=FORMAT)
    raw = [(start, end, label, None, False) for start, end, label in _spans(line, doc_id)]
    return finish(doc_id, text, raw, meta=meta, record=record, fmt=FORMAT)
