"""One document in, one outcome out: a record or an error line, never an exception."""

from __future__ import annotations

import logging
import time
import traceback
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kamer_nlp.extract.backends import DEFAULT_BACKEND

log = logging.getLogger(__name__)


@dataclass
class Job:
    """What a worker needs for one input."""

    path: str
    doc_id: str
    sha256: str | None = None
    max_bytes: int | None = None
    backend: str = DEFAULT_BACKEND  # the PDF backend, by name


@dataclass
class Outcome:
    path: str
    record: dict[str, Any] | None = None
    error: dict[str, Any] | None = None
    seconds: float = 0.0


def error_outcome(job: Job, kind: str, message: str, seconds: float = 0.0) -> Outcome:
    """An error line: ``{"path", "sha256", "error", "message"}``."""
    digest = job.sha256
    if digest is None:
        from kamer_nlp.batch.inputs import sha256_of

        try:
            digest = sha256_of(Path(job.path))
        except OSError:
            digest = None
    error = {"path": job.path, "sha256": digest, "error": kind, "message": message}
    return Outcome(job.path, error=error, seconds=seconds)


def process_job(job: Job, pipeline: str = "default") -> Outcome:
    """Annotate one file in this process; every failure becomes an error outcome."""
    from kamer_nlp.api import annotate_file
    from kamer_nlp.errors import ExtractionError

    started = time.perf_counter()
    try:
        record = annotate_file(
            Path(job.path),
            pipeline=pipeline,
            max_bytes=job.max_bytes,
            doc_id=job.doc_id,
            backend=job.backend,
        )
        return Outcome(job.path, record=record, seconds=time.perf_counter() - started)
    except ExtractionError as err:
        kind, message = err.kind, err.message
    except MemoryError:
        kind, message = "too_large", "ran out of memory"
    except RecursionError:
        kind, message = "corrupt", "structure nested too deeply to read"
    except Exception as err:  # a bug or an unforeseen input: record it, keep the batch going
        log.debug("failed on %s", job.path, exc_info=True)
        tb = traceback.extract_tb(err.__traceback__)
        where = f" at {tb[-1].filename.rsplit('/', 1)[-1]}:{tb[-1].lineno}" if tb else ""
        kind, message = "internal_error", f"{type(err).__name__}: {err}{where}"
    return error_outcome(job, kind, message, time.perf_counter() - started)


def process_path(
    path: str,
    doc_id: str | None = None,
    pipeline: str = "default",
    max_bytes: int | None = None,
    backend: str = DEFAULT_BACKEND,
) -> Outcome:
    """Annotate one file in this process (no wall-time or memory limit: see the supervisor)."""
    return process_job(Job(path, doc_id or Path(path).stem, None, max_bytes, backend), pipeline)
