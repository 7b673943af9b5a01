"""Worker processes under limits: wall time per document and memory per worker.

Every mode of a batch run (``--workers N``, ``--dask local``, a remote Dask scheduler)
annotates documents in worker processes started and watched by a :class:`Supervisor`. A
worker that runs past the time limit, or whose resident memory passes the memory limit, is
killed and replaced, and its document becomes a ``timeout`` or ``too_large`` error line. No
signal is sent inside a worker, so this works wherever processes can be started (also on
Windows and inside Dask's daemonic workers).
"""

from __future__ import annotations

import json
import logging
import queue
import subprocess
import sys
import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass
from typing import IO, Any

from kamer_nlp.batch.work import Job, Outcome, error_outcome

log = logging.getLogger(__name__)

GiB = 1024**3
MiB = 1024**2
POLL_SECONDS = 0.05
START_SECONDS = 300.0  # loading the pipeline in a new worker


class WorkerStartError(RuntimeError):
    """A worker could not load the pipeline; the message is one line for the user."""


@dataclass(frozen=True)
class Limits:
    """Per-document limits, enforced the same way in every mode."""

    timeout: float | None = 120.0  # wall seconds per document
    max_memory: int | None = 2 * GiB  # resident bytes per worker
    max_bytes: int | None = 200 * MiB  # input file size

    def __post_init__(self) -> None:
        if self.timeout is not None and not self.timeout > 0:
            raise ValueError(
                f"the time limit must be a positive number of seconds, not {self.timeout}"
            )
        if self.max_memory is not None and self.max_memory < 256 * MiB:
            raise ValueError("the memory limit must be at least 256 MiB")
        if self.max_bytes is not None and self.max_bytes <= 0:
            raise ValueError("the file size limit must be positive")


def _rss(pid: int) -> int | None:
    try:
        import psutil

        return int(psutil.Process(pid).memory_info().rss)
    except Exception:  # gone, or psutil missing: nothing to measure
        return None


class _Worker:
    """One worker process and the threads that read its output."""

    def __init__(self, pipeline: str, limits: Limits, events: queue.Queue[Any], number: int):
        # the data-segment backstop sits well above the polled limit: polling decides
        data_limit = int(limits.max_memory * 1.5 + 512 * MiB) if limits.max_memory else 0
        self.number = number
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "kamer_nlp.batch.worker", pipeline, str(data_limit)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        self.ready = False
        self.job: Job | None = None
        self.started = self.spawned = time.monotonic()
        self.kill_reason: tuple[str, str] | None = None
        self.stderr_tail: deque[str] = deque(maxlen=5)
        assert self.proc.stdout is not None and self.proc.stderr is not None
        self.threads = [
            threading.Thread(target=self._read, args=(self.proc.stdout, events), daemon=True),
            threading.Thread(target=self._drain, args=(self.proc.stderr,), daemon=True),
        ]
        for thread in self.threads:
            thread.start()

    def _read(self, stream: IO[bytes], events: queue.Queue[Any]) -> None:
        for line in stream:
            try:
                events.put((self, json.loads(line)))
            except ValueError:
                log.debug("worker %d: unreadable line %r", self.number, line[:200])
        events.put((self, None))

    def _drain(self, stream: IO[bytes]) -> None:
        for raw in stream:
            line = raw.decode("utf-8", "replace").rstrip()
            if line:
                self.stderr_tail.append(line)
                log.debug("worker %d: %s", self.number, line)

    def send(self, job: Job) -> None:
        assert self.proc.stdin is not None
        self.job, self.started = job, time.monotonic()
        try:
            self.proc.stdin.write((json.dumps(asdict(job)) + "\n").encode())
            self.proc.stdin.flush()
        except OSError:  # it died: its end of output arrives as an event
            pass

    def kill(self, kind: str, message: str) -> None:
        if self.kill_reason is None:
            self.kill_reason = (kind, message)
            self.proc.kill()

    def close(self, wait: float = 5.0) -> None:
        try:
            if self.proc.stdin is not None:
                self.proc.stdin.close()
        except OSError:
            pass
        try:
            self.proc.wait(timeout=wait)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        for thread in self.threads:  # they end at the end of the pipes
            thread.join(timeout=5)
        for stream in (self.proc.stdout, self.proc.stderr):
            if stream is not None:
                stream.close()


class Supervisor:
    """N worker processes that load ``pipeline`` once and annotate jobs under ``limits``."""

    def __init__(self, pipeline: str = "default", limits: Limits | None = None, workers: int = 1):
        if workers < 1:
            raise ValueError("at least one worker")
        self.pipeline = pipeline
        self.limits = limits or Limits()
        self.size = workers
        self.events: queue.Queue[Any] = queue.Queue()
        self.workers: list[_Worker] = []
        self._started = 0

    # -- life cycle ---------------------------------------------------------------------
    def _spawn(self) -> _Worker:
        self._started += 1
        worker = _Worker(self.pipeline, self.limits, self.events, self._started)
        self.workers.append(worker)
        return worker

    def __enter__(self) -> Supervisor:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close(wait=0.0 if exc[0] is not None else 5.0)

    def close(self, wait: float = 5.0) -> None:
        for worker in self.workers:
            if wait <= 0:
                worker.proc.kill()
            worker.close(wait=max(wait, 0.1))
        self.workers.clear()

    def _retire(self, worker: _Worker) -> None:
        worker.close(wait=1.0)
        if worker in self.workers:
            self.workers.remove(worker)

    # -- running ------------------------------------------------------------------------
    def run(self, jobs: Iterable[Job]) -> Iterator[Outcome]:
        """Annotate ``jobs`` (largest first is the caller's choice); outcomes as they finish."""
        pending = deque(jobs)
        if not pending:
            return
        while len(self.workers) < min(self.size, len(pending)):
            self._spawn()
        while pending or any(w.job is not None for w in self.workers):
            for worker in self.workers:
                if worker.ready and worker.job is None and worker.kill_reason is None and pending:
                    worker.send(pending.popleft())
            try:
                worker, message = self.events.get(timeout=POLL_SECONDS)
            except queue.Empty:
                self._check_limits()
                continue
            outcome = self._handle(worker, message, bool(pending))
            if outcome is not None:
                yield outcome
            self._check_limits()

    def _handle(
        self, worker: _Worker, message: dict[str, Any] | None, more: bool
    ) -> Outcome | None:
        if message is None:  # the worker's output ended: it exited or was killed
            job, reason = worker.job, worker.kill_reason
            self._retire(worker)
            if not worker.ready and job is None and reason is None:
                tail = " | ".join(worker.stderr_tail) or f"exit code {worker.proc.returncode}"
                raise WorkerStartError(f"a worker process could not start: {tail}")
            if more or job is not None:
                self._spawn()
            if job is None:
                return None
            if reason is None:
                code = worker.proc.returncode
                reason = (
                    "worker_crashed",
                    f"the worker process ended (exit code {code}) on this document",
                )
            return error_outcome(job, reason[0], reason[1], time.monotonic() - worker.started)
        if "fatal" in message:
            raise WorkerStartError(f"a worker could not load the pipeline: {message['fatal']}")
        if "ready" in message:
            worker.ready = True
            return None
        job, worker.job = worker.job, None
        if job is None:
            return None
        seconds = float(message.get("seconds", 0.0))
        if message.get("record") is not None:
            return Outcome(job.path, record=message["record"], seconds=seconds)
        return Outcome(job.path, error=message["error"], seconds=seconds)

    def _check_limits(self) -> None:
        now = time.monotonic()
        limits = self.limits
        for worker in self.workers:
            if worker.job is None or worker.kill_reason is not None:
                if not worker.ready and now - worker.spawned > START_SECONDS:
                    worker.kill("worker_crashed", "the worker did not start in time")
                continue
            if limits.timeout is not None and now - worker.started > limits.timeout:
                worker.kill("timeout", f"processing took longer than {limits.timeout:g} s")
            elif limits.max_memory is not None:
                rss = _rss(worker.proc.pid)
                if rss is not None and rss > limits.max_memory:
                    worker.kill(
                        "too_large",
                        f"needed more than {limits.max_memory / MiB:,.0f} MiB of memory",
                    )


# -- one supervised worker per thread, for Dask tasks -------------------------------------
_local = threading.local()


def run_isolated(job: Job, pipeline: str, limits: Limits) -> Outcome:
    """Annotate one job in this thread's own worker process (started on first use, kept)."""
    key = (pipeline, limits)
    supervisor: Supervisor | None = getattr(_local, "supervisor", None)
    if supervisor is None or getattr(_local, "key", None) != key:
        if supervisor is not None:
            supervisor.close()
        supervisor = Supervisor(pipeline, limits, 1)
        _local.supervisor, _local.key = supervisor, key
    for outcome in supervisor.run([job]):
        return outcome
    raise RuntimeError("no outcome")  # pragma: no cover - run() yields one outcome per job
