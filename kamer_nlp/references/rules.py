"""The reference patterns and abbreviations, loaded from data files.

``kamer_nlp/resources/references/patterns.toml`` holds the regexes (with
``{{fragment}}`` and ``{{list:section}}`` placeholders) and
``abbreviations.toml`` the word lists they draw on; the month names and the fragments of
the id grammar (``{{dossier_number}}``, ``{{toevoeging_code}}``, …) come from the language
layer (:mod:`kamer_nlp.lang`). :class:`ReferenceRules`
keeps the raw texts (so a component can persist exactly what it ran with) and
the compiled patterns.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

from kamer_nlp.lang import ids
from kamer_nlp.lang.words import calendar

PATTERNS_FILE = "patterns.toml"
ABBREVIATIONS_FILE = "abbreviations.toml"

_PLACEHOLDER = re.compile(r"\{\{(?:(list|ilist):)?([A-Za-z_][\w]*)\}\}")
_WS = r"(?:[ \t\u00a0]*\n[ \t\u00a0]*|[ \t\u00a0]+)"


@dataclass(frozen=True)
class Pattern:
    name: str
    type: str
    regex: re.Pattern[str]


@dataclass(frozen=True)
class ReferenceRules:
    """Compiled patterns plus the lookup tables (kamer, months, EU act letters, …)."""

    patterns_text: str
    abbreviations_text: str
    patterns: tuple[Pattern, ...] = field(init=False)
    tables: dict[str, dict[str, Any]] = field(init=False)
    #: a number whose dossier the document gives elsewhere ("op stuk nr. 204"); group ``nr``
    context_number: re.Pattern[str] = field(init=False)

    def __post_init__(self) -> None:
        abbreviations = tomllib.loads(self.abbreviations_text)
        tables = {k: v for k, v in abbreviations.items() if isinstance(v, dict)}
        tables.setdefault("months", language_months())
        data = tomllib.loads(self.patterns_text)
        fragments: dict[str, str] = {**ids.FRAGMENTS, **data.get("fragments", {})}
        compiled = tuple(
            Pattern(
                name=str(p["name"]),
                type=str(p["type"]),
                regex=re.compile(_expand(p["regex"], fragments, tables), re.VERBOSE),
            )
            for p in data.get("pattern", [])
        )
        object.__setattr__(self, "tables", tables)
        object.__setattr__(self, "patterns", compiled)
        context = data.get("context", {}).get("number", "(?!x)x")  # none: matches nothing
        object.__setattr__(
            self, "context_number", re.compile(_expand(context, fragments, tables), re.VERBOSE)
        )

    def lookup(self, table: str, key: str, *, casefold: bool = False) -> Any:
        """``tables[table][key]`` with whitespace normalised (and case folded if asked); None if absent."""
        key = " ".join(key.split())
        entries = self.tables.get(table, {})
        if key in entries:
            return entries[key]
        if casefold:
            folded = key.casefold()
            for k, v in entries.items():
                if k.casefold() == folded:
                    return v
        return None

    @classmethod
    def default(cls) -> ReferenceRules:
        return _default_rules()


def language_months() -> dict[str, int]:
    """The ``months`` table from the language layer: the month names and the abbreviations
    with their dot ("feb."), as the patterns want them (an abbreviations file that has its own
    ``[months]`` section keeps it)."""
    cal = calendar()
    return {**cal.months, **{f"{abbr}.": n for abbr, n in cal.month_abbreviations.items()}}


@cache
def _default_rules() -> ReferenceRules:
    return ReferenceRules(read_resource(PATTERNS_FILE), read_resource(ABBREVIATIONS_FILE))


def read_resource(name: str) -> str:
    return (
        resources.files("kamer_nlp.resources")
        .joinpath("references", name)
        .read_text(encoding="utf-8")
    )


def _alternation(keys: list[str]) -> str:
    # Longest first so "II" wins over "I"; the words of a key may be separated by any {{ws}}.
    words = [_WS.join(re.escape(w) for w in k.split()) for k in sorted(keys, key=len, reverse=True)]
    return "(?:" + "|".join(words) + ")"


def _expand(regex: str, fragments: dict[str, str], tables: dict[str, dict[str, Any]]) -> str:
    def replace(m: re.Match[str], depth: int) -> str:
        kind, name = m.group(1), m.group(2)
        if kind:
            if name not in tables:
                raise KeyError(f"unknown abbreviation section {name!r} in reference patterns")
            alternation = _alternation(list(tables[name]))
            return f"(?i:{alternation})" if kind == "ilist" else alternation
        if name not in fragments:
            raise KeyError(f"unknown fragment {name!r} in reference patterns")
        # Wrapped so that a quantifier after the placeholder applies to the whole fragment.
        return "(?:" + expand(fragments[name], depth + 1) + ")"

    def expand(text: str, depth: int) -> str:
        if depth > 20:
            raise ValueError("reference pattern fragments nest too deeply (a cycle?)")
        return _PLACEHOLDER.sub(lambda m: replace(m, depth), text)

    return expand(regex, 0)
