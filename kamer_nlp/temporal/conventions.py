"""Calendar conventions: seasons, parts (begin/medio/eind), recesses, budget-cycle events,
and which year an expression without a year means. All numbers come from conventions.json.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from kamer_nlp.temporal import periods
from kamer_nlp.temporal.periods import Period

# Year-choice policies (see conventions.json "year_choice").
NEXT_OR_CURRENT = "NEXT_OR_CURRENT"  # the first one not over on the document date
NEXT = "NEXT"  # the first one that begins after the document date
THIS = "THIS"  # the one containing the document date, else the one in its year
PREV = "PREV"  # the last one over before the document date
PAST_OR_CURRENT = "PAST_OR_CURRENT"  # the last one begun on or before the document date
NEAREST = "NEAREST"  # the one whose middle is closest to the document date
POLICIES = (NEXT_OR_CURRENT, NEXT, THIS, PREV, PAST_OR_CURRENT, NEAREST)


class Conventions:
    """Reads the conventions table and answers calendar questions."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.data = data
        self.seasons: dict[str, dict[str, int]] = {
            k: v for k, v in data["seasons"].items() if not k.startswith("_")
        }
        self.parts: dict[str, dict[str, list[int]]] = {
            k: v for k, v in data["parts"].items() if not k.startswith("_")
        }
        self.recesses: dict[str, dict[str, Any]] = {
            k: v for k, v in data["recesses"].items() if not k.startswith("_")
        }
        self.events: dict[str, dict[str, Any]] = {
            k: v for k, v in data["events"].items() if not k.startswith("_")
        }
        self.vague: dict[str, dict[str, Any]] = {
            k: v for k, v in data["vague"].items() if not k.startswith("_")
        }
        self.year_choice: dict[str, str] = {
            k: v for k, v in data["year_choice"].items() if not k.startswith("_")
        }
        self.before_end_is_by_end = bool(data["before_end_is_by_end"]["value"])
        due = data["due"]
        self.completion_mods: tuple[str | None, ...] = tuple(due["completion_mods"])
        self.mid_year: tuple[int, int] = (
            int(due["mid_year"]["month"]),
            int(due["mid_year"]["day"]),
        )
        self.since_to_document_date = bool(data["since"]["to_document_date"])
        school = data["school_year"]["start"]
        self.school_year_start: tuple[int, int] = (int(school["month"]), int(school["day"]))
        self.week_of_month_days = int(data["week_of_month"]["days"])
        self.year_range_max_span = int(data["year_range"]["max_span"])

    # --- periods ------------------------------------------------------------

    def season(self, year: int, code: str) -> Period:
        spec = self.seasons[code]
        first = dt.date(year, spec["first_month"], 1)
        end_year = year + 1 if spec["last_month"] < spec["first_month"] else year
        return Period(
            f"{year:04d}-{code}", first, periods.last_day(end_year, spec["last_month"]), "season"
        )

    def part(self, period: Period, part: str) -> Period:
        """The begin/medio/eind ``part`` of ``period`` (same value, narrower days)."""
        grain = period.grain
        if grain not in self.parts:
            return period
        lo, hi = self.parts[grain][part]
        if grain in ("month", "week"):
            first = period.first + dt.timedelta(days=lo - 1)
            last = min(period.first + dt.timedelta(days=hi - 1), period.last)
            return period.with_days(first, last)
        first = periods.add_months(period.first, lo - 1)
        last_month_start = periods.add_months(period.first, hi - 1)
        return period.with_days(
            first, periods.last_day(last_month_start.year, last_month_start.month)
        )

    @staticmethod
    def apply_rule(rule: dict[str, Any], year: int) -> dt.date:
        kind = rule["rule"]
        if kind == "fixed":
            return dt.date(year, rule["month"], rule["day"])
        if kind == "nth_weekday":
            first = dt.date(year, rule["month"], 1)
            offset = (rule["weekday"] - first.weekday()) % 7
            return first + dt.timedelta(days=offset + 7 * (rule["nth"] - 1))
        if kind == "last_weekday_before":
            limit = dt.date(year, rule["month"], rule["day"])
            back = (limit.weekday() - rule["weekday"]) % 7 or 7
            return limit - dt.timedelta(days=back)
        raise ValueError(f"unknown calendar rule {kind!r}")

    def recess(self, name: str, year: int) -> Period:
        spec = self.recesses[name]
        known = spec.get("known", {}).get(str(year))
        if known:
            first, last = dt.date.fromisoformat(known[0]), dt.date.fromisoformat(known[1])
        else:
            first = self.apply_rule(spec["start"], year)
            last = first + dt.timedelta(days=spec["length_days"])
        value = f"{year:04d}-{spec['season']}" if spec.get("season") else first.isoformat()
        return Period(value, first, last, "event")

    def recess_known(self, name: str, year: int) -> bool:
        """Whether the recess of ``year`` is a known (published) date rather than the rule's."""
        return bool(self.recesses[name].get("known", {}).get(str(year)))

    def after_recess(self, name: str, year: int) -> Period | None:
        """The period "na het zomerreces" names: from the day after the recess to the
        ``after.until`` day (None for a recess without an ``after`` convention)."""
        after = self.recesses[name].get("after")
        if not after:
            return None
        recess = self.recess(name, year)
        until = dt.date(recess.last.year, after["until"]["month"], after["until"]["day"])
        first = recess.last + dt.timedelta(days=1)
        return Period(recess.value, first, max(first, until), "event")

    def school_year(self, year: int) -> Period:
        """The school year that starts in ``year`` (1 August – 31 July)."""
        month, day = self.school_year_start
        first = dt.date(year, month, day)
        last = dt.date(year + 1, month, day) - dt.timedelta(days=1)
        return Period(f"{first.isoformat()}/{last.isoformat()}", first, last, "range")

    def week_of_month(self, year: int, month: int, nth: int) -> Period | None:
        """The ``nth`` week (-1: the last) of a month as its run of days."""
        size = self.week_of_month_days
        last_day = periods.last_day(year, month)
        if nth == -1:
            first = last_day - dt.timedelta(days=size - 1)
        else:
            first = dt.date(year, month, 1) + dt.timedelta(days=size * (nth - 1))
            if first > last_day:
                return None
        last = min(first + dt.timedelta(days=size - 1), last_day)
        return Period(f"{first.isoformat()}/{last.isoformat()}", first, last, "range")

    def event(self, name: str, year: int) -> Period:
        spec = self.events[name]
        first = self.apply_rule(spec["start"], year)
        last = first + dt.timedelta(days=spec["length_days"])
        value = first.isoformat() if first == last else f"{first.isoformat()}/{last.isoformat()}"
        return Period(value, first, last, "event")

    def event_names(self) -> dict[str, str]:
        return {n: key for key, spec in self.events.items() for n in spec["names"]}

    # --- which year ---------------------------------------------------------

    @staticmethod
    def choose(
        make: Callable[[int], Period | None], doc_date: dt.date, policy: str
    ) -> Period | None:
        """Resolve a year-less expression (``make(year)``) against the document date."""
        candidates = [p for y in range(doc_date.year - 2, doc_date.year + 3) if (p := make(y))]
        if not candidates:
            return None
        if policy == NEXT_OR_CURRENT:
            pool = [p for p in candidates if p.last >= doc_date]
            return min(pool, key=lambda p: p.first) if pool else None
        if policy == NEXT:
            pool = [p for p in candidates if p.first > doc_date]
            return min(pool, key=lambda p: p.first) if pool else None
        if policy == PREV:
            pool = [p for p in candidates if p.last < doc_date]
            return max(pool, key=lambda p: p.last) if pool else None
        if policy == PAST_OR_CURRENT:
            pool = [p for p in candidates if p.first <= doc_date]
            return max(pool, key=lambda p: p.first) if pool else None
        if policy == THIS:
            for p in candidates:
                if p.contains(doc_date):
                    return p
            return make(doc_date.year)
        if policy == NEAREST:

            def distance(p: Period) -> tuple[int, int]:
                middle = p.first + (p.last - p.first) / 2
                return abs((middle - doc_date).days), -p.first.toordinal()

            return min(candidates, key=distance)
        raise ValueError(f"unknown year-choice policy {policy!r}")
