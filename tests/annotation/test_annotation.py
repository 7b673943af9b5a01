"""Exports to Prodigy / Label Studio / doccano, corrections back as gold, evaluation.

The record under test is built from ``annotation_cases.json`` (written for these
tests); ``corrections`` there are edits an annotator makes, applied to each tool's
own task format, with the evaluation figures they must produce.
"""

from __future__ import annotations

import copy
import hashlib
import json
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
import spacy

from kamer_nlp.annotation import (
    AnnotationImportError,
    GoldDocument,
    GoldSpan,
    SkippedTask,
    TextChangedError,
    evaluate,
    evaluate_files,
    export_run,
    format_table,
    from_doccano,
    from_labelstudio,
    from_prodigy,
    import_corrections,
    labelstudio_config,
    read_corrections,
    read_gold,
    to_doccano,
    to_labelstudio,
    to_prodigy,
)
from kamer_nlp.annotation.files import LABELSTUDIO_CONFIG
from kamer_nlp.annotation.gold import contract_labels
from kamer_nlp.io.jsonl import dumps
from kamer_nlp.io.schema import validate_record
from tests.annotation.cases import case_spans, locate

CASES = json.loads((Path(__file__).parent / "annotation_cases.json").read_text(encoding="utf-8"))
FORMATS = ("prodigy", "labelstudio", "doccano")
EXPORT = {"prodigy": to_prodigy, "labelstudio": to_labelstudio, "doccano": to_doccano}
IMPORT = {"prodigy": from_prodigy, "labelstudio": from_labelstudio, "doccano": from_doccano}


# ---------------------------------------------------------------- building the record


def build_record(case: dict[str, Any]) -> dict[str, Any]:
    text = case["text"]
    spans = case_spans(text, case["spans"], lambda s: [])
    return {
        "schema": "kamer-nlp/1",
        "id": case["id"],
        "source": {
            "path": None,
            "sha256": hashlib.sha256(text.encode()).hexdigest(),
            "pages": 1,
            "layout": "text",
        },
        "meta": {"date": case["date"]},
        "text": text,
        "paragraphs": [],
        "sentences": [],
        "footnotes": [],
        "spans": spans,
        "commitments": [],
        "repairs": [],
        "warnings": [],
        "pipeline": {"version": "0.1.0", "name": "default", "model": None},
    }


@pytest.fixture(scope="module")
def record() -> dict[str, Any]:
    rec = build_record(CASES["record"])
    validate_record(rec)
    return rec


def spans_of(record: dict[str, Any]) -> set[GoldSpan]:
    return {GoldSpan(s["start"], s["end"], s["label"], s["kb_id"]) for s in record["spans"]}


def roundtrip(fmt: str, record: dict[str, Any], **kw: Any) -> GoldDocument:
    task = json.loads(json.dumps(EXPORT[fmt](record)))  # as written to and read from disk
    if fmt == "labelstudio":
        kw.setdefault("use_predictions", True)
    return IMPORT[fmt](task, **kw)


# ---------------------------------------------------------------- round trips


@pytest.mark.parametrize("fmt", FORMATS)
def test_export_then_import_gives_the_same_spans(fmt: str, record: dict[str, Any]) -> None:
    gold = roundtrip(fmt, record)
    assert gold.doc_id == record["id"]
    assert gold.text == record["text"]
    assert set(gold.spans) == spans_of(record)
    assert len(gold.spans) == len(record["spans"])
    assert gold.origin == fmt
    assert set(gold.labels) == set(contract_labels())


@pytest.mark.parametrize("fmt", FORMATS)
def test_import_checks_against_the_original_records(fmt: str, record: dict[str, Any]) -> None:
    gold = roundtrip(fmt, record, records={record["id"]: record})
    assert set(gold.spans) == spans_of(record)
    with pytest.raises(AnnotationImportError, match="no record with this id"):
        roundtrip(fmt, record, records={"other-doc": record})


def visible_and_payload(fmt: str, task: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """Where each format keeps what the annotator sees, and our machine-only payload."""
    if fmt == "prodigy":
        return task["meta"], task["kamer"]
    holder = task["data"] if fmt == "labelstudio" else task
    return holder, holder["kamer"]


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_task_keeps_the_document_id_and_source(fmt: str, record: dict[str, Any]) -> None:
    visible, payload = visible_and_payload(fmt, EXPORT[fmt](record))
    assert visible["doc_id"] == record["id"]
    assert visible["sha256"] == record["source"]["sha256"]
    assert "source" in visible
    assert payload["text_sha256"] == hashlib.sha256(record["text"].encode()).hexdigest()
    assert payload["labels"] == list(contract_labels())
    start, end = locate(record["text"], {"find": "Kamerstuk 31 015, nr. 135"})
    assert payload["kb_ids"][f"REFERENCE:{start}:{end}"] == "kst-31015-135"
    assert len(payload["kb_ids"]) == sum(1 for s in record["spans"] if s["kb_id"])


@pytest.mark.parametrize("fmt", FORMATS)
def test_exporting_some_labels_scores_only_those(fmt: str, record: dict[str, Any]) -> None:
    task = json.loads(json.dumps(EXPORT[fmt](record, labels=["REFERENCE"])))
    kw = {"use_predictions": True} if fmt == "labelstudio" else {}
    gold = IMPORT[fmt](task, **kw)
    assert {s.label for s in gold.spans} == {"REFERENCE"}
    assert gold.labels == ("REFERENCE",)
    result = evaluate([gold], [record])
    assert set(result["labels"]) == {"REFERENCE"}  # the ACTORs predicted are not false positives
    assert result["micro"]["exact"]["fp"] == 0
    with pytest.raises(ValueError, match="unknown labels"):
        EXPORT[fmt](record, labels=["PERSON"])


def test_gold_document_dict_round_trip(record: dict[str, Any]) -> None:
    gold = roundtrip("prodigy", record)
    again = GoldDocument.from_dict(json.loads(dumps(gold.to_dict())))
    assert again == gold
    line = gold.to_dict()
    assert all(s["text"] == record["text"][s["start"] : s["end"]] for s in line["spans"])
    as_record = GoldDocument.from_dict(record)  # a record read as gold
    assert set(as_record.spans) == spans_of(record)
    assert as_record.origin == "record"


# ---------------------------------------------------------------- format details


def test_prodigy_tokens_follow_spacy_tokenization(record: dict[str, Any]) -> None:
    nlp = spacy.blank("nl")
    task = to_prodigy(record, nlp=nlp)
    tokens = task["tokens"]
    doc = nlp(record["text"])
    assert [t["id"] for t in tokens] == list(range(len(tokens)))
    assert "".join(t["text"] + (" " if t["ws"] else "") for t in tokens) == record["text"]
    for t in tokens:
        assert record["text"][t["start"] : t["end"]] == t["text"]
    # every spaCy token is one Prodigy token, or split only where a span edge falls inside it
    edges = {b for s in record["spans"] for b in (s["start"], s["end"])}
    by_start = {t["start"]: t for t in tokens}
    split = []
    for tok in doc:
        start, end = tok.idx, tok.idx + len(tok)
        pieces = [t for t in tokens if start <= t["start"] < end]
        assert pieces[0]["start"] == start and pieces[-1]["end"] == end
        assert pieces[-1]["ws"] == bool(tok.whitespace_)
        if len(pieces) > 1:
            split.append(tok.text)
            assert {p["start"] for p in pieces[1:]} <= edges
        else:
            assert by_start[start]["text"] == tok.text
    assert split == ["Bontenbal/Grinwis"]  # blank Dutch keeps the slash pair as one token
    for s in task["spans"]:
        assert tokens[s["token_start"]]["start"] == s["start"]
        assert tokens[s["token_end"]]["end"] == s["end"]  # token_end is inclusive
        assert s["text"] == record["text"][s["start"] : s["end"]]


def test_prodigy_default_tokenizer_is_the_projects(record: dict[str, Any]) -> None:
    # the project's tokenizer splits "Bontenbal/Grinwis" itself: no extra split needed
    tokens = to_prodigy(record)["tokens"]
    assert [t["text"] for t in tokens if t["text"] in ("Bontenbal", "/", "Grinwis")] == [
        "Bontenbal",
        "/",
        "Grinwis",
    ]


def test_prodigy_spans_keep_kb_id_and_attrs(record: dict[str, Any]) -> None:
    task = to_prodigy(record)
    by_id = {s["id"]: s for s in task["spans"]}
    for s in record["spans"]:
        assert by_id[s["id"]]["kb_id"] == s["kb_id"]
        assert by_id[s["id"]]["attrs"] == s["attrs"]
        assert by_id[s["id"]]["label"] == s["label"]


def test_labelstudio_config_parses_and_names_every_label() -> None:
    root = ET.fromstring(labelstudio_config())
    assert root.tag == "View"
    labels = root.find("Labels")
    assert labels is not None
    assert labels.get("name") == "label" and labels.get("toName") == "text"
    assert [lab.get("value") for lab in labels.findall("Label")] == list(contract_labels())
    text = root.find("Text")
    assert text is not None and text.get("name") == "text" and text.get("value") == "$text"
    kb = root.find("TextArea")
    assert kb is not None and kb.get("perRegion") == "true" and kb.get("toName") == "text"
    only = ET.fromstring(labelstudio_config(["TIMEX"]))
    assert [lab.get("value") for lab in only.iter("Label")] == ["TIMEX"]


def test_labelstudio_results_match_the_config(record: dict[str, Any]) -> None:
    task = to_labelstudio(record)
    root = ET.fromstring(labelstudio_config())
    controls = {el.get("name"): el.tag for el in root if el.get("toName")}
    (prediction,) = task["predictions"]
    kinds = {"labels": "Labels", "textarea": "TextArea"}
    text = task["data"]["text"]
    for item in prediction["result"]:
        assert controls[item["from_name"]] == kinds[item["type"]]
        assert item["to_name"] == "text"
        value = item["value"]
        if item["type"] == "labels":
            assert value["text"] == text[value["start"] : value["end"]]
            assert value["labels"][0] in contract_labels()
    labelled = [i for i in prediction["result"] if i["type"] == "labels"]
    assert len(labelled) == len(record["spans"])
    kb = {i["id"]: i["value"]["text"] for i in prediction["result"] if i["type"] == "textarea"}
    assert kb == {s["id"]: [s["kb_id"]] for s in record["spans"] if s["kb_id"]}
    attrs = {i["id"]: json.loads(i["meta"]["text"][0]) for i in labelled}
    assert attrs == {s["id"]: s["attrs"] for s in record["spans"]}


def test_labelstudio_unannotated_task_is_skipped(record: dict[str, Any]) -> None:
    task = to_labelstudio(record)
    with pytest.raises(SkippedTask, match="no submitted annotation"):
        from_labelstudio(task)
    task["annotations"] = [{"result": [], "was_cancelled": True}]
    with pytest.raises(SkippedTask):
        from_labelstudio(task)


def test_labelstudio_latest_annotation_wins(record: dict[str, Any]) -> None:
    task = to_labelstudio(record)
    result = task["predictions"][0]["result"]
    task["annotations"] = [
        {"result": result[:1], "updated_at": "2024-05-02T10:00:00Z"},
        {"result": result, "updated_at": "2024-05-03T10:00:00Z"},
        {"result": [], "updated_at": "2024-05-04T10:00:00Z", "was_cancelled": True},
    ]
    assert set(from_labelstudio(task).spans) == spans_of(record)


def test_labelstudio_utf16_offsets_are_converted() -> None:
    text = "Zie 𝔅 bijlage: Kamerstuk 31 015, nr. 135 en de brief."  # a non-BMP letter first
    start = text.index("Kamerstuk")
    end = start + len("Kamerstuk 31 015, nr. 135")
    rec = build_record(
        {
            "id": "utf16",
            "date": "2018-02-14",
            "text": text,
            "spans": [
                {
                    "label": "REFERENCE",
                    "find": "Kamerstuk 31 015, nr. 135",
                    "kb_id": "kst-31015-135",
                    "attrs": {},
                }
            ],
        }
    )
    task = to_labelstudio(rec)
    region = copy.deepcopy(task["predictions"][0]["result"][0])
    region["value"]["start"], region["value"]["end"] = start + 1, end + 1  # UTF-16 units
    task["annotations"] = [{"result": [region]}]
    assert from_labelstudio(task).spans == (GoldSpan(start, end, "REFERENCE", "kst-31015-135"),)
    region["value"]["start"] += 3  # neither code points nor UTF-16: refused
    with pytest.raises(AnnotationImportError, match="says 'Kamerstuk"):
        from_labelstudio(task)


def test_labelstudio_json_min_export(record: dict[str, Any]) -> None:
    task = to_labelstudio(record)
    results = task["predictions"][0]["result"]
    minimal = {
        "id": 7,
        **task["data"],
        "label": [i["value"] for i in results if i["type"] == "labels"],
        "kb_id": [i["value"] for i in results if i["type"] == "textarea"],
        "annotator": 1,
    }
    assert set(from_labelstudio(minimal).spans) == spans_of(record)


def test_doccano_line_shape_and_export_variants(record: dict[str, Any]) -> None:
    line = to_doccano(record)
    assert line["text"] == record["text"]
    assert line["label"] == [[s["start"], s["end"], s["label"]] for s in record["spans"]]
    # doccano's own id and comments on export; metadata nested under "meta" by some versions
    exported = {
        "id": 3,
        "text": line["text"],
        "label": line["label"],
        "Comments": [],
        "meta": {k: v for k, v in line.items() if k not in ("text", "label")},
    }
    assert set(from_doccano(exported).spans) == spans_of(record)
    # projects with relations export "entities"
    entities = {k: v for k, v in line.items() if k != "label"}
    entities["entities"] = [
        {"id": i, "label": lab, "start_offset": s, "end_offset": e}
        for i, (s, e, lab) in enumerate(line["label"])
    ]
    entities["relations"] = []
    assert set(from_doccano(entities).spans) == spans_of(record)
    # old versions: "labels", and doccano's own integer id under "doc_id"; some 1.x: "data"
    old = {"doc_id": 2023, "data": line["text"], "labels": line["label"], "meta": exported["meta"]}
    assert set(from_doccano(old).spans) == spans_of(record)
    # an export with label ids instead of names cannot be read
    ids = {**line, "label": [[s, e, 4] for s, e, _ in line["label"]]}
    with pytest.raises(AnnotationImportError, match="label name"):
        from_doccano(ids)


def test_prodigy_rejected_and_ignored_tasks_are_skipped(record: dict[str, Any]) -> None:
    task = to_prodigy(record)
    for answer in ("reject", "ignore"):
        with pytest.raises(SkippedTask, match=answer):
            from_prodigy({**task, "answer": answer})
    assert from_prodigy({**task, "answer": "accept"}).doc_id == record["id"]


# ---------------------------------------------------------------- refusals


def change_text(fmt: str, task: dict[str, Any]) -> None:
    """The annotator fixes a 'typo' in the text (offsets after it shift by one)."""
    holder = task["data"] if fmt == "labelstudio" else task
    holder["text"] = holder["text"].replace("Den Haag", "Den  Haag")


@pytest.mark.parametrize("fmt", FORMATS)
def test_changed_text_is_refused(fmt: str, record: dict[str, Any]) -> None:
    task = json.loads(json.dumps(EXPORT[fmt](record)))
    change_text(fmt, task)
    kw: dict[str, Any] = {"use_predictions": True} if fmt == "labelstudio" else {}
    with pytest.raises(TextChangedError, match="differs from the exported text"):
        IMPORT[fmt](task, **kw)
    with pytest.raises(TextChangedError, match=r"first difference at character \d+"):
        IMPORT[fmt](task, records={record["id"]: record}, **kw)


@pytest.mark.parametrize("fmt", FORMATS)
def test_task_without_our_metadata_is_refused(fmt: str, record: dict[str, Any]) -> None:
    task = json.loads(json.dumps(EXPORT[fmt](record)))
    visible, payload = visible_and_payload(fmt, task)
    del payload["text_sha256"]
    kw: dict[str, Any] = {"use_predictions": True} if fmt == "labelstudio" else {}
    with pytest.raises(AnnotationImportError, match="no text_sha256"):
        IMPORT[fmt](task, **kw)
    del visible["doc_id"]
    with pytest.raises(AnnotationImportError, match="without a doc_id"):
        IMPORT[fmt](task, **kw)


@pytest.mark.parametrize(
    ("case_id", "span", "message"),
    [
        ("past-the-end", (600, 700, "ACTOR"), "outside the text"),
        ("empty", (10, 10, "ACTOR"), "empty or outside"),
        ("negative", (-3, 4, "ACTOR"), "outside the text"),
        ("unknown-label", (4, 9, "PERSON"), "unknown label 'PERSON'"),
    ],
)
def test_bad_spans_are_refused(
    case_id: str, span: tuple[int, int, str], message: str, record: dict[str, Any]
) -> None:
    line = to_doccano(record)
    line["label"].append(list(span))
    with pytest.raises(AnnotationImportError, match=message):
        from_doccano(line)


def test_whitespace_an_annotator_selected_is_trimmed(record: dict[str, Any]) -> None:
    line = to_doccano(record)
    start, end = locate(record["text"], {"find": "door het WODC"})
    line["label"].append([start - 1, end, "ACTOR"])  # " door het WODC"
    blank = record["text"].index("\n\n")
    line["label"].append([blank, blank + 2, "ACTOR"])  # nothing but a paragraph break
    gold = from_doccano(line)
    assert GoldSpan(start, end, "ACTOR", None) in gold.spans
    assert len(gold.spans) == len(record["spans"]) + 1


# ---------------------------------------------------------------- corrections → evaluation


def find_span(spans: list[dict[str, Any]], text: str, where: dict[str, Any]) -> dict[str, Any]:
    start, end = locate(text, where)
    (hit,) = [
        s for s in spans if (s["start"], s["end"], s["label"]) == (start, end, where["label"])
    ]
    return hit


def edit_prodigy(task: dict[str, Any], edit: dict[str, Any]) -> None:
    text, spans, tokens = task["text"], task["spans"], task["tokens"]

    def token_range(start: int, end: int) -> tuple[int, int]:
        ids = [t["id"] for t in tokens if t["start"] < end and t["end"] > start]
        return ids[0], ids[-1]

    action = edit["action"]
    if action == "add":
        start, end = locate(text, edit["to"])
        ts, te = token_range(start, end)
        spans.append(
            {
                "start": start,
                "end": end,
                "token_start": ts,
                "token_end": te,
                "label": edit["to"]["label"],
            }
        )
        return
    span = find_span(spans, text, edit["span"])
    if action == "delete":
        spans.remove(span)
    elif action == "move":  # Prodigy keeps the span's other fields
        start, end = locate(text, edit["to"])
        span["start"], span["end"] = start, end
        span["token_start"], span["token_end"] = token_range(start, end)
        span["text"] = text[start:end]
    elif action == "relabel":
        span["label"] = edit["to"]["label"]
    elif action == "kb":
        span["kb_id"] = edit["to"]["kb_id"]


def edit_labelstudio(task: dict[str, Any], edit: dict[str, Any]) -> None:
    """The annotator starts from the prediction and submits an annotation."""
    text = task["data"]["text"]
    result = copy.deepcopy(task["predictions"][0]["result"])
    task["annotations"] = [{"id": 1, "result": result, "was_cancelled": False}]
    regions = [
        {**i["value"], "label": i["value"]["labels"][0], "id": i["id"]}
        for i in result
        if i["type"] == "labels"
    ]
    action = edit["action"]
    if action == "add":
        start, end = locate(text, edit["to"])
        value = {
            "start": start,
            "end": end,
            "text": text[start:end],
            "labels": [edit["to"]["label"]],
        }
        result.append(
            {
                "id": "new1",
                "from_name": "label",
                "to_name": "text",
                "type": "labels",
                "value": value,
            }
        )
        return
    region_id = find_span(regions, text, edit["span"])["id"]
    mine = [i for i in result if i["id"] == region_id]
    if action == "delete":
        for item in mine:
            result.remove(item)
    elif action == "move":  # the region keeps its id; its per-region kb box moves with it
        start, end = locate(text, edit["to"])
        for item in mine:
            item["value"]["start"], item["value"]["end"] = start, end
            if item["type"] == "labels":
                item["value"]["text"] = text[start:end]
    elif action == "relabel":
        for item in mine:
            if item["type"] == "labels":
                item["value"]["labels"] = [edit["to"]["label"]]
    elif action == "kb":
        for item in mine:
            if item["type"] == "textarea":
                item["value"]["text"] = [edit["to"]["kb_id"]]


def edit_doccano(line: dict[str, Any], edit: dict[str, Any]) -> None:
    text = line["text"]
    spans = [{"start": it[0], "end": it[1], "label": it[2], "item": it} for it in line["label"]]
    action = edit["action"]
    if action == "add":
        start, end = locate(text, edit["to"])
        line["label"].append([start, end, edit["to"]["label"]])
        return
    item = find_span(spans, text, edit["span"])["item"]
    if action == "delete":
        line["label"].remove(item)
    elif action == "move":
        item[0], item[1] = locate(text, edit["to"])
    elif action == "relabel":
        item[2] = edit["to"]["label"]


EDITORS = {"prodigy": edit_prodigy, "labelstudio": edit_labelstudio, "doccano": edit_doccano}
CORRECTIONS = [
    pytest.param(case, fmt, id=f"{case['id']}-{fmt}")
    for case in CASES["corrections"]
    for fmt in case["formats"]
]


def test_unchanged_export_scores_perfectly(record: dict[str, Any]) -> None:
    for fmt in FORMATS:
        result = evaluate([roundtrip(fmt, record)], [record])
        assert result["micro"]["gold"] == result["micro"]["predicted"] == len(record["spans"])
        for mode in ("exact", "overlap", "kb"):
            assert result["micro"][mode]["f1"] == 1.0, (fmt, mode)


@pytest.mark.parametrize(("case", "fmt"), CORRECTIONS)
def test_a_correction_changes_the_scores(
    case: dict[str, Any], fmt: str, record: dict[str, Any]
) -> None:
    task = json.loads(json.dumps(EXPORT[fmt](record)))
    EDITORS[fmt](task, case["edit"])
    task = json.loads(json.dumps(task))
    gold = IMPORT[fmt](task, records={record["id"]: record})
    result = evaluate([gold], [record])
    for name, modes in case["expect"].items():
        row = result["micro"] if name == "micro" else result["labels"][name]
        for mode, (tp, fp, fn) in modes.items():
            got = row[mode]
            assert (got["tp"], got["fp"], got["fn"]) == (tp, fp, fn), (name, mode)
    assert result["micro"]["exact"]["f1"] < 1.0 or case["id"] == "correct-kb-id"
    assert result["micro"]["kb"]["f1"] < 1.0


def test_a_moved_span_loses_its_kb_id_in_prodigy(record: dict[str, Any]) -> None:
    task = to_prodigy(record)
    edit_prodigy(task, CASES["corrections"][0]["edit"])  # shrink-deadline
    gold = from_prodigy(task)
    start, end = locate(record["text"], {"find": "aanstaande zomer"})
    assert GoldSpan(start, end, "TIMEX", None) in gold.spans
    task = to_labelstudio(record)
    edit_labelstudio(task, CASES["corrections"][0]["edit"])
    # in Label Studio the kb box moves with the region, in plain sight of the annotator
    assert GoldSpan(start, end, "TIMEX", "2018-SU") in from_labelstudio(task).spans


def test_labelstudio_dash_removes_a_kb_id(record: dict[str, Any]) -> None:
    task = to_labelstudio(record)
    edit_labelstudio(
        task,
        {"action": "kb", "span": {"label": "ACTOR", "find": "S. Dekker"}, "to": {"kb_id": "-"}},
    )
    start, end = locate(record["text"], {"find": "S. Dekker"})
    assert GoldSpan(start, end, "ACTOR", None) in from_labelstudio(task).spans


def test_evaluation_scores_and_table() -> None:
    text = "abc def ghi jkl"
    gold = GoldDocument(
        "d",
        text,
        (GoldSpan(0, 3, "ACTOR", "a"), GoldSpan(4, 11, "TIMEX", None), GoldSpan(12, 15, "ACTOR")),
    )
    pred = {
        "id": "d",
        "text": text,
        "spans": [
            {"start": 0, "end": 3, "label": "ACTOR", "kb_id": "b"},  # exact, wrong kb
            {"start": 4, "end": 7, "label": "TIMEX", "kb_id": None},  # overlap only
            {"start": 8, "end": 11, "label": "TIMEX", "kb_id": None},  # overlap only
            {"start": 12, "end": 15, "label": "TIMEX", "kb_id": None},  # wrong label
        ],
    }
    result = evaluate([gold], [pred])
    actor, timex = result["labels"]["ACTOR"], result["labels"]["TIMEX"]
    assert (actor["gold"], actor["predicted"]) == (2, 1)
    assert actor["exact"] == {
        "tp": 1,
        "fp": 0,
        "fn": 1,
        "precision": 1.0,
        "recall": 0.5,
        "f1": 0.6667,
    }
    assert actor["kb"]["tp"] == 0
    assert timex["exact"]["tp"] == 0 and timex["exact"]["fp"] == 3
    assert timex["overlap"] == {
        "tp": 1,
        "fp": 1,
        "fn": 0,
        "precision": 0.6667,
        "recall": 1.0,
        "f1": 0.8,
    }
    assert result["micro"]["exact"]["precision"] == 0.25
    table = format_table(result)
    assert table.splitlines()[0].split()[:3] == ["label", "gold", "pred"]
    assert any(line.startswith("micro") for line in table.splitlines())
    assert "1 document(s)" in table
    missing = evaluate([gold], [])
    assert missing["missing"] == ["d"] and missing["micro"]["exact"]["fn"] == 3
    with pytest.raises(TextChangedError):
        evaluate([gold], [{**pred, "text": "abc def ghi jkm"}])


# ---------------------------------------------------------------- files (what the CLI calls)


@pytest.mark.parametrize("fmt", FORMATS)
def test_files_export_import_evaluate(fmt: str, record: dict[str, Any], tmp_path: Path) -> None:
    run = tmp_path / "run"
    run.mkdir()
    (run / "documents.jsonl").write_text(dumps(record) + "\n", encoding="utf-8")
    path = export_run(run, fmt)
    assert path.parent == run / "annotation" and path.is_file()
    if fmt == "labelstudio":
        tasks = json.loads(path.read_text(encoding="utf-8"))
        assert isinstance(tasks, list) and len(tasks) == 1
        ET.fromstring((path.parent / LABELSTUDIO_CONFIG).read_text(encoding="utf-8"))
        # what Label Studio's JSON export gives back after the annotator submitted
        edit_labelstudio(tasks[0], CASES["corrections"][1]["edit"])
        tasks[0]["id"] = 1
        corrected = tmp_path / "export.json"
        corrected.write_text(json.dumps(tasks), encoding="utf-8")
    else:
        task = json.loads(path.read_text(encoding="utf-8").splitlines()[0])
        EDITORS[fmt](task, CASES["corrections"][1]["edit"])  # delete-possessive
        if fmt == "prodigy":
            task["answer"] = "accept"
        corrected = tmp_path / "export.jsonl"
        corrected.write_text(dumps(task) + "\n", encoding="utf-8")
    gold_path = tmp_path / "gold.jsonl"
    result = import_corrections(corrected, fmt, out=gold_path, records_path=run)
    assert [d.doc_id for d in result.gold] == [record["id"]] and not result.skipped
    assert read_gold(gold_path) == result.gold
    scores = evaluate_files(gold_path, run / "documents.jsonl")
    assert scores["labels"]["ACTOR"]["exact"]["fp"] == 1
    assert scores["micro"]["exact"]["fn"] == 0


def test_read_corrections_skips_and_keeps_the_last_duplicate(
    record: dict[str, Any], tmp_path: Path
) -> None:
    task = to_prodigy(record)
    first = {**task, "answer": "accept", "spans": task["spans"][:2]}
    rejected = {**task, "answer": "reject"}
    last = {**task, "answer": "accept"}
    path = tmp_path / "db-out.jsonl"
    path.write_text("".join(dumps(t) + "\n" for t in (first, rejected, last)), encoding="utf-8")
    result = read_corrections(path, "prodigy")
    assert result.skipped == [(record["id"], "answer is 'reject'")]
    assert result.replaced == [record["id"]]
    (gold,) = result.gold
    assert set(gold.spans) == spans_of(record)
    with pytest.raises(ValueError, match="unknown annotation format"):
        read_corrections(path, "brat")


# ---------------------------------------------------------------- a record from the pipeline


@pytest.fixture(scope="module")
def pipeline_record() -> dict[str, Any]:
    import kamer_nlp
    from tests.letters import LETTER

    return kamer_nlp.annotate_text(LETTER, date="2022-03-03")


@pytest.mark.parametrize("fmt", FORMATS)
def test_pipeline_record_round_trips(fmt: str, pipeline_record: dict[str, Any]) -> None:
    assert pipeline_record["spans"], "the pipeline found nothing to export"
    gold = roundtrip(fmt, pipeline_record, records={pipeline_record["id"]: pipeline_record})
    assert set(gold.spans) == spans_of(pipeline_record)
    assert evaluate([gold], [pipeline_record])["micro"]["kb"]["f1"] == 1.0


def test_pipeline_spans_need_no_token_splits(pipeline_record: dict[str, Any]) -> None:
    """The pipeline's spans sit on its own token edges, so Prodigy sees its tokens unchanged."""
    from kamer_nlp.annotation.prodigy import default_tokenizer

    text = pipeline_record["text"]
    doc = default_tokenizer().make_doc(text)
    task = to_prodigy(pipeline_record)
    assert [(t["start"], t["end"]) for t in task["tokens"]] == [
        (tok.idx, tok.idx + len(tok)) for tok in doc
    ]


@pytest.mark.corpus
def test_seed_document_round_trips_in_every_format(corpus_dir: Path) -> None:
    """The specification letter (Kamerstuk 31 015, nr. 136): every span comes back unchanged."""
    from kamer_nlp.api import annotate_file

    record = annotate_file(corpus_dir / "seed" / "kst-31015-136.txt")
    labels = {s["label"] for s in record["spans"]}
    assert labels == set(contract_labels())
    records = {record["id"]: record}
    for fmt in FORMATS:
        gold = roundtrip(fmt, record, records=records)
        assert set(gold.spans) == spans_of(record), fmt
    tokens = to_prodigy(record)["tokens"]
    starts, ends = {t["start"] for t in tokens}, {t["end"] for t in tokens}
    assert all(s["start"] in starts and s["end"] in ends for s in record["spans"])
