"""bench/temporal_vs_dateparser.py runs and prints both scores."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_bench_runs_and_exits_zero() -> None:
    proc = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "temporal_vs_dateparser.py")],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
    )
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout
    assert "dateparser" in out
    if "not installed" not in out:
        all_row = next(line for line in out.splitlines() if line.startswith("all "))
        assert "%" in all_row and "kamer-nlp" in out
