"""Another process holding an output folder's lock, for the one-writer tests."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
_HOLD = (
    "import sys\nfrom pathlib import Path\nfrom kamer_nlp.batch.state import exclusive\n"
    "with exclusive(Path(sys.argv[1])):\n    print('held', flush=True)\n    sys.stdin.read()\n"
)


@contextmanager
def lock_held_elsewhere(out: Path) -> Iterator[int]:
    """Hold ``out``'s lock in a child process for the block; yields the child's pid."""
    holder = subprocess.Popen(
        [sys.executable, "-c", _HOLD, str(out)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        cwd=ROOT,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        yield holder.pid
    finally:
        holder.communicate("", timeout=30)
