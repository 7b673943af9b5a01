"""Rules for lengths of time, vague expressions and repetitions: "binnen zes weken",
"twee jaar lang", "binnenkort", "jaarlijks", "twee keer per jaar"."""

from __future__ import annotations

import re

from kamer_nlp.temporal.core import EVENT_ANCHOR_AFTER, Core, norm, span_of
from kamer_nlp.temporal.tables import Tables

_MONTHS_PER = {"Q": 3, "H": 6, "Y": 12, "M": 1}
_DAYS_PER = {"W": 7, "D": 1}
_SET_UNIT = {"jaar": "P1Y", "maand": "P1M", "week": "P1W", "kwartaal": "P3M", "dag": "P1D"}


def amount(t: Tables, n: str | None, unit_word: str) -> tuple[int, str] | None:
    """(count, unit) of "zes weken", "anderhalf jaar" (18 M), "een half jaar"; None when a
    fraction of a month or less has no whole number of days."""
    unit = t.units[norm(unit_word)]
    count: float = 1.0
    if n:
        count = float(n) if n.isdigit() else t.numbers[norm(n)]
    if unit in _MONTHS_PER:
        months = count * _MONTHS_PER[unit]
        if months == int(months):
            whole = int(months)
            return (whole // 12, "Y") if unit == "Y" and whole % 12 == 0 else (whole, "M")
        return (round(months * 30), "D") if months < 1 else None
    if count == int(count):
        return int(count), unit
    return round(count * _DAYS_PER[unit]), "D"


def duration(t: Tables, m: re.Match[str], text: str) -> Core | None:
    """binnen zes weken, de komende drie jaar, over twee weken, gedurende een jaar."""
    cue = norm(m["cue"])
    unit_word = norm(m["unit"])
    if not m["n"] and (
        unit_word.endswith("en") or (cue in ("binnen", "over") and unit_word == "jaren")
    ):
        return None  # "de komende maanden" is vague
    if (
        not m["n"]
        and cue in ("over", "binnen", "gedurende")
        and unit_word not in ("halfjaar", "half jaar")
    ):
        return None
    found = amount(t, m["n"], unit_word)
    if found is None:
        return None
    core = Core(
        *span_of(m), "", 0, "duration", amount=found, cue=cue, value=f"P{found[0]}{found[1]}"
    )
    if m["lang"]:
        core.cue = "gedurende"
    if cue == "binnen" and EVENT_ANCHOR_AFTER.match(text, m.end()):
        core.event_anchored = True  # "binnen drie maanden na inwerkingtreding"
    return core


def duration_lang(t: Tables, m: re.Match[str], text: str) -> Core | None:
    """twee jaar lang."""
    found = amount(t, m["n"], m["unit"])
    if found is None:
        return None
    return Core(
        *span_of(m),
        "",
        0,
        "duration",
        amount=found,
        cue="gedurende",
        value=f"P{found[0]}{found[1]}",
    )


def vague(t: Tables, m: re.Match[str], text: str) -> Core | None:
    """binnenkort, op korte termijn, de komende maanden."""
    key = t.vague[norm(m["phrase"])]
    spec = t.conv.vague[key]
    return Core(
        *span_of(m), "", 0, "vague", value=str(spec["value"]), window=_opt_str(spec["window"])
    )


def set_word(t: Tables, m: re.Match[str], text: str) -> Core | None:
    """jaarlijks, elke maand, per kwartaal."""
    return Core(*span_of(m), "", 0, "set", value=t.sets[norm(m["phrase"])])


def set_freq(t: Tables, m: re.Match[str], text: str) -> Core | None:
    """twee keer per jaar, eens in de week."""
    n = t.freq_words[norm(m["f"])]
    return Core(*span_of(m), "", 0, "set", value=_SET_UNIT[m["unit"].lower()], freq=f"{n}X")


def _opt_str(value: object) -> str | None:
    return None if value is None else str(value)
