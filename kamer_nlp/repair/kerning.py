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
    """Could ``form`` stand on its own here? (lexicon word, or written alone elsewhere in the document)"""
    return lexicon.is_word(form) or (vocabulary is not None and vocabulary.count(form) > 1)


def _pair(a: str, b: str, vocabulary: DocumentVocabulary | None) -> tuple[str, float] | None:
    lead_a, core_a, trail_a = _core(a)
    lead_b, core_b, trail_b = _core(b)
    if trail_a or lead_b or not core_a or not core_b:
        return None  # punctuation between the parts: two words
    if not _LETTERS.fullmatch(core_a) or not _LETTERS.fullmatch(core_b):
        return None
    if not core_b[0].islower():
        return None  # a capital starts a new word
    if len(core_a) > 1 and core_a.isupper():
        return None  # abbreviation
    joined = core_a + core_b
    if not _known(joined, vocabulary):
        return None
    trema = bool(_TREMA_START.match(core_b))
    alone_a = _plausible_alone(core_a, vocabulary)
    alone_b = not trema and _plausible_alone(core_b, vocabulary)
    if alone_a and alone_b:
        return None
    confidence = 0.95 if trema or not (alone_a or alone_b) else 0.8
    if not lexicon.is_listed(joined):
        confidence -= 0.1  # known from wordfreq or the document only
    return lead_a + joined + trail_b, confidence


def split_kerning(tokens: list[str], *, vocabulary: DocumentVocabulary | None = None) -> list[KerningFix]:
    """Propose merges of adjacent tokens of one line split by a kerning artefact.

    ``tokens`` are the line's whitespace-separated tokens. One fix per pair; a word
    split twice ("Inf ra structuur") gives two consecutive fixes, each carrying the
    whole repaired word. Fixes never overlap in a way that merges two real words.
    """
    fixes: list[KerningFix] = []
    i = 0
    n = len(tokens)
    while i < n - 1:
        pair = _pair(tokens[i], tokens[i + 1], vocabulary)
        if pair is None:
            # a word split twice: the three parts join, no two of them do
            if i + 2 < n:
                first = _pair(tokens[i] + tokens[i + 1], tokens[i + 2], vocabulary)
                if first is not None and not _known(_core(tokens[i])[1], vocabulary) and not _known(
                    _core(tokens[i + 2])[1], vocabulary
                ):
                    joined, confidence = first
                    fixes.append(KerningFix(i, joined, round(confidence - 0.1, 3)))
                    fixes.append(KerningFix(i + 1, joined, round(confidence - 0.1, 3)))
                    i += 3
                    continue
            i += 1
            continue
        joined, confidence = pair
        fixes.append(KerningFix(i, joined, round(confidence, 3)))
        i += 2
    return fixes
