"""Cue words (``resources/actors/cues.json``) and the name finders that use them.

Without a statistical model, people and organisations outside the gazetteer are found
after cue words: "de heer Van Weyenberg", "mevrouw Kat", "de leden X, Y en Z",
"motie Bontenbal/Grinwis", "Stichting Vluchtelingenwerk", "gemeente Den Haag".
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from importlib import resources
from typing import Any

from .gazetteer import RESOURCE_DIR, RESOURCE_PACKAGE
from .matching import Token, fold, tokenize

_INITIAL = re.compile(r"^[A-Z][a-z]?$")


@dataclass(frozen=True)
class Cues:
    """The cue lists, as loaded from ``cues.json`` (``data`` keeps the raw mapping)."""

    data: dict[str, Any]

    @classmethod
    def default(cls) -> Cues:
        return _default_cues()

    @classmethod
    def from_text(cls, text: str) -> Cues:
        return cls(json.loads(text))

    def to_text(self) -> str:
        return json.dumps(self.data, ensure_ascii=False, indent=2)

    @property
    def version(self) -> str:
        return str(self.data.get("version", "unversioned"))

    def words(self, key: str) -> frozenset[str]:
        return frozenset(w.lower() for w in self.data.get(key, []))

    def phrases(self, key: str) -> list[tuple[str, ...]]:
        """Multi-word cues as folded token tuples, longest first."""
        out = {tuple(t.text for t in tokenize(p)) for p in self.data.get(key, [])}
        return sorted(out, key=len, reverse=True)


@functools.cache
def _default_cues() -> Cues:
    path = resources.files(RESOURCE_PACKAGE).joinpath(RESOURCE_DIR).joinpath("cues.json")
    return Cues.from_text(path.read_text(encoding="utf-8"))


def match_phrase(tokens: Sequence[Token], i: int, phrase: tuple[str, ...], *, exact: bool) -> bool:
    """Whether ``phrase`` starts at token ``i`` (case-sensitive when ``exact``)."""
    if i + len(phrase) > len(tokens):
        return False
    for tok, word in zip(tokens[i : i + len(phrase)], phrase, strict=True):
        if (tok.text if exact else tok.key) != (word if exact else word.lower()):
            return False
    return True


class PhraseIndex:
    """Phrases (token tuples) by the key of their first token, in their list order.

    ``matches``/``first`` give what testing every phrase with :func:`match_phrase` at
    token ``i`` gives, in the same order, comparing only the phrases whose first word
    can be that token.
    """

    def __init__(self, phrases: Iterable[tuple[str, ...]]) -> None:
        self.phrases = list(phrases)
        self._by_first: dict[str, list[tuple[str, ...]]] = {}
        self._empty = [p for p in self.phrases if not p]  # match everywhere
        for phrase in self.phrases:
            if phrase:
                self._by_first.setdefault(phrase[0].lower(), []).append(phrase)

    def __len__(self) -> int:
        return len(self.phrases)

    def __iter__(self) -> Iterator[tuple[str, ...]]:
        return iter(self.phrases)

    def _candidates(self, tokens: Sequence[Token], i: int) -> list[tuple[str, ...]]:
        found = self._by_first.get(tokens[i].key, []) if i < len(tokens) else []
        if self._empty:  # keep the list order
            wanted = {id(p) for p in found} | {id(p) for p in self._empty}
            found = [p for p in self.phrases if id(p) in wanted]
        return found

    def matches(self, tokens: Sequence[Token], i: int, *, exact: bool) -> list[tuple[str, ...]]:
        """The phrases that start at token ``i``, in list order."""
        return [p for p in self._candidates(tokens, i) if match_phrase(tokens, i, p, exact=exact)]

    def first(self, tokens: Sequence[Token], i: int, *, exact: bool) -> tuple[str, ...] | None:
        """The first phrase in list order that starts at token ``i``."""
        for phrase in self._candidates(tokens, i):
            if match_phrase(tokens, i, phrase, exact=exact):
                return phrase
        return None


def _adjacent(a: Token, b: Token) -> bool:
    return a.end == b.start


def collect_name(
    tokens: Sequence[Token],
    i: int,
    cues: Cues,
    *,
    text: str,
    max_words: int = 6,
    conjunctions: bool = False,
) -> int:
    """End token index of a personal or organisation name starting at ``i`` (``i`` if none).

    A name is initials ("S.", "M.A.M."), capitalised words, hyphenated capitalised parts
    and lower-case particles ("van", "de", "der") between capitalised words (with
    ``conjunctions`` also "en": "Vallei en Veluwe"); it may not
    cross a line-ending punctuation mark or a paragraph break.
    """
    particles = cues.words("name_particles")
    stop = frozenset(cues.data.get("name_stopwords", []))
    titles = cues.words("titles")
    j = i
    # titles (mr., drs.) and initials (S., V.L.W.A.)
    while j < len(tokens):
        tok = tokens[j]
        if (
            tok.key in {t.rstrip(".") for t in titles}
            and j + 1 < len(tokens)
            and tokens[j + 1].text == "."
        ):
            j += 2
            continue
        if (
            _INITIAL.match(tok.text)
            and j + 1 < len(tokens)
            and tokens[j + 1].text == "."
            and _adjacent(tok, tokens[j + 1])
        ):
            j += 2
            continue
        break
    last_cap = None
    words = 0
    k = j
    while k < len(tokens) and words < max_words:
        tok = tokens[k]
        if (
            k > 0 and "\n\n" in text[tokens[k - 1].end : tok.start]
        ):  # also not from the cue across a paragraph break
            break
        if (
            tok.is_word
            and tok.text[:1].isupper()
            and tok.text not in stop
            and not tok.text.isdigit()
        ):
            last_cap = k
            words += 1
            k += 1
            # hyphenated parts: Noord-Holland, Súdwest-Fryslân
            while (
                k + 1 < len(tokens)
                and tokens[k].text == "-"
                and _adjacent(tokens[k - 1], tokens[k])
                and _adjacent(tokens[k], tokens[k + 1])
                and tokens[k + 1].text[:1].isupper()
            ):
                k += 2
                last_cap = k - 1
            continue
        if (
            conjunctions
            and tok.key == "en"
            and last_cap is not None
            and k + 1 < len(tokens)
            and tokens[k + 1].text[:1].isupper()
        ):
            k += 1
            continue
        if tok.is_word and tok.key in particles and (last_cap is not None or k == j):
            # particles between or before capitalised words ("Romke de Jong", "van der Staaij");
            # trailing ones are dropped below
            k += 1
            words += 1
            continue
        if tok.text in {"'", "’"} and k + 1 < len(tokens) and tokens[k + 1].key in {"s", "t"}:
            # 's-Gravenhage, 's-Hertogenbosch, 't Hart
            if (
                k + 3 < len(tokens)
                and tokens[k + 2].text == "-"
                and tokens[k + 3].text[:1].isupper()
                and tokens[k + 1].end == tokens[k + 2].start
            ):
                k += 4
                last_cap = k - 1
                words += 1
                continue
            k += 2
            continue
        break
    if last_cap is None:
        return i
    return last_cap + 1


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold(text).lower()).strip("-")


def person_id(name: str, cues: Cues) -> str:
    """A stable id for a person: titles and initials dropped ("S. Dekker" → "person-dekker")."""
    titles = cues.words("titles")
    words = [w for w in re.split(r"\s+", name.strip()) if w]
    while words and (
        words[0].lower() in titles or re.fullmatch(r"(?:[A-Z][a-z]?\.)+", words[0]) is not None
    ):
        words = words[1:]
    return "person-" + slug(" ".join(words) or name)
