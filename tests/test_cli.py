from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kamer_nlp import __version__
from kamer_nlp.cli import app
from kamer_nlp.io.schema import validate_record
from tests.letters import LETTER

runner = CliRunner()
RAW = Path(__file__).resolve().parents[1] / "data" / "raw"


def test_version() -> None:
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.stdout.strip() == f"kamer-nlp {__version__}"


def test_annotate_stdin_with_date() -> None:
    result = runner.invoke(app, ["annotate", "-", "--date", "2022-03-03"], input=LETTER)
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout)
    validate_record(record)
    assert record["meta"]["date"] == "2022-03-03"


def test_annotate_rejects_a_bad_date() -> None:
    result = runner.invoke(app, ["annotate", "-", "--date", "14-02-2018"], input=LETTER)
    assert result.exit_code == 2


def test_extract_prints_the_repaired_text() -> None:
    pdf = sorted(RAW.glob("*.pdf"))[0]
    truth = json.loads(pdf.with_suffix(".truth.json").read_text(encoding="utf-8"))
    result = runner.invoke(app, ["extract", str(pdf)])
    assert result.exit_code == 0
    assert result.stdout == truth["text"] + "\n"


def test_extract_of_a_bad_file_is_a_clear_error(tmp_path: Path) -> None:
    bad = tmp_path / "x.pdf"
    bad.write_text("geen pdf", encoding="utf-8")
    result = runner.invoke(app, ["extract", str(bad)])
    assert result.exit_code == 1
    assert "not_a_pdf" in result.output


@pytest.mark.slow  # a run: worker processes load the pipeline
def test_run_exits_zero_when_files_failed_but_were_recorded(tmp_path: Path) -> None:
    in_dir = tmp_path / "in"
    in_dir.mkdir()
    (in_dir / "brief.txt").write_text(LETTER, encoding="utf-8")
    (in_dir / "kapot.pdf").write_bytes(b"%PDF-1.4\n garbage")
    result = runner.invoke(app, ["run", str(in_dir), "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    errors = (tmp_path / "out" / "errors.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(e)["error"] for e in errors] == ["corrupt"]
    assert "documents written" in result.output


def test_run_on_a_missing_folder_is_a_usage_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["run", str(tmp_path / "nope"), "--out", str(tmp_path / "out")])
    assert result.exit_code == 2


@pytest.mark.skipif(
    importlib.util.find_spec("nl_core_news_lg") is not None, reason="model installed"
)
def test_lg_without_model_is_a_one_line_usage_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["annotate", "-", "--pipeline", "lg"], input="Tekst.")
    assert result.exit_code == 2
    assert "python -m spacy download nl_core_news_lg" in result.output


@pytest.mark.slow  # cross-validated training
def test_train_commitments_prints_cross_validated_scores(tmp_path: Path) -> None:
    data = (
        Path(__file__).resolve().parents[1]
        / "data"
        / "annotated"
        / "commitments"
        / "sentences.jsonl"
    )
    model = tmp_path / "model.json"
    result = runner.invoke(
        app, ["train", "commitments", "--data", str(data), "--model", str(model)]
    )
    assert result.exit_code == 0, result.output
    assert "commitment" in result.output and "precision" in result.output
    assert json.loads(model.read_text(encoding="utf-8"))["format"] == "kamer-commitments-linear/1"


@pytest.mark.slow  # a run, then export, import and evaluate
def test_annotation_round_trip_through_the_cli(tmp_path: Path) -> None:
    in_dir = tmp_path / "in"
    in_dir.mkdir()
    (in_dir / "brief.txt").write_text(LETTER, encoding="utf-8")
    out = tmp_path / "out"
    assert runner.invoke(app, ["run", str(in_dir), "--out", str(out)]).exit_code == 0
    result = runner.invoke(app, ["export", "doccano", str(out)])
    assert result.exit_code == 0, result.output
    exported = out / "annotation" / "doccano.jsonl"
    task = json.loads(exported.read_text(encoding="utf-8").splitlines()[0])
    labels = task["label"]
    assert labels
    # the annotator deletes one predicted span
    task["label"] = labels[1:]
    corrected = tmp_path / "corrected.jsonl"
    corrected.write_text(json.dumps(task, ensure_ascii=False) + "\n", encoding="utf-8")
    gold = tmp_path / "gold.jsonl"
    result = runner.invoke(
        app,
        [
            "import",
            "corrections",
            str(corrected),
            "--format",
            "doccano",
            "--out",
            str(gold),
            "--records",
            str(out),
        ],
    )
    assert result.exit_code == 0, result.output
    result = runner.invoke(app, ["evaluate", str(gold), str(out)])
    assert result.exit_code == 0, result.output
    assert "micro" in result.output.lower()


def test_export_without_a_run_is_a_usage_error(tmp_path: Path) -> None:
    assert runner.invoke(app, ["export", "prodigy", str(tmp_path)]).exit_code == 2


def test_review_page_is_written(tmp_path: Path) -> None:
    annotated = Path(__file__).resolve().parents[1] / "data" / "annotated"
    page = tmp_path / "review.html"
    result = runner.invoke(app, ["review", str(annotated), "--to", str(page)])
    assert result.exit_code == 0, result.output
    html = page.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") or html.lower().startswith("<!doctype html>")
    first_id = json.loads(
        (annotated / "documents.jsonl").read_text(encoding="utf-8").splitlines()[0]
    )["id"]
    assert first_id in html
    assert runner.invoke(app, ["review", str(tmp_path / "nothing")]).exit_code == 2
