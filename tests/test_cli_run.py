"""`kamer-nlp run` and friends as a user meets them: one-line errors, exit codes, output."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kamer_nlp.cli import app
from tests.letters import LETTER
from tests.lock_holder import lock_held_elsewhere

runner = CliRunner()
ROOT = Path(__file__).resolve().parents[1]


def _folder(tmp_path: Path, *names: str) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    for name in names:
        (folder / name).write_text(LETTER + f"\n{name}\n", encoding="utf-8")
    return folder


def _one_error_line(result) -> str:  # type: ignore[no-untyped-def]
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1, result.output
    assert "Traceback" not in result.output
    return lines[0]


@pytest.mark.slow  # a run: worker processes load the pipeline
def test_markup_in_paths_and_messages_is_printed_as_it_is(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    (folder / "stuk [bold] [").mkdir(parents=True)
    bad = folder / "stuk [bold] [" / "x].pdf"  # its path reads "… [bold] [/x].pdf": markup
    bad.write_text("geen pdf", encoding="utf-8")
    result = runner.invoke(app, ["run", str(folder), "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    assert "[bold] [/x].pdf" in result.output
    assert json.loads((tmp_path / "out" / "errors.jsonl").read_text())["error"] == "not_a_pdf"


@pytest.mark.slow  # two runs
def test_strict_exits_one_when_a_file_failed(tmp_path: Path) -> None:
    folder = _folder(tmp_path, "brief.txt")
    (folder / "kapot.pdf").write_bytes(b"%PDF-1.4\n kapot")
    result = runner.invoke(app, ["run", str(folder), "--out", str(tmp_path / "o1"), "--strict"])
    assert result.exit_code == 1
    ok = runner.invoke(app, ["run", str(folder), "--out", str(tmp_path / "o2")])
    assert ok.exit_code == 0


@pytest.mark.slow  # a run
def test_quiet_prints_nothing_and_log_keeps_every_document(tmp_path: Path) -> None:
    folder = _folder(tmp_path, "a.txt", "b.txt")
    log = tmp_path / "run.log"
    result = runner.invoke(
        app, ["run", str(folder), "--out", str(tmp_path / "out"), "-q", "--log", str(log)]
    )
    assert result.exit_code == 0
    assert result.output.strip() == ""
    text = log.read_text(encoding="utf-8")
    assert "a.txt" in text and "b.txt" in text
    summary = json.loads((tmp_path / "out" / "summary.json").read_text(encoding="utf-8"))
    assert summary["processed"] == 2 and summary["status"] == "complete"


@pytest.mark.slow  # a run
def test_verbose_names_every_document(tmp_path: Path) -> None:
    folder = _folder(tmp_path, "a.txt")
    result = runner.invoke(app, ["run", str(folder), "--out", str(tmp_path / "out"), "-v"])
    assert result.exit_code == 0
    assert "ok " in result.output and "a.txt" in result.output


def test_usage_mistakes_are_one_line_and_leave_no_output_folder(tmp_path: Path) -> None:
    folder = _folder(tmp_path, "a.txt")
    bad_cfg = tmp_path / "kapot.cfg"
    bad_cfg.write_text("[nlp\nlang = nl", encoding="utf-8")
    cases = [
        (["--dask", "bogus"], "--dask takes"),
        (["--pipeline", str(bad_cfg)], "cannot be built"),
        (["--pipeline", str(tmp_path / "missing.cfg")], "unknown pipeline"),
        (["--max-memory", "veel"], "not a size"),
        (["--timeout", "-1"], None),
        (["--quiet", "--verbose"], "exclude each other"),
    ]
    for extra, message in cases:
        out = tmp_path / "out"
        result = runner.invoke(app, ["run", str(folder), "--out", str(out), *extra])
        assert result.exit_code == 2, (extra, result.output)
        assert "Traceback" not in result.output
        if message:
            assert message in _one_error_line(result), extra
        assert not out.exists(), extra


@pytest.mark.slow  # the client tries for 10 s
def test_an_unreachable_scheduler_is_a_clear_error(tmp_path: Path) -> None:
    import socket

    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    folder = _folder(tmp_path, "a.txt")
    out = tmp_path / "out"
    result = runner.invoke(
        app, ["run", str(folder), "--out", str(out), "--dask", f"tcp://127.0.0.1:{port}"]
    )
    assert result.exit_code == 2
    assert "cannot reach the Dask scheduler" in _one_error_line(result)
    assert not out.exists()


@pytest.mark.slow  # three runs
def test_another_pipelines_output_is_refused_then_forced(tmp_path: Path) -> None:
    folder = _folder(tmp_path, "a.txt")
    out = tmp_path / "out"
    assert runner.invoke(app, ["run", str(folder), "--out", str(out)]).exit_code == 0
    stored = json.loads((out / "pipeline.json").read_text(encoding="utf-8"))
    (out / "pipeline.json").write_text(json.dumps({**stored, "name": "other"}), encoding="utf-8")
    refused = runner.invoke(app, ["run", str(folder), "--out", str(out)])
    assert refused.exit_code == 2 and "--force" in _one_error_line(refused)
    forced = runner.invoke(app, ["run", str(folder), "--out", str(out), "--force"])
    assert forced.exit_code == 0


def test_annotate_a_folder_says_to_use_run(tmp_path: Path) -> None:
    result = runner.invoke(app, ["annotate", str(tmp_path)])
    assert result.exit_code == 2
    assert "is a folder" in _one_error_line(result) and "kamer-nlp run" in result.output


def test_a_locked_output_names_the_other_run(tmp_path: Path) -> None:
    folder = _folder(tmp_path, "a.txt")
    out = tmp_path / "out"
    out.mkdir()
    with lock_held_elsewhere(out) as pid:
        result = runner.invoke(app, ["run", str(folder), "--out", str(out)])
        assert result.exit_code == 2
        line = _one_error_line(result)
        assert "another run" in line and f"pid {pid}" in line
