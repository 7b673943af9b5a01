"""doccano: sequence-labeling JSONL out, the project's JSONL export back.

A line is ``{"text", "label": [[start, end, "LABEL"], ...]}``; doccano keeps every
other key as the example's metadata and writes it back on export, so the line
also carries ``doc_id``, ``source``, ``sha256`` and ``kamer`` (text hash, labels
exported, kb ids by ``LABEL:start:end``). doccano has no per-span fields: a span
keeps the kb id of the exported span with the same label and offsets, and span
``attrs`` are not exported.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from kamer_nlp.annotation.gold import (
    PAYLOAD_KEY,
    AnnotationImportError,
    GoldDocument,
    check_text,
    export_meta,
    exported_spans,
    finish,
    lookup_record,
    read_meta,
)

FORMAT = "doccano"


def to_doccano(record: Mapping[str, Any], *, labels: Iterable[str] | None = None) -> dict[str, Any]:
    """One doccano line for the record."""
    chosen, spans = exported_spans(record, labels)
    visible, payload = export_meta(record, chosen, spans)
    return {
        "text": record["text"],
        "label": [[s["start"], s["end"], s["label"]] for s in spans],
        **visible,
        PAYLOAD_KEY: payload,
    }


def _spans(line: Mapping[str, Any], doc_id: str) -> list[tuple[int, int, str]]:
    """Spans in any of the shapes doccano versions export: ``label`` (``labels`` in old
    versions) as ``[start, end, label]`` lists, or ``entities`` as such lists or as
    ``{start_offset, end_offset, label}`` (projects with relations)."""
    out: list[tuple[int, int, str]] = []
    for key in ("label", "labels", "entities"):
        for item in line.get(key) or []:
            try:
                if isinstance(item, Mapping):
                    start, end, label = item["start_offset"], item["end_offset"], item["label"]
                else:
                    start, end, label = item
                if not isinstance(label, str):  # a label id: this export lost the names
                    raise TypeError(label)
                out.append((int(start), int(end), label))
            except (KeyError, TypeError, ValueError) as e:
                raise AnnotationImportError(
                    f"{doc_id}: a doccano span that is not [start, end, label name]: {item}"
                ) from e
    return out


def from_doccano(
    line: Mapping[str, Any], *, records: Mapping[str, Mapping[str, Any]] | None = None
) -> GoldDocument:
    """The gold document of one line of a doccano export."""
    # doccano keeps extra keys as metadata: nested or flat depending on the version
    meta = read_meta(line.get("metadata"), line.get("meta"), line)
    doc_id = meta.get("doc_id")
    record = lookup_record(doc_id, records, FORMAT)
    assert doc_id is not None
    text = line.get("text")
    if text is None and isinstance(line.get("data"), str):  # some 1.x versions export "data"
        text = line["data"]
    if not isinstance(text, str):
        raise AnnotationImportError(f"{doc_id}: a doccano line without text")
    check_text(doc_id, text, expected_sha256=meta.get("text_sha256"), record=record, fmt=FORMAT)
    raw = [(start, end, label, None, False) for start, end, label in _spans(line, doc_id)]
    return finish(doc_id, text, raw, meta=meta, record=record, fmt=FORMAT)
