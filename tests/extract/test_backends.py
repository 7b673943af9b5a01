"""The PDF backend registry: backends by name behind GlyphSource, and the one-line error
for a name that is not registered (API, batch and every command that reads PDFs)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import ClassVar

import pytest
from typer.testing import CliRunner

from kamer_nlp.api import annotate_file, repair_pdf
from kamer_nlp.batch import BatchError, run_batch
from kamer_nlp.cli import app
from kamer_nlp.errors import UnknownNameError
from kamer_nlp.extract import backends
from kamer_nlp.extract.backends import (
    DEFAULT_BACKEND,
    backend_names,
    check_backend,
    get_backend,
    register_backend,
)
from kamer_nlp.extract.glyphs import GlyphSource, PageGlyphs
from kamer_nlp.extract.pdfplumber_source import PdfplumberSource

RAW = Path(__file__).resolve().parents[2] / "data" / "raw"
PDF = sorted(RAW.glob("*.pdf"))[0]
runner = CliRunner()


class Recording:
    """A backend that reads with pdfplumber and remembers what it was asked."""

    calls: ClassVar[list[tuple[str, int | None]]] = []

    def __init__(self, *, max_bytes: int | None = None) -> None:
        self.max_bytes = max_bytes
        self.inner = PdfplumberSource(max_bytes=max_bytes)

    def pages(self, path: Path) -> Iterator[PageGlyphs]:
        Recording.calls.append((path.name, self.max_bytes))
        return self.inner.pages(path)


@pytest.fixture
def recording(monkeypatch: pytest.MonkeyPatch) -> type[Recording]:
    monkeypatch.setattr(backends, "_BACKENDS", dict(backends._BACKENDS))
    Recording.calls = []
    register_backend("recording", Recording)
    return Recording


def test_pdfplumber_is_the_default_and_is_registered() -> None:
    assert DEFAULT_BACKEND == "pdfplumber"
    assert backend_names()[0] == "pdfplumber"
    source: GlyphSource = get_backend("pdfplumber", max_bytes=123)
    assert isinstance(source, PdfplumberSource) and source.max_bytes == 123


def test_an_unknown_backend_is_a_one_line_error_naming_the_known_ones() -> None:
    with pytest.raises(UnknownNameError) as info:
        check_backend("pdfium-nope")
    message = str(info.value)
    assert "\n" not in message
    assert "'pdfium-nope'" in message and "pdfplumber" in message
    with pytest.raises(UnknownNameError):
        repair_pdf(PDF, backend="pdfium-nope")


@pytest.mark.slow  # builds and saves whole pipelines: the full suite runs it
def test_a_registered_backend_is_used_by_the_api(recording: type[Recording]) -> None:
    assert "recording" in backend_names()
    text = repair_pdf(PDF, backend="recording", max_bytes=10**9).text
    assert recording.calls == [(PDF.name, 10**9)]
    assert text == repair_pdf(PDF).text  # same glyphs, same repaired text
    record = annotate_file(PDF, backend="recording")
    assert record["text"] == text and recording.calls[-1] == (PDF.name, None)


def test_the_batch_hands_the_backend_to_every_job(
    recording: type[Recording], tmp_path: Path
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / PDF.name).write_bytes(PDF.read_bytes())
    summary = run_batch(folder, tmp_path / "out", backend="recording", isolate=False)
    assert summary.processed == 1 and recording.calls == [(PDF.name, 200 * 1024 * 1024)]
    with pytest.raises(BatchError, match="unknown PDF backend 'nope'"):
        run_batch(folder, tmp_path / "out2", backend="nope", isolate=False)
    assert not (tmp_path / "out2").exists()
    with pytest.raises(BatchError, match="another pipeline"):  # records of another backend
        run_batch(folder, tmp_path / "out", isolate=False)


@pytest.mark.parametrize(
    "args",
    [
        ["run", str(RAW), "--out", "OUT", "--backend", "nope"],
        ["annotate", str(PDF), "--backend", "nope"],
        ["extract", str(PDF), "--backend", "nope"],
    ],
    ids=["run", "annotate", "extract"],
)
def test_every_command_refuses_an_unknown_backend_in_one_line(
    args: list[str], tmp_path: Path
) -> None:
    args = [str(tmp_path / "out") if a == "OUT" else a for a in args]
    result = runner.invoke(app, args)
    assert result.exit_code == 2, result.output
    lines = result.stderr.strip().splitlines()
    assert lines == ["error: unknown PDF backend 'nope': use pdfplumber"]
    assert not (tmp_path / "out").exists()


def test_extract_with_the_default_backend_named(recording: type[Recording]) -> None:
    plain = runner.invoke(app, ["extract", str(PDF)])
    named = runner.invoke(app, ["extract", str(PDF), "--backend", "recording"])
    assert named.exit_code == 0 and named.stdout == plain.stdout
    assert recording.calls == [(PDF.name, None)]
