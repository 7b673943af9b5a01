"""Batch runs: every input ends as a record or a recorded error; runs resume; nothing half-written."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kamer_nlp.batch import (
    BatchError,
    Limits,
    OutputLocked,
    process_path,
    run_batch,
)
from kamer_nlp.io.schema import validate_record
from kamer_samples.bad_inputs import generate_bad_inputs
from tests.letters import LETTER
from tests.lock_holder import lock_held_elsewhere

EXPECTED_ERRORS = {
    "encrypted": "encrypted",
    "corrupt": "corrupt",
    "empty": "empty",
    "not_a_pdf": "not_a_pdf",
    "scanned": "no_text_layer",
    "whitespace_only": "no_text_layer",
    "no_pages": "corrupt",
}
ROOT = Path(__file__).resolve().parents[1]
RAW = ROOT / "data" / "raw"
HOOKS = Path(__file__).resolve().parent / "batch_hooks"


def _lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def _letter(folder: Path, name: str, variant: str = "") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(
        LETTER.replace("Nr. 12 ", "") + (f"\n{variant}\n" if variant else ""), encoding="utf-8"
    )
    return path


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


@pytest.fixture
def hooks(monkeypatch: pytest.MonkeyPatch) -> None:
    """Worker processes learn test behaviour from file names (see batch_hooks/sitecustomize.py)."""
    monkeypatch.setenv("KAMER_NLP_TEST_HOOKS", "1")
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join([str(HOOKS), str(ROOT)]))


@pytest.mark.slow  # worker processes over every bad input
def test_bad_inputs_become_error_records_and_good_ones_records(
    in_dir: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    summary = run_batch(in_dir, out)  # supervised worker process, default limits
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
    run = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert run["status"] == "complete" and run["processed"] == 2
    assert run["errors"] == {
        "corrupt": 2,
        "empty": 1,
        "encrypted": 1,
        "no_text_layer": 2,
        "not_a_pdf": 1,
    }


def test_a_second_run_skips_what_is_done_and_cuts_a_partial_line(
    in_dir: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    run_batch(in_dir, out, isolate=False)
    with (out / "documents.jsonl").open("a", encoding="utf-8") as fh:
        fh.write('{"schema": "kamer-nlp/1", "id": "half-writ')  # a run killed mid-line
    summary = run_batch(in_dir, out, isolate=False)
    assert summary.processed == 0
    assert summary.skipped == 2 + len(EXPECTED_ERRORS)
    docs = _lines(out / "documents.jsonl")  # parses: the partial line is gone
    assert len(docs) == 2


def test_retry_errors_processes_failed_inputs_again_without_duplicates(
    in_dir: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    run_batch(in_dir, out, isolate=False)
    summary = run_batch(in_dir, out, retry_errors=True, isolate=False)
    assert summary.failed == len(EXPECTED_ERRORS)
    assert len(_lines(out / "errors.jsonl")) == len(EXPECTED_ERRORS)
    assert len(_lines(out / "documents.jsonl")) == 2


def test_an_unexpected_failure_is_recorded_not_raised(tmp_path: Path) -> None:
    outcome = process_path(str(tmp_path / "missing.pdf"))
    assert outcome.error is not None
    assert outcome.error["error"] == "unreadable"


@pytest.mark.parametrize(
    "kwargs",
    [
        {"timeout": 0},
        {"timeout": -1},
        {"max_memory": 1024},
        {"max_bytes": 0},
    ],
)
def test_limits_are_validated(kwargs: dict) -> None:
    with pytest.raises(ValueError):
        Limits(**kwargs)


def test_a_changed_input_is_annotated_again_and_replaces_its_record(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    path = _letter(folder, "brief.txt")
    out = tmp_path / "out"
    run_batch(folder, out, isolate=False)
    first = _lines(out / "documents.jsonl")
    path.write_text(
        path.read_text(encoding="utf-8") + "\nIk zal de Kamer voor 1 juli 2019 informeren.\n",
        encoding="utf-8",
    )
    summary = run_batch(folder, out, isolate=False)
    assert summary.changed == 1 and summary.processed == 1 and summary.skipped == 0
    docs = _lines(out / "documents.jsonl")
    assert len(docs) == 1
    assert docs[0]["source"]["sha256"] != first[0]["source"]["sha256"]
    assert {r["document_id"] for r in _lines(out / "commitments.jsonl")} == {docs[0]["id"]}


def test_records_of_another_pipeline_are_refused_unless_forced(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    _letter(folder, "brief.txt")
    out = tmp_path / "out"
    run_batch(folder, out, isolate=False)
    stored = json.loads((out / "pipeline.json").read_text(encoding="utf-8"))
    stored["config_sha256"] = "0" * 64  # as if another config had written OUT
    (out / "pipeline.json").write_text(json.dumps(stored), encoding="utf-8")
    with pytest.raises(BatchError, match=r"another pipeline.*config_sha256.*--force"):
        run_batch(folder, out, isolate=False)
    assert len(_lines(out / "documents.jsonl")) == 1  # refused: nothing lost
    summary = run_batch(folder, out, isolate=False, force=True)
    assert summary.processed == 1 and len(_lines(out / "documents.jsonl")) == 1


def test_identical_files_get_one_record_and_the_copies_are_listed(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    _letter(folder / "a", "brief.txt")
    _letter(folder / "b", "kopie.txt")
    _letter(folder / "c", "nog-een-kopie.txt")
    out = tmp_path / "out"
    summary = run_batch(folder, out, isolate=False)
    assert summary.processed == 1 and summary.duplicates == 2 and summary.failed == 0
    docs = _lines(out / "documents.jsonl")
    dups = _lines(out / "errors.jsonl")
    assert len(docs) == 1 and docs[0]["id"] == "a/brief"
    assert {d["error"] for d in dups} == {"duplicate"}
    assert {d["document_id"] for d in dups} == {"a/brief"}
    # a later run with one more copy: listed against the record already in OUT
    _letter(folder / "d", "derde.txt")
    again = run_batch(folder, out, isolate=False)
    assert again.skipped == 3 and again.duplicates == 1 and again.processed == 0


@pytest.mark.slow  # two batches
def test_the_same_id_for_different_content_is_made_unique(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    pdf = RAW / "kst-36318-4.pdf"  # its colophon names it kst-36318-4
    for sub in ("a", "b"):  # two different files of one Kamerstuk
        (folder / sub).mkdir(parents=True)
        (folder / sub / "stuk.pdf").write_bytes(pdf.read_bytes() + f"\n% {sub}\n".encode())
    out = tmp_path / "out"
    summary = run_batch(folder, out, isolate=False)
    ids = [r["id"] for r in _lines(out / "documents.jsonl")]
    assert sorted(ids) == sorted(["kst-36318-4", summary.renamed[str(folder / "b" / "stuk.pdf")]])
    assert summary.renamed[str(folder / "b" / "stuk.pdf")].startswith("kst-36318-4~")
    assert {r["document_id"] for r in _lines(out / "commitments.jsonl")} == set(ids)


def test_the_same_input_named_two_ways_is_done_once(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    _letter(folder, "brief.txt")
    out = tmp_path / "out"
    run_batch(folder, out, isolate=False)
    other_spelling = tmp_path / "in" / ".." / "in"
    summary = run_batch(other_spelling, out, isolate=False)
    assert summary.processed == 0 and summary.skipped == 1


def test_same_file_names_in_subfolders_get_distinct_ids(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    _letter(folder / "a", "brief.txt", "a")
    _letter(folder / "b", "brief.txt", "b")
    out = tmp_path / "out"
    run_batch(folder, out, isolate=False)
    ids = sorted(r["id"] for r in _lines(out / "documents.jsonl"))
    assert ids == ["a/brief", "b/brief"]
    rows = _lines(out / "commitments.jsonl")
    assert {r["document_id"] for r in rows} == {"a/brief", "b/brief"}


def test_symlinked_folders_and_files_are_read_with_their_own_names(tmp_path: Path) -> None:
    real = tmp_path / "real"
    _letter(real / "x", "brief.txt", "een")
    elsewhere = tmp_path / "elsewhere"
    _letter(elsewhere, "brief.txt", "twee")
    linked = tmp_path / "linked"
    linked.symlink_to(real, target_is_directory=True)  # the input folder is a link
    (real / "y").mkdir()
    (real / "y" / "brief.txt").symlink_to(elsewhere / "brief.txt")  # a linked file
    (real / "loop").symlink_to(real, target_is_directory=True)  # a cycle ends
    out = tmp_path / "out"
    summary = run_batch(linked, out, isolate=False)
    assert summary.processed == 2
    assert sorted(r["id"] for r in _lines(out / "documents.jsonl")) == ["x/brief", "y/brief"]


def test_an_output_folder_inside_the_input_folder_is_not_read(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    _letter(folder, "brief.txt")
    out = folder / "out"
    run_batch(folder, out, isolate=False)
    (out / "stray.txt").write_text(LETTER, encoding="utf-8")  # anything under OUT is left alone
    summary = run_batch(folder, out, isolate=False)
    assert summary.skipped == 1 and summary.processed == 0 and summary.duplicates == 0


def test_rows_of_a_document_whose_line_was_lost_are_redone(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    _letter(folder, "brief.txt")
    out = tmp_path / "out"
    run_batch(folder, out, isolate=False)
    rows = (out / "commitments.jsonl").read_text(encoding="utf-8")
    assert rows
    (out / "documents.jsonl").write_text("", encoding="utf-8")  # killed before the line
    run_batch(folder, out, isolate=False)
    assert (out / "commitments.jsonl").read_text(encoding="utf-8") == rows
    assert len(_lines(out / "documents.jsonl")) == 1


def test_rows_lost_after_their_document_line_are_rebuilt(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    _letter(folder, "brief.txt")
    out = tmp_path / "out"
    run_batch(folder, out, isolate=False)
    rows = (out / "commitments.jsonl").read_text(encoding="utf-8")
    (out / "commitments.jsonl").write_text(rows + rows, encoding="utf-8")  # doubled rows
    run_batch(folder, out, isolate=False)
    assert (out / "commitments.jsonl").read_text(encoding="utf-8") == rows


def test_a_text_beyond_the_pipeline_limit_is_too_large(tmp_path: Path) -> None:
    from kamer_nlp.nlp.pipeline import MAX_CHARS_RULES

    big = tmp_path / "groot.txt"
    line = "De Minister zal de Kamer informeren over de voortgang van het programma.\n"
    big.write_text(line * (MAX_CHARS_RULES // len(line) + 10), encoding="utf-8")
    outcome = process_path(str(big))
    assert outcome.error is not None and outcome.error["error"] == "too_large"


def test_a_second_run_on_the_same_output_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    _letter(folder, "brief.txt")
    out = tmp_path / "out"
    out.mkdir()
    with lock_held_elsewhere(out) as pid:
        with pytest.raises(OutputLocked, match=f"pid {pid}"):
            run_batch(folder, out, isolate=False)
        assert not (out / "documents.jsonl").exists()
    assert run_batch(folder, out, isolate=False).processed == 1  # free again


def _limit_inputs(folder: Path) -> None:
    for name in ("sleep-a.txt", "hog-b.txt", "crash-c.txt", "goed-d.txt", "goed-e.txt"):
        _letter(folder, name, name)


def _check_limit_outcomes(out: Path) -> None:
    errors = {Path(e["path"]).name: e["error"] for e in _lines(out / "errors.jsonl")}
    assert errors == {
        "sleep-a.txt": "timeout",
        "hog-b.txt": "too_large",
        "crash-c.txt": "worker_crashed",
    }
    assert sorted(Path(r["source"]["path"]).name for r in _lines(out / "documents.jsonl")) == [
        "goed-d.txt",
        "goed-e.txt",
    ]


LIMITS = Limits(timeout=10, max_memory=700 * 1024**2)


@pytest.mark.slow
@pytest.mark.parametrize("workers", [1, 2])
def test_time_and_memory_limits_hold_in_worker_processes(
    hooks: None, tmp_path: Path, workers: int
) -> None:
    _limit_inputs(tmp_path / "in")
    run_batch(tmp_path / "in", tmp_path / "out", workers=workers, limits=LIMITS)
    _check_limit_outcomes(tmp_path / "out")


@pytest.mark.slow
def test_time_and_memory_limits_hold_on_a_local_dask_cluster(hooks: None, tmp_path: Path) -> None:
    pytest.importorskip("dask.distributed", reason="install the dask extra to run on Dask")
    _limit_inputs(tmp_path / "in")
    run_batch(tmp_path / "in", tmp_path / "out", workers=2, limits=LIMITS, dask="local")
    _check_limit_outcomes(tmp_path / "out")


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.mark.slow
def test_time_and_memory_limits_hold_on_a_separate_dask_scheduler(
    hooks: None, tmp_path: Path
) -> None:
    pytest.importorskip("dask.distributed", reason="install the dask extra to run on Dask")
    import time

    port = _free_port()
    address = f"tcp://127.0.0.1:{port}"
    bin_dir = Path(sys.executable).parent
    scheduler = subprocess.Popen(
        [
            str(bin_dir / "dask"),
            "scheduler",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--no-dashboard",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    worker = subprocess.Popen(
        [
            str(bin_dir / "dask"),
            "worker",
            address,
            "--nworkers",
            "1",
            "--nthreads",
            "2",
            "--no-dashboard",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        from dask.distributed import Client

        deadline = time.monotonic() + 60
        with Client(address, timeout="30s") as client:
            while not client.scheduler_info()["workers"] and time.monotonic() < deadline:
                time.sleep(0.5)
        _limit_inputs(tmp_path / "in")
        run_batch(tmp_path / "in", tmp_path / "out", limits=LIMITS, dask=address)
        _check_limit_outcomes(tmp_path / "out")
    finally:
        for proc in (worker, scheduler):
            proc.terminate()
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                proc.kill()


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
    run_batch(in_dir, one, isolate=False)
    run_batch(in_dir, dask_out, workers=1, dask="local")
    ids = lambda p: sorted((r["id"], r["text"]) for r in _lines(p / "documents.jsonl"))  # noqa: E731
    assert ids(one) == ids(dask_out)
    assert len(_lines(dask_out / "errors.jsonl")) == len(EXPECTED_ERRORS)


INTERRUPT_AFTER_ONE = """
import os, signal, sys
import kamer_nlp.batch as batch
original = batch.run_batch
def run_batch(*args, on_result=None, **kwargs):
    def interrupting(outcome):
        on_result(outcome)
        os.kill(os.getpid(), signal.SIGINT)  # Ctrl-C, right after the first document
    return original(*args, on_result=interrupting, **kwargs)
batch.run_batch = run_batch
# a shell that starts a job in the background has it ignore SIGINT: take it back
signal.signal(signal.SIGINT, signal.default_int_handler)
from kamer_nlp.cli import app
sys.argv = ["kamer-nlp", *sys.argv[1:]]
app()
"""


def _copies(folder: Path, n: int) -> int:
    folder.mkdir()
    pdfs = sorted(RAW.glob("*.pdf"))
    for i in range(n):
        for pdf in pdfs:
            data = pdf.read_bytes() + f"\n% copy {i}\n".encode()  # distinct content, same text
            (folder / f"{i:02d}-{pdf.name}").write_bytes(data)
    return n * len(pdfs)


@pytest.mark.slow
def test_an_interrupted_run_leaves_whole_lines_and_resumes(tmp_path: Path) -> None:
    in_dir = tmp_path / "in"
    total = _copies(in_dir, 2)
    out = tmp_path / "out"
    proc = subprocess.run(
        [sys.executable, "-c", INTERRUPT_AFTER_ONE, "run", str(in_dir), "--out", str(out)],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=ROOT,
    )
    assert proc.returncode == 130, proc.stderr
    assert "interrupted" in proc.stderr
    assert "Traceback" not in proc.stderr
    done = _lines(out / "documents.jsonl")  # every line parses
    assert len(done) == 1
    assert json.loads((out / "summary.json").read_text(encoding="utf-8"))["status"] == "interrupted"
    summary = run_batch(in_dir, out)
    assert summary.skipped == 1
    assert len(_lines(out / "documents.jsonl")) == total


def _sorted_lines(out: Path, name: str) -> list[str]:
    path = out / name
    return sorted(path.read_text(encoding="utf-8").splitlines()) if path.exists() else []


@pytest.mark.slow
def test_kill_9_at_random_moments_then_resume_equals_an_uninterrupted_run(tmp_path: Path) -> None:
    import random
    import signal
    import time

    in_dir = tmp_path / "in"
    _copies(in_dir, 3)
    generate_bad_inputs(in_dir / "bad")
    shutil.copy(in_dir / "00-kst-36318-4.pdf", in_dir / "bad" / "same-as-00.pdf")
    reference = tmp_path / "reference"
    run_batch(in_dir, reference)
    out = tmp_path / "out"
    command = [sys.executable, "-m", "kamer_nlp.cli", "run", str(in_dir), "--out", str(out), "-q"]
    rng = random.Random(13)
    kills = 0
    for _ in range(10):
        proc = subprocess.Popen(command, cwd=ROOT, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.5, 6.0))
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL)
            kills += 1
        proc.wait()
    assert kills >= 3, "the runs ended before the kills: the test proves little"
    finished = subprocess.run(command, cwd=ROOT, stderr=subprocess.PIPE, text=True, timeout=600)
    assert finished.returncode == 0, finished.stderr
    for name in ("documents.jsonl", "commitments.jsonl", "errors.jsonl"):
        assert _sorted_lines(out, name) == _sorted_lines(reference, name), name


@pytest.mark.slow
def test_a_batch_over_damaged_pdfs_accounts_for_every_input(tmp_path: Path) -> None:
    """Seeded mutants of the sample PDFs (bench/fuzz.py runs 500): one run under a memory
    limit, every input exactly once, a record for every file pdfplumber itself reads, and
    no unforeseen failure."""
    from collections import Counter

    from kamer_samples.mutants import pdfplumber_reads, write_mutants

    mutants = write_mutants(sorted(RAW.glob("*.pdf")), tmp_path / "in", 48, 7)
    out = tmp_path / "out"
    run_batch(tmp_path / "in", out, workers=2, limits=Limits(timeout=60, max_memory=1024**3))
    docs = _lines(out / "documents.jsonl")
    errors = _lines(out / "errors.jsonl")
    seen = Counter([d["source"]["path"] for d in docs] + [e["path"] for e in errors])
    assert sorted(seen) == sorted(str(m) for m in mutants)
    assert set(seen.values()) == {1}
    recorded = {d["source"]["path"] for d in docs}
    assert [m.name for m in mutants if pdfplumber_reads(m) and str(m) not in recorded] == []
    assert {e["error"] for e in errors} <= {"corrupt", "not_a_pdf", "no_text_layer", "empty"}
    for record in docs:
        validate_record(record)
