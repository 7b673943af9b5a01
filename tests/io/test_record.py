from __future__ import annotations

import jsonschema
import pytest

import kamer_nlp
from kamer_nlp.io.schema import record_schema, validate_record
from tests.letters import LETTER


@pytest.fixture(scope="module")
def record() -> dict:
    return kamer_nlp.annotate_text(LETTER, date="2022-03-03")


def test_record_is_schema_valid(record: dict) -> None:
    validate_record(record)
    assert record["schema"] == "kamer-nlp/1"
    assert record["meta"]["date"] == "2022-03-03"
    assert record["pipeline"]["name"] == "default"
    assert record["pipeline"]["model"] == "nl_kamer_syntax 0.1.0"  # the shipped syntax model


def test_every_offset_points_into_the_text(record: dict) -> None:
    text = record["text"]
    for span in record["spans"]:
        assert text[span["start"] : span["end"]] == span["text"]
    for start, end in record["sentences"]:
        assert 0 <= start < end <= len(text)
        assert text[start:end] == text[start:end].strip()
    for note in record["footnotes"]:
        assert 0 <= note["start"] <= note["end"] <= len(text)
    for para in record["paragraphs"]:
        assert 0 <= para["start"] <= para["end"] <= len(text)


def test_footnote_is_taken_out_and_linked(record: dict) -> None:
    text = record["text"]
    (note,) = record["footnotes"]
    assert text[note["start"] : note["end"]] == "Zie ook Kamerstuk 35 925 VII, nr. 80."
    assert text[: note["marker"]["start"]].endswith("over de evaluatie.")
    assert "evaluatie.1" not in text


def test_labels_are_found(record: dict) -> None:
    labels = {s["label"] for s in record["spans"]}
    assert {"REFERENCE", "TIMEX", "ACTOR"} <= labels
    kb = {s["kb_id"] for s in record["spans"] if s["label"] == "REFERENCE"}
    assert {"kst-35925-VII-88", "kst-35925-VII-80"} <= kb


def test_schema_rejects_a_broken_record(record: dict) -> None:
    broken = dict(record)
    broken["spans"] = [dict(record["spans"][0], text="something else")]
    with pytest.raises(jsonschema.ValidationError):
        validate_record(broken)
    missing = {k: v for k, v in record.items() if k != "text"}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(missing, record_schema())


def test_pipeline_is_loaded_once() -> None:
    from kamer_nlp.nlp.pipeline import load_pipeline

    assert load_pipeline("default") is load_pipeline("default")
