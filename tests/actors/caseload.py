"""Load the actor case file (``data/cases.jsonl``) and score predictions against it."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

CASES_PATH = Path(__file__).parent / "data" / "cases.jsonl"


def load_cases() -> list[dict[str, Any]]:
    with CASES_PATH.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def expected_items(case: dict[str, Any]) -> Counter:
    """(text, actor_id, via) triples; via is part of the key."""
    return Counter((norm(t), a, v) for t, a, v in case["expected"])


def predicted_items(mentions: list[Any]) -> Counter:
    return Counter((norm(m.text), m.actor_id, m.via) for m in mentions)
