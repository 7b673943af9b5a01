"""The temporal data files (kamer_nlp/resources/temporal/): lexicon and calendar conventions.

The lexicon seen by the finder is the language layer's calendar words (month names and
abbreviations, weekdays, ordinals: kamer_nlp/resources/lang/calendar.json) together with the
temporal lexicon.json; a section of lexicon.json with the same name adds its words to the
language layer's ("louwmaand": 1). A pipeline saved before the language layer has the same
words in its lexicon.json.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from kamer_nlp.lang.words import calendar

LEXICON_FILE = "lexicon.json"
CONVENTIONS_FILE = "conventions.json"
FILES = (LEXICON_FILE, CONVENTIONS_FILE)


@dataclass(frozen=True)
class TemporalResources:
    """The two data files as text; parsed on demand. Hashable, so grammars can be cached."""

    lexicon_text: str
    conventions_text: str

    @property
    def lexicon(self) -> dict[str, Any]:
        return _with_defaults(_with_calendar(self.lexicon_text), LEXICON_FILE)

    @property
    def conventions(self) -> dict[str, Any]:
        return _with_defaults(_parse(self.conventions_text), CONVENTIONS_FILE)

    @classmethod
    def default(cls) -> TemporalResources:
        return _default()

    @classmethod
    def from_dir(cls, path: str | Path) -> TemporalResources:
        path = Path(path)
        return cls(
            (path / LEXICON_FILE).read_text(encoding="utf-8"),
            (path / CONVENTIONS_FILE).read_text(encoding="utf-8"),
        )

    def to_dir(self, path: str | Path) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        (path / LEXICON_FILE).write_text(self.lexicon_text, encoding="utf-8")
        (path / CONVENTIONS_FILE).write_text(self.conventions_text, encoding="utf-8")


@cache
def _parse(text: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(text)
    return data


@cache
def _with_calendar(text: str) -> dict[str, object]:
    """The lexicon with the language layer's calendar words; a calendar section in the lexicon
    (``months``, ``weekdays``, …) adds words to the language layer's or renumbers them."""
    lexicon = _parse(text)
    merged: dict[str, object] = {**lexicon}
    for name, words in calendar().sections().items():
        extra = lexicon.get(name)
        merged[name] = {**words, **extra} if isinstance(extra, dict) else words
    return merged


def _with_defaults(data: dict[str, Any], name: str) -> dict[str, Any]:
    """``data`` with the package's sections it lacks: a pipeline saved before a section
    existed (``completion_cues``, ``due``, ``school_year`` …) loads with the package's."""
    default = _parse(_default_text(name))
    missing = {k: v for k, v in default.items() if k not in data}
    return {**data, **missing} if missing else data


@cache
def _default_text(name: str) -> str:
    return (
        resources.files("kamer_nlp.resources")
        .joinpath("temporal", name)
        .read_text(encoding="utf-8")
    )


@cache
def _default() -> TemporalResources:
    return TemporalResources(_default_text(LEXICON_FILE), _default_text(CONVENTIONS_FILE))
