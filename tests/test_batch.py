"""Batch runs: every input ends as a record or a recorded error; runs resume; nothing half-written."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from kamer_nlp.batch import process_path, run_batch
from kamer_nlp.io.schema import validate_record
from kamer_nlp.samples.bad_inputs import generate_bad_inputs
from tests.letters import LETTER

EXPECTED_ERRORS = {
    "encrypted": "encrypted",
    "corrupt": "corrupt",
    "empty": "empty",
    "not_a_pdf": "not_a_pdf",
    "scanned": "no_text_layer",
    "whitespace_only": "no_text_layer",
    "no_pages": "corrupt",
}
RAW = Path(__file__).resolve().parents[1] / "data" / "raw"


def _lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.fixture
def in_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    bad = generate_bad_inputs(folder / "bad")
    assert set(bad) == set(EXPECTED_ERRORS)
    (folder / "letters").mkdir()
    (folder / "letters" / "brief.txt").write_text(LETTER, encoding="utf-8")
    shutil.copy(sorted(RAW.glob("*.pdf"))[0], folder / "letters" / "sample.pdf")
    (folder / "notes.md").write_text("not an input", encoding="utf-8")
    return folder


def test_bad_inputs_become_error_records_and_good_ones_records(
    in_dir: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    summary = run_batch(in_dir, out)
    docs = _lines(out / "documents.jsonl")
    errors = _lines(out / "errors.jsonl")
    assert summary.processed == len(docs) == 2
    assert summary.failed == len(errors) == len(EXPECTED_ERRORS)
    for record in docs:
        validate_record(record)
    got = {Path(e["path"]).stem.removeprefix("bad_"): e["error"] for e in errors}
    assert got == EXPECTED_ERRORS
    for e in errors:
        assert e["message"]
        assert len(e["sha256"]) == 64
    assert (out / "commitments.jsonl").exists()


def test_a_second_run_skips_what_is_done_and_cuts_a_partial_line(
    in_dir: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    run_batch(in_dir, out)
    with (out / "documents.jsonl").open("a", encoding="utf-8") as fh:
        fh.write('{"schema": "kamer-nlp/1", "id": "half-writ')  # a run killed mid-line
    summary = run_batch(in_dir, out)
    assert summary.processed == 0
    assert summary.skipped == 2 + len(EXPECTED_ERRORS)
    docs = _lines(out / "documents.jsonl")  # parses: the partial line is gone
    assert len(docs) == 2


def test_retry_errors_processes_failed_inputs_again_without_duplicates(
    in_dir: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    run_batch(in_dir, out)
    summary = run_batch(in_dir, out, retry_errors=True)
    assert summary.failed == len(EXPECTED_ERRORS)
    assert len(_lines(out / "errors.jsonl")) == len(EXPECTED_ERRORS)
    assert len(_lines(out / "documents.jsonl")) == 2


def test_a_timeout_is_recorded(tmp_path: Path) -> None:
    pdf = sorted(RAW.glob("*.pdf"))[0]
    outcome = process_path(str(pdf), timeout=1e-6)
    assert outcome.record is None
    assert outcome.error is not None and outcome.error["error"] == "timeout"


def test_an_unexpected_failure_is_recorded_not_raised(tmp_path: Path) -> None:
    outcome = process_path(str(tmp_path / "missing.pdf"))
    assert outcome.error is not None
    assert outcome.error["error"] == "unreadable"


@pytest.mark.slow
def test_process_pool_gives_the_same_records(in_dir: Path, tmp_path: Path) -> None:
    one = tmp_path / "one"
    two = tmp_path / "two"
    run_batch(in_dir, one)
    run_batch(in_dir, two, workers=2)

    def by_id(p):
        return sorted((r["id"], r["text"], len(r["spans"])) for r in _lines(p / "documents.jsonl"))

    assert by_id(one) == by_id(two)
    assert sorted(e["error"] for e in _lines(one / "errors.jsonl")) == sorted(
        e["error"] for e in _lines(two / "errors.jsonl")
    )


@pytest.mark.slow
def test_dask_local_cluster_gives_the_same_records(in_dir: Path, tmp_path: Path) -> None:
    pytest.importorskip("dask.distributed", reason="install the dask extra to run on Dask")
    one = tmp_path / "one"
    dask_out = tmp_path / "dask"
    run_batch(in_dir, one)
    run_batch(in_dir, dask_out, workers=1, dask="local")
    ids = lambda p: sorted((r["id"], r["text"]) for r in _lines(p / "documents.jsonl"))  # noqa: E731
    assert ids(one) == ids(dask_out)
    assert len(_lines(dask_out / "errors.jsonl")) == len(EXPECTED_ERRORS)


@pytest.mark.slow
def test_an_interrupted_run_leaves_whole_lines_and_resumes(tmp_path: Path) -> None:
    import signal
    import subprocess
    import sys
    import time

    in_dir = tmp_path / "in"
    in_dir.mkdir()
    for i in range(12):
        for pdf in sorted(RAW.glob("*.pdf")):
            shutil.copy(pdf, in_dir / f"{i:02d}-{pdf.name}")
    out = tmp_path / "out"
    proc = subprocess.Popen(
        [sys.executable, "-m", "kamer_nlp.cli", "run", str(in_dir), "--out", str(out)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    docs = out / "documents.jsonl"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and (not docs.exists() or docs.stat().st_size == 0):
        time.sleep(0.2)
    proc.send_signal(signal.SIGINT)
    _, stderr = proc.communicate(timeout=120)
    assert proc.returncode == 130, stderr
    assert "interrupted" in stderr
    done = _lines(docs)  # every line parses
    total = 12 * len(sorted(RAW.glob("*.pdf")))
    assert 1 <= len(done) < total
    summary = run_batch(in_dir, out)
    assert summary.skipped == len(done)
    assert len(_lines(docs)) == total


def test_the_same_input_named_two_ways_is_done_once(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "brief.txt").write_text(LETTER, encoding="utf-8")
    out = tmp_path / "out"
    run_batch(folder, out)
    other_spelling = tmp_path / "in" / ".." / "in"
    summary = run_batch(other_spelling, out)
    assert summary.processed == 0 and summary.skipped == 1


def test_same_file_names_in_subfolders_get_distinct_ids(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    for sub in ("a", "b"):
        (folder / sub).mkdir(parents=True)
        (folder / sub / "brief.txt").write_text(LETTER.replace("Nr. 12 ", ""), encoding="utf-8")
    out = tmp_path / "out"
    run_batch(folder, out)
    ids = sorted(r["id"] for r in _lines(out / "documents.jsonl"))
    assert ids == ["a/brief", "b/brief"]
    rows = _lines(out / "commitments.jsonl")
    assert {r["document_id"] for r in rows} == {"a/brief", "b/brief"}


def test_rows_of_a_document_whose_line_was_lost_are_redone(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "brief.txt").write_text(LETTER, encoding="utf-8")
    out = tmp_path / "out"
    run_batch(folder, out)
    rows = (out / "commitments.jsonl").read_text(encoding="utf-8")
    assert rows
    (out / "documents.jsonl").write_text(
        "", encoding="utf-8"
    )  # killed after the rows, before the document
    run_batch(folder, out)
    assert (out / "commitments.jsonl").read_text(encoding="utf-8") == rows
    assert len(_lines(out / "documents.jsonl")) == 1


def test_a_text_beyond_the_pipeline_limit_is_too_large(tmp_path: Path) -> None:
    from kamer_nlp.nlp.pipeline import MAX_CHARS_RULES

    big = tmp_path / "groot.txt"
    line = "De Minister zal de Kamer informeren over de voortgang van het programma.\n"
    big.write_text(line * (MAX_CHARS_RULES // len(line) + 10), encoding="utf-8")
    outcome = process_path(str(big))
    assert outcome.error is not None and outcome.error["error"] == "too_large"
