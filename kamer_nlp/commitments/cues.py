"""Cue patterns for commitments, loaded from the versioned data file.

``resources/commitments/cues.json`` holds every pattern: *commitment* and *link*
cues make a sentence a candidate, *feature* cues only inform the classifier, and
*veto* cues inform it and rule the label "commitment" out (the operative words of
a motion, statute text, a committee's decision: never the government's promise).
A named group starting with ``agent`` marks the grammatical actor of the cue
("ik", "het kabinet", "de Minister van …"). *Derived* features combine cues
(a linear model cannot): one fires when any cue of ``any``, every cue of ``all``
and none of ``none`` matched ("a present-tense first-person verb with no future
cue at all"). A pattern may write ``{{months}}`` for the month names of the language layer
(kamer_nlp.lang: "januari|februari|…|december", no group).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

from kamer_nlp.lang.dates import month_alternation

CUES_RESOURCE = ("commitments", "cues.json")

COMMITMENT = "commitment"
LINK = "link"
FEATURE = "feature"
VETO = "veto"  # a feature that also rules "commitment" out (a motion's or a statute's text)
CUE_KINDS = (COMMITMENT, LINK, FEATURE, VETO)


@dataclass(frozen=True)
class Cue:
    id: str
    kind: str
    pattern: str
    case: bool = False

    def __post_init__(self) -> None:
        if self.kind not in CUE_KINDS:
            raise ValueError(f"cue {self.id!r}: unknown kind {self.kind!r}")

    @property
    def regex(self) -> re.Pattern[str]:
        return _compile(self.pattern, self.case)

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"id": self.id, "kind": self.kind, "pattern": self.pattern}
        if self.case:
            data["case"] = True
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Cue:
        return cls(data["id"], data["kind"], data["pattern"], bool(data.get("case", False)))


@dataclass(frozen=True)
class DerivedFeature:
    """A binary feature over cue ids: any of ``any``, all of ``all`` and none of ``none`` matched."""

    id: str
    any: tuple[str, ...]
    none: tuple[str, ...] = ()
    all: tuple[str, ...] = ()

    def fires(self, cue_ids: set[str]) -> bool:
        return (
            bool(cue_ids.intersection(self.any))
            and cue_ids.issuperset(self.all)
            and not cue_ids.intersection(self.none)
        )

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"id": self.id, "any": list(self.any), "none": list(self.none)}
        if self.all:
            data["all"] = list(self.all)
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> DerivedFeature:
        return cls(
            data["id"],
            tuple(data["any"]),
            tuple(data.get("none", ())),
            tuple(data.get("all", ())),
        )


@dataclass(frozen=True)
class CueMatch:
    cue_id: str
    kind: str
    start: int  # offsets relative to the matched text
    end: int
    agent: tuple[int, int] | None = None


_CACHE: dict[tuple[str, bool], re.Pattern[str]] = {}


MONTHS_PLACEHOLDER = "{{months}}"


def expand(pattern: str) -> str:
    """The pattern with ``{{months}}`` replaced by the month names (an alternation, no group)."""
    return pattern.replace(MONTHS_PLACEHOLDER, month_alternation())


def _compile(pattern: str, case: bool) -> re.Pattern[str]:
    key = (pattern, case)
    if key not in _CACHE:
        _CACHE[key] = re.compile(expand(pattern), 0 if case else re.IGNORECASE)
    return _CACHE[key]


@dataclass(frozen=True)
class CueSet:
    """All cue patterns plus the auxiliary patterns the structurer uses."""

    version: int
    cues: tuple[Cue, ...]
    meeting_pattern: str
    kamer_pattern: str
    clause_end_pattern: str
    target_pattern: str
    derived: tuple[DerivedFeature, ...] = ()
    description: str = field(default="", compare=False)

    def __post_init__(self) -> None:
        ids = [c.id for c in self.cues]
        known = set(ids)
        for d in self.derived:
            unknown = (set(d.any) | set(d.none) | set(d.all)) - known
            if unknown:
                raise ValueError(f"derived feature {d.id!r}: unknown cues {sorted(unknown)}")
        all_ids = ids + [d.id for d in self.derived]
        if len(set(all_ids)) != len(all_ids):
            raise ValueError("cue and derived feature ids must be unique")

    @classmethod
    def default(cls) -> CueSet:
        ref = resources.files("kamer_nlp.resources").joinpath(*CUES_RESOURCE)
        return cls.from_dict(json.loads(ref.read_text(encoding="utf-8")))

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> CueSet:
        return cls(
            version=int(data["version"]),
            cues=tuple(Cue.from_dict(c) for c in data["cues"]),
            meeting_pattern=data["meeting_pattern"],
            kamer_pattern=data["kamer_pattern"],
            clause_end_pattern=data["clause_end_pattern"],
            target_pattern=data["target_pattern"],
            derived=tuple(DerivedFeature.from_dict(d) for d in data.get("derived", ())),
            description=data.get("description", ""),
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "version": self.version,
            "description": self.description,
            "cues": [c.to_dict() for c in self.cues],
            "derived": [d.to_dict() for d in self.derived],
            "meeting_pattern": self.meeting_pattern,
            "kamer_pattern": self.kamer_pattern,
            "clause_end_pattern": self.clause_end_pattern,
            "target_pattern": self.target_pattern,
        }

    @property
    def feature_ids(self) -> tuple[str, ...]:
        """The classifier's binary features: every cue, then every derived feature."""
        return tuple(c.id for c in self.cues) + tuple(d.id for d in self.derived)

    @property
    def feature_names(self) -> tuple[str, ...]:
        return tuple(f"cue={i}" for i in self.feature_ids)

    def features(self, matches: list[CueMatch]) -> set[str]:
        """The binary features that fire for a sentence's cue matches."""
        ids = {m.cue_id for m in matches}
        return ids | {d.id for d in self.derived if d.fires(ids)}

    def match(self, text: str) -> list[CueMatch]:
        """Every cue match in ``text`` (offsets relative to ``text``)."""
        found: list[CueMatch] = []
        for cue in self.cues:
            for m in cue.regex.finditer(text):
                agent = None
                for name, value in m.groupdict().items():
                    if name.startswith("agent") and value:
                        agent = m.span(name)
                        break
                found.append(CueMatch(cue.id, cue.kind, m.start(), m.end(), agent))
        return found

    def is_candidate(self, matches: list[CueMatch]) -> bool:
        return any(m.kind in (COMMITMENT, LINK) for m in matches)

    def regex(self, name: str) -> re.Pattern[str]:
        """One of the auxiliary patterns (meeting, kamer, clause_end, target). Dates are read by
        the language layer (kamer_nlp.lang); a cue file's former ``date_pattern`` and ``months``
        are ignored."""
        pattern = getattr(self, f"{name}_pattern")
        case = name in ("meeting", "kamer")
        return _compile(pattern, case)
