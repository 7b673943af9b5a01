"""The flat commitments table and its jsonl/csv/parquet export."""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from kamer_nlp.commitments.table import COLUMNS, commitment_rows, write_rows

RECORD = {
    "id": "kst-31015-136",
    "source": {"path": "in/kst-31015-136.pdf", "sha256": "0" * 64, "pages": 3},
    "meta": {"date": "2018-02-14", "title": "Seksuele misbruik; brief", "signatories": []},
    "spans": [
        {
            "id": "s40",
            "start": 10,
            "end": 60,
            "label": "COMMITMENT",
            "text": "…",
            "boxes": [{"page": 3, "x0": 1.0, "top": 2.0, "x1": 3.0, "bottom": 4.0}],
        },
    ],
    "commitments": [
        {
            "id": "c1",
            "span": "s40",
            "start": 10,
            "end": 60,
            "text": 'Over de uitkomsten zal ik uw Kamer uiterlijk aanstaande zomer berichten, "snel".',
            "actor": {
                "actor_id": "minister-rechtsbescherming",
                "name": "S. Dekker",
                "function": "Minister voor Rechtsbescherming",
                "ministry": "ministerie-jenv",
                "via": "ik",
            },
            "addressee": "tweede-kamer",
            "action": "uw Kamer berichten",
            "deadline": {
                "text": "uiterlijk aanstaande zomer",
                "value": "2018-SU",
                "due": "2018-08-31",
            },
            "confidence": 0.91234,
            "status": "open",
        },
        {
            "id": "c2",
            "span": None,
            "text": "Ik laat dit onderzoeken.",
            "actor": None,
            "addressee": None,
            "action": "dit onderzoeken",
            "deadline": None,
            "confidence": 0.7,
            "status": "open",
        },
        {"kind": "link", "id": "l1", "text": "toezegging in herinnering"},
    ],
}


def test_rows() -> None:
    rows = commitment_rows(RECORD)
    assert len(rows) == 2
    first, second = rows
    assert list(first) == list(COLUMNS)
    assert first["document_id"] == "kst-31015-136"
    assert first["page"] == 3
    assert first["ministry"] == "ministerie-jenv"
    assert first["due"] == "2018-08-31" and first["due_month"] == "2018-08"
    assert first["confidence"] == 0.912
    assert second["actor_id"] is None and second["due_month"] is None and second["page"] is None


def test_csv_loads_without_cleaning(tmp_path: Path) -> None:
    path = write_rows(commitment_rows(RECORD), tmp_path / "commitments.csv", "csv")
    raw = path.read_bytes()
    assert raw.decode("utf-8").splitlines()[0] == ",".join(COLUMNS)
    with open(path, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert rows[0]["text"].endswith('"snel".')
    assert rows[0]["date"] == "2018-02-14" and rows[0]["due_month"] == "2018-08"
    assert rows[1]["ministry"] == "" and rows[1]["due"] == ""
    groups = {(r["ministry"], r["due_month"]) for r in rows}
    assert groups == {("ministerie-jenv", "2018-08"), ("", "")}


def test_jsonl(tmp_path: Path) -> None:
    path = write_rows(commitment_rows(RECORD), tmp_path / "out" / "commitments.jsonl", "jsonl")
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert [list(r) for r in rows] == [list(COLUMNS)] * 2
    assert rows[1]["ministry"] is None
    assert not list(path.parent.glob(".*.tmp"))


def test_parquet_types(tmp_path: Path) -> None:
    path = write_rows(commitment_rows(RECORD), tmp_path / "commitments.parquet", "parquet")
    table = pq.read_table(path)
    assert table.column_names == list(COLUMNS)
    assert table.schema.field("due").type == pa.date32()
    assert table.schema.field("confidence").type == pa.float64()
    assert table.column("due_month").to_pylist() == ["2018-08", None]


def test_parquet_without_pyarrow(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    monkeypatch.setitem(sys.modules, "pyarrow.parquet", None)
    with pytest.raises(RuntimeError, match="pyarrow"):
        write_rows(commitment_rows(RECORD), tmp_path / "c.parquet", "parquet")


def test_unknown_format(tmp_path: Path) -> None:
    with pytest.raises(ValueError):
        write_rows([], tmp_path / "c.xlsx", "xlsx")
