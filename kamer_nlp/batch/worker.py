"""A worker process: loads the pipeline once, then annotates one job per request.

The supervisor starts ``python -m kamer_nlp.batch.worker PIPELINE [MAX_DATA_BYTES]`` and
speaks JSON lines with it: the worker's first line is ``{"ready": pid}`` (or
``{"fatal": message}``), then one ``{"record": …}`` or ``{"error": …}`` line per job line
it reads. The protocol has the real standard output to itself: anything else printed in
the worker goes to standard error. The worker ignores Ctrl-C (the supervisor ends it).
"""

from __future__ import annotations

import json
import os
import signal
import sys
from typing import Any, BinaryIO


def _send(out: BinaryIO, message: dict[str, Any]) -> None:
    out.write((json.dumps(message, ensure_ascii=False, separators=(",", ":")) + "\n").encode())
    out.flush()


def _limit_data(max_bytes: int) -> None:
    """A backstop for allocations faster than the supervisor's polling (Linux only)."""
    try:
        import resource

        resource.setrlimit(resource.RLIMIT_DATA, (max_bytes, max_bytes))
    except (ImportError, ValueError, OSError):  # pragma: no cover - platform dependent
        pass


def main(argv: list[str]) -> int:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    protocol = os.fdopen(os.dup(sys.stdout.fileno()), "wb")
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())  # stray prints go to stderr
    pipeline = argv[0] if argv else "default"
    try:
        from kamer_nlp.batch.work import Job, process_job
        from kamer_nlp.nlp.pipeline import load_pipeline

        load_pipeline(pipeline)
    except Exception as err:
        _send(protocol, {"fatal": f"{type(err).__name__}: {err}"})
        return 1
    if len(argv) > 1 and int(argv[1]) > 0:
        _limit_data(int(argv[1]))
    _send(protocol, {"ready": os.getpid()})
    for line in sys.stdin.buffer:
        if not line.strip():
            continue
        job = Job(**json.loads(line))
        outcome = process_job(job, pipeline)
        message: dict[str, Any] = (
            {"record": outcome.record} if outcome.record is not None else {"error": outcome.error}
        )
        message["seconds"] = outcome.seconds
        _send(protocol, message)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
