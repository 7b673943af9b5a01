"""Label Studio: tasks with ``predictions`` out, exported tasks with ``annotations`` back.

The labeling config (:func:`labelstudio_config`) has a ``Labels`` control named
``label`` over a ``Text`` object named ``text``, and a per-region ``TextArea`` named
``kb_id``. Each record span becomes a ``labels`` result whose region id is the span
id, plus (when it has one) a ``textarea`` result with the same id holding the kb id,
which the annotator can edit in the region panel. The span ``attrs`` are shown
read-only as the region's ``meta`` text. ``data`` holds the text, the document id
and source, and under ``kamer`` the text hash, the labels exported and the kb ids by
``LABEL:start:end``.

Offsets are Unicode code points (Python string indices). Older Label Studio
versions counted UTF-16 units, which differ after a character outside the Basic
Multilingual Plane; the importer checks each region's ``text`` against the
document and converts such offsets back.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import Any
from xml.sax.saxutils import quoteattr

from kamer_nlp import __version__
from kamer_nlp.io.annotation.gold import (
    PAYLOAD_KEY,
    AnnotationImportError,
    GoldDocument,
    SkippedTask,
    check_text,
    contract_labels,
    export_meta,
    exported_spans,
    finish,
    lookup_record,
    read_meta,
)

FORMAT = "labelstudio"
LABEL_CONTROL = "label"
KB_CONTROL = "kb_id"
TEXT_OBJECT = "text"
NO_KB = "-"
COLOURS = {
    "ACTOR": "#1f77b4",
    "REFERENCE": "#2ca02c",
    "TIMEX": "#ff7f0e",
    "COMMITMENT": "#9467bd",
}


def labelstudio_config(labels: Iterable[str] | None = None) -> str:
    """The labeling config XML for tasks made by :func:`to_labelstudio`."""
    chosen = list(labels) if labels is not None else list(contract_labels())
    lines = [
        "<View>",
        # keep line breaks and runs of spaces as they are in the text
        "  <Style>.htx-text { white-space: pre-wrap; }</Style>",
        f'  <Labels name="{LABEL_CONTROL}" toName="{TEXT_OBJECT}">',
    ]
    for label in chosen:
        colour = COLOURS.get(label, "#7f7f7f")
        lines.append(f"    <Label value={quoteattr(label)} background={quoteattr(colour)}/>")
    lines += [
        "  </Labels>",
        f'  <Text name="{TEXT_OBJECT}" value="$text"/>',
        f'  <TextArea name="{KB_CONTROL}" toName="{TEXT_OBJECT}" perRegion="true" '
        'editable="true" maxSubmissions="1" placeholder="kb_id (normalised id)"/>',
        "</View>",
    ]
    return "\n".join(lines) + "\n"


def _attrs_note(attrs: Mapping[str, Any]) -> str:
    return json.dumps(attrs, ensure_ascii=False, sort_keys=True)


def to_labelstudio(
    record: Mapping[str, Any], *, labels: Iterable[str] | None = None
) -> dict[str, Any]:
    """One Label Studio task with the record's spans as a prediction."""
    chosen, spans = exported_spans(record, labels)
    text = record["text"]
    results: list[dict[str, Any]] = []
    for s in spans:
        region = {"start": s["start"], "end": s["end"], "text": text[s["start"] : s["end"]]}
        item: dict[str, Any] = {
            "id": s["id"],
            "from_name": LABEL_CONTROL,
            "to_name": TEXT_OBJECT,
            "type": "labels",
            "value": {**region, "labels": [s["label"]]},
        }
        if s.get("attrs"):
            item["meta"] = {"text": [_attrs_note(s["attrs"])]}
        results.append(item)
        if s.get("kb_id"):
            results.append(
                {
                    "id": s["id"],
                    "from_name": KB_CONTROL,
                    "to_name": TEXT_OBJECT,
                    "type": "textarea",
                    "value": {"start": s["start"], "end": s["end"], "text": [s["kb_id"]]},
                }
            )
    visible, payload = export_meta(record, chosen, spans)
    pipeline = record.get("pipeline") or {}
    version = f"kamer-nlp {pipeline.get('version', __version__)} ({pipeline.get('name', '?')})"
    return {
        "data": {"text": text, **visible, PAYLOAD_KEY: payload},
        "predictions": [{"model_version": version, "result": results}],
    }


def _utf16_to_index(text: str, offset: int) -> int:
    """The code-point index of a UTF-16 offset into ``text``."""
    units = 0
    for i, ch in enumerate(text):
        if units >= offset:
            return i
        units += 2 if ord(ch) > 0xFFFF else 1
    return len(text)


def _resolve(text: str, start: int, end: int, shown: str | None) -> tuple[int, int]:
    """Offsets that point at ``shown`` (the region text Label Studio saved), when it has one."""
    if shown is None or text[start:end] == shown:
        return start, end
    s16, e16 = _utf16_to_index(text, start), _utf16_to_index(text, end)
    if text[s16:e16] == shown:
        return s16, e16
    raise AnnotationImportError(
        f"region [{start}, {end}) says {shown!r} but the text there is {text[start:end]!r}"
    )


def _annotation(task: Mapping[str, Any], use_predictions: bool, doc_id: str | None) -> list[Any]:
    """The result list of the latest submitted annotation (or the first prediction)."""
    done = [
        a
        for a in task.get("annotations") or task.get("completions") or []
        if not a.get("was_cancelled")
    ]
    if done:
        latest = max(enumerate(done), key=lambda ia: (ia[1].get("updated_at") or "", ia[0]))[1]
        return list(latest.get("result") or [])
    # the JSON export may list predictions as ids only
    predictions = [p for p in task.get("predictions") or [] if isinstance(p, Mapping)]
    if use_predictions and predictions:
        return list(predictions[0].get("result") or [])
    raise SkippedTask(doc_id, "no submitted annotation")


def _min_results(task: Mapping[str, Any]) -> list[dict[str, Any]]:
    """Results of a JSON-MIN export (``label``/``kb_id`` keys) in the full result shape."""
    out: list[dict[str, Any]] = []
    for i, region in enumerate(task.get(LABEL_CONTROL) or []):
        out.append({"id": f"m{i}", "from_name": LABEL_CONTROL, "type": "labels", "value": region})
    for region in task.get(KB_CONTROL) or []:
        # JSON-MIN drops region ids: a kb id joins its label region by offsets
        for item in out:
            if (item["value"]["start"], item["value"]["end"]) == (region["start"], region["end"]):
                out.append({**item, "from_name": KB_CONTROL, "type": "textarea", "value": region})
                break
    return out


def from_labelstudio(
    task: Mapping[str, Any],
    *,
    records: Mapping[str, Mapping[str, Any]] | None = None,
    use_predictions: bool = False,
) -> GoldDocument:
    """The gold document of an exported task (Label Studio JSON or JSON-MIN export).

    Uses the latest submitted, not cancelled annotation; a task nobody annotated raises
    :class:`SkippedTask` unless ``use_predictions`` (then the prediction is taken as is).
    """
    minimal = "data" not in task
    data = task if minimal else task["data"]
    meta = read_meta(data)
    doc_id = meta.get("doc_id")
    results = _min_results(task) if minimal else _annotation(task, use_predictions, doc_id)
    record = lookup_record(doc_id, records, FORMAT)
    assert doc_id is not None
    text = data.get(TEXT_OBJECT)
    if not isinstance(text, str):
        raise AnnotationImportError(f"{doc_id}: a labelstudio task without data.text")
    check_text(doc_id, text, expected_sha256=meta.get("text_sha256"), record=record, fmt=FORMAT)

    kb_by_region: dict[str, str | None] = {}
    for item in results:
        if item.get("from_name") == KB_CONTROL and item.get("type") == "textarea":
            values = [v.strip() for v in item.get("value", {}).get("text") or [] if v.strip()]
            if values:
                # "-" removes the kb id (an emptied box may not be saved at all)
                kb_by_region[str(item.get("id"))] = None if values[0] == NO_KB else values[0]
    raw = []
    for item in results:
        if item.get("type") != "labels" or item.get("from_name") != LABEL_CONTROL:
            continue
        value = item.get("value") or {}
        try:
            start, end = int(value["start"]), int(value["end"])
            names = list(value["labels"])
        except (KeyError, TypeError, ValueError) as e:
            raise AnnotationImportError(f"{doc_id}: a region without start/end/labels") from e
        try:
            start, end = _resolve(text, start, end, value.get("text"))
        except AnnotationImportError as e:
            raise AnnotationImportError(f"{doc_id}: {e}") from None
        region = str(item.get("id"))
        for label in names:
            if region in kb_by_region:
                raw.append((start, end, label, kb_by_region[region], True))
            else:
                raw.append((start, end, label, None, False))
    return finish(doc_id, text, raw, meta=meta, record=record, fmt=FORMAT)
