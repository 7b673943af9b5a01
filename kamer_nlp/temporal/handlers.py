"""The handler table: grammar rule name (grammar.py) -> the function that turns one match
of that rule into a core. Every rule has exactly one handler (checked when a finder is made).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from types import MappingProxyType

from kamer_nlp.temporal import rules_amounts, rules_dates, rules_periods
from kamer_nlp.temporal.core import Core
from kamer_nlp.temporal.tables import Tables

Handler = Callable[[Tables, re.Match[str], str], Core | None]

HANDLERS: Mapping[str, Handler] = MappingProxyType(
    {
        # days, months, years (rules_dates)
        "date_text": rules_dates.date_text,
        "day_coord": rules_dates.day_coord,
        "date_numeric": rules_dates.date_numeric,
        "date_iso": rules_dates.date_iso,
        "day_range": rules_dates.day_range,
        "month": rules_dates.month,
        "year": rules_dates.year,
        "year_range": rules_dates.year_range,
        # named periods and relative points (rules_periods)
        "quarter": rules_periods.quarter,
        "quarter_q": rules_periods.quarter_q,
        "year_quarter": rules_periods.year_quarter,
        "half": rules_periods.half,
        "half_h": rules_periods.half_h,
        "year_half": rules_periods.year_half,
        "week": rules_periods.week,
        "month_week": rules_periods.month_week,
        "iso_week": rules_periods.iso_week,
        "season": rules_periods.season,
        "recess": rules_periods.recess,
        "school_year": rules_periods.school_year,
        "event": rules_periods.event,
        "relative": rules_periods.relative,
        "day_word": rules_periods.day_word,
        "weekday": rules_periods.weekday,
        # lengths, vague expressions, repetitions (rules_amounts)
        "duration": rules_amounts.duration,
        "duration_lang": rules_amounts.duration_lang,
        "vague": rules_amounts.vague,
        "set": rules_amounts.set_word,
        "set_freq": rules_amounts.set_freq,
    }
)


def check_table(rule_names: list[str]) -> None:
    """Raise when a grammar rule has no handler or a handler no rule."""
    missing = [n for n in rule_names if n not in HANDLERS]
    unused = [n for n in HANDLERS if n not in rule_names]
    if missing or unused:
        raise ValueError(f"temporal handler table: no handler for {missing}, no rule for {unused}")
