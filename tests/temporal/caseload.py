"""The temporal case file (cases.jsonl) and how a case is scored."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from kamer_nlp.temporal import Timex, find_timexes

CASES_FILE = Path(__file__).with_name("cases.jsonl")


def load_cases() -> list[dict[str, Any]]:
    with CASES_FILE.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def doc_date_of(case: dict[str, Any]) -> dt.date | None:
    return dt.date.fromisoformat(case["doc_date"]) if case["doc_date"] else None


def expression_span(case: dict[str, Any]) -> tuple[int, int]:
    start = case["sentence"].index(case["expression"])
    return start, start + len(case["expression"])


def matching_timex(case: dict[str, Any], timexes: list[Timex]) -> Timex | None:
    """The TIMEX covering exactly the case's expression, if any."""
    start, end = expression_span(case)
    return next((t for t in timexes if (t.start, t.end) == (start, end)), None)


def overlapping(case: dict[str, Any], timexes: list[Timex]) -> list[Timex]:
    start, end = expression_span(case)
    return [t for t in timexes if t.start < end and start < t.end]


def score(case: dict[str, Any], timexes: list[Timex]) -> tuple[bool, bool, str]:
    """(interval and due exactly right, every field right, explanation)."""
    expect = case["expect"]
    if expect is None:
        bad = overlapping(case, timexes)
        return (not bad, not bad, f"spurious {[t.text for t in bad]}" if bad else "")
    got = matching_timex(case, timexes)
    if got is None:
        return False, False, f"span not found; got {[t.text for t in timexes]}"
    interval = list(got.interval) if got.interval else None
    core = interval == expect["interval"] and got.due == expect["due"]
    if "due_source" in expect:  # checked where the case names it
        core = core and got.due_source == expect["due_source"]
    full = core and (got.kind, got.value, got.mod) == (
        expect["kind"],
        expect["value"],
        expect["mod"],
    )
    why = "" if full else f"got {got.kind} {got.value} {got.mod} {interval} due {got.due}"
    return core, full, why


def run_case(case: dict[str, Any]) -> tuple[bool, bool, str]:
    return score(case, find_timexes(case["sentence"], doc_date=doc_date_of(case)))
