"""A dashboard user loads the exported commitments table into DuckDB and groups it, no cleaning."""

from __future__ import annotations

from pathlib import Path

import duckdb
from typer.testing import CliRunner

from kamer_nlp.cli import app

ANNOTATED = Path(__file__).resolve().parents[1] / "data" / "annotated"


def test_commitments_csv_groups_by_ministry_and_due_month(tmp_path: Path) -> None:
    csv = tmp_path / "commitments.csv"
    result = CliRunner().invoke(
        app, ["export", "commitments", str(ANNOTATED), "--format", "csv", "--to", str(csv)]
    )
    assert result.exit_code == 0, result.output
    con = duckdb.connect()
    rows = con.execute(
        f"SELECT ministry, due_month, count(*) AS n FROM read_csv_auto('{csv}') "
        "WHERE due_month IS NOT NULL GROUP BY ALL ORDER BY due_month, ministry"
    ).fetchall()
    assert rows, "no commitment with a due month in the sample output"
    assert all(len(month) == 7 and month[4] == "-" for _, month, _ in rows)
    assert any(ministry for ministry, _, _ in rows)
    types = dict(
        con.execute(
            f"SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM read_csv_auto('{csv}'))"
        ).fetchall()
    )
    assert types["due"] == "DATE"
    assert types["date"] == "DATE"
    assert types["confidence"] == "DOUBLE"
    total = con.execute(f"SELECT count(*) FROM read_csv_auto('{csv}')").fetchone()[0]
    assert total == len((ANNOTATED / "commitments.jsonl").read_text(encoding="utf-8").splitlines())


def test_commitments_parquet_keeps_dates(tmp_path: Path) -> None:
    pq = tmp_path / "commitments.parquet"
    result = CliRunner().invoke(
        app, ["export", "commitments", str(ANNOTATED), "--format", "parquet", "--to", str(pq)]
    )
    assert result.exit_code == 0, result.output
    types = dict(
        duckdb.connect()
        .execute(f"SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM '{pq}')")
        .fetchall()
    )
    assert types["due"] == "DATE"
