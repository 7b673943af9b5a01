"""bench/references_vs_nllegalcit.py runs, and skips cleanly without nllegalcit."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench" / "references_vs_nllegalcit.py"


def _load() -> ModuleType:
    spec = importlib.util.spec_from_file_location("references_bench", BENCH)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_skips_cleanly_without_nllegalcit(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(sys.modules, "nllegalcit", None)  # makes `import nllegalcit` fail
    assert _load().main() == 0
    assert "nllegalcit is not installed" in capsys.readouterr().out


@pytest.mark.slow  # runs the whole bench script
def test_kamer_nlp_scores_100_percent_in_the_bench(capsys: pytest.CaptureFixture[str]) -> None:
    import nllegalcit  # noqa: F401  (a dev dependency: fail loudly when missing)

    assert _load().main() == 0
    out = capsys.readouterr().out
    overall = next(line for line in out.splitlines() if line.startswith("overall (id)"))
    assert overall.rstrip().endswith("P 100.0%  R 100.0%")
    assert "kamerstuk" in out
