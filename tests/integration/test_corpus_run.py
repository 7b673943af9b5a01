"""`kamer-nlp run` over the whole reference corpus (skips cleanly without it)."""

from __future__ import annotations

import json
from pathlib import Path

import pdfplumber
import pytest

from kamer_nlp.batch import find_inputs, run_batch
from kamer_nlp.io.schema import validate_record

pytestmark = [pytest.mark.corpus, pytest.mark.slow]


@pytest.fixture(scope="module")
def corpus_run(
    corpus_dir: Path, tmp_path_factory: pytest.TempPathFactory
) -> tuple[Path, list[Path]]:
    out = tmp_path_factory.mktemp("corpus-run")
    run_batch(corpus_dir, out, workers=2)
    return out, find_inputs(corpus_dir)


def _lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_one_record_per_input_with_text_and_one_error_for_the_scan(corpus_run) -> None:  # type: ignore[no-untyped-def]
    out, inputs = corpus_run
    docs = _lines(out / "documents.jsonl")
    errors = _lines(out / "errors.jsonl")
    assert [(Path(e["path"]).name, e["error"]) for e in errors] == [
        ("blg-1007826.pdf", "no_text_layer")
    ]
    # one record per publication: its other forms (PDF, HTML beside the XML) are alternates
    alternates = {a["path"] for d in docs for a in d["source"].get("alternates") or []}
    assert len(docs) == len(inputs) - 1 - len(alternates)
    assert {d["source"]["path"] for d in docs} | {e["path"] for e in errors} | alternates == {
        str(p) for p in inputs if p.name != "metadata.xml"
    }


def test_every_record_is_valid_and_every_box_inside_its_page(corpus_run) -> None:  # type: ignore[no-untyped-def]
    out, _ = corpus_run
    for record in _lines(out / "documents.jsonl"):
        validate_record(record)
        text = record["text"]
        for note in record["footnotes"]:
            assert text[note["start"] : note["end"]].strip()
        path = Path(record["source"]["path"])
        if path.suffix != ".pdf":
            continue
        with pdfplumber.open(path) as pdf:
            sizes = {i + 1: (p.width, p.height) for i, p in enumerate(pdf.pages)}
        for span in record["spans"]:
            assert text[span["start"] : span["end"]] == span["text"]
            for box in span["boxes"]:
                width, height = sizes[box["page"]]
                assert 0 <= box["x0"] <= box["x1"] <= width + 0.5
                assert 0 <= box["top"] <= box["bottom"] <= height + 0.5
