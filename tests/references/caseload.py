"""Reading tests/references/cases.jsonl: expected references located in each case text."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

CASES_FILE = Path(__file__).with_name("cases.jsonl")


@dataclass(frozen=True)
class Expected:
    start: int
    end: int
    type: str
    kb_id: str | None
    extra: dict[str, Any]


def load_cases() -> list[dict[str, Any]]:
    with CASES_FILE.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def expected_refs(case: dict[str, Any]) -> list[Expected]:
    """Expected references in order; each ``text`` is searched from the end of the previous one."""
    out: list[Expected] = []
    pos = 0
    for e in case["expect"]:
        start = case["text"].find(e["text"], pos)
        if start < 0:
            raise ValueError(f"{case['id']}: expected text {e['text']!r} not in the case text")
        end = start + len(e["text"])
        extra = {k: v for k, v in e.items() if k not in ("text", "type", "kb_id")}
        out.append(Expected(start, end, e["type"], e["kb_id"], extra))
        pos = end
    return out
