"""The clause check set's sentences (issue #10): a fixed-seed sample of the labelled real
sentences of letters and debates, labelled with clause facts from docs/clauses-guideline.md.

    python -m kamer_nlp.evaluation.clause_sample   # writes data/labels/clauses/inventory/clauses-001.jsonl

Eligible: sentences of modern letters, older letters and debates (government and member
turns) with 40–300 normalised characters (headings, table cells and OCR headers are left
out). 60 older letters, 50 modern letters, 50 debates; seed 10. Rows are the commitments
inventory's anchors (no corpus text).
"""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any

from kamer_nlp.evaluation.show import read_batch
from kamer_nlp.evaluation.spans import INVENTORY

SEED = 10
QUOTA = {"older_letters": 60, "modern_letters": 50, "debates": 50}
OUT = INVENTORY.parents[1] / "clauses" / "inventory" / "clauses-001.jsonl"


def eligible_rows(inventory: Path = INVENTORY) -> dict[str, list[dict[str, Any]]]:
    rows: dict[str, list[dict[str, Any]]] = {g: [] for g in QUOTA}
    for path in sorted(inventory.glob("*.jsonl")):
        if path.stem.startswith("double"):
            continue
        for row in read_batch(path):
            if row["group"] in rows and 40 <= row["norm_len"] <= 300:
                rows[row["group"]].append(row)
    return rows


def sample(inventory: Path = INVENTORY) -> list[dict[str, Any]]:
    rng = random.Random(SEED)
    picked: list[dict[str, Any]] = []
    for group, rows in eligible_rows(inventory).items():
        picked += rng.sample(rows, min(QUOTA[group], len(rows)))
    return [
        {**row, "key": f"clauses-001-{i:04d}", "from": row["key"]}
        for i, row in enumerate(picked, 1)
    ]


def main() -> int:
    rows = sample()
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with OUT.open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"{len(rows)} sentences → {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
