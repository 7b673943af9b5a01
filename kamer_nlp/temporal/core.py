"""The finder's working values: a *core* (a candidate expression before modifiers and
resolution), a *modifier*, and the small text tests the passes share."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from kamer_nlp.temporal.periods import Period

PAST_CUES = ("de afgelopen", "het afgelopen", "de laatste", "de achterliggende")
COMING_CUES = ("de komende", "het komende", "de eerstkomende", "de eerstvolgende")
EVENT_ANCHOR_AFTER = re.compile(
    r"\s*(?:na|nadat|vanaf|van|sinds|volgend\s+op|te\s+rekenen)(?!\w)", re.I
)
CLAUSE_BREAK = re.compile(r"[.;:!?]\s|\n\s*\n")
VERGADERJAAR = re.compile(r"(?:vergader|zittings)jaar\s*\Z", re.I)
# what the text before a match ends with (searched with endpos = the match's start)
SENTENCE_OPENING = re.compile(r"(?:^|[.!?:]\s*|\n\s*)\Z")  # the match opens a sentence
YEAR_BEFORE = re.compile(r"(?<!\w)(?:19|20)\d\d\s*\Z")  # "in 2030 en 2050"
YEAR_AFTER = re.compile(r"\s+(?:19|20)\d\d")  # "bij de ontwerpbegroting 2017"


def norm(text: str) -> str:
    """Lower case, whitespace runs (line breaks too) as one space."""
    return " ".join(text.lower().split())


def trailing_space_start(text: str, pos: int) -> int:
    """Where the run of whitespace (``\\s``) that ends at ``pos`` starts (``pos`` if none)."""
    while pos > 0 and text[pos - 1].isspace():
        pos -= 1
    return pos


def ends_with(pattern: re.Pattern[str], text: str, pos: int, reach: int) -> bool:
    """``pattern.search(text[:pos])`` for a pattern anchored at the end (``\\Z``) whose match
    starts at most ``reach`` characters before the trailing whitespace: only that tail of the
    text is searched (a prefix copied and searched per match is quadratic in the length)."""
    lo = max(0, trailing_space_start(text, pos) - reach)
    return pattern.search(text, lo, pos) is not None


@dataclass(frozen=True)
class Modifier:
    """A phrase before a core that relates the action to it ("uiterlijk", "voor", "na")."""

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
    recess: str | None = None  # the recess the core names (conventions "recesses")
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
    # weekdays: (0 = maandag … 6, looking back); budget events read only after bij/met/tijdens
    weekday: tuple[int, bool] | None = None
    bij_only: bool = False

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
        cue = norm(self.cue or "")
        if cue == "binnen":
            return "within"
        if cue == "over":
            return "after"
        if cue in PAST_CUES:
            return "past"
        if cue in COMING_CUES:
            return "coming"
        return "plain"


def span_of(m: re.Match[str], start: int | None = None) -> tuple[int, int]:
    """The extent of a core found by ``m`` (from ``start`` when the core begins later)."""
    return (m.start() if start is None else start, m.end())
