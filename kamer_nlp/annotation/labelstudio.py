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
from itertools import pairwise
from typing import Any
from xml.sax.saxutils import quoteattr

from kamer_nlp import __version__
from kamer_nlp.annotation.gold import (
    PAYLOAD_KEY,
    AnnotationImportError,
    GoldDocument,
    SkippedTask,
    TextChangedError,
    check_text,
    contract_labels,
    export_meta,
    exported_spans,
    finish,
    lookup_record,
    meta_kb_ids,
    read_meta,
    record_kb_ids,
    span_key,
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


def _task_name(task: Any, doc_id: str | None = None) -> str:
    """How an error names a task: its document id, else Label Studio's task id."""
    if doc_id:
        return str(doc_id)
    if isinstance(task, Mapping):
        for holder in (task, task.get("data")):
            if isinstance(holder, Mapping) and isinstance(holder.get("doc_id"), str):
                return holder["doc_id"]
        if task.get("id") is not None:
            return f"task {task['id']}"
    return "a labelstudio task"


def _scalar(value: Any, what: str) -> Any:
    """The one value a list stands for (``["x"]`` → ``"x"``, ``[]`` → None).

    JSON-MIN and CSV exports (and a TextArea's ``text``) hold single values as
    one-item lists; more than one distinct value cannot be turned into one.
    """
    if isinstance(value, (list, tuple)):
        distinct = [v for i, v in enumerate(value) if v not in value[:i]]
        if len(distinct) > 1:
            raise AnnotationImportError(f"{what} holds {len(distinct)} values, expected one")
        return distinct[0] if distinct else None
    return value


def _decoded(value: Any) -> Any:
    """A field the CSV export wrote as a JSON string (``'[{"start": …}]'``), decoded."""
    if isinstance(value, str) and value.lstrip()[:1] in ("[", "{"):
        try:
            return json.loads(value)
        except ValueError:
            return value
    return value


def _as_list(value: Any) -> list[Any]:
    """JSON-MIN writes a control with one result as the bare result, several as a list."""
    value = _decoded(value)
    if value is None:
        return []
    return list(value) if isinstance(value, (list, tuple)) else [value]


def _annotation(task: Mapping[str, Any], use_predictions: bool, doc_id: str | None) -> list[Any]:
    """The result list of the latest submitted annotation (or the first prediction)."""
    annotations = task.get("annotations") or task.get("completions") or []
    if not isinstance(annotations, list):
        raise AnnotationImportError("its annotations are not a list")
    done = [a for a in annotations if isinstance(a, Mapping) and not a.get("was_cancelled")]
    if done:
        latest = max(enumerate(done), key=lambda ia: (str(ia[1].get("updated_at") or ""), ia[0]))
        return _as_list(latest[1].get("result"))
    # the JSON export may list predictions as ids only
    predictions = [p for p in task.get("predictions") or [] if isinstance(p, Mapping)]
    if use_predictions and predictions:
        return _as_list(predictions[0].get("result"))
    raise SkippedTask(doc_id, "no submitted annotation")


def _kb_text(value: Any) -> str | None:
    """The kb id a TextArea value holds (its ``text`` list, or a bare string)."""
    if isinstance(value, Mapping):
        value = value.get("text")
    if isinstance(value, (list, tuple)):
        # the first line that is not blank (the box takes one kb id)
        value = next((v for v in value if not isinstance(v, str) or v.strip()), None)
    if value is None:
        return None
    if not isinstance(value, str):
        raise AnnotationImportError(f"a kb_id box holds {value!r}, not text")
    return value.strip() or None


def _min_results(task: Mapping[str, Any], known: Mapping[str, str]) -> list[dict[str, Any]]:
    """Results of a JSON-MIN export (``label``/``kb_id`` keys) in the full result shape.

    JSON-MIN drops region ids. A kb id that kept its region (``{start, end, text}``)
    joins the label region with the same offsets. A box with one line is written as
    the bare string, without offsets: see :func:`_align_bare_kb_ids`.
    """
    out: list[dict[str, Any]] = []
    for i, region in enumerate(_as_list(task.get(LABEL_CONTROL))):
        region = _decoded(region)
        if not isinstance(region, Mapping):
            raise AnnotationImportError(f"label region {i + 1} is {region!r}, not an object")
        out.append(
            {"id": f"m{i}", "from_name": LABEL_CONTROL, "type": "labels", "value": dict(region)}
        )
    free = list(out)  # label regions no kb box with offsets has claimed
    bare: list[str | None] = []
    for region in _as_list(task.get(KB_CONTROL)):
        region = _decoded(region)
        if not isinstance(region, Mapping):
            bare.append(_kb_text(region))
            continue
        kb = {"start": region.get("start"), "end": region.get("end"), "text": [_kb_text(region)]}
        for item in free:
            if (item["value"].get("start"), item["value"].get("end")) == (kb["start"], kb["end"]):
                out.append({**item, "from_name": KB_CONTROL, "type": "textarea", "value": kb})
                free.remove(item)
                break
    for item, kb_id in _align_bare_kb_ids(free, bare, known):
        value = {**item["value"], "text": [kb_id] if kb_id else []}
        out.append({**item, "from_name": KB_CONTROL, "type": "textarea", "value": value})
    return out


def _exported_kb(item: Mapping[str, Any], known: Mapping[str, str]) -> str | None:
    """The kb id the export gave this label region (by label and offsets), if any."""
    value = item["value"]
    labels = _decoded(value.get("labels"))
    names = [labels] if isinstance(labels, str) else labels if isinstance(labels, list) else []
    try:
        start, end = _int(value.get("start")), _int(value.get("end"))
    except (TypeError, ValueError, AnnotationImportError):
        return None
    for name in names:
        kb = known.get(span_key(str(name), start, end))
        if kb:
            return kb
    return None


def _align_bare_kb_ids(
    regions: list[dict[str, Any]], bare: list[str | None], known: Mapping[str, str]
) -> list[tuple[dict[str, Any], str | None]]:
    """The label region of each kb id written without offsets.

    Label Studio writes a region's results together, so the ``kb_id`` list follows
    the ``label`` list in order, skipping regions without a box. The kb ids equal to
    the one the export gave a region (``known``, by ``LABEL:start:end``) are matched
    to those regions in order (the longest common subsequence); a changed kb id then
    lies between two matched ones and goes to the one region between them, or to
    the one that had a kb id. Anything else cannot be matched and is refused.
    """
    if not bare:
        return []
    keys = [_exported_kb(item, known) for item in regions]
    n, m = len(bare), len(regions)
    lcs = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            best = max(lcs[i + 1][j], lcs[i][j + 1])
            if bare[i] is not None and bare[i] == keys[j]:
                best = max(best, 1 + lcs[i + 1][j + 1])
            lcs[i][j] = best
    anchors: list[tuple[int, int]] = []
    i = j = 0
    while i < n and j < m:
        if bare[i] is not None and bare[i] == keys[j] and lcs[i][j] == 1 + lcs[i + 1][j + 1]:
            anchors.append((i, j))
            i, j = i + 1, j + 1
        elif lcs[i][j + 1] >= lcs[i + 1][j]:
            j += 1
        else:
            i += 1
    pairs = [(regions[j], bare[i]) for i, j in anchors]
    bounds = [(-1, -1), *anchors, (n, m)]
    for (i0, j0), (i1, j1) in pairwise(bounds):
        values = bare[i0 + 1 : i1]
        if not values:
            continue
        gap = regions[j0 + 1 : j1]
        had_kb = [item for item, key in zip(gap, keys[j0 + 1 : j1], strict=True) if key]
        if len(gap) == len(values):
            pairs += zip(gap, values, strict=True)
        elif len(had_kb) == len(values):
            pairs += zip(had_kb, values, strict=True)
        else:
            shown = ", ".join(repr(v) for v in values)
            raise AnnotationImportError(
                f"the JSON-MIN export lists kb id(s) {shown} without their regions and they "
                f"cannot be matched to one of {len(gap)} label region(s); export the "
                "project as JSON (not JSON-MIN) instead"
            )
    return pairs


def _int(value: Any) -> int:
    value = _scalar(value, "an offset")
    if isinstance(value, bool) or value is None:
        raise TypeError(value)
    if isinstance(value, float) and not value.is_integer():
        raise ValueError(value)
    return int(value)


def _flat_data(task: Mapping[str, Any]) -> dict[str, Any]:
    """A JSON-MIN / CSV-like task's data fields as the exporter wrote them."""
    data = dict(task)
    payload = _decoded(data.get(PAYLOAD_KEY))
    if payload is not None:
        data[PAYLOAD_KEY] = payload
    for key in (TEXT_OBJECT, "doc_id", "source", "sha256"):
        if isinstance(data.get(key), (list, tuple)):
            data[key] = _scalar(data[key], key)
    return data


def from_labelstudio(
    task: Mapping[str, Any],
    *,
    records: Mapping[str, Mapping[str, Any]] | None = None,
    use_predictions: bool = False,
) -> GoldDocument:
    """The gold document of an exported task (Label Studio JSON or JSON-MIN export).

    Uses the latest submitted, not cancelled annotation; a task nobody annotated raises
    :class:`SkippedTask` unless ``use_predictions`` (then the prediction is taken as is).
    A task that cannot be read raises :class:`AnnotationImportError` naming it.
    """
    if not isinstance(task, Mapping):
        raise AnnotationImportError(
            f"a labelstudio task must be a JSON object, not {type(task).__name__}"
        )
    try:
        return _from_labelstudio(task, records=records, use_predictions=use_predictions)
    except (SkippedTask, TextChangedError):
        raise
    except AnnotationImportError as e:
        name = _task_name(task)
        message = str(e)
        raise AnnotationImportError(
            message if message.startswith(f"{name}:") else f"{name}: {message}"
        ) from None
    except (KeyError, TypeError, ValueError, AttributeError, IndexError) as e:
        raise AnnotationImportError(
            f"{_task_name(task)}: not a Label Studio task this importer can read "
            f"({type(e).__name__}: {e}); export the project as JSON or JSON-MIN"
        ) from None


def _from_labelstudio(
    task: Mapping[str, Any],
    *,
    records: Mapping[str, Mapping[str, Any]] | None,
    use_predictions: bool,
) -> GoldDocument:
    minimal = "data" not in task
    data = _flat_data(task) if minimal else task["data"]
    if not isinstance(data, Mapping):
        raise AnnotationImportError("its data is not an object")
    meta = read_meta(data)
    doc_id = meta.get("doc_id")
    if doc_id is not None and not isinstance(doc_id, str):
        raise AnnotationImportError(f"its doc_id is {doc_id!r}, not a string")
    if minimal:  # JSON-MIN lists annotated tasks only
        record = lookup_record(doc_id, records, FORMAT)
        results = _min_results(data, {**record_kb_ids(record), **meta_kb_ids(meta)})
    else:
        results = _annotation(task, use_predictions, doc_id)
        record = lookup_record(doc_id, records, FORMAT)
    assert doc_id is not None
    text = data.get(TEXT_OBJECT)
    if not isinstance(text, str):
        raise AnnotationImportError(f"{doc_id}: a labelstudio task without data.text")
    check_text(doc_id, text, expected_sha256=meta.get("text_sha256"), record=record, fmt=FORMAT)

    kb_by_region: dict[str, str | None] = {}
    for item in results:
        if not isinstance(item, Mapping):
            raise AnnotationImportError(f"{doc_id}: a result that is not an object: {item!r}")
        if item.get("from_name") == KB_CONTROL and item.get("type") == "textarea":
            kb_id = _kb_text(item.get("value"))
            if kb_id:
                # "-" removes the kb id (an emptied box may not be saved at all)
                kb_by_region[str(item.get("id"))] = None if kb_id == NO_KB else kb_id
    raw = []
    for item in results:
        if item.get("type") != "labels" or item.get("from_name") != LABEL_CONTROL:
            continue
        value = item.get("value") or {}
        try:
            start, end = _int(value["start"]), _int(value["end"])
            labels = _decoded(value["labels"])
            names = [labels] if isinstance(labels, str) else list(labels)
            if not all(isinstance(n, str) for n in names):
                raise TypeError(names)
            shown = _scalar(value.get("text"), "a region's text")
        except (KeyError, TypeError, ValueError, AnnotationImportError) as e:
            raise AnnotationImportError(f"{doc_id}: a region without start/end/labels") from e
        try:
            start, end = _resolve(text, start, end, shown if isinstance(shown, str) else None)
        except AnnotationImportError as e:
            raise AnnotationImportError(f"{doc_id}: {e}") from None
        region = str(item.get("id"))
        for label in names:
            if region in kb_by_region:
                raw.append((start, end, label, kb_by_region[region], True))
            else:
                raw.append((start, end, label, None, False))
    return finish(doc_id, text, raw, meta=meta, record=record, fmt=FORMAT)
