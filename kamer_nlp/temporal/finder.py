"""Finding and normalising Dutch time expressions: :func:`find_timexes`.

Three passes over the text:
1. *cores*: every grammar pattern (grammar.py) proposes candidates; the longest
   non-overlapping ones are kept ("14 februari 2018", "aanstaande zomer", "binnen zes weken");
2. *ranges and modifiers*: "tussen X en Y" / "van X tot Y" join two cores; a modifier
   right before a core ("uiterlijk", "voor", "na", "vanaf", "rond") is taken into the span;
3. *resolution*: relative cores get their year from the document date, following the
   conventions table (conventions.json): deixis ("aanstaande", "dit", "vorig"), "jl."/"a.s.",
   the modifier (a deadline points forward) and the tense of the clause.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import cache
from typing import Any

from kamer_nlp.temporal import conventions as cv
from kamer_nlp.temporal import periods
from kamer_nlp.temporal.conventions import Conventions
from kamer_nlp.temporal.grammar import S, build_patterns, modifier_regex, words_regex
from kamer_nlp.temporal.periods import Period
from kamer_nlp.temporal.resources import TemporalResources
from kamer_nlp.temporal.timex import Timex

_UNIT_GRAIN = {
    "jaar": "year",
    "kalenderjaar": "year",
    "maand": "month",
    "week": "week",
    "kwartaal": "quarter",
    "halfjaar": "half",
}
_DEIXIS_SHIFT = {cv.NEXT_OR_CURRENT: 1, cv.NEXT: 1, cv.THIS: 0, cv.PREV: -1}
_YDX_OFFSET = {
    "dit": 0,
    "het": 0,
    "deze": 0,
    "volgend": 1,
    "volgende": 1,
    "komend": 1,
    "komende": 1,
}
_YDX_OFFSET.update({"vorig": -1, "vorige": -1})
_PAST_CUES = ("de afgelopen", "het afgelopen", "de laatste", "de achterliggende")
_EVENT_ANCHOR_AFTER = re.compile(
    r"\s*(?:na|nadat|vanaf|van|sinds|volgend\s+op|te\s+rekenen)(?!\w)", re.I
)
_CLAUSE_BREAK = re.compile(r"[.;:!?]\s|\n\s*\n")
_VERGADERJAAR = re.compile(r"(?:vergader|zittings)jaar\s*\Z", re.I)
# what the text before a match ends with (searched with endpos = the match's start)
_SENTENCE_OPENING = re.compile(r"(?:^|[.!?:]\s*|\n\s*)\Z")  # the match opens a sentence
_YEAR_BEFORE = re.compile(r"(?<!\w)(?:19|20)\d\d\s*\Z")  # "in 2030 en 2050"
_YEAR_AFTER = re.compile(r"\s+(?:19|20)\d\d")  # "bij de ontwerpbegroting 2017"


def _trailing_space_start(text: str, pos: int) -> int:
    """Where the run of whitespace (``\\s``) that ends at ``pos`` starts (``pos`` if none)."""
    while pos > 0 and text[pos - 1].isspace():
        pos -= 1
    return pos


def _ends_with(pattern: re.Pattern[str], text: str, pos: int, reach: int) -> bool:
    """``pattern.search(text[:pos])`` for a pattern anchored at the end (``\\Z``) whose match
    starts at most ``reach`` characters before the trailing whitespace: only that tail of the
    text is searched (a prefix copied and searched per match is quadratic in the length)."""
    lo = max(0, _trailing_space_start(text, pos) - reach)
    return pattern.search(text, lo, pos) is not None


@dataclass(frozen=True)
class Modifier:
    phrase: str
    mod: str | None
    deadline: bool
    past: bool = False
    only_before: tuple[str, ...] = ()
    events_only: bool = False


@dataclass
class Core:
    """A candidate expression before modifiers and resolution."""

    start: int
    end: int
    rule: str
    priority: int
    category: str  # point | duration | vague | set | range
    fixed: Period | None = None  # absolute anchor
    make: Callable[[int], Period | None] | None = None  # anchor for a given year
    year_offset: int | None = None  # "van volgend jaar": make(doc year + offset)
    policy: str | None = None  # year choice forced by deixis or jl./a.s.
    shift: tuple[str, int] | None = None  # "volgend jaar": (unit, offset) from the document date
    xvalue: str = "XXXX"  # the value when no document date is known
    part: str | None = None
    day_month: bool = False
    summer: bool = False  # a summer season: "voor/na de zomer" reads as the summer recess
    summer_year: int | None = None
    needs_cue: bool = False
    # durations, vague expressions, sets
    value: str | None = None
    amount: tuple[int, str] | None = None
    cue: str | None = None
    event_anchored: bool = False
    window: str | None = None
    freq: str | None = None
    # ranges
    left: Core | None = None
    right: Core | None = None
    exclusive: bool = False
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def relative(self) -> bool:
        if self.category == "range":
            return bool((self.left and self.left.relative) or (self.right and self.right.relative))
        if self.category == "point":
            return self.fixed is None
        if self.category == "duration":
            return self.cue is not None and not self.event_anchored and self.cue_kind != "plain"
        return self.category == "vague"

    @property
    def cue_kind(self) -> str:
        cue = " ".join((self.cue or "").lower().split())
        if cue == "binnen":
            return "within"
        if cue == "over":
            return "after"
        if cue in _PAST_CUES:
            return "past"
        if cue in ("de komende", "het komende", "de eerstkomende", "de eerstvolgende"):
            return "coming"
        return "plain"


class TimexFinder:
    """Finds TIMEX expressions with the grammar and conventions of one resource set."""

    def __init__(self, resources: TemporalResources | None = None) -> None:
        self.resources = resources or TemporalResources.default()
        lex = self.resources.lexicon
        self.lex = lex
        self.conv = Conventions(self.resources.conventions)
        self.event_names = self.conv.event_names()
        self.recess_names: dict[str, str] = dict(self.conv.data["recess_aliases"])
        self.patterns = build_patterns(lex, self.event_names, self.recess_names)
        self.months = {**lex["months"], **lex["month_abbreviations"]}
        self.weekdays: dict[str, int] = lex["weekdays"]
        self.numbers: dict[str, float] = {**lex["numbers"], **lex["fractions"]}
        self.ordinals: dict[str, int] = lex["ordinals"]
        self.units: dict[str, str] = lex["units"]
        self.seasons: dict[str, str] = lex["seasons"]
        self.parts: dict[str, str] = lex["parts"]
        self.deixis: dict[str, str] = lex["deixis"]
        self.suffixes: dict[str, str] = lex["day_month_suffixes"]
        self.vague: dict[str, str] = lex["vague"]
        self.sets: dict[str, dict[str, str]] = lex["sets"]
        self.freq_words: dict[str, int] = lex["set_frequency_words"]
        self.not_year_after = re.compile(
            rf"{S}?(?:{'|'.join(re.escape(w) for w in lex['not_a_year_after'])})(?!\w)", re.I
        )
        self.coordinated = {c.lower() for c in lex["coordinated_year_cues"]}
        self.cue_required = {
            " ".join(n.lower().split()) for n in self.conv.data["event_cues_required"]["names"]
        }
        self.bij_only = {
            " ".join(n.lower().split()) for n in self.conv.data["event_cues_required"]["bij_only"]
        }
        self.recess_words = {w.lower() for w in lex["recess_modifier_words"]}
        self.modifiers = {self._norm(m["phrase"]): self._modifier(m) for m in lex["modifiers"]}
        self.event_modifiers = {
            self._norm(m["phrase"]): self._modifier(m, events_only=True)
            for m in lex["event_modifiers"]
        }
        self.modifier_re = modifier_regex([*self.modifiers, *self.event_modifiers])
        self.past_re = words_regex(lex["tense"]["past"])
        self.future_re = words_regex(lex["tense"]["future"])

    @staticmethod
    def _norm(text: str) -> str:
        return " ".join(text.lower().split())

    @staticmethod
    def _modifier(m: dict[str, Any], events_only: bool = False) -> Modifier:
        return Modifier(
            phrase=m["phrase"],
            mod=m.get("mod"),
            deadline=bool(m.get("deadline")),
            past=bool(m.get("past")),
            only_before=tuple(m.get("only_before", ())),
            events_only=events_only,
        )

    # --- public ---------------------------------------------------------------

    def find(self, text: str, doc_date: dt.date | None) -> list[Timex]:
        cores = self._select(self._candidates(text))
        cores = self._coordinate_ranges(text, cores)
        found: list[Timex] = []
        for core in cores:
            timex = self._finish(text, core, doc_date)
            if timex is not None:
                found.append(timex)
        return found

    # --- pass 1: cores --------------------------------------------------------

    def _candidates(self, text: str) -> list[Core]:
        out: list[Core] = []
        for pattern in self.patterns:
            handler = getattr(self, f"_h_{pattern.name}")
            for m in pattern.regex.finditer(text):
                core = handler(m, text)
                if core is not None:
                    core.rule, core.priority = pattern.name, pattern.priority
                    out.append(core)
        return out

    @staticmethod
    def _select(cands: list[Core]) -> list[Core]:
        """The longest candidates first (then priority, position), each kept if it overlaps
        none kept before. The kept ones never overlap, so in (start, end) order their ends
        are in order too and a clash is found by bisection."""
        cands.sort(key=lambda c: (-(c.end - c.start), c.priority, c.start))
        taken: list[Core] = []
        keys: list[tuple[int, int]] = []  # (start, end) of the kept, sorted
        ends: list[int] = []  # their ends, in the same order (also sorted)
        for c in cands:
            # kept t with t.end > c.start and t.start < c.end would overlap c
            if bisect_right(ends, c.start) >= bisect_left(keys, (c.end,)):
                taken.append(c)
                n = bisect_left(keys, (c.start, c.end))
                keys.insert(n, (c.start, c.end))
                ends.insert(n, c.end)
        return sorted(taken, key=lambda c: c.start)

    def _core(self, m: re.Match[str], category: str, start: int | None = None, **kw: Any) -> Core:
        return Core(m.start() if start is None else start, m.end(), "", 0, category, **kw)

    def _month_no(self, word: str) -> int:
        return int(self.months[word.lower().rstrip(".")])

    def _year_offset(self, m: re.Match[str]) -> int | None:
        ydx = m.groupdict().get("ydx")
        return _YDX_OFFSET[ydx.lower()] if ydx else None

    def _part(self, m: re.Match[str]) -> str | None:
        part = m.groupdict().get("part")
        if part:
            return self.parts[self._norm(part)]
        if m.groupdict().get("half"):
            return "MID"
        return None

    def _point(
        self, m: re.Match[str], make: Callable[[int], Period | None], xvalue: str, **kw: Any
    ) -> Core | None:
        """A point core: fixed when the match names a year, else resolved later."""
        part = kw.pop("part", None)
        year = m.groupdict().get("year")
        if year:
            fixed = make(int(year))
            if fixed is None:
                return None
            if part:
                fixed = self.conv.part(fixed, part)
            return self._core(m, "point", fixed=fixed, part=part, **kw)
        if part:
            inner = make

            def make(y: int) -> Period | None:
                p = inner(y)
                return self.conv.part(p, part) if p else None

        return self._core(
            m, "point", make=make, xvalue=xvalue, part=part, year_offset=self._year_offset(m), **kw
        )

    def _h_date_text(self, m: re.Match[str], text: str) -> Core | None:
        mon, d = self._month_no(m["mon"]), int(m["day"])
        if not 1 <= d <= 31:
            return None

        def make(y: int) -> Period | None:
            try:
                return periods.day(dt.date(y, mon, d))
            except ValueError:
                return None

        policy = None
        if m.groupdict().get("sfx"):
            policy = (
                cv.PAST_OR_CURRENT
                if self.suffixes[self._norm(m["sfx"])] == "PAST"
                else cv.NEXT_OR_CURRENT
            )
        return self._point(m, make, f"XXXX-{mon:02d}-{d:02d}", policy=policy, day_month=True)

    def _h_day_coord(self, m: re.Match[str], text: str) -> Core | None:
        core = self._h_date_text(m, text)
        if core is not None:
            core.end = m.end("day")
        return core

    def _h_date_numeric(self, m: re.Match[str], text: str) -> Core | None:
        return self._fixed_date(m, int(m["year"]), int(m["mon"]), int(m["day"]))

    def _h_date_iso(self, m: re.Match[str], text: str) -> Core | None:
        return self._fixed_date(m, int(m["year"]), int(m["mon"]), int(m["day"]))

    def _fixed_date(self, m: re.Match[str], y: int, mon: int, d: int) -> Core | None:
        try:
            return self._core(m, "point", fixed=periods.day(dt.date(y, mon, d)))
        except ValueError:
            return None

    def _h_day_range(self, m: re.Match[str], text: str) -> Core | None:
        mon, d1, d2 = self._month_no(m["mon"]), int(m["d1"]), int(m["d2"])
        if not 1 <= d1 < d2 <= 31 or (not m["pre"] and self._norm(m["j"]) in ("en", "tot")):
            return None
        exclusive = self._norm(m["j"]) == "tot"

        def side(d: int) -> Callable[[int], Period | None]:
            def make(y: int) -> Period | None:
                try:
                    return periods.day(dt.date(y, mon, d))
                except ValueError:
                    return None

            return make

        left = self._point(m, side(d1), f"XXXX-{mon:02d}-{d1:02d}", day_month=True)
        right = self._point(m, side(d2), f"XXXX-{mon:02d}-{d2:02d}", day_month=True)
        if left is None or right is None:
            return None
        return self._core(m, "range", left=left, right=right, exclusive=exclusive)

    def _h_month(self, m: re.Match[str], text: str) -> Core | None:
        mon = self._month_no(m["mon"])
        bare = not (m["part"] or m["half"] or m["dx"] or m["year"] or m["sfx"] or m["ydx"])
        if bare and m["mon"][0].isupper() and not _ends_with(_SENTENCE_OPENING, text, m.start(), 1):
            return None  # "Mei Li Vos": Dutch month names are lower case mid-sentence
        policy = None
        if m["dx"]:
            policy = self.deixis[self._norm(m["dx"])]
        if m["sfx"]:
            policy = (
                cv.PAST_OR_CURRENT
                if self.suffixes[self._norm(m["sfx"])] == "PAST"
                else cv.NEXT_OR_CURRENT
            )
        return self._point(
            m, lambda y: periods.month(y, mon), f"XXXX-{mon:02d}", policy=policy, part=self._part(m)
        )

    def _h_year(self, m: re.Match[str], text: str) -> Core | None:
        cue = self._norm(m["cue"] or "")
        if self.not_year_after.match(text, m.end()):
            return None
        if cue in self.coordinated and not _ends_with(_YEAR_BEFORE, text, m.start(), 4):
            return None  # "en 2050" only after another year: "in 2030 en 2050"
        y, part = int(m["year"]), self._part(m)
        fixed = periods.year(y)
        if part:
            fixed = self.conv.part(fixed, part)
        start = m.start("part") if m["part"] else m.start("year")
        return self._core(m, "point", start=start, fixed=fixed, part=part)

    def _h_year_range(self, m: re.Match[str], text: str) -> Core | None:
        y1, y2 = int(m["y1"]), int(m["y2"])
        if not 0 < y2 - y1 <= self.conv.year_range_max_span:
            return None
        if _VERGADERJAAR.search(text[max(0, m.start() - 20) : m.start()]):
            return None  # the session "vergaderjaar 2017–2018" is not a period of the text
        left = self._core(m, "point", fixed=periods.year(y1))
        right = self._core(m, "point", fixed=periods.year(y2))
        return self._core(m, "range", left=left, right=right)

    def _quarter(self, m: re.Match[str], q: int) -> Core | None:
        if not 1 <= q <= 4:
            return None
        return self._point(m, lambda y: periods.quarter(y, q), f"XXXX-Q{q}", part=self._part(m))

    def _h_quarter(self, m: re.Match[str], text: str) -> Core | None:
        q = self.ordinals[self._norm(m["ord"])]
        return self._quarter(m, 4 if q == -1 else q)

    def _h_quarter_q(self, m: re.Match[str], text: str) -> Core | None:
        if m.group(0)[m.start("q") - m.start() - 1] != "Q":
            return None  # "q3" in running text is not a quarter
        return self._quarter(m, int(m["q"]))

    def _h_year_quarter(self, m: re.Match[str], text: str) -> Core | None:
        return self._quarter(m, int(m["q"]))

    def _half(self, m: re.Match[str], h: int) -> Core | None:
        if h not in (1, 2):
            return None
        return self._point(m, lambda y: periods.half(y, h), f"XXXX-H{h}", part=self._part(m))

    def _h_half(self, m: re.Match[str], text: str) -> Core | None:
        if self._norm(m["h"]) == "helft" and not (m["year"] or m["ydx"]):
            return None  # "de tweede helft" of what?
        h = self.ordinals[self._norm(m["ord"])]
        return self._half(m, 2 if h == -1 else h)

    def _h_half_h(self, m: re.Match[str], text: str) -> Core | None:
        return self._half(m, int(m["h"])) if "H" in m.group(0) else None

    def _h_year_half(self, m: re.Match[str], text: str) -> Core | None:
        return self._half(m, int(m["h"])) if "H" in m.group(0) else None

    def _h_week(self, m: re.Match[str], text: str) -> Core | None:
        w = int(m["w"])
        if not 1 <= w <= 53:
            return None
        return self._point(m, lambda y: periods.week(y, w), f"XXXX-W{w:02d}", part=self._part(m))

    def _h_iso_week(self, m: re.Match[str], text: str) -> Core | None:
        fixed = periods.week(int(m["year"]), int(m["w"]))
        return self._core(m, "point", fixed=fixed) if fixed else None

    def _h_season(self, m: re.Match[str], text: str) -> Core | None:
        if not (m["det"] or m["year"] or m["part"] or m["ydx"]):
            return None
        code = self.seasons[m["season"].lower()]
        policy = self.deixis.get(self._norm(m["det"] or ""))
        core = self._point(
            m,
            lambda y: self.conv.season(y, code),
            f"XXXX-{code}",
            policy=policy,
            part=self._part(m),
        )
        if core is not None and code == "SU" and not core.part:
            core.summer = True
            core.summer_year = int(m["year"]) if m["year"] else None
        return core

    def _h_recess(self, m: re.Match[str], text: str) -> Core | None:
        name = self.recess_names[m["name"].lower()]
        policy = self.deixis.get(self._norm(m["det"] or ""))
        spec = self.conv.recesses[name]
        xvalue = f"XXXX-{spec['season']}" if spec.get("season") else "XXXX-XX-XX"
        return self._point(m, lambda y: self.conv.recess(name, y), xvalue, policy=policy)

    def _h_event(self, m: re.Match[str], text: str) -> Core | None:
        name = self._norm(m["name"])
        key = self.event_names[next(n for n in self.event_names if self._norm(n) == name)]
        spec = self.conv.events[key]
        offset = int(spec.get("year_offset", 0))
        if name in self.bij_only and _YEAR_AFTER.match(text, m.end("name")):
            return None  # "bij de ontwerpbegroting 2017" names the document
        if m["year"]:
            core = self._core(
                m,
                "point",
                fixed=self.conv.event(key, int(m["year"]) + offset),
                needs_cue=name in self.cue_required,
            )
        else:
            core = self._core(
                m,
                "point",
                make=lambda y: self.conv.event(key, y),
                xvalue="XXXX-XX-XX",
                policy=spec.get("choice"),
                needs_cue=name in self.cue_required,
            )
        if name in self.bij_only:
            core.extra["bij_only"] = True
        return core

    def _h_relative(self, m: re.Match[str], text: str) -> Core | None:
        dx = self._norm(m["dx"])
        part = self._part(m)
        if dx in ("het", "de"):
            if not part:
                return None  # "het jaar" alone is no date; "eind van het jaar" is this year
            offset = 0
        else:
            offset = _DEIXIS_SHIFT[self.deixis[dx]]
        grain = _UNIT_GRAIN[m["unit"].lower()]
        xvalue = {
            "year": "XXXX",
            "month": "XXXX-XX",
            "week": "XXXX-WXX",
            "quarter": "XXXX-QX",
            "half": "XXXX-HX",
        }
        return self._core(m, "point", shift=(grain, offset), part=part, xvalue=xvalue[grain])

    def _h_day_word(self, m: re.Match[str], text: str) -> Core | None:
        offset = {"vandaag": 0, "morgen": 1, "overmorgen": 2, "gisteren": -1, "eergisteren": -2}
        return self._core(m, "point", shift=("day", offset[m["w"].lower()]), xvalue="XXXX-XX-XX")

    def _h_weekday(self, m: re.Match[str], text: str) -> Core | None:
        wd = self.weekdays[(m["wd"] or m["wd2"]).lower()]
        if m["dx"]:
            past = self._norm(m["dx"]) in ("afgelopen", "vorige")
        else:
            past = self.suffixes[self._norm(m["sfx"])] == "PAST"
        core = self._core(m, "point", xvalue="XXXX-XX-XX")
        core.extra["weekday"] = (wd, past)
        return core

    def _amount(self, n: str | None, unit_word: str) -> tuple[int, str] | None:
        unit = self.units[self._norm(unit_word)]
        count: float = 1.0
        if n:
            count = float(n) if n.isdigit() else float(self.numbers[self._norm(n)])
        months_per = {"Q": 3, "H": 6, "Y": 12, "M": 1}
        if unit in months_per:
            months = count * months_per[unit]
            if months == int(months):
                months = int(months)
                return (months // 12, "Y") if unit == "Y" and months % 12 == 0 else (months, "M")
            return (round(months * 30), "D") if months < 1 else None
        days_per = {"W": 7, "D": 1}[unit]
        if count == int(count):
            return int(count), unit
        return round(count * days_per), "D"

    def _h_duration(self, m: re.Match[str], text: str) -> Core | None:
        cue = self._norm(m["cue"])
        unit_word = self._norm(m["unit"])
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
        amount = self._amount(m["n"], unit_word)
        if amount is None:
            return None
        core = self._core(m, "duration", amount=amount, cue=cue, value=f"P{amount[0]}{amount[1]}")
        if m["lang"]:
            core.cue = "gedurende"
        if cue == "binnen" and _EVENT_ANCHOR_AFTER.match(text, m.end()):
            core.event_anchored = True  # "binnen drie maanden na inwerkingtreding"
        return core

    def _h_duration_lang(self, m: re.Match[str], text: str) -> Core | None:
        amount = self._amount(m["n"], m["unit"])
        if amount is None:
            return None
        return self._core(
            m, "duration", amount=amount, cue="gedurende", value=f"P{amount[0]}{amount[1]}"
        )

    def _h_vague(self, m: re.Match[str], text: str) -> Core | None:
        key = self.vague[self._norm(m["phrase"])]
        spec = self.conv.vague[key]
        return self._core(m, "vague", value=spec["value"], window=spec["window"])

    def _h_set(self, m: re.Match[str], text: str) -> Core | None:
        spec = self.sets[self._norm(m["phrase"])]
        return self._core(m, "set", value=spec["value"])

    def _h_set_freq(self, m: re.Match[str], text: str) -> Core | None:
        unit = {"jaar": "P1Y", "maand": "P1M", "week": "P1W", "kwartaal": "P3M", "dag": "P1D"}
        n = self.freq_words[self._norm(m["f"])]
        return self._core(m, "set", value=unit[m["unit"].lower()], freq=f"{n}X")

    # --- pass 2: ranges -------------------------------------------------------

    def _coordinate_ranges(self, text: str, cores: list[Core]) -> list[Core]:
        """'tussen X en Y', 'van X tot (en met) Y', 'X t/m Y': one range from two points."""
        out: list[Core] = []
        i = 0
        while i < len(cores):
            a = cores[i]
            b = cores[i + 1] if i + 1 < len(cores) else None
            if b is not None and a.category == "point" and b.category == "point":
                joined = self._join(text, a, b)
                if joined is not None:
                    out.append(joined)
                    i += 2
                    continue
            out.append(a)
            i += 1
        return out

    def _join(self, text: str, a: Core, b: Core) -> Core | None:
        between = self._norm(text[a.end : b.start])
        before = text[max(0, a.start - 12) : a.start]
        pre = re.search(r"(?<!\w)(tussen|van|vanaf)" + S + r"\Z", before, re.I)
        if between == "en":
            if not pre or pre.group(1).lower() != "tussen":
                return None
        elif between in ("tot", "t/m", "tot en met", "-", "\u2013", "\u2014"):
            if between in ("-", "\u2013", "\u2014") and not pre:
                return None
        else:
            return None
        start = pre.start() + max(0, a.start - 12) if pre else a.start
        return Core(start, b.end, "range", 5, "range", left=a, right=b, exclusive=between == "tot")

    # --- pass 3: modifiers and resolution --------------------------------------

    def _modifier_before(self, text: str, core: Core) -> tuple[int, Modifier] | None:
        window_start = max(0, core.start - 40)
        m = self.modifier_re.search(text[window_start : core.start])
        if not m:
            return None
        phrase = self._norm(m["mod"])
        mod = self.modifiers.get(phrase) or self.event_modifiers[phrase]
        if mod.events_only and core.rule != "event":
            return None
        if core.extra.get("bij_only") and not mod.events_only:
            return None  # "middelen voor de begroting" is no date; "bij de begroting" is
        if mod.only_before and not self._norm(text[core.start : core.end]).startswith(
            mod.only_before
        ):
            return None
        return window_start + m.start("mod"), mod

    def _tense(self, text: str, start: int, end: int) -> str | None:
        """'past' or 'future' from the verb nearest the expression in its clause, or None."""
        lo = max(0, start - 160)
        breaks = list(_CLAUSE_BREAK.finditer(text, lo, start))
        lo = breaks[-1].end() if breaks else lo
        nxt = _CLAUSE_BREAK.search(text, end, min(len(text), end + 160))
        hi = nxt.start() + 1 if nxt else min(len(text), end + 160)
        best: tuple[int, str] | None = None
        for regex, label in ((self.past_re, "past"), (self.future_re, "future")):
            for w in regex.finditer(text, lo, hi):
                if start <= w.start() < end:
                    continue
                distance = start - w.end() if w.end() <= start else w.start() - end
                if best is None or distance < best[0]:
                    best = (distance, label)
        return best[1] if best else None

    def _policy(self, text: str, core: Core, mod: Modifier | None) -> str:
        if core.policy:
            return core.policy
        if mod is not None and mod.past:
            return cv.PAST_OR_CURRENT
        if mod is not None and mod.mod == "BEFORE":
            return cv.NEXT  # "voor 1 december" written on 1 December is next year's
        if mod is not None and (mod.deadline or mod.mod == "AFTER"):
            return self.conv.year_choice["after_deadline_or_after_modifier"]
        tense = self._tense(text, core.start, core.end)
        if tense == "past":
            return self.conv.year_choice["past_tense"]
        if tense == "future":
            return self.conv.year_choice["future_tense"]
        return self.conv.year_choice["day_month" if core.day_month else "other"]

    def _resolve(self, core: Core, doc_date: dt.date | None, policy: str) -> Period | None:
        if core.fixed is not None:
            return core.fixed
        if doc_date is None:
            return None
        if core.shift is not None:
            p = periods.shift_unit(doc_date, *core.shift)
            return self.conv.part(p, core.part) if core.part else p
        if "weekday" in core.extra:
            wd, past = core.extra["weekday"]
            delta = (wd - doc_date.weekday()) % 7
            if past:
                return periods.day(doc_date - dt.timedelta(days=(doc_date.weekday() - wd) % 7 or 7))
            return periods.day(doc_date + dt.timedelta(days=delta or 7))
        if core.make is None:
            return None
        if core.year_offset is not None:
            return core.make(doc_date.year + core.year_offset)
        return self.conv.choose(core.make, doc_date, policy)

    def _finish(self, text: str, core: Core, doc_date: dt.date | None) -> Timex | None:
        if core.category == "range":
            return self._finish_range(text, core, doc_date)
        if core.category == "duration":
            return self._finish_duration(text, core, doc_date)
        if core.category == "vague":
            return self._finish_vague(text, core, doc_date)
        if core.category == "set":
            extra = (("freq", core.freq),) if core.freq else ()
            return self._timex(text, core.start, core.end, "set", core.value or "", extra=extra)
        return self._finish_point(text, core, doc_date)

    def _timex(self, text: str, start: int, end: int, kind: str, value: str, **kw: Any) -> Timex:
        return Timex(start, end, text[start:end], kind, value, **kw)

    def _finish_point(self, text: str, core: Core, doc_date: dt.date | None) -> Timex | None:
        found = self._modifier_before(text, core)
        start, mod = found if found else (core.start, None)
        if core.needs_cue and mod is None:
            return None  # "in de Voorjaarsnota" is the document, not a date
        if (
            core.summer
            and mod is not None
            and mod.mod in ("BEFORE", "AFTER")
            and mod.phrase.split()[-1].lower() in self.recess_words
        ):
            # "voor de zomer", "na de zomer": the summer recess of the Tweede Kamer
            summer_year = core.summer_year
            if summer_year is not None:
                core = replace(core, fixed=self.conv.recess("zomerreces", summer_year), make=None)
            else:
                core = replace(core, make=lambda y: self.conv.recess("zomerreces", y), fixed=None)
        policy = self._policy(text, core, mod)
        period = self._resolve(core, doc_date, policy)
        relation = mod.mod if mod else None
        deadline = bool(mod and mod.deadline)
        extra: list[tuple[str, Any]] = []
        if relation and core.part:
            extra.append(("part", core.part))
        kind = "deadline" if deadline else "date"
        due = None
        if deadline and period is not None:
            if relation == "BEFORE" and not (core.part == "END" and self.conv.before_end_is_by_end):
                due = (period.first - dt.timedelta(days=1)).isoformat()
            else:
                due = period.last.isoformat()
        return Timex(
            start,
            core.end,
            text[start : core.end],
            kind,
            period.value if period else core.xvalue,
            mod=relation or core.part,
            interval=period.interval if period else None,
            due=due,
            anchored=not (core.relative and doc_date is None),
            extra=tuple(extra),
        )

    def _finish_duration(self, text: str, core: Core, doc_date: dt.date | None) -> Timex:
        assert core.amount is not None and core.value is not None
        amount, unit = core.amount
        start = core.start
        if core.cue_kind == "within":
            m = re.search(r"(?<!\w)uiterlijk" + S + r"\Z", text[max(0, start - 16) : start], re.I)
            if m:
                start = max(0, start - 16) + m.start()
        extra: tuple[tuple[str, Any], ...] = ()
        if core.event_anchored:
            extra = (("anchor", "event"),)
        kind, interval, due, value = "duration", None, None, core.value
        if doc_date is not None and not core.event_anchored:
            later = periods.add_duration(doc_date, amount, unit)
            if core.cue_kind == "within":
                kind, interval, due = (
                    "deadline",
                    (doc_date.isoformat(), later.isoformat()),
                    later.isoformat(),
                )
            elif core.cue_kind == "coming":
                interval = (doc_date.isoformat(), later.isoformat())
            elif core.cue_kind == "past":
                earlier = periods.add_duration(doc_date, amount, unit, sign=-1)
                interval = (earlier.isoformat(), doc_date.isoformat())
            elif core.cue_kind == "after":
                kind, value, interval = (
                    "date",
                    later.isoformat(),
                    (later.isoformat(), later.isoformat()),
                )
        elif core.cue_kind == "within" and not core.event_anchored:
            kind = "deadline"
        elif core.cue_kind == "after":
            kind, value = "date", "XXXX-XX-XX"
        return self._timex(
            text,
            start,
            core.end,
            kind,
            value,
            interval=interval,
            due=due,
            anchored=not (core.relative and doc_date is None),
            extra=extra,
        )

    def _finish_vague(self, text: str, core: Core, doc_date: dt.date | None) -> Timex:
        interval = None
        extra: tuple[tuple[str, Any], ...] = ()
        if core.window:
            extra = (("window", core.window),)
            if doc_date is not None:
                amount, unit = periods.parse_duration(core.window)
                if core.value == "PAST_REF":
                    interval = (
                        periods.add_duration(doc_date, amount, unit, -1).isoformat(),
                        doc_date.isoformat(),
                    )
                else:
                    interval = (
                        doc_date.isoformat(),
                        periods.add_duration(doc_date, amount, unit).isoformat(),
                    )
        return self._timex(
            text,
            core.start,
            core.end,
            "vague",
            core.value or "FUTURE_REF",
            interval=interval,
            anchored=doc_date is not None,
            extra=extra,
        )

    def _finish_range(self, text: str, core: Core, doc_date: dt.date | None) -> Timex:
        left, right = core.left, core.right
        assert left is not None and right is not None
        policy = self._policy(text, right, None)
        rp = self._resolve(right, doc_date, policy)
        lp: Period | None
        if left.fixed is None and left.make is not None and rp is not None:
            # "van januari tot en met maart 2024": the left side takes the right side's year
            lp = left.make(rp.first.year)
            if lp is not None and lp.first > rp.first:
                lp = left.make(rp.first.year - 1)
        else:
            lp = self._resolve(left, doc_date, self._policy(text, left, None))
        if lp is None or rp is None:
            return self._timex(
                text,
                core.start,
                core.end,
                "duration",
                f"{left.xvalue}/{right.xvalue}",
                anchored=False,
            )
        last = rp.first - dt.timedelta(days=1) if core.exclusive else rp.last
        return self._timex(
            text,
            core.start,
            core.end,
            "duration",
            f"{lp.value}/{rp.value}",
            interval=(lp.first.isoformat(), last.isoformat()),
            anchored=True,
        )


@cache
def _finder(resources: TemporalResources) -> TimexFinder:
    return TimexFinder(resources)


def find_timexes(
    text: str, *, doc_date: dt.date | None, resources: TemporalResources | None = None
) -> list[Timex]:
    """All time expressions in ``text``, normalised against ``doc_date`` (may be None).

    >>> [t.value for t in find_timexes("uiterlijk aanstaande zomer", doc_date=dt.date(2018, 2, 14))]
    ['2018-SU']
    """
    return _finder(resources or TemporalResources.default()).find(text, doc_date)
