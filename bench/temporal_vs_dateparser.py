"""Time expressions: kamer-nlp against dateparser on the project's case file.

    python bench/temporal_vs_dateparser.py

Runs every case of ``tests/temporal/cases.jsonl`` (sentence, expression, document
date, expected interval and due) through ``dateparser.search.search_dates``
(languages=["nl"], RELATIVE_BASE = the document date, DATE_ORDER = DMY) and through
``kamer_nlp.temporal.find_timexes``, and prints the scores side by side.

The case file was written next to the code: a regression pin and a coverage comparison, not
evidence. Accuracy on real held-out sentences is ``kamer-nlp evaluate spans``.

Scoring, per case: the tool's answer is the output that overlaps the expression
(the first one); its interval is dateparser's date as [d, d], kamer-nlp's interval.
"interval exact" counts a case right when that interval equals the expected one
(expected null: the tool must not give a date there, e.g. for "op termijn", sets,
and the negatives such as "vergaderjaar 2017–2018"). kamer-nlp's stricter score
(exact span, interval and due: the acceptance floor) is printed beside it.
Exits 0 with a message when dateparser is not installed.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
import time
import warnings
from collections import defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
CASES = ROOT / "tests" / "temporal" / "cases.jsonl"
sys.path.insert(0, str(ROOT))

Interval = tuple[str, str] | None


def load_cases() -> list[dict[str, Any]]:
    with CASES.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def span_of(case: dict[str, Any]) -> tuple[int, int]:
    start = case["sentence"].index(case["expression"])
    return start, start + len(case["expression"])


def expected_interval(case: dict[str, Any]) -> Interval:
    expect = case["expect"]
    return tuple(expect["interval"]) if expect and expect["interval"] else None  # type: ignore[return-value]


def dateparser_interval(search_dates: Any, case: dict[str, Any]) -> tuple[Interval, bool]:
    """(interval of dateparser's overlapping answer, whether it answered there at all)."""
    settings: dict[str, Any] = {"DATE_ORDER": "DMY"}  # Dutch day-month order, to be fair
    if case["doc_date"]:
        settings["RELATIVE_BASE"] = dt.datetime.fromisoformat(case["doc_date"])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        found = search_dates(case["sentence"], languages=["nl"], settings=settings) or []
    start, end = span_of(case)
    pos = 0
    for substring, when in found:
        at = case["sentence"].find(substring, pos)
        if at < 0:
            continue
        pos = at + len(substring)
        if at < end and start < at + len(substring):
            day = when.date().isoformat()
            return (day, day), True
    return None, False


def kamer_interval(case: dict[str, Any]) -> tuple[Interval, bool, bool]:
    """(interval of the overlapping TIMEX, answered there, exact span + interval + due)."""
    from kamer_nlp.temporal import find_timexes

    date = dt.date.fromisoformat(case["doc_date"]) if case["doc_date"] else None
    found = find_timexes(case["sentence"], doc_date=date)
    start, end = span_of(case)
    over = [t for t in found if t.start < end and start < t.end]
    expect = case["expect"]
    if expect is None:
        return None, bool(over), not over
    exact = next((t for t in found if (t.start, t.end) == (start, end)), None)
    strict = bool(
        exact
        and (list(exact.interval) if exact.interval else None) == expect["interval"]
        and exact.due == expect["due"]
    )
    return (over[0].interval if over else None), bool(over), strict


def main() -> int:
    try:
        from dateparser.search import search_dates
    except ImportError:
        print("dateparser is not installed (pip install dateparser); nothing to compare.")
        return 0
    cases = load_cases()
    rows: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    t_dp = t_kn = 0.0
    for case in cases:
        group = case["expect"]["kind"] if case["expect"] else "negative"
        want = expected_interval(case)
        t0 = time.perf_counter()
        dp, dp_answered = dateparser_interval(search_dates, case)
        t1 = time.perf_counter()
        kn, kn_answered, strict = kamer_interval(case)
        t2 = time.perf_counter()
        t_dp += t1 - t0
        t_kn += t2 - t1
        for key in (group, "all"):
            r = rows[key]
            r["n"] += 1
            r["dp_exact"] += dp == want
            r["kn_exact"] += kn == want
            r["kn_strict"] += strict
            if case["expect"]:
                r["dp_found"] += dp_answered
                r["kn_found"] += kn_answered
    order = ["date", "deadline", "duration", "vague", "set", "negative", "all"]
    print(
        f"Time expressions: {len(cases)} cases from {CASES.relative_to(ROOT)} "
        "(written cases: a regression pin; real held-out text: kamer-nlp evaluate spans)"
    )
    print(
        "interval exact = the interval of the answer overlapping the expression equals the expected one"
    )
    print("found = an answer overlapping the expression (positive cases)\n")
    head = f"{'kind':10} {'n':>4}   {'dateparser':>10} {'kamer-nlp':>10}   {'found dp':>8} {'found kn':>8}   {'kn strict':>9}"
    print(head)
    print("-" * len(head))
    for key in order:
        if key not in rows:
            continue
        r = rows[key]
        n = r["n"]
        pos = n if key != "negative" else 0

        def pct(x: int, d: int) -> str:
            return f"{100 * x / d:5.1f}%" if d else "    -"

        print(
            f"{key:10} {n:4}   {pct(r['dp_exact'], n):>10} {pct(r['kn_exact'], n):>10}   "
            f"{pct(r['dp_found'], pos if key != 'all' else n - rows['negative']['n']):>8} "
            f"{pct(r['kn_found'], pos if key != 'all' else n - rows['negative']['n']):>8}   "
            f"{pct(r['kn_strict'], n):>9}"
        )
    print(f"\ntime: dateparser {t_dp:.1f} s, kamer-nlp {t_kn:.2f} s")
    print(
        "kn strict = kamer-nlp with exact span, interval and due (the acceptance score, floor 97%)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
