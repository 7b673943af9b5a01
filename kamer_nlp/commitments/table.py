"""The flat commitments table dashboards read (``commitments.jsonl`` / CSV / Parquet).

One row per commitment, columns in the fixed order of :data:`COLUMNS`. Dates
are ISO strings (``YYYY-MM-DD``; ``due_month`` is ``YYYY-MM`` for grouping);
in CSV an absent value is the empty string, so the file loads into a
spreadsheet or DuckDB without cleaning.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from kamer_nlp.io.atomic import write_atomic

COLUMNS: tuple[str, ...] = (
    "document_id",
    "commitment_id",
    "date",
    "title",
    "source_path",
    "page",
    "actor_id",
    "actor_name",
    "actor_function",
    "ministry",
    "addressee",
    "text",
    "action",
    "deadline_text",
    "due",
    "due_month",
    "status",
    "confidence",
)
FORMATS = ("jsonl", "csv", "parquet")


def _page(record: dict[str, Any], commitment: dict[str, Any]) -> int | None:
    if commitment.get("page") is not None:
        return int(commitment["page"])
    span_id = commitment.get("span")
    for span in record.get("spans") or []:
        matches = (
            span.get("id") == span_id
            if span_id
            else (
                span.get("label") == "COMMITMENT"
                and span.get("start") == commitment.get("start")
                and span.get("end") == commitment.get("end")
            )
        )
        if matches and span.get("boxes"):
            return int(span["boxes"][0]["page"])
    return None


def commitment_rows(record: dict[str, Any]) -> list[dict[str, Any]]:
    """Flat rows for one output document record (links are left out)."""
    meta = record.get("meta") or {}
    source = record.get("source") or {}
    rows = []
    for c in record.get("commitments") or []:
        if c.get("kind", "commitment") != "commitment":
            continue
        actor = c.get("actor") or {}
        deadline = c.get("deadline") or {}
        due = deadline.get("due")
        confidence = c.get("confidence")
        rows.append(
            {
                "document_id": record.get("id"),
                "commitment_id": c.get("id"),
                "date": meta.get("date"),
                "title": meta.get("title") or meta.get("subject"),
                "source_path": source.get("path"),
                "page": _page(record, c),
                "actor_id": actor.get("actor_id"),
                "actor_name": actor.get("name"),
                "actor_function": actor.get("function"),
                "ministry": actor.get("ministry"),
                "addressee": c.get("addressee"),
                "text": c.get("text"),
                "action": c.get("action"),
                "deadline_text": deadline.get("text"),
                "due": due,
                "due_month": due[:7] if due else None,
                "status": c.get("status") or "open",
                "confidence": round(float(confidence), 3) if confidence is not None else None,
            }
        )
    return rows


def rows_bytes(rows: Iterable[dict[str, Any]], format: str = "jsonl") -> bytes:
    """The file content of the rows as jsonl, csv or parquet (what :func:`write_rows` writes)."""
    if format not in FORMATS:
        raise ValueError(f"unknown format {format!r}; choose one of {', '.join(FORMATS)}")
    table = [{col: row.get(col) for col in COLUMNS} for row in rows]
    if format == "jsonl":
        return "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in table).encode("utf-8")
    if format == "csv":
        buffer = io.StringIO(newline="")
        writer = csv.writer(buffer, quoting=csv.QUOTE_MINIMAL, lineterminator="\n")
        writer.writerow(COLUMNS)
        for row in table:
            writer.writerow(["" if row[c] is None else row[c] for c in COLUMNS])
        return buffer.getvalue().encode("utf-8")
    return _parquet_bytes(table)


def write_rows(rows: Iterable[dict[str, Any]], path: str | Path, format: str = "jsonl") -> Path:
    """Write rows as jsonl, csv or parquet (parquet needs pyarrow: ``kamer-nlp[parquet]``).

    The file is replaced in one step (a temp file renamed over it) and gets the mode
    a new file gets under the umask (typically 0644).
    """
    return write_atomic(Path(path), rows_bytes(rows, format))


def _parquet_bytes(table: list[dict[str, Any]]) -> bytes:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as exc:
        raise RuntimeError(
            "Parquet export needs pyarrow: pip install 'kamer-nlp[parquet]' (or use --format csv/jsonl)"
        ) from exc
    import datetime as dt

    def as_date(value: str | None) -> dt.date | None:
        return dt.date.fromisoformat(value) if value else None

    types = {
        "page": pa.int32(),
        "confidence": pa.float64(),
        "date": pa.date32(),
        "due": pa.date32(),
    }
    schema = pa.schema([(c, types.get(c, pa.string())) for c in COLUMNS])
    columns = {c: [as_date(r[c]) if c in ("date", "due") else r[c] for r in table] for c in COLUMNS}
    arrow = pa.table(columns, schema=schema)
    sink = pa.BufferOutputStream()
    pq.write_table(arrow, sink)
    return sink.getvalue().to_pybytes()
