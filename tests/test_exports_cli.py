"""Exports and imports on the command line: ``--to -`` / ``--out -`` (standard output),
no overwriting without ``--force``, and messages that are never read as rich markup.

Issue #13: an export silently replaced an existing file, and the batch once crashed
because an error message holding ``[/…]`` was printed as rich markup.
"""

from __future__ import annotations

import io
import json
import shutil
import sys
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from kamer_nlp import annotate_text
from kamer_nlp.annotation import to_labelstudio
from kamer_nlp.cli import app
from kamer_nlp.commitments.table import commitment_rows, rows_bytes
from kamer_nlp.io.jsonl import dumps
from tests.letters import LETTER

runner = CliRunner()
TOOLS = ("prodigy", "labelstudio", "doccano")
TOOL_FILES = {
    "prodigy": "prodigy.jsonl",
    "labelstudio": "labelstudio.json",
    "doccano": "doccano.jsonl",
}
MARKUP = "[/bold]x[red]"  # closes a tag nobody opened: rich raises MarkupError on it


@pytest.fixture(scope="module")
def record() -> dict[str, Any]:
    return annotate_text(LETTER, date="2022-03-03", doc_id="brief")


@pytest.fixture
def run_dir(tmp_path: Path, record: dict[str, Any]) -> Path:
    out = tmp_path / "run"
    out.mkdir()
    (out / "documents.jsonl").write_text(dumps(record) + "\n", encoding="utf-8")
    return out


def invoke(*args: str | Path) -> Any:
    return runner.invoke(app, [str(a) for a in args])


def one_line_error(result: Any, code: int = 2) -> str:
    assert result.exit_code == code, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), result.stderr
    assert result.stdout == ""
    return lines[0]


def files(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))


def labelstudio_corrections(record: dict[str, Any], path: Path) -> Path:
    task = to_labelstudio(record)
    task["annotations"] = [{"id": 1, "result": task["predictions"][0]["result"]}]
    path.write_text(json.dumps([task], ensure_ascii=False), encoding="utf-8")
    return path


# ---------------------------------------------------------------- standard output


@pytest.mark.parametrize("fmt", ["csv", "jsonl"])
def test_export_commitments_to_stdout(run_dir: Path, record: dict[str, Any], fmt: str) -> None:
    before = files(run_dir)
    result = invoke("export", "commitments", run_dir, "--format", fmt, "--to", "-")
    assert result.exit_code == 0, result.output
    assert result.stdout_bytes == rows_bytes(commitment_rows(record), fmt)
    assert record["commitments"] and "commitments → standard output" in result.stderr
    assert files(run_dir) == before


def test_export_commitments_parquet_to_stdout(run_dir: Path, tmp_path: Path) -> None:
    result = invoke("export", "commitments", run_dir, "--format", "parquet", "--to", "-")
    assert result.exit_code == 0, result.output
    assert (
        invoke(
            "export", "commitments", run_dir, "-f", "parquet", "--to", tmp_path / "c.pq"
        ).exit_code
        == 0
    )
    from_stdout = pq.read_table(io.BytesIO(result.stdout_bytes))
    assert from_stdout.equals(pq.read_table(tmp_path / "c.pq"))


@pytest.mark.parametrize("fmt", TOOLS)
def test_annotation_export_to_stdout(run_dir: Path, tmp_path: Path, fmt: str) -> None:
    result = invoke("export", fmt, run_dir, "--to", "-")
    assert result.exit_code == 0, result.output
    assert not (run_dir / "annotation").exists()
    written = tmp_path / "elsewhere" / TOOL_FILES[fmt]
    assert invoke("export", fmt, run_dir, "--to", written).exit_code == 0
    assert result.stdout == written.read_text(encoding="utf-8")
    assert "task(s) → standard output" in result.stderr
    if fmt == "labelstudio":
        assert "labelstudio-config.xml" in result.stderr
        assert json.loads(result.stdout)[0]["data"]["doc_id"] == "brief"
    else:
        assert json.loads(result.stdout.splitlines()[0])


def test_review_to_stdout(run_dir: Path, tmp_path: Path) -> None:
    result = invoke("review", run_dir, "--to", "-")
    assert result.exit_code == 0, result.output
    assert result.stdout.lower().startswith("<!doctype html>")
    assert not (run_dir / "review.html").exists()
    assert invoke("review", run_dir, "--to", tmp_path / "page.html").exit_code == 0
    assert result.stdout == (tmp_path / "page.html").read_text(encoding="utf-8")


def test_import_corrections_to_stdout(
    run_dir: Path, record: dict[str, Any], tmp_path: Path
) -> None:
    corrections = labelstudio_corrections(record, tmp_path / "ls.json")
    args = ["import", "corrections", corrections, "-f", "labelstudio", "--records", run_dir]
    result = invoke(*args, "--out", "-")
    assert result.exit_code == 0, result.output
    gold = tmp_path / "gold.jsonl"
    assert invoke(*args, "--out", gold).exit_code == 0
    assert result.stdout == gold.read_text(encoding="utf-8")
    assert json.loads(result.stdout)["id"] == "brief"
    assert "1 gold document(s) → standard output" in result.stderr


# ---------------------------------------------------------------- no overwriting without --force


def commands(run_dir: Path, corrections: Path) -> dict[str, tuple[list[Any], list[Path]]]:
    """Each command with its arguments and the files it writes (default destinations)."""
    annotation = run_dir / "annotation"
    return {
        "commitments": (["export", "commitments", run_dir], [run_dir / "commitments.csv"]),
        "commitments --to": (
            ["export", "commitments", run_dir, "-f", "jsonl", "--to", run_dir / "c.jsonl"],
            [run_dir / "c.jsonl"],
        ),
        "prodigy": (["export", "prodigy", run_dir], [annotation / "prodigy.jsonl"]),
        "labelstudio": (
            ["export", "labelstudio", run_dir],
            [annotation / "labelstudio.json", annotation / "labelstudio-config.xml"],
        ),
        "doccano --to": (
            ["export", "doccano", run_dir, "--to", run_dir / "d.jsonl"],
            [run_dir / "d.jsonl"],
        ),
        "review": (["review", run_dir], [run_dir / "review.html"]),
        "review --to": (["review", run_dir, "--to", run_dir / "p.html"], [run_dir / "p.html"]),
        "import corrections --out": (
            [
                "import",
                "corrections",
                corrections,
                "-f",
                "labelstudio",
                "--out",
                run_dir / "g.jsonl",
            ],
            [run_dir / "g.jsonl"],
        ),
    }


COMMANDS = [
    "commitments",
    "commitments --to",
    "prodigy",
    "labelstudio",
    "doccano --to",
    "review",
    "review --to",
    "import corrections --out",
]


@pytest.mark.parametrize("name", COMMANDS)
def test_existing_destination_needs_force(
    run_dir: Path, record: dict[str, Any], tmp_path: Path, name: str
) -> None:
    corrections = labelstudio_corrections(record, tmp_path / "ls.json")
    args, written = commands(run_dir, corrections)[name]
    first = invoke(*args)
    assert first.exit_code == 0, first.output
    assert all(p.is_file() and p.stat().st_size > 0 for p in written)
    for path in written:  # any one of the files it writes existing is enough to refuse
        for other in written:
            other.unlink(missing_ok=True)
        path.write_text("keep me", encoding="utf-8")
        message = one_line_error(invoke(*args))
        assert str(path) in message and "--force" in message
        assert path.read_text(encoding="utf-8") == "keep me"
        assert [p for p in written if p.exists()] == [path]  # nothing written
    for path in written:
        path.write_text("keep me", encoding="utf-8")
    forced = invoke(*args, "--force")
    assert forced.exit_code == 0, forced.output
    assert all(p.read_text(encoding="utf-8") != "keep me" for p in written)


def test_a_folder_or_the_input_is_never_the_destination(run_dir: Path) -> None:
    (run_dir / "c.csv").mkdir()
    message = one_line_error(
        invoke("export", "commitments", run_dir, "--to", run_dir / "c.csv", "--force")
    )
    assert "is a folder" in message
    docs = run_dir / "documents.jsonl"
    before = docs.read_bytes()
    for args in (
        ["export", "commitments", run_dir, "-f", "jsonl", "--to", docs, "--force"],
        ["export", "doccano", run_dir, "--to", docs, "--force"],
        ["review", run_dir, "--to", docs, "--force"],
    ):
        assert "input file" in one_line_error(invoke(*args))
    assert docs.read_bytes() == before


def test_an_unwritable_destination_is_a_clear_error(run_dir: Path) -> None:
    (run_dir / "plain-file").write_text("x", encoding="utf-8")
    target = run_dir / "plain-file" / "c.csv"  # its parent is a file
    message = one_line_error(invoke("export", "commitments", run_dir, "--to", target), code=1)
    assert "cannot write" in message and str(target) in message


def test_parquet_without_pyarrow(run_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    monkeypatch.setitem(sys.modules, "pyarrow.parquet", None)
    message = one_line_error(invoke("export", "commitments", run_dir, "-f", "parquet"))
    assert "pyarrow" in message
    assert not (run_dir / "commitments.parquet").exists()


# ---------------------------------------------------------------- messages are not markup


def test_paths_with_markup_are_printed_as_they_are(run_dir: Path, tmp_path: Path) -> None:
    odd = tmp_path / MARKUP
    for args in (
        ["export", "commitments", odd],
        ["export", "labelstudio", odd],
        ["review", odd],
        ["import", "corrections", odd / "x.json", "-f", "review", "--out", tmp_path / "g.jsonl"],
    ):
        assert MARKUP in one_line_error(invoke(*args))
    shutil.copytree(run_dir, odd)
    assert invoke("export", "prodigy", odd).exit_code == 0
    message = one_line_error(invoke("export", "prodigy", odd))
    assert f"{MARKUP}/annotation/prodigy.jsonl exists" in message
    result = invoke("export", "prodigy", odd, "--force")
    assert result.exit_code == 0 and MARKUP in result.stderr


def test_exception_text_with_markup_is_printed_as_it_is(
    record: dict[str, Any], tmp_path: Path
) -> None:
    odd = {**record, "id": f"brief{MARKUP}"}
    task = to_labelstudio(odd)
    task["annotations"] = [
        {"id": 1, "result": [{"from_name": "label", "type": "labels", "value": {}}]}
    ]
    path = tmp_path / "ls.json"
    path.write_text(json.dumps([task]), encoding="utf-8")
    args = ["import", "corrections", path, "-f", "labelstudio", "--out", tmp_path / "g.jsonl"]
    message = one_line_error(invoke(*args))
    assert f"brief{MARKUP}" in message
    # a skipped task's reason line, too
    del task["annotations"]
    path.write_text(json.dumps([task]), encoding="utf-8")
    result = invoke(*args)
    assert result.exit_code == 0, result.output
    assert f"skipped brief{MARKUP}: no submitted annotation" in result.stderr


def test_a_json_min_file_with_lists_imports(
    record: dict[str, Any], run_dir: Path, tmp_path: Path
) -> None:
    """The crash of issue #13: ``kb_id`` as a list of bare strings (Label Studio JSON-MIN)."""
    task = to_labelstudio(record)
    results = task["predictions"][0]["result"]
    line = {
        **task["data"],
        "id": 3,
        "label": [r["value"] for r in results if r["type"] == "labels"],
        "kb_id": [r["value"]["text"][0] for r in results if r["type"] == "textarea"],
        "annotator": 1,
        "annotation_id": 9,
    }
    path = tmp_path / "min.json"
    path.write_text(json.dumps([line], ensure_ascii=False), encoding="utf-8")
    result = invoke("import", "corrections", path, "-f", "labelstudio", "--out", "-")
    assert result.exit_code == 0, result.output
    gold = json.loads(result.stdout)
    assert len(gold["spans"]) == len(record["spans"])
