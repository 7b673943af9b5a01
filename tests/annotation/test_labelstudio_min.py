"""Label Studio's JSON-MIN (and CSV-like) exports come back as gold; bad tasks are clear errors.

The JSON-MIN lines are made here the way Label Studio's converter makes them
(``label_studio_converter``: one line per submitted annotation, newest first; the
task data flattened into the line; each control's results "prettified": a TextArea
result with one line of text becomes the bare string, so a ``kb_id`` box loses its
offsets, and a control with a single such result is the string itself, not a list).
Issue #13: such a file crashed ``kamer-nlp import corrections`` with a TypeError.
"""

from __future__ import annotations

import copy
import json
from collections import defaultdict
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from kamer_nlp.annotation import (
    AnnotationImportError,
    GoldSpan,
    from_labelstudio,
    read_corrections,
    to_labelstudio,
)
from kamer_nlp.cli import app
from kamer_nlp.io.jsonl import dumps
from tests.annotation.test_annotation import CASES, build_record, locate

CONTROL_TYPES = {"label": "Labels", "kb_id": "TextArea"}


@pytest.fixture(scope="module")
def record() -> dict[str, Any]:
    return build_record(CASES["record"])


def spans_of(record: dict[str, Any]) -> set[GoldSpan]:
    return {GoldSpan(s["start"], s["end"], s["label"], s["kb_id"]) for s in record["spans"]}


def prettify(values: list[dict[str, Any]]) -> Any:
    """label_studio_converter's ``prettify_result``."""
    out = []
    tag_type = None
    for value in values:
        item = copy.deepcopy(value)
        tag_type = item.pop("type")
        if tag_type == "TextArea" and len(item["text"]) == 1:
            out.append(item["text"][0])
        else:
            out.append(item)
    return out[0] if tag_type == "TextArea" and len(out) == 1 else out


def json_min(task: dict[str, Any], annotations: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The JSON-MIN export of ``task`` with these annotations submitted."""
    lines = []
    done = [a for a in annotations if not a.get("was_cancelled")]
    for ann in sorted(done, key=lambda a: a["created_at"], reverse=True):
        outputs: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for result in ann["result"]:
            value = copy.deepcopy(result["value"])
            value["type"] = CONTROL_TYPES[result["from_name"]]
            outputs[result["from_name"]].append(value)
        line = copy.deepcopy(task["data"])
        line["id"] = 7  # Label Studio's task id
        for name, values in outputs.items():
            line[name] = prettify(values)
        line.update(
            annotator=1,
            annotation_id=ann["id"],
            created_at=ann["created_at"],
            updated_at=ann["created_at"],
            lead_time=12.5,
        )
        lines.append(line)
    return lines


def submitted(task: dict[str, Any], result: list[dict[str, Any]], n: int = 1) -> dict[str, Any]:
    return {"id": n, "result": result, "created_at": f"2024-05-0{n}T10:00:00Z"}


def prediction(task: dict[str, Any]) -> list[dict[str, Any]]:
    return copy.deepcopy(task["predictions"][0]["result"])


def region_items(result: list[dict[str, Any]], text: str, find: str) -> list[dict[str, Any]]:
    start, end = locate(text, {"find": find})
    return [i for i in result if (i["value"]["start"], i["value"]["end"]) == (start, end)]


def write_tasks(path: Path, tasks: list[Any]) -> Path:
    path.write_text(json.dumps(tasks, ensure_ascii=False, indent=2), encoding="utf-8")
    return path


# ---------------------------------------------------------------- JSON-MIN as exported


def test_json_min_of_an_unchanged_annotation(record: dict[str, Any]) -> None:
    task = to_labelstudio(record)
    [line] = json_min(task, [submitted(task, prediction(task))])
    assert all(isinstance(kb, str) for kb in line["kb_id"])  # offsets lost
    assert len(line["kb_id"]) < len(line["label"])  # one region has no kb id
    gold = from_labelstudio(line)
    assert set(gold.spans) == spans_of(record)
    assert gold.origin == "labelstudio"


def test_json_min_keeps_an_edited_kb_id(record: dict[str, Any]) -> None:
    task = to_labelstudio(record)
    result = prediction(task)
    for item in region_items(result, record["text"], "Kamerstuk 31 015, nr. 135"):
        if item["type"] == "textarea":
            item["value"]["text"] = ["kst-31015-136"]
    [line] = json_min(task, [submitted(task, result)])
    spans = set(from_labelstudio(line).spans)
    start, end = locate(record["text"], {"find": "Kamerstuk 31 015, nr. 135"})
    assert GoldSpan(start, end, "REFERENCE", "kst-31015-136") in spans
    assert GoldSpan(start, end, "REFERENCE", "kst-31015-135") not in spans
    assert len(spans) == len(record["spans"])


def test_json_min_with_a_single_kb_box_is_a_bare_string(record: dict[str, Any]) -> None:
    task = to_labelstudio(record, labels=["REFERENCE"])
    result = prediction(task)
    kb_boxes = [i for i in result if i["type"] == "textarea"]
    for item in kb_boxes[1:]:
        result.remove(item)  # the annotator emptied the other boxes
    [line] = json_min(task, [submitted(task, result)])
    assert isinstance(line["kb_id"], str)
    spans = from_labelstudio(line).spans
    assert {s.label for s in spans} == {"REFERENCE"}
    assert {s.kb_id for s in spans} >= {kb_boxes[0]["value"]["text"][0]}


def test_json_min_kb_box_with_two_lines_keeps_its_offsets(record: dict[str, Any]) -> None:
    task = to_labelstudio(record)
    result = prediction(task)
    for item in region_items(result, record["text"], "Kamerstuk 31 015, nr. 120"):
        if item["type"] == "textarea":
            item["value"]["text"] = ["kst-31015-121", "a note"]
    [line] = json_min(task, [submitted(task, result)])
    assert any(isinstance(kb, dict) for kb in line["kb_id"])
    start, end = locate(record["text"], {"find": "Kamerstuk 31 015, nr. 120"})
    assert GoldSpan(start, end, "REFERENCE", "kst-31015-121") in from_labelstudio(line).spans


def test_json_min_deleted_and_added_regions(record: dict[str, Any]) -> None:
    task = to_labelstudio(record)
    result = prediction(task)
    text = record["text"]
    for item in region_items(result, text, "Kamerstuk 31 015, nr. 135"):
        result.remove(item)  # region and kb box deleted
    start, end = locate(text, {"find": "WODC"})
    result.append(
        {
            "id": "new1",
            "from_name": "label",
            "to_name": "text",
            "type": "labels",
            "value": {"start": start, "end": end, "text": text[start:end], "labels": ["ACTOR"]},
        }
    )
    [line] = json_min(task, [submitted(task, result)])
    spans = set(from_labelstudio(line).spans)
    s6 = locate(text, {"find": "Kamerstuk 31 015, nr. 135"})
    assert not any((s.start, s.end) == s6 for s in spans)
    assert GoldSpan(start, end, "ACTOR", None) in spans


def test_json_min_kb_typed_for_a_new_region(record: dict[str, Any]) -> None:
    task = to_labelstudio(record)
    result = prediction(task)
    text = record["text"]
    for item in region_items(result, text, "uiterlijk aanstaande zomer"):
        if item["type"] == "textarea":
            item["value"]["text"] = ["2018-Q3"]
    start, end = locate(text, {"find": "WODC"})
    region = {"start": start, "end": end, "text": "WODC", "labels": ["ACTOR"]}
    result += [
        {"id": "new1", "from_name": "label", "to_name": "text", "type": "labels", "value": region},
        {
            "id": "new1",
            "from_name": "kb_id",
            "to_name": "text",
            "type": "textarea",
            "value": {"start": start, "end": end, "text": ["org-wodc"]},
        },
    ]
    [line] = json_min(task, [submitted(task, result)])
    spans = set(from_labelstudio(line).spans)
    s12 = locate(text, {"find": "uiterlijk aanstaande zomer"})
    assert GoldSpan(*s12, "TIMEX", "2018-Q3") in spans
    assert GoldSpan(start, end, "ACTOR", "org-wodc") in spans
    assert len(spans) == len(record["spans"]) + 1


def test_json_min_kb_id_that_cannot_be_placed_is_refused(record: dict[str, Any]) -> None:
    """An edited kb id next to a box that was emptied: which region it belongs to is lost."""
    task = to_labelstudio(record)
    result = prediction(task)
    text = record["text"]
    for item in region_items(result, text, "Bontenbal"):
        if item["type"] == "textarea":
            item["value"]["text"] = ["person-bontenbal-h"]
    for item in region_items(result, text, "Grinwis"):
        if item["type"] == "textarea":
            result.remove(item)
    [line] = json_min(task, [submitted(task, result)])
    with pytest.raises(
        AnnotationImportError, match=r"person-bontenbal-h.*export the project as JSON"
    ):
        from_labelstudio(line)


def test_json_min_newest_annotation_wins(record: dict[str, Any], tmp_path: Path) -> None:
    task = to_labelstudio(record)
    full = prediction(task)
    only_first = [i for i in full if i["id"] == full[0]["id"]]
    lines = json_min(task, [submitted(task, only_first, 1), submitted(task, full, 2)])
    assert lines[0]["annotation_id"] == 2  # newest first, as Label Studio writes it
    result = read_corrections(write_tasks(tmp_path / "min.json", lines), "labelstudio")
    assert result.replaced == [record["id"]]
    assert set(result.gold[0].spans) == spans_of(record)
    lines.reverse()
    result = read_corrections(write_tasks(tmp_path / "min2.json", lines), "labelstudio")
    assert set(result.gold[0].spans) == spans_of(record)


def test_json_min_checks_against_the_records(record: dict[str, Any]) -> None:
    task = to_labelstudio(record)
    [line] = json_min(task, [submitted(task, prediction(task))])
    del line["kamer"]  # payload dropped: the records give the text and the kb ids
    assert set(from_labelstudio(line, records={record["id"]: record}).spans) == spans_of(record)


def test_csv_like_fields_are_decoded(record: dict[str, Any]) -> None:
    """The CSV export writes list values as JSON strings; one-item lists stand for their item."""
    task = to_labelstudio(record)
    [line] = json_min(task, [submitted(task, prediction(task))])
    line["label"] = json.dumps(line["label"], ensure_ascii=False)
    line["kb_id"] = json.dumps(line["kb_id"], ensure_ascii=False)
    line["kamer"] = json.dumps(line["kamer"], ensure_ascii=False)
    line["doc_id"] = [line["doc_id"]]
    assert set(from_labelstudio(line).spans) == spans_of(record)


def test_full_json_list_values_are_scalars(record: dict[str, Any]) -> None:
    task = to_labelstudio(record)
    result = prediction(task)
    for item in result:
        if item["type"] == "textarea":
            item["value"]["text"] = item["value"]["text"][0]  # a bare string, not a list
        else:
            item["value"]["start"] = [item["value"]["start"]]
            item["value"]["labels"] = item["value"]["labels"][0]
    task["annotations"] = [{"id": 1, "result": result}]
    assert set(from_labelstudio(task).spans) == spans_of(record)


# ---------------------------------------------------------------- malformed tasks


def broken(record: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    task = to_labelstudio(record)
    [line] = json_min(task, [submitted(task, prediction(task))])
    cases = []
    for name, field, value in [
        ("label is text", "label", "garbage"),
        ("label items are numbers", "label", [1, 2]),
        ("region without start", "label", [{"end": 4, "labels": ["ACTOR"]}]),
        ("two labels lists", "label", [{"start": 7, "end": 57, "labels": [["ACTOR"]]}]),
        ("kb ids that fit no regions", "kb_id", ["a", "b"]),
        ("kb id that is a number", "kb_id", [{"start": 7, "end": 57, "text": [5]}]),
        ("two doc ids", "doc_id", ["x", "y"]),
    ]:
        cases.append((name, {**copy.deepcopy(line), field: value}))
    full = copy.deepcopy(task)
    full["annotations"] = [{"id": 1, "result": ["not a result"]}]
    cases.append(("full JSON result not an object", full))
    full = copy.deepcopy(task)
    full["annotations"] = {"result": []}
    cases.append(("annotations not a list", full))
    return cases


@pytest.mark.parametrize("case", range(9))
def test_malformed_tasks_name_the_task(record: dict[str, Any], case: int) -> None:
    name, task = broken(record)[case]
    with pytest.raises(AnnotationImportError) as info:
        from_labelstudio(task)
    message = str(info.value)
    assert record["id"] in message or "task 7" in message, (name, message)
    assert "Traceback" not in message


def test_not_a_task(tmp_path: Path) -> None:
    with pytest.raises(AnnotationImportError, match="JSON object"):
        from_labelstudio(["not", "a", "task"])  # type: ignore[arg-type]
    path = write_tasks(tmp_path / "x.json", [{"data": {"text": "x"}}, 5])
    with pytest.raises(AnnotationImportError, match="task 2 is int, not a JSON object"):
        read_corrections(path, "labelstudio")
    (tmp_path / "bad.json").write_text('[{"label": ', encoding="utf-8")
    with pytest.raises(AnnotationImportError, match="not valid JSON"):
        read_corrections(tmp_path / "bad.json", "labelstudio")
    (tmp_path / "bin.json").write_bytes(b"\xff\xfe\x00[")
    with pytest.raises(AnnotationImportError, match="not UTF-8"):
        read_corrections(tmp_path / "bin.json", "labelstudio")


def test_single_task_object_and_jsonl(record: dict[str, Any], tmp_path: Path) -> None:
    task = to_labelstudio(record)
    [line] = json_min(task, [submitted(task, prediction(task))])
    one = tmp_path / "one.json"
    one.write_text(json.dumps(line, indent=2), encoding="utf-8")
    assert set(read_corrections(one, "labelstudio").gold[0].spans) == spans_of(record)
    jsonl = tmp_path / "tasks.jsonl"
    jsonl.write_text(dumps(line) + "\n\n", encoding="utf-8")
    assert set(read_corrections(jsonl, "labelstudio").gold[0].spans) == spans_of(record)


# ---------------------------------------------------------------- through the CLI


def test_cli_imports_json_min(record: dict[str, Any], tmp_path: Path) -> None:
    task = to_labelstudio(record)
    path = write_tasks(tmp_path / "min.json", json_min(task, [submitted(task, prediction(task))]))
    gold = tmp_path / "gold.jsonl"
    args = ["import", "corrections", str(path), "--format", "labelstudio", "--out", str(gold)]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    line = json.loads(gold.read_text(encoding="utf-8"))
    assert len(line["spans"]) == len(record["spans"])


def test_cli_malformed_json_min_is_a_one_line_error(record: dict[str, Any], tmp_path: Path) -> None:
    _, task = broken(record)[0]
    path = write_tasks(tmp_path / "min.json", [task])
    args = [
        "import",
        "corrections",
        str(path),
        "-f",
        "labelstudio",
        "-o",
        str(tmp_path / "g.jsonl"),
    ]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 2
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert record["id"] in result.output
    assert not (tmp_path / "g.jsonl").exists()
