"""Kerning splits: one word drawn with a gap wide enough to read as a space.

Letterhead PDFs sometimes space a glyph pair so widely that the text layer gets a
space inside a word ("Inf rastructuur", "ge ïnformeerd"). :func:`split_kerning`
proposes merges of adjacent tokens of one line, conservatively: the joined form must
be a known word (lexicon or the document itself) and at least one part must not be a
plausible word on its own. Two real words ("in formeel") are never merged.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from typing import Any

from kamer_nlp.repair import lexicon
from kamer_nlp.repair.hyphenation import DocumentVocabulary

_LEAD = "([{\u201c\u2018\"'«"
_TRAIL = ".,;:!?)]}\u201d\u2019\"'»…"
_LETTERS = re.compile(r"[^\W\d_]+")
# a Dutch word never starts with a trema vowel: "ïnformeerd" is the tail of a split
_TREMA_START = re.compile(r"[äëïöü]")


@dataclass(frozen=True)
class KerningFix:
    """Merge ``tokens[index]`` and ``tokens[index + 1]`` into ``joined`` (the whole repaired word)."""

    index: int
    joined: str
    confidence: float

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> KerningFix:
        return cls(int(data["index"]), str(data["joined"]), float(data["confidence"]))


def _core(token: str) -> tuple[str, str, str]:
    """Split a token into (leading punctuation, letters, trailing punctuation)."""
    stripped = token.lstrip(_LEAD)
    lead = token[: len(token) - len(stripped)]
    core = stripped.rstrip(_TRAIL)
    return lead, core, stripped[len(core) :]


def _known(form: str, vocabulary: DocumentVocabulary | None) -> bool:
    return lexicon.is_word(form) or (vocabulary is not None and vocabulary.count(form) > 0)


def _plausible_alone(form: str, vocabulary: DocumentVocabulary | None) -> bool:
    """Could ``form`` stand on its own here? (a Dutch or common English word, or written
    alone elsewhere in the document: the vocabulary counts this occurrence too)"""
    return (
        lexicon.is_word(form)
        or (vocabulary is not None and vocabulary.count(form) > 1)
        or (len(form) > 3 and lexicon.english_frequency(form) >= 4.0)
    )


def _merge(tokens: list[str], vocabulary: DocumentVocabulary | None) -> tuple[str, float] | None:
    """The repaired word if ``tokens`` (2 or 3) are one word split by kerning, with a confidence."""
    split = [_core(t) for t in tokens]
    cores = [c for _, c, _ in split]
    if any(trail for _, _, trail in split[:-1]) or any(lead for lead, _, _ in split[1:]):
        return None  # punctuation between the parts: separate words
    if not all(_LETTERS.fullmatch(c) for c in cores):
        return None
    if not all(c[0].islower() for c in cores[1:]):
        return None  # a capital starts a new word
    if len(cores[0]) > 1 and cores[0].isupper():
        return None  # abbreviation
    joined = "".join(cores)
    if not _known(joined, vocabulary):
        return None
    trema = any(_TREMA_START.match(c) for c in cores[1:])
    if not trema and any(len(c) <= 3 and lexicon.word_frequency(c) >= 5.5 for c in cores):
        return None  # "Ier en": a function word ("en", "de", "van") is a word, not a fragment
    alone = [_plausible_alone(c, vocabulary) for c in cores]
    if all(alone) and not trema:
        return None
    confidence = 0.95 if trema or not any(alone) else 0.8
    if not lexicon.is_listed(joined):
        confidence -= 0.1  # known from wordfreq or the document only
    if len(tokens) > 2:
        confidence -= 0.05
    return split[0][0] + joined + split[-1][2], round(confidence, 3)


def split_kerning(
    tokens: list[str], *, vocabulary: DocumentVocabulary | None = None
) -> list[KerningFix]:
    """Propose merges of adjacent tokens of one line split by a kerning artefact.

    ``tokens`` are the line's whitespace-separated tokens. One fix per pair; a word
    split twice ("Inf ra structuur") gives two consecutive fixes, each carrying the
    whole repaired word. Fixes never overlap in a way that merges two real words.
    """
    fixes: list[KerningFix] = []
    i = 0
    n = len(tokens)
    while i < n - 1:
        # a word split twice ("Inf ra structuur"): prefer the three-part join
        triple = _merge(tokens[i : i + 3], vocabulary) if i + 2 < n else None
        if triple is not None:
            joined, confidence = triple
            fixes += [KerningFix(i, joined, confidence), KerningFix(i + 1, joined, confidence)]
            i += 3
            continue
        pair = _merge(tokens[i : i + 2], vocabulary)
        if pair is None:
            i += 1
            continue
        joined, confidence = pair
        fixes.append(KerningFix(i, joined, confidence))
        i += 2
    return fixes
