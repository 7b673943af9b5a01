"""Calendar periods (a TIMEX3 value with its first and last day) and date arithmetic."""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass, replace

GRAINS = ("day", "week", "month", "quarter", "half", "season", "year", "event", "range")


@dataclass(frozen=True)
class Period:
    """A resolved anchor: TIMEX3 ``value`` and the days ``first``..``last`` (inclusive)."""

    value: str
    first: dt.date
    last: dt.date
    grain: str

    @property
    def interval(self) -> tuple[str, str]:
        return (self.first.isoformat(), self.last.isoformat())

    def contains(self, day: dt.date) -> bool:
        return self.first <= day <= self.last

    def with_days(self, first: dt.date, last: dt.date) -> Period:
        return replace(self, first=first, last=last)


def last_day(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def day(d: dt.date) -> Period:
    return Period(d.isoformat(), d, d, "day")


def month(year: int, m: int) -> Period:
    return Period(f"{year:04d}-{m:02d}", dt.date(year, m, 1), last_day(year, m), "month")


def quarter(year: int, q: int) -> Period:
    first = 3 * (q - 1) + 1
    return Period(f"{year:04d}-Q{q}", dt.date(year, first, 1), last_day(year, first + 2), "quarter")


def half(year: int, h: int) -> Period:
    first = 6 * (h - 1) + 1
    return Period(f"{year:04d}-H{h}", dt.date(year, first, 1), last_day(year, first + 5), "half")


def year(y: int) -> Period:
    return Period(f"{y:04d}", dt.date(y, 1, 1), dt.date(y, 12, 31), "year")


def week(y: int, w: int) -> Period | None:
    """ISO week ``w`` of ISO year ``y`` (Monday to Sunday), None when it does not exist."""
    try:
        monday = dt.date.fromisocalendar(y, w, 1)
    except ValueError:
        return None
    return Period(f"{y:04d}-W{w:02d}", monday, monday + dt.timedelta(days=6), "week")


def week_of(d: dt.date) -> Period:
    iso = d.isocalendar()
    found = week(iso.year, iso.week)
    assert found is not None
    return found


def add_months(d: dt.date, months: int) -> dt.date:
    index = d.year * 12 + d.month - 1 + months
    y, m = divmod(index, 12)
    return dt.date(y, m + 1, min(d.day, calendar.monthrange(y, m + 1)[1]))


def add_duration(d: dt.date, amount: int, unit: str, sign: int = 1) -> dt.date:
    """``d`` plus (or minus) ``amount`` of D, W, M or Y (months clamp to the month's end)."""
    if unit == "D":
        return d + dt.timedelta(days=sign * amount)
    if unit == "W":
        return d + dt.timedelta(days=sign * 7 * amount)
    if unit == "M":
        return add_months(d, sign * amount)
    if unit == "Y":
        return add_months(d, sign * 12 * amount)
    raise ValueError(f"unknown duration unit {unit!r}")


def parse_duration(value: str) -> tuple[int, str]:
    """``P6W`` → (6, "W")."""
    return int(value[1:-1]), value[-1]


def shift_unit(d: dt.date, unit: str, offset: int) -> Period:
    """The calendar ``unit`` (year, half, quarter, month, week, day) containing ``d``, moved ``offset`` units."""
    if unit == "year":
        return year(d.year + offset)
    if unit in ("month", "quarter", "half"):
        size = {"month": 1, "quarter": 3, "half": 6}[unit]
        index = (d.year * 12 + d.month - 1) // size + offset
        y, k = divmod(index, 12 // size)
        return (
            month(y, k + 1)
            if unit == "month"
            else quarter(y, k + 1)
            if unit == "quarter"
            else half(y, k + 1)
        )
    if unit == "week":
        return week_of(d + dt.timedelta(weeks=offset))
    if unit == "day":
        return day(d + dt.timedelta(days=offset))
    raise ValueError(f"unknown unit {unit!r}")
