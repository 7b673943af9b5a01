"""The lookup tables the rules read, built once per resource set from the lexicon (the
language layer's calendar words under lexicon.json) and conventions.json, and the builder of
point cores that the rules share."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping

from kamer_nlp.temporal import conventions as cv
from kamer_nlp.temporal.conventions import Conventions
from kamer_nlp.temporal.core import Core, Modifier, norm, span_of
from kamer_nlp.temporal.grammar import Pattern as GrammarPattern
from kamer_nlp.temporal.grammar import S, build_patterns, modifier_regex, words_regex
from kamer_nlp.temporal.periods import Period
from kamer_nlp.temporal.resources import TemporalResources

# "van dit/volgend/vorig jaar" after a month, season, quarter: the year from the document's
YEAR_DEIXIS_OFFSET = {
    "dit": 0,
    "het": 0,
    "deze": 0,
    "volgend": 1,
    "volgende": 1,
    "komend": 1,
    "komende": 1,
    "vorig": -1,
    "vorige": -1,
}


def _table(value: object, name: str) -> Mapping[str, object]:
    if not isinstance(value, Mapping):
        raise ValueError(f"temporal lexicon: {name!r} must be an object")
    return value


def _ints(value: object, name: str) -> dict[str, int]:
    out: dict[str, int] = {}
    for key, item in _table(value, name).items():
        if not isinstance(item, int):
            raise ValueError(f"temporal lexicon: {name}.{key} must be an integer")
        out[str(key)] = item
    return out


def _numbers(value: object, name: str) -> dict[str, float]:
    out: dict[str, float] = {}
    for key, item in _table(value, name).items():
        if not isinstance(item, int | float):
            raise ValueError(f"temporal lexicon: {name}.{key} must be a number")
        out[str(key)] = float(item)
    return out


def _strs(value: object, name: str) -> dict[str, str]:
    return {str(k): str(v) for k, v in _table(value, name).items()}


def _words(value: object, name: str) -> list[str]:
    if not isinstance(value, list):
        raise ValueError(f"temporal lexicon: {name!r} must be a list")
    return [str(v) for v in value]


def _modifier(spec: object, *, events_only: bool = False) -> Modifier:
    entry = _table(spec, "modifiers")
    mod = entry.get("mod")
    only_before = entry.get("only_before", ())
    return Modifier(
        phrase=str(entry["phrase"]),
        mod=None if mod is None else str(mod),
        deadline=bool(entry.get("deadline")),
        past=bool(entry.get("past")),
        only_before=tuple(str(w) for w in only_before) if isinstance(only_before, list) else (),
        events_only=events_only,
    )


def _modifiers(value: object, name: str, *, events_only: bool = False) -> dict[str, Modifier]:
    if not isinstance(value, list):
        raise ValueError(f"temporal lexicon: {name!r} must be a list")
    found = [_modifier(m, events_only=events_only) for m in value]
    return {norm(m.phrase): m for m in found}


class Tables:
    """The lexicon and conventions of one resource set, in the shapes the rules use."""

    def __init__(self, resources: TemporalResources) -> None:
        lex = resources.lexicon
        self.conv = Conventions(resources.conventions)
        self.event_names: dict[str, str] = self.conv.event_names()
        self.recess_names: dict[str, str] = _strs(self.conv.data["recess_aliases"], "recesses")
        self.patterns: tuple[GrammarPattern, ...] = build_patterns(
            lex, self.event_names, self.recess_names
        )
        self.months: dict[str, int] = {
            **_ints(lex["months"], "months"),
            **_ints(lex["month_abbreviations"], "month_abbreviations"),
        }
        self.weekdays = _ints(lex["weekdays"], "weekdays")
        self.numbers: dict[str, float] = {
            **_numbers(lex["numbers"], "numbers"),
            **_numbers(lex["fractions"], "fractions"),
        }
        self.ordinals = _ints(lex["ordinals"], "ordinals")
        self.units = _strs(lex["units"], "units")
        self.seasons = _strs(lex["seasons"], "seasons")
        self.parts = _strs(lex["parts"], "parts")
        self.deixis = _strs(lex["deixis"], "deixis")
        self.suffixes = _strs(lex["day_month_suffixes"], "day_month_suffixes")
        self.vague = _strs(lex["vague"], "vague")
        self.sets: dict[str, str] = {
            str(k): str(_table(v, "sets")["value"]) for k, v in _table(lex["sets"], "sets").items()
        }
        self.freq_words = _ints(lex["set_frequency_words"], "set_frequency_words")
        not_year = _words(lex["not_a_year_after"], "not_a_year_after")
        self.not_year_after = re.compile(
            rf"{S}?(?:{'|'.join(re.escape(w) for w in not_year)})(?!\w)", re.I
        )
        self.coordinated = {c.lower() for c in _words(lex["coordinated_year_cues"], "cues")}
        required = self.conv.data["event_cues_required"]
        self.cue_required = {norm(n) for n in _words(required["names"], "names")}
        self.bij_only = {norm(n) for n in _words(required["bij_only"], "bij_only")}
        self.recess_words = {w.lower() for w in _words(lex["recess_modifier_words"], "recess")}
        self.modifiers = _modifiers(lex["modifiers"], "modifiers")
        self.event_modifiers = _modifiers(
            lex["event_modifiers"], "event_modifiers", events_only=True
        )
        self.modifier_re = modifier_regex([*self.modifiers, *self.event_modifiers])
        self.completion_re = words_regex(_words(lex["completion_cues"], "completion_cues"))
        tense = _table(lex["tense"], "tense")
        self.past_re = words_regex(_words(tense["past"], "tense.past"))
        self.future_re = words_regex(_words(tense["future"], "tense.future"))

    # --- reading a match ---------------------------------------------------------

    def month_no(self, word: str) -> int:
        """The month of a name or abbreviation as matched ("februari", "feb.")."""
        return self.months[word.lower().rstrip(".")]

    def suffix_policy(self, suffix: str) -> str:
        """The year choice after "jl." (the latest one begun) or "a.s." (the next one)."""
        return cv.PAST_OR_CURRENT if self.suffixes[norm(suffix)] == "PAST" else cv.NEXT_OR_CURRENT

    def part(self, m: re.Match[str]) -> str | None:
        """START/MID/END from the match's ``part`` ("begin", "eind van") or ``half`` group."""
        groups = m.groupdict()
        part = groups.get("part")
        if part:
            return self.parts[norm(part)]
        if groups.get("half"):
            return "MID"
        return None


def year_offset(m: re.Match[str]) -> int | None:
    """The year offset of the match's ``ydx`` group ("van volgend jaar": +1), if any."""
    ydx = m.groupdict().get("ydx")
    return YEAR_DEIXIS_OFFSET[ydx.lower()] if ydx else None


def point(
    t: Tables,
    m: re.Match[str],
    make: Callable[[int], Period | None],
    xvalue: str,
    *,
    policy: str | None = None,
    part: str | None = None,
    day_month: bool = False,
) -> Core | None:
    """A point core: fixed when the match names a year, else resolved later with ``make``."""
    start, end = span_of(m)
    year = m.groupdict().get("year")
    if year:
        fixed = make(int(year))
        if fixed is None:
            return None
        if part:
            fixed = t.conv.part(fixed, part)
        return Core(
            start, end, "", 0, "point", fixed=fixed, part=part, policy=policy, day_month=day_month
        )
    anchor = make
    if part:
        whole = make

        def anchor(y: int) -> Period | None:
            p = whole(y)
            return t.conv.part(p, part) if p else None

    return Core(
        start,
        end,
        "",
        0,
        "point",
        make=anchor,
        xvalue=xvalue,
        part=part,
        year_offset=year_offset(m),
        policy=policy,
        day_month=day_month,
    )
