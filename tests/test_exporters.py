"""The exporter table behind ``kamer-nlp export``: every format in one place, the command
line built from it, and each exporter's file the same as the library's own writers."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from kamer_nlp import annotate_text
from kamer_nlp.annotation.files import FILENAMES, render_tasks
from kamer_nlp.annotation.files import LABELSTUDIO_CONFIG as FILES_LABELSTUDIO_CONFIG
from kamer_nlp.annotation.labelstudio import labelstudio_config
from kamer_nlp.cli import app, export_app
from kamer_nlp.commitments.table import commitment_rows, rows_bytes
from kamer_nlp.errors import UnknownNameError
from kamer_nlp.exporters import EXPORTERS, LABELSTUDIO_CONFIG, commands, find_exporter, formats
from kamer_nlp.io.jsonl import dumps
from tests.letters import LETTER

runner = CliRunner()
EVERY_FORMAT = {
    ("commitments", "csv"),
    ("commitments", "jsonl"),
    ("commitments", "parquet"),
    ("prodigy", "prodigy"),
    ("labelstudio", "labelstudio"),
    ("doccano", "doccano"),
}


@pytest.fixture(scope="module")
def record() -> dict[str, Any]:
    return annotate_text(LETTER, date="2022-03-03", doc_id="brief")


@pytest.fixture
def docs(tmp_path: Path, record: dict[str, Any]) -> Path:
    path = tmp_path / "run" / "documents.jsonl"
    path.parent.mkdir()
    path.write_text(dumps(record) + "\n", encoding="utf-8")
    return path


def test_the_table_lists_every_format() -> None:
    assert {(e.command, e.format) for e in EXPORTERS.values()} == EVERY_FORMAT
    assert formats("commitments") == ("csv", "jsonl", "parquet")
    assert list(commands()) == ["commitments", "prodigy", "labelstudio", "doccano"]


def test_every_export_command_comes_from_the_table() -> None:
    names = {c.name for c in export_app.registered_commands}
    assert names == set(commands())


def test_default_files_are_the_library_ones() -> None:
    for fmt, name in FILENAMES.items():
        assert EXPORTERS[fmt].default_file == f"annotation/{name}"
    assert LABELSTUDIO_CONFIG == FILES_LABELSTUDIO_CONFIG
    assert EXPORTERS["labelstudio"].beside == (LABELSTUDIO_CONFIG,)


def test_find_exporter_by_command_and_format() -> None:
    assert find_exporter("commitments", "parquet").name == "commitments-parquet"
    assert find_exporter("doccano").name == "doccano"
    with pytest.raises(UnknownNameError, match="unknown export 'brat': use commitments, "):
        find_exporter("brat")
    with pytest.raises(UnknownNameError) as info:
        find_exporter("commitments", "xml")
    assert str(info.value) == "unknown commitments format 'xml': use csv, jsonl, parquet"


@pytest.mark.parametrize("name", sorted(EXPORTERS))
def test_each_exporter_makes_the_library_file(
    name: str, docs: Path, record: dict[str, Any]
) -> None:
    exporter = EXPORTERS[name]
    made = exporter.export(docs, None)
    if exporter.command == "commitments":
        rows = commitment_rows(record)
        assert made.count == len(rows) > 0
        if exporter.format != "parquet":  # Parquet carries a writer version: compare rows only
            assert made.data == rows_bytes(rows, exporter.format)
    else:
        text, n = render_tasks([record], exporter.format)
        assert (made.data, made.count) == (text.encode("utf-8"), n)
        assert set(made.beside) == set(exporter.beside)
    if exporter.beside:
        assert made.beside[LABELSTUDIO_CONFIG] == labelstudio_config(None).encode("utf-8")


def test_an_unknown_commitments_format_is_one_line(docs: Path) -> None:
    result = runner.invoke(app, ["export", "commitments", str(docs.parent), "--format", "xml"])
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines() == [
        "error: --format must be csv, jsonl or parquet, not 'xml'"
    ]


def test_the_file_note_counts_the_items(docs: Path) -> None:
    result = runner.invoke(app, ["export", "doccano", str(docs.parent)])
    assert result.exit_code == 0, result.output
    target = docs.parent / "annotation" / "doccano.jsonl"
    assert result.stderr.strip() == f"1 doccano task(s) → {target}"
