"""The shipped JSON Schema of the output record, and validation against it."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

SCHEMA_FILE = "kamer-nlp-1.schema.json"


@cache
def record_schema() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(
        resources.files("kamer_nlp.io").joinpath(SCHEMA_FILE).read_text(encoding="utf-8")
    )
    return data


def validate_record(record: dict[str, Any]) -> None:
    """Raise ``jsonschema.ValidationError`` when the record breaks the schema or its offsets."""
    import jsonschema

    jsonschema.validate(record, record_schema())
    text = record["text"]
    for span in record["spans"]:
        if text[span["start"] : span["end"]] != span["text"]:
            raise jsonschema.ValidationError(
                f"span {span['id']} text does not match text[start:end]"
            )
    for note in record["footnotes"]:
        if not 0 <= note["start"] <= note["end"] <= len(text):
            raise jsonschema.ValidationError(f"footnote {note['label']} offsets out of range")
    for n, turn in enumerate(record.get("turns") or []):
        if not 0 <= turn["start"] < turn["end"] <= len(text):
            raise jsonschema.ValidationError(f"turn {n} offsets out of range")
    evidence = record.get("evidence") or {}
    for kind in ("references", "dates"):
        for item in evidence.get(kind) or []:
            if text[item["start"] : item["end"]] != item["text"]:
                raise jsonschema.ValidationError(
                    f"evidence {item['value']} text does not match text[start:end]"
                )
