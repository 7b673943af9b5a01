"""The Dutch calendar words (kamer_nlp/resources/lang/calendar.json), loaded once.

Month names and abbreviations, weekdays and ordinal words: what every stage that reads a
Dutch date needs (repair's metadata, references, commitments, temporal).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources

CALENDAR_FILE = "calendar.json"
SECTIONS = ("months", "month_abbreviations", "weekdays", "ordinals")


@dataclass(frozen=True)
class Calendar:
    """The word lists of calendar.json: lower-case word -> number.

    ``months`` and ``month_abbreviations`` give 1–12, ``weekdays`` 0 (maandag) – 6 (zondag),
    ``ordinals`` 1, 2, … ("eerste", "2e") and -1 for "laatste".
    """

    months: Mapping[str, int]
    month_abbreviations: Mapping[str, int]
    weekdays: Mapping[str, int]
    ordinals: Mapping[str, int]

    def month(self, word: str) -> int | None:
        """The number of a month name or abbreviation, any case, abbreviation with or
        without its dot ("Februari", "feb.", "sept"); None for another word."""
        key = word.strip().lower()
        found = self.months.get(key)
        if found is None:
            found = self.month_abbreviations.get(key.removesuffix("."))
        return found

    def sections(self) -> dict[str, dict[str, int]]:
        """The four lists as plain dicts (for a component's lexicon)."""
        return {
            "months": dict(self.months),
            "month_abbreviations": dict(self.month_abbreviations),
            "weekdays": dict(self.weekdays),
            "ordinals": dict(self.ordinals),
        }

    @classmethod
    def from_json(cls, text: str) -> Calendar:
        data: object = json.loads(text)
        if not isinstance(data, dict):
            raise ValueError(f"{CALENDAR_FILE}: expected an object")
        tables = [_int_table(data, name) for name in SECTIONS]
        return cls(*tables)


def _int_table(data: dict[str, object], name: str) -> dict[str, int]:
    table = data.get(name)
    if not isinstance(table, dict):
        raise ValueError(f"{CALENDAR_FILE}: section {name!r} missing")
    out: dict[str, int] = {}
    for key, value in table.items():
        if not isinstance(key, str) or not isinstance(value, int) or isinstance(value, bool):
            raise ValueError(f"{CALENDAR_FILE}: {name}.{key} must map a word to an integer")
        out[key.lower()] = value
    return out


def read_resource(name: str) -> str:
    return resources.files("kamer_nlp.resources").joinpath("lang", name).read_text(encoding="utf-8")


@cache
def calendar() -> Calendar:
    """The packaged calendar words (read and parsed once per process)."""
    return Calendar.from_json(read_resource(CALENDAR_FILE))
