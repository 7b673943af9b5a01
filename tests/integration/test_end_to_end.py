"""Every stage, end to end, on one small generated document (the quick tier's whole run).

The sample generator typesets a Kamerstuk into a fresh PDF; the public API reads it
(extract), rebuilds its text (repair), runs the default pipeline (sentences, lemmas,
references, time expressions, actors, commitments) and builds the record, which must be
valid against the shipped schema and show the work of each stage.
"""

from __future__ import annotations

from typing import Any

import pytest

import kamer_nlp
from kamer_nlp.io.schema import validate_record
from kamer_samples.generate import generate_document
from kamer_samples.source import load_documents

STEM = "kst-26991-612"  # the shortest sample: 2 pages, 3 footnotes, 5 line-end hyphens
LABELS = {"ACTOR", "REFERENCE", "TIMEX", "COMMITMENT"}


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, Any], dict[str, Any]]:
    """(the record of a freshly generated PDF, the generator's truth)."""
    pytest.importorskip("reportlab")
    (doc,) = [d for d in load_documents() if d.stem == STEM]
    pdf, truth = generate_document(doc, tmp_path_factory.mktemp("e2e"))
    return kamer_nlp.annotate_pdf(pdf), truth


def test_the_record_is_valid(generated: tuple[dict[str, Any], dict[str, Any]]) -> None:
    record, _ = generated
    validate_record(record)
    assert record["id"] == STEM
    assert record["source"]["pages"] == 2 and record["source"]["layout"] == "kamerstuk"


def test_extract_and_repair_give_the_true_text(
    generated: tuple[dict[str, Any], dict[str, Any]],
) -> None:
    record, truth = generated
    assert record["text"] == truth["text"]
    assert [(p["start"], p["end"], p["kind"]) for p in record["paragraphs"]] == [
        (p["start"], p["end"], p["kind"]) for p in truth["paragraphs"]
    ]
    assert len(record["footnotes"]) == len(truth["footnotes"]) == 3
    assert all(n["marker"] is not None for n in record["footnotes"])
    joined = [r for r in record["repairs"] if r["kind"] == "dehyphenate"]
    assert len(joined) == len(truth["hyphenation"])
    assert record["meta"]["date"] == truth["meta"]["date"]
    assert record["meta"]["signatories"][0]["name"] == truth["meta"]["signatories"][0]["name"]


def test_every_annotator_contributes(generated: tuple[dict[str, Any], dict[str, Any]]) -> None:
    record, _ = generated
    assert len(record["sentences"]) > 20
    assert {s["label"] for s in record["spans"]} == LABELS
    for span in record["spans"]:
        assert span["boxes"] and all(b["page"] in (1, 2) for b in span["boxes"])
    refs = {s["kb_id"] for s in record["spans"] if s["label"] == "REFERENCE"}
    assert any(ref and ref.startswith("kst-") for ref in refs)
    timexes = [s for s in record["spans"] if s["label"] == "TIMEX"]
    assert all(s["attrs"].get("value") for s in timexes)
    actors = [s for s in record["spans"] if s["label"] == "ACTOR"]
    assert any(s["kb_id"] for s in actors)
    commitments = record["commitments"]
    assert commitments and all(c["actor"] and 0.5 <= c["confidence"] <= 1.0 for c in commitments)
    assert any((c.get("deadline") or {}).get("due") for c in commitments)
