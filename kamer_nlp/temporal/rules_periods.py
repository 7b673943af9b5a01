"""Rules for named periods and relative points: quarters, halves, weeks, seasons, recesses,
budget-cycle events, "volgend jaar", "morgen", "aanstaande dinsdag"."""

from __future__ import annotations

import re

from kamer_nlp.temporal import conventions as cv
from kamer_nlp.temporal import periods
from kamer_nlp.temporal.core import YEAR_AFTER, Core, norm, span_of
from kamer_nlp.temporal.periods import Period
from kamer_nlp.temporal.tables import Tables, point

_DEIXIS_SHIFT = {cv.NEXT_OR_CURRENT: 1, cv.NEXT: 1, cv.THIS: 0, cv.PREV: -1}
_UNIT_GRAIN = {
    "jaar": "year",
    "kalenderjaar": "year",
    "maand": "month",
    "week": "week",
    "kwartaal": "quarter",
    "halfjaar": "half",
}
_GRAIN_XVALUE = {
    "year": "XXXX",
    "month": "XXXX-XX",
    "week": "XXXX-WXX",
    "quarter": "XXXX-QX",
    "half": "XXXX-HX",
}
_DAY_WORD_OFFSET = {
    "vandaag": 0,
    "vanochtend": 0,
    "vanmorgen": 0,
    "vanmiddag": 0,
    "vanavond": 0,
    "vannacht": 0,
    "morgen": 1,
    "overmorgen": 2,
    "gisteren": -1,
    "gisterenavond": -1,
    "gisteravond": -1,
    "gisterenmiddag": -1,
    "gisterochtend": -1,
    "eergisteren": -2,
}


def _quarter(t: Tables, m: re.Match[str], q: int) -> Core | None:
    if not 1 <= q <= 4:
        return None

    def make(y: int) -> Period | None:
        return periods.quarter(y, q)

    return point(t, m, make, f"XXXX-Q{q}", part=t.part(m))


def quarter(t: Tables, m: re.Match[str], text: str) -> Core | None:
    """het tweede kwartaal van 2025, eind van het eerste kwartaal, het laatste kwartaal."""
    q = t.ordinals[norm(m["ord"])]
    return _quarter(t, m, 4 if q == -1 else q)


def quarter_q(t: Tables, m: re.Match[str], text: str) -> Core | None:
    """Q3, Q3 2024, eind Q1."""
    if m.group(0)[m.start("q") - m.start() - 1] != "Q":
        return None  # "q3" in running text is not a quarter
    return _quarter(t, m, int(m["q"]))


def year_quarter(t: Tables, m: re.Match[str], text: str) -> Core | None:
    """2024-Q3, 2024 Q3."""
    return _quarter(t, m, int(m["q"]))


def _half(t: Tables, m: re.Match[str], h: int) -> Core | None:
    if h not in (1, 2):
        return None

    def make(y: int) -> Period | None:
        return periods.half(y, h)

    return point(t, m, make, f"XXXX-H{h}", part=t.part(m))


def half(t: Tables, m: re.Match[str], text: str) -> Core | None:
    """de eerste helft van 2023, het tweede halfjaar."""
    if norm(m["h"]) == "helft" and not (m["year"] or m["ydx"]):
        return None  # "de tweede helft" of what?
    h = t.ordinals[norm(m["ord"])]
    return _half(t, m, 2 if h == -1 else h)


def half_h(t: Tables, m: re.Match[str], text: str) -> Core | None:
    """H1 2024."""
    return _half(t, m, int(m["h"])) if "H" in m.group(0) else None


def year_half(t: Tables, m: re.Match[str], text: str) -> Core | None:
    """2024-H1."""
    return _half(t, m, int(m["h"])) if "H" in m.group(0) else None


def week(t: Tables, m: re.Match[str], text: str) -> Core | None:
    """week 12, week 12 van 2024."""
    w = int(m["w"])
    if not 1 <= w <= 53:
        return None

    def make(y: int) -> Period | None:
        return periods.week(y, w)

    return point(t, m, make, f"XXXX-W{w:02d}", part=t.part(m))


def iso_week(t: Tables, m: re.Match[str], text: str) -> Core | None:
    """2024-W12."""
    fixed = periods.week(int(m["year"]), int(m["w"]))
    return Core(*span_of(m), "", 0, "point", fixed=fixed) if fixed else None


def season(t: Tables, m: re.Match[str], text: str) -> Core | None:
    """aanstaande zomer, dit najaar, het voorjaar van 2023, eind van de zomer."""
    if not (m["det"] or m["year"] or m["part"] or m["ydx"]):
        return None
    code = t.seasons[m["season"].lower()]
    policy = t.deixis.get(norm(m["det"] or ""))

    def make(y: int) -> Period | None:
        return t.conv.season(y, code)

    core = point(t, m, make, f"XXXX-{code}", policy=policy, part=t.part(m))
    if core is not None and code == "SU" and not core.part:
        core.summer = True
        core.summer_year = int(m["year"]) if m["year"] else None
    return core


def recess(t: Tables, m: re.Match[str], text: str) -> Core | None:
    """het zomerreces, het kerstreces van 2024."""
    name = t.recess_names[m["name"].lower()]
    policy = t.deixis.get(norm(m["det"] or ""))
    spec = t.conv.recesses[name]
    xvalue = f"XXXX-{spec['season']}" if spec.get("season") else "XXXX-XX-XX"

    def make(y: int) -> Period | None:
        return t.conv.recess(name, y)

    core = point(t, m, make, xvalue, policy=policy)
    if core is not None:
        core.recess = name
    return core


def school_year(t: Tables, m: re.Match[str], text: str) -> Core | None:
    """het schooljaar 2024-2025, schooljaar 2024/25, het komende schooljaar (1 August – 31 July)."""
    if m["y1"]:
        y1, y2 = int(m["y1"]), int(m["y2"])
        if y2 < 100:
            y2 += y1 // 100 * 100
        if y2 != y1 + 1:
            return None
        return Core(*span_of(m), "", 0, "point", fixed=t.conv.school_year(y1))
    if not m["det"]:
        return None  # "het schooljaar" alone: which one?
    policy = t.deixis[norm(m["det"])]
    if policy == cv.NEXT_OR_CURRENT:
        policy = cv.NEXT  # "het komende schooljaar" is the next one to start, not the current one
    return Core(
        *span_of(m),
        "",
        0,
        "point",
        make=t.conv.school_year,
        xvalue="XXXX-08-01/XXXX-07-31",
        policy=policy,
    )


def month_week(t: Tables, m: re.Match[str], text: str) -> Core | None:
    """de eerste week van maart, de laatste week van juni 2025 (the days, not the month)."""
    nth, mon = t.ordinals[norm(m["ord"])], t.month_no(m["mon"])

    def make(y: int) -> Period | None:
        return t.conv.week_of_month(y, mon, nth)

    return point(t, m, make, f"XXXX-{mon:02d}-XX/XXXX-{mon:02d}-XX")


def event(t: Tables, m: re.Match[str], text: str) -> Core | None:
    """Prinsjesdag, de Voorjaarsnota, de begrotingsbehandeling (2025)."""
    name = norm(m["name"])
    key = t.event_names[next(n for n in t.event_names if norm(n) == name)]
    spec = t.conv.events[key]
    offset = int(spec.get("year_offset", 0))
    if name in t.bij_only and YEAR_AFTER.match(text, m.end("name")):
        return None  # "bij de ontwerpbegroting 2017" names the document
    needs_cue = name in t.cue_required
    bij_only = name in t.bij_only
    if m["year"]:
        fixed = t.conv.event(key, int(m["year"]) + offset)
        return Core(
            *span_of(m), "", 0, "point", fixed=fixed, needs_cue=needs_cue, bij_only=bij_only
        )

    def make(y: int) -> Period | None:
        return t.conv.event(key, y)

    choice = spec.get("choice")
    return Core(
        *span_of(m),
        "",
        0,
        "point",
        make=make,
        xvalue="XXXX-XX-XX",
        policy=None if choice is None else str(choice),
        needs_cue=needs_cue,
        bij_only=bij_only,
    )


def relative(t: Tables, m: re.Match[str], text: str) -> Core | None:
    """volgend jaar, deze maand, eind van het jaar, begin volgende week."""
    dx = norm(m["dx"])
    part = t.part(m)
    if dx in ("het", "de"):
        if not part:
            return None  # "het jaar" alone is no date; "eind van het jaar" is this year
        offset = 0
    else:
        offset = _DEIXIS_SHIFT[t.deixis[dx]]
    grain = _UNIT_GRAIN[m["unit"].lower()]
    return Core(
        *span_of(m),
        "",
        0,
        "point",
        shift=(grain, offset),
        part=part,
        xvalue=_GRAIN_XVALUE[grain],
    )


def day_word(t: Tables, m: re.Match[str], text: str) -> Core | None:
    """vandaag, vanmiddag, morgen, overmorgen, gisteren, gisteravond, eergisteren."""
    offset = _DAY_WORD_OFFSET[m["w"].lower()]
    return Core(*span_of(m), "", 0, "point", shift=("day", offset), xvalue="XXXX-XX-XX")


def weekday(t: Tables, m: re.Match[str], text: str) -> Core | None:
    """aanstaande dinsdag, afgelopen vrijdag, maandag jl."""
    wd = t.weekdays[(m["wd"] or m["wd2"]).lower()]
    if m["dx"]:
        past = norm(m["dx"]) in ("afgelopen", "vorige")
    else:
        past = t.suffixes[norm(m["sfx"])] == "PAST"
    return Core(*span_of(m), "", 0, "point", xvalue="XXXX-XX-XX", weekday=(wd, past))
