"""Batch runs over document folders: process pool by default, Dask when asked.

Every input ends as one line in ``documents.jsonl`` or one line in
``errors.jsonl``; a bad file never stops the batch. Lines are written whole by
the parent process, so a killed run leaves at most a partial last line, which the
next (resumed) run cuts off before it skips what is already done.
"""

from __future__ import annotations

import logging
import signal
import threading
import time
import traceback
from collections import Counter
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor, as_completed
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kamer_nlp.api import annotate_file, sha256_of
from kamer_nlp.extract.glyphs import ExtractionError
from kamer_nlp.io.jsonl import JsonlAppender, read_jsonl, repair_tail, rewrite_jsonl

log = logging.getLogger(__name__)

SUFFIXES = {".pdf", ".txt"}
DOCUMENTS = "documents.jsonl"
COMMITMENTS = "commitments.jsonl"
ERRORS = "errors.jsonl"


@dataclass
class Outcome:
    path: str
    record: dict[str, Any] | None = None
    error: dict[str, Any] | None = None
    seconds: float = 0.0


@dataclass
class BatchSummary:
    processed: int = 0
    failed: int = 0
    skipped: int = 0
    pages: int = 0
    commitments: int = 0
    seconds: float = 0.0
    errors: Counter[str] = field(default_factory=Counter)
    layouts: Counter[str] = field(default_factory=Counter)


def find_inputs(in_dir: Path) -> list[Path]:
    """PDF and .txt files under ``in_dir``, recursively, in a stable order."""
    return sorted(p for p in in_dir.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)


@contextmanager
def time_limit(seconds: float | None) -> Iterator[None]:
    """Raise TimeoutError after ``seconds`` (only where signals work: a process's main thread)."""
    if not seconds or threading.current_thread() is not threading.main_thread():
        yield
        return

    def _raise(signum: int, frame: object) -> None:
        raise TimeoutError(f"processing took longer than {seconds:g} s")

    previous = signal.signal(signal.SIGALRM, _raise)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def process_path(
    path: str,
    doc_id: str | None = None,
    pipeline: str = "default",
    timeout: float | None = None,
    max_bytes: int | None = None,
) -> Outcome:
    """Annotate one file; every failure becomes an error record, never an exception."""
    started = time.perf_counter()
    p = Path(path)
    try:
        with time_limit(timeout):
            record = annotate_file(p, pipeline=pipeline, max_bytes=max_bytes, doc_id=doc_id)
        return Outcome(path, record=record, seconds=time.perf_counter() - started)
    except ExtractionError as err:
        error = {"error": err.kind, "message": err.message}
    except TimeoutError as err:
        error = {"error": "timeout", "message": str(err)}
    except MemoryError:
        error = {"error": "too_large", "message": "ran out of memory"}
    except Exception as err:  # a bug or an unforeseen input: record it, keep the batch going
        log.debug("failed on %s", path, exc_info=True)
        tb = traceback.extract_tb(err.__traceback__)
        where = f" at {tb[-1].filename.rsplit('/', 1)[-1]}:{tb[-1].lineno}" if tb else ""
        error = {"error": "internal_error", "message": f"{type(err).__name__}: {err}{where}"}
    try:
        digest = sha256_of(p)
    except OSError:
        digest = None
    return Outcome(
        path, error={"path": path, "sha256": digest, **error}, seconds=time.perf_counter() - started
    )


def _key(path: str) -> str:
    """What identifies an input across runs: its resolved path ("data/raw/x.pdf" == "$PWD/data/raw/x.pdf")."""
    return str(Path(path).resolve())


def fallback_id(path: Path, in_dir: Path) -> str:
    """The document id when the document does not say its own: the path below IN_DIR without
    suffix, so that "a/brief.txt" and "b/brief.txt" stay apart."""
    try:
        rel = path.resolve().relative_to(in_dir.resolve())
    except ValueError:
        rel = Path(path.name)
    return rel.with_suffix("").as_posix()


def _done(out_dir: Path, retry_errors: bool) -> tuple[set[str], list[dict[str, Any]]]:
    """Inputs already processed (resolved paths), and the error records to keep.

    Commitment rows are written before their document line, so rows of a document whose
    line never made it (a killed run) are dropped here and come back when it is redone.
    """
    for name in (DOCUMENTS, COMMITMENTS, ERRORS):
        repair_tail(out_dir / name)
    records = list(read_jsonl(out_dir / DOCUMENTS))
    done = {_key(rec["source"]["path"]) for rec in records if rec.get("source", {}).get("path")}
    ids = {rec.get("id") for rec in records}
    rows = list(read_jsonl(out_dir / COMMITMENTS))
    kept_rows = [row for row in rows if row.get("document_id") in ids]
    if len(kept_rows) != len(rows):
        rewrite_jsonl(out_dir / COMMITMENTS, kept_rows)
    errors = list(read_jsonl(out_dir / ERRORS))
    if retry_errors:
        return done, []
    return done | {_key(e["path"]) for e in errors}, errors


def run_batch(
    in_dir: Path,
    out_dir: Path,
    *,
    pipeline: str = "default",
    workers: int = 1,
    resume: bool = True,
    retry_errors: bool = False,
    timeout: float | None = 600.0,
    max_bytes: int | None = 200 * 1024 * 1024,
    dask: str | None = None,
    on_start: Callable[[int], None] | None = None,
    on_result: Callable[[Outcome], None] | None = None,
) -> BatchSummary:
    """Process every PDF/.txt under ``in_dir`` into ``out_dir``; see the module docstring."""
    from kamer_nlp.commitments.table import commitment_rows

    started = time.perf_counter()
    out_dir.mkdir(parents=True, exist_ok=True)
    if not resume:
        for name in (DOCUMENTS, COMMITMENTS, ERRORS):
            (out_dir / name).unlink(missing_ok=True)
    done, kept_errors = _done(out_dir, retry_errors)
    rewrite_jsonl(out_dir / ERRORS, kept_errors)

    found = find_inputs(in_dir)
    inputs = [p for p in found if _key(str(p)) not in done]
    summary = BatchSummary(skipped=len(found) - len(inputs))
    if on_start:
        on_start(len(inputs))
    with (
        JsonlAppender(out_dir / DOCUMENTS) as docs,
        JsonlAppender(out_dir / COMMITMENTS) as comms,
        JsonlAppender(out_dir / ERRORS) as errs,
    ):
        jobs = [(str(p), fallback_id(p, in_dir)) for p in inputs]
        for outcome in _outcomes(jobs, pipeline, workers, timeout, max_bytes, dask):
            if outcome.record is not None:
                rows = commitment_rows(outcome.record)
                for row in rows:  # rows first: the document line commits them (see _done)
                    comms.write(row)
                docs.write(outcome.record)
                summary.processed += 1
                summary.pages += outcome.record["source"].get("pages") or 0
                summary.commitments += len(rows)
                summary.layouts[outcome.record["source"].get("layout") or "other"] += 1
            else:
                assert outcome.error is not None
                errs.write(outcome.error)
                summary.failed += 1
                summary.errors[outcome.error["error"]] += 1
            if on_result:
                on_result(outcome)
    summary.seconds = time.perf_counter() - started
    return summary


def _outcomes(
    jobs: list[tuple[str, str]],
    pipeline: str,
    workers: int,
    timeout: float | None,
    max_bytes: int | None,
    dask: str | None,
) -> Iterator[Outcome]:
    if not jobs:
        return
    if dask:
        yield from _dask_outcomes(jobs, pipeline, workers, timeout, max_bytes, dask)
    elif workers <= 1:
        for path, doc_id in jobs:
            yield process_path(path, doc_id, pipeline, timeout, max_bytes)
    else:
        import multiprocessing

        ctx = multiprocessing.get_context("spawn")
        pool = ProcessPoolExecutor(max_workers=workers, mp_context=ctx)
        try:
            futures = {
                pool.submit(process_path, path, doc_id, pipeline, timeout, max_bytes): path
                for path, doc_id in jobs
            }
            for future in as_completed(futures):
                try:
                    yield future.result()
                except Exception as err:  # a worker died (killed, out of memory): record, continue
                    yield _crashed(futures[future], err)
        except BaseException:
            # Ctrl-C or a closed consumer: drop the queue instead of finishing the whole batch;
            # what was written is complete, the next run resumes from there
            pool.shutdown(wait=False, cancel_futures=True)
            raise
        pool.shutdown(wait=True)


def _crashed(path: str, err: BaseException) -> Outcome:
    """The outcome of an input whose worker process died under it."""
    try:
        digest: str | None = sha256_of(Path(path))
    except OSError:
        digest = None
    error = {
        "path": path,
        "sha256": digest,
        "error": "worker_crashed",
        "message": f"{type(err).__name__}: {err}",
    }
    return Outcome(path, error=error)


def _dask_outcomes(
    jobs: list[tuple[str, str]],
    pipeline: str,
    workers: int,
    timeout: float | None,
    max_bytes: int | None,
    address: str,
) -> Iterator[Outcome]:
    """Run on a Dask cluster: ``address`` is a scheduler address or "local" for a LocalCluster."""
    try:
        from dask.distributed import Client, LocalCluster
        from dask.distributed import as_completed as dask_completed
    except ImportError as err:  # pragma: no cover - depends on the install
        raise RuntimeError("Dask is not installed: pip install 'kamer-nlp[dask]'") from err

    cluster = (
        LocalCluster(
            n_workers=max(1, workers), threads_per_worker=1, processes=True, dashboard_address=None
        )
        if address == "local"
        else None
    )
    client = Client(cluster if cluster is not None else address)
    try:
        paths = [path for path, _ in jobs]
        futures = client.map(
            process_path,
            paths,
            [doc_id for _, doc_id in jobs],
            pipeline=pipeline,
            timeout=timeout,
            max_bytes=max_bytes,
            pure=False,
        )
        path_of = {future.key: path for future, path in zip(futures, paths, strict=True)}
        for future in dask_completed(futures):
            try:
                yield future.result()
            except Exception as err:  # a worker died: record, continue
                yield _crashed(path_of[future.key], err)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
