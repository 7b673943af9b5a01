"""A batch run over a folder: plan what to do, run it under limits, write whole lines.

Every input ends as exactly one line in ``documents.jsonl`` or ``errors.jsonl``; a bad
file never stops the batch. Lines are written whole by this (the parent) process, so a
killed run leaves at most a partial last line, which the next run cuts off before it
skips what is already done. Identical files get one record: the copies are listed in
``errors.jsonl`` as ``duplicate`` lines naming the record.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
import shutil
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from kamer_nlp.batch.inputs import Input, describe_inputs, find_inputs, path_key
from kamer_nlp.batch.state import (
    COMMITMENTS,
    DOCUMENTS,
    ERRORS,
    SUMMARY,
    BatchError,
    Done,
    drop_inputs,
    exclusive,
    open_output,
    pipeline_identity,
    read_done,
    rebuild_commitments,
    write_json,
)
from kamer_nlp.batch.supervisor import Limits, Supervisor, WorkerStartError, run_isolated
from kamer_nlp.batch.work import Job, Outcome, error_outcome, process_job
from kamer_nlp.errors import UnknownNameError
from kamer_nlp.extract.backends import DEFAULT_BACKEND, check_backend
from kamer_nlp.io.jsonl import JsonlAppender

log = logging.getLogger(__name__)

DASK_ADDRESS = re.compile(r"^(local|(tcp|tls|inproc|ucx|ws|wss)://\S+)$")


@dataclass
class BatchSummary:
    processed: int = 0
    failed: int = 0
    skipped: int = 0
    duplicates: int = 0
    changed: int = 0
    pages: int = 0
    commitments: int = 0
    seconds: float = 0.0
    errors: Counter[str] = field(default_factory=Counter)
    layouts: Counter[str] = field(default_factory=Counter)
    renamed: dict[str, str] = field(default_factory=dict)  # input path -> id made unique

    def as_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["errors"] = dict(sorted(self.errors.items()))
        data["layouts"] = dict(sorted(self.layouts.items()))
        data["seconds"] = round(self.seconds, 3)
        return data


@dataclass
class Plan:
    jobs: list[Job]
    alternates: dict[str, tuple[tuple[str, str, str], ...]]  # job path -> (path, sha, format)
    waiting: dict[str, list[Input]]  # sha -> copies that wait for the original's outcome
    copies_of_done: list[tuple[Input, str, str]]  # copy, record id, original path
    skipped: int
    changed: int


def plan(
    inputs: list[Input], done: Done, max_bytes: int | None, backend: str = DEFAULT_BACKEND
) -> tuple[Plan, set[str]]:
    """What this run must do; and the path keys whose old lines are stale (changed inputs)."""
    stale: set[str] = set()
    for inp in inputs:
        key = path_key(inp.path)
        old = done.docs.get(key) or done.errors.get(key)
        if old is not None and old[0] != inp.sha256:
            stale.add(key)
        if key in done.docs:  # a changed or new alternate: the publication is read again
            for alt_path, alt_sha, _ in inp.alternates:
                alt = done.docs.get(path_key(alt_path))
                if alt is None or alt[0] != alt_sha:
                    stale.update({key, path_key(alt_path)})
    skipped = changed = 0
    jobs: list[Job] = []
    alternates: dict[str, tuple[tuple[str, str, str], ...]] = {}
    waiting: dict[str, list[Input]] = {}
    copies: list[tuple[Input, str, str]] = []
    for inp in inputs:
        key = path_key(inp.path)
        if key in stale:
            changed += 1
        elif key in done.docs or key in done.errors:
            skipped += 1
            continue
        original = done.paths_by_sha.get(inp.sha256)
        if original is not None and path_key(original) != key and path_key(original) not in stale:
            # the same content as a record already in OUT, under another name
            copies.append((inp, done.ids_by_sha[inp.sha256], original))
            continue
        if inp.sha256 in waiting:
            waiting[inp.sha256].append(inp)
            continue
        waiting[inp.sha256] = []
        jobs.append(Job(inp.path, inp.fallback_id, inp.sha256, max_bytes, backend))
        if inp.alternates:
            alternates[inp.path] = inp.alternates
    sizes = {inp.path: inp.size for inp in inputs}
    jobs.sort(key=lambda job: (-sizes[job.path], job.path))  # largest first: even finish
    return Plan(jobs, alternates, waiting, copies, skipped, changed), stale


def alternates_record(alternates: tuple[tuple[str, str, str], ...]) -> list[dict[str, Any]]:
    """``source.alternates``: the other forms of the publication a record was made from."""
    return [{"path": p, "sha256": sha, "format": fmt} for p, sha, fmt in alternates]


def duplicate_line(
    copy: Input, original: str, record_id: str | None, failed: str | None
) -> dict[str, Any]:
    what = f"document {record_id}" if record_id else f"which failed: {failed}"
    return {
        "path": copy.path,
        "sha256": copy.sha256,
        "error": "duplicate",
        "message": f"same content as {original} ({what})",
        "same_as": original,
        "document_id": record_id,
    }


def run_batch(
    in_dir: Path,
    out_dir: Path,
    *,
    pipeline: str = "default",
    backend: str = DEFAULT_BACKEND,
    workers: int = 1,
    resume: bool = True,
    retry_errors: bool = False,
    force: bool = False,
    limits: Limits | None = None,
    dask: str | None = None,
    isolate: bool = True,
    on_start: Callable[[int], None] | None = None,
    on_result: Callable[[Outcome], None] | None = None,
) -> BatchSummary:
    """Annotate every PDF/.txt under ``in_dir`` into ``out_dir``; see the module docstring.

    Documents run in supervised worker processes (``workers`` of them, or on Dask) under
    ``limits``. ``isolate=False`` annotates in this process instead, without the time and
    memory limits (for embedding and quick tests). Raises :class:`BatchError` (one line)
    when the run cannot start: OUT locked by another run, records of another pipeline,
    an unreachable Dask scheduler, a pipeline that does not load, an unknown PDF backend.
    """
    limits = limits or Limits()
    if workers < 1:
        raise BatchError("--workers must be at least 1")
    if dask is not None and not DASK_ADDRESS.match(dask):
        raise BatchError(
            f"--dask takes 'local' or a scheduler address such as tcp://host:8786, not {dask!r}"
        )
    if not in_dir.is_dir():
        raise BatchError(f"{in_dir} is not a folder")
    try:
        check_backend(backend)
    except UnknownNameError as e:
        raise BatchError(str(e)) from None
    identity = pipeline_identity(pipeline)
    if backend != DEFAULT_BACKEND:  # its records differ: resuming with another is refused
        identity["backend"] = backend
    created = not out_dir.exists()
    started = time.perf_counter()
    summary = BatchSummary()
    cluster = _dask_client(dask, workers) if dask else None  # unreachable: before OUT is touched
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        with exclusive(out_dir):
            open_output(out_dir, identity, resume=resume, force=force)
            settings = RunSettings(
                in_dir=in_dir,
                out_dir=out_dir,
                pipeline=pipeline,
                backend=backend,
                workers=workers,
                retry_errors=retry_errors,
                limits=limits,
                isolate=isolate,
                identity=identity,
                on_start=on_start,
                on_result=on_result,
            )
            _run_locked(settings, cluster, summary, started)
    except BatchError:
        if created and out_dir.is_dir() and not (summary.processed or summary.failed):
            shutil.rmtree(out_dir, ignore_errors=True)  # a failed start leaves no OUT behind
        raise
    finally:
        if cluster is not None:
            cluster.close()
    return summary


@dataclass(frozen=True)
class RunSettings:
    """What one batch run was asked to do, as :func:`run_batch` validated it."""

    in_dir: Path
    out_dir: Path
    pipeline: str
    backend: str
    workers: int
    retry_errors: bool
    limits: Limits
    isolate: bool
    identity: dict[str, Any]  # pipeline.json: what made the records (state.pipeline_identity)
    on_start: Callable[[int], None] | None = None  # called once with the number of inputs
    on_result: Callable[[Outcome], None] | None = None  # called per finished input


def _run_locked(
    run: RunSettings, cluster: DaskConnection | None, summary: BatchSummary, started: float
) -> None:
    from kamer_nlp.commitments.table import commitment_rows

    in_dir, out_dir, limits = run.in_dir, run.out_dir, run.limits
    on_start, on_result = run.on_start, run.on_result

    done = read_done(out_dir, retry_errors=run.retry_errors)
    paths = find_inputs(in_dir, exclude=out_dir)
    inputs, unreadable = describe_inputs(paths, in_dir)
    the_plan, stale = plan(inputs, done, limits.max_bytes, run.backend)
    if stale:
        drop_inputs(out_dir, stale)
        done = read_done(out_dir, retry_errors=False)
    rebuild_commitments(out_dir)
    summary.skipped, summary.changed = the_plan.skipped, the_plan.changed
    total = (
        len(the_plan.jobs)
        + len(unreadable)
        + len(the_plan.copies_of_done)
        + sum(len(v) for v in the_plan.waiting.values())
    )
    if on_start:
        on_start(total)
    status = "interrupted"
    try:
        with (
            JsonlAppender(out_dir / DOCUMENTS) as docs,
            JsonlAppender(out_dir / COMMITMENTS) as comms,
            JsonlAppender(out_dir / ERRORS) as errs,
        ):

            def error(outcome: Outcome) -> None:
                assert outcome.error is not None
                errs.write(outcome.error)
                if outcome.error["error"] == "duplicate":
                    summary.duplicates += 1
                else:
                    summary.failed += 1
                    summary.errors[outcome.error["error"]] += 1
                if on_result:
                    on_result(outcome)

            for path, why in unreadable:
                error(error_outcome(Job(str(path), "", None), "unreadable", why))
            for copy, rid, original in the_plan.copies_of_done:
                error(Outcome(copy.path, error=duplicate_line(copy, original, rid, None)))
            ids = set(done.ids)
            pending = the_plan.jobs
            alternates = dict(the_plan.alternates)
            while pending:
                by_path = {job.path: job for job in pending}
                fallback: list[Job] = []
                for outcome in _outcomes(pending, run, cluster):
                    job = by_path[outcome.path]
                    record_id: str | None = None
                    others = alternates.get(job.path, ())
                    if outcome.record is not None:
                        record = outcome.record
                        if others:
                            record["source"]["alternates"] = alternates_record(others)
                        if record["id"] in ids:  # ids are unique within OUT
                            unique = f"{record['id']}~{(job.sha256 or '')[:8]}"
                            summary.renamed[job.path] = unique
                            record["warnings"].append(
                                f"id {record['id']} is taken by another document in this output: named {unique}"
                            )
                            record["id"] = unique
                        ids.add(record["id"])
                        record_id = record["id"]
                        docs.write(record)  # the document line first: rows are rebuilt from it
                        rows = commitment_rows(record)
                        for row in rows:
                            comms.write(row)
                        summary.processed += 1
                        summary.pages += record["source"].get("pages") or 0
                        summary.commitments += len(rows)
                        summary.layouts[record["source"].get("layout") or "other"] += 1
                        if on_result:
                            on_result(outcome)
                    else:
                        error(outcome)
                        if others:  # the next form of the publication takes its place
                            (alt_path, alt_sha, _), rest = others[0], others[1:]
                            fallback.append(
                                Job(alt_path, job.doc_id, alt_sha, job.max_bytes, job.backend)
                            )
                            if rest:
                                alternates[alt_path] = rest
                    failed = outcome.error["error"] if outcome.error else None
                    for copy in the_plan.waiting.get(job.sha256 or "", []):
                        error(
                            Outcome(
                                copy.path, error=duplicate_line(copy, job.path, record_id, failed)
                            )
                        )
                pending = fallback
        status = "complete"
    finally:
        summary.seconds = time.perf_counter() - started
        write_json(
            out_dir / SUMMARY,
            {
                "status": status,
                "finished": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
                "in_dir": str(in_dir),
                "pipeline": run.identity,
                "workers": run.workers,
                "dask": cluster.address if cluster else None,
                "limits": asdict(limits),
                **summary.as_json(),
            },
        )


def _outcomes(
    jobs: list[Job], run: RunSettings, cluster: DaskConnection | None
) -> Iterator[Outcome]:
    if not jobs:
        return
    pipeline, workers, limits = run.pipeline, run.workers, run.limits
    if cluster is not None:
        yield from _dask_outcomes(jobs, pipeline, limits, cluster)
    elif not run.isolate:
        for job in jobs:
            yield process_job(job, pipeline)
    else:
        try:
            with Supervisor(pipeline, limits, workers) as supervisor:
                yield from supervisor.run(jobs)
        except WorkerStartError as err:
            raise BatchError(str(err)) from None


@dataclass
class DaskConnection:
    """A Dask client, and the local cluster behind it when the run made one."""

    address: str
    client: Any
    local: Any = None

    def close(self) -> None:
        self.client.close()
        if self.local is not None:
            self.local.close()


def _dask_client(address: str, workers: int) -> DaskConnection:
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError:
        raise BatchError("Dask is not installed: pip install 'kamer-nlp[dask]'") from None
    if address == "local":
        cluster = LocalCluster(
            n_workers=max(1, workers), threads_per_worker=1, processes=True, dashboard_address=None
        )
        return DaskConnection(address, Client(cluster), cluster)
    try:
        return DaskConnection(address, Client(address, timeout="10s"))
    except (OSError, TimeoutError, ValueError) as err:
        raise BatchError(f"cannot reach the Dask scheduler at {address}: {err}") from None


def _dask_outcomes(
    jobs: list[Job], pipeline: str, limits: Limits, cluster: DaskConnection
) -> Iterator[Outcome]:
    """Each Dask worker thread runs its documents in its own supervised worker process."""
    from dask.distributed import as_completed

    futures = cluster.client.map(run_isolated, jobs, pipeline=pipeline, limits=limits, pure=False)
    job_of = {future.key: job for future, job in zip(futures, jobs, strict=True)}
    try:
        for future in as_completed(futures):
            job = job_of[future.key]
            try:
                yield future.result()
            except WorkerStartError as err:
                raise BatchError(str(err)) from None
            except Exception as err:  # the Dask worker itself died: record, continue
                yield error_outcome(job, "worker_crashed", f"{type(err).__name__}: {err}")
    finally:
        cluster.client.cancel(futures)
