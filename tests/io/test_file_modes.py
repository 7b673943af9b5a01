"""Every file the tool writes gets the mode a plain ``open(path, "w")`` gives under the
umask (typically 0644), so a dashboard running as another user can read OUT.

Written by issue #13: the commitments table came out 0600 (``tempfile.mkstemp``).
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from kamer_nlp import annotate_text
from kamer_nlp.annotation import export_run, read_gold, write_gold
from kamer_nlp.annotation.files import LABELSTUDIO_CONFIG
from kamer_nlp.annotation.review import write_review
from kamer_nlp.commitments.table import commitment_rows, write_rows
from kamer_nlp.io.atomic import atomic_text, write_atomic
from kamer_nlp.io.jsonl import JsonlAppender, dumps, rewrite_jsonl
from tests.letters import LETTER

# 0o002 tells a umask-respecting write (0664) from a hard-coded 0644 or mkstemp's 0600
UMASKS = (0o022, 0o002, 0o027)


@pytest.fixture(scope="module")
def record() -> dict[str, Any]:
    return annotate_text(LETTER, date="2022-03-03", doc_id="brief")


@pytest.fixture(params=UMASKS, ids=[f"umask{u:03o}" for u in UMASKS])
def umask(request: pytest.FixtureRequest) -> Iterator[int]:
    old = os.umask(request.param)
    try:
        yield request.param
    finally:
        os.umask(old)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def fresh_mode(folder: Path) -> int:
    probe = folder / "probe.txt"
    with open(probe, "w", encoding="utf-8") as fh:
        fh.write("x")
    try:
        return mode(probe)
    finally:
        probe.unlink()


def run_dir(tmp_path: Path, record: dict[str, Any]) -> Path:
    out = tmp_path / "run"
    out.mkdir()
    (out / "documents.jsonl").write_text(dumps(record) + "\n", encoding="utf-8")
    return out


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet"])
def test_commitments_table(fmt: str, umask: int, tmp_path: Path, record: dict[str, Any]) -> None:
    path = write_rows(commitment_rows(record), tmp_path / f"commitments.{fmt}", fmt)
    assert mode(path) == fresh_mode(tmp_path) == 0o666 & ~umask
    assert [p.name for p in tmp_path.iterdir()] == [path.name]  # no temp file left


def test_a_0600_file_gets_the_normal_mode_when_rewritten(umask: int, tmp_path: Path) -> None:
    path = tmp_path / "commitments.csv"
    path.write_text("old", encoding="utf-8")
    path.chmod(0o600)  # as left by earlier versions
    write_rows([], path, "csv")
    assert mode(path) == fresh_mode(tmp_path)


@pytest.mark.parametrize("fmt", ["prodigy", "labelstudio", "doccano"])
def test_annotation_exports(fmt: str, umask: int, tmp_path: Path, record: dict[str, Any]) -> None:
    out = run_dir(tmp_path, record)
    target = export_run(out, fmt)
    written = [target] + ([target.with_name(LABELSTUDIO_CONFIG)] if fmt == "labelstudio" else [])
    expected = fresh_mode(tmp_path)
    assert {p: mode(p) for p in written} == {p: expected for p in written}
    assert sorted(p.name for p in target.parent.iterdir()) == sorted(p.name for p in written)


def test_review_page_and_gold(umask: int, tmp_path: Path, record: dict[str, Any]) -> None:
    out = run_dir(tmp_path, record)
    page = write_review(out, tmp_path / "pages" / "review.html")
    gold = tmp_path / "gold.jsonl"
    write_gold(read_gold(out / "documents.jsonl"), gold)
    expected = fresh_mode(tmp_path)
    assert mode(page) == expected
    assert mode(gold) == expected


def test_jsonl_files(umask: int, tmp_path: Path) -> None:
    appended = tmp_path / "documents.jsonl"
    with JsonlAppender(appended) as fh:
        fh.write({"id": "a"})
    rewritten = tmp_path / "errors.jsonl"
    rewritten.write_text("", encoding="utf-8")
    rewritten.chmod(0o600)
    rewrite_jsonl(rewritten, [{"id": "b"}])
    other = write_atomic(tmp_path / "sub" / "x.bin", b"\x00\x01")
    expected = fresh_mode(tmp_path)
    assert (mode(appended), mode(rewritten), mode(other)) == (expected,) * 3
    assert rewritten.read_text(encoding="utf-8") == '{"id":"b"}\n'
    assert other.read_bytes() == b"\x00\x01"


def test_a_failed_write_leaves_the_old_file_and_no_temp(tmp_path: Path) -> None:
    path = tmp_path / "commitments.jsonl"
    path.write_text("old\n", encoding="utf-8")

    class Boom(Exception):
        pass

    with pytest.raises(Boom), atomic_text(path) as fh:
        fh.write("half")
        raise Boom
    assert path.read_text(encoding="utf-8") == "old\n"
    assert [p.name for p in tmp_path.iterdir()] == [path.name]
