"""Rules for days, months and years: "14 februari 2018", "7 en 8 oktober", "1-7-2023",
"2018-02-14", "1 t/m 5 maart", "eind maart", "in 2024", "2023-2030".

Each rule takes the lookup tables, the pattern's match and the text, and gives a core or
None; the days themselves are made by the language layer (:func:`kamer_nlp.lang.make_date`).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from kamer_nlp.lang.dates import make_date
from kamer_nlp.temporal import periods
from kamer_nlp.temporal.core import (
    SENTENCE_OPENING,
    VERGADERJAAR,
    YEAR_BEFORE,
    Core,
    ends_with,
    norm,
    span_of,
)
from kamer_nlp.temporal.periods import Period
from kamer_nlp.temporal.tables import Tables, point


def day_of(month: int, day: int) -> Callable[[int], Period | None]:
    """The day ``day`` of ``month`` in a given year (None in a year without it)."""

    def make(year: int) -> Period | None:
        found = make_date(year, month, day)
        return periods.day(found) if found is not None else None

    return make


def date_text(t: Tables, m: re.Match[str], text: str) -> Core | None:
    """14 februari 2018, 7 februari jl., op dinsdag 12 maart a.s., 1 juli."""
    mon, d = t.month_no(m["mon"]), int(m["day"])
    if not 1 <= d <= 31:
        return None
    sfx = m.groupdict().get("sfx")
    policy = t.suffix_policy(sfx) if sfx else None
    return point(t, m, day_of(mon, d), f"XXXX-{mon:02d}-{d:02d}", policy=policy, day_month=True)


def day_coord(t: Tables, m: re.Match[str], text: str) -> Core | None:
    """The 7 of "7 en 8 oktober 2016", "3, 4 of 5 maart"."""
    core = date_text(t, m, text)
    if core is not None:
        core.end = m.end("day")
    return core


def fixed_date(m: re.Match[str]) -> Core | None:
    """A day with its year: "1-7-2023", "2018-02-14"."""
    found = make_date(int(m["year"]), int(m["mon"]), int(m["day"]))
    if found is None:
        return None
    return Core(*span_of(m), "", 0, "point", fixed=periods.day(found))


def date_numeric(t: Tables, m: re.Match[str], text: str) -> Core | None:
    """1-7-2023, 14/02/2018, 1.7.2023."""
    return fixed_date(m)


def date_iso(t: Tables, m: re.Match[str], text: str) -> Core | None:
    """2018-02-14."""
    return fixed_date(m)


def day_range(t: Tables, m: re.Match[str], text: str) -> Core | None:
    """tussen 1 en 15 maart, 1 t/m 5 maart 2024, 3-5 juni."""
    mon, d1, d2 = t.month_no(m["mon"]), int(m["d1"]), int(m["d2"])
    if not 1 <= d1 < d2 <= 31 or (not m["pre"] and norm(m["j"]) in ("en", "tot")):
        return None
    exclusive = norm(m["j"]) == "tot"
    left = point(t, m, day_of(mon, d1), f"XXXX-{mon:02d}-{d1:02d}", day_month=True)
    right = point(t, m, day_of(mon, d2), f"XXXX-{mon:02d}-{d2:02d}", day_month=True)
    if left is None or right is None:
        return None
    return Core(*span_of(m), "", 0, "range", left=left, right=right, exclusive=exclusive)


def month(t: Tables, m: re.Match[str], text: str) -> Core | None:
    """december, eind maart, half mei, maart jl., december 2023, de maand mei."""
    mon = t.month_no(m["mon"])
    bare = not (m["part"] or m["half"] or m["dx"] or m["year"] or m["sfx"] or m["ydx"])
    if bare and m["mon"][0].isupper() and not ends_with(SENTENCE_OPENING, text, m.start(), 1):
        return None  # "Mei Li Vos": Dutch month names are lower case mid-sentence
    policy = None
    if m["dx"]:
        policy = t.deixis[norm(m["dx"])]
    if m["sfx"]:
        policy = t.suffix_policy(m["sfx"])

    def make(y: int) -> Period | None:
        return periods.month(y, mon)

    return point(t, m, make, f"XXXX-{mon:02d}", policy=policy, part=t.part(m))


def year(t: Tables, m: re.Match[str], text: str) -> Core | None:
    """in 2024, begin 2024, voor 2030 (a year needs a cue in front)."""
    cue = norm(m["cue"] or "")
    if t.not_year_after.match(text, m.end()):
        return None
    if cue in t.coordinated and not ends_with(YEAR_BEFORE, text, m.start(), 4):
        return None  # "en 2050" only after another year: "in 2030 en 2050"
    y, part = int(m["year"]), t.part(m)
    fixed = periods.year(y)
    if part:
        fixed = t.conv.part(fixed, part)
    start = m.start("part") if m["part"] else m.start("year")
    return Core(*span_of(m, start), "", 0, "point", fixed=fixed, part=part)


def year_range(t: Tables, m: re.Match[str], text: str) -> Core | None:
    """2023-2030 (not the session after "vergaderjaar")."""
    y1, y2 = int(m["y1"]), int(m["y2"])
    if not 0 < y2 - y1 <= t.conv.year_range_max_span:
        return None
    if VERGADERJAAR.search(text[max(0, m.start() - 20) : m.start()]):
        return None  # the session "vergaderjaar 2017–2018" is not a period of the text
    left = Core(*span_of(m), "", 0, "point", fixed=periods.year(y1))
    right = Core(*span_of(m), "", 0, "point", fixed=periods.year(y2))
    return Core(*span_of(m), "", 0, "range", left=left, right=right)
