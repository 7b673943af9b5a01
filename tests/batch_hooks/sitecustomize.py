"""Test-only behaviour for batch worker processes, switched on by KAMER_NLP_TEST_HOOKS=1.

Put this folder on PYTHONPATH and Python imports it at start-up in every worker process
(the supervisor's, and Dask's). An input whose file name starts with

- ``sleep-`` never finishes (the time limit must end it);
- ``hog-`` takes memory without end, 20 MB every 20 ms (the memory limit must end it);
- ``crash-`` ends the worker process at once (exit code 3);

every other input is annotated as usual.
"""

import os
import time

if os.environ.get("KAMER_NLP_TEST_HOOKS") == "1":
    import kamer_nlp.batch.work as _work

    _original = _work.process_job

    def _process_job(job, pipeline="default"):  # type: ignore[no-untyped-def]
        name = os.path.basename(job.path)
        if name.startswith("sleep-"):
            time.sleep(3600)
        if name.startswith("hog-"):
            blocks = []
            while True:
                blocks.append(b"\x01" * (20 * 1024 * 1024))
                time.sleep(0.02)
        if name.startswith("crash-"):
            os._exit(3)
        return _original(job, pipeline)

    _work.process_job = _process_job
