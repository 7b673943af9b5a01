"""Anchors: a pointer to a stretch of a document's text that survives text changes.

An anchor is ``{doc, start, end, norm_len, norm_sha1}``: half-open character offsets into
the document text, plus the length and SHA-1 of the *normalised* stretch, which is the text
lower-cased with every non-alphanumeric character removed (``str.isalnum``). Line breaks,
hyphenation repairs, spacing and punctuation changes leave the normalised form alone, so
an anchor can be found again in another version of the text:

1. if ``text[start:end]`` still normalises to the same hash, the offsets stand;
2. else the normalised text is searched for a stretch of ``norm_len`` characters with the
   same hash, starting at a word start, and mapped back to raw offsets (widened over the
   punctuation glued to its ends); of several, the one nearest the old ``start`` wins;
3. else the anchor is reported as lost (:func:`resolve` returns ``None``).

No corpus text is stored in an anchor, only offsets and a hash.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

__all__ = [
    "Anchor",
    "NormalisedText",
    "make_anchor",
    "normalise",
    "resolve",
    "resolve_all",
]


def _fold(ch: str) -> str:
    """One raw character's share of the normalised text (lower-cased character by character,
    so that the result never depends on the neighbours, as ``str.lower`` does for a final
    sigma)."""
    return "".join(c for c in ch.lower() if c.isalnum()) if ch.isalnum() else ""


def normalise(text: str) -> str:
    """Lower-cased, every non-alphanumeric character removed."""
    return "".join(_fold(ch) for ch in text)


def _sha1(norm: str) -> str:
    return hashlib.sha1(norm.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Anchor:
    doc: str
    start: int
    end: int
    norm_len: int
    norm_sha1: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "doc": self.doc,
            "start": self.start,
            "end": self.end,
            "norm_len": self.norm_len,
            "norm_sha1": self.norm_sha1,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Anchor:
        return cls(
            doc=str(data["doc"]),
            start=int(data["start"]),
            end=int(data["end"]),
            norm_len=int(data["norm_len"]),
            norm_sha1=str(data["norm_sha1"]),
        )

    def matches(self, text: str) -> bool:
        """Whether ``text[start:end]`` still holds the anchored stretch."""
        if not 0 <= self.start <= self.end <= len(text):
            return False
        norm = normalise(text[self.start : self.end])
        return len(norm) == self.norm_len and _sha1(norm) == self.norm_sha1


def make_anchor(doc: str, text: str, start: int, end: int) -> Anchor:
    """The anchor of ``text[start:end]`` in document ``doc``."""
    if not 0 <= start <= end <= len(text):
        raise ValueError(f"offsets {start}:{end} outside a text of {len(text)} characters")
    norm = normalise(text[start:end])
    return Anchor(doc, start, end, len(norm), _sha1(norm))


class NormalisedText:
    """A text's normalised form with the map back to raw offsets.

    ``norm[i]`` comes from raw character ``raw_index[i]`` (``str.lower`` may turn one raw
    character into several normalised ones; they share the raw index). ``word_start[i]`` is
    true when the raw character before ``raw_index[i]`` is not alphanumeric (or ``i`` is the
    first character), i.e. a word starts there.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        chars: list[str] = []
        raw_index: list[int] = []
        word_start: list[bool] = []
        prev_alnum = False
        for i, ch in enumerate(text):
            if ch.isalnum():
                for k, c in enumerate(_fold(ch)):
                    chars.append(c)
                    raw_index.append(i)
                    word_start.append(not prev_alnum and k == 0)
                prev_alnum = True
            else:
                prev_alnum = False
        self.norm = "".join(chars)
        self.raw_index = raw_index
        self.word_start = word_start

    def raw_span(self, nstart: int, nlen: int) -> tuple[int, int]:
        """Raw offsets of the normalised stretch ``[nstart, nstart + nlen)``."""
        if nlen == 0:
            raw = self.raw_index[nstart] if nstart < len(self.raw_index) else len(self.text)
            return raw, raw
        return self.raw_index[nstart], self.raw_index[nstart + nlen - 1] + 1

    def find(self, norm_len: int, norm_sha1: str) -> list[int]:
        """Normalised start positions (at word starts) of stretches with this length and hash."""
        if norm_len == 0 or norm_len > len(self.norm):
            return []
        found: list[int] = []
        norm = self.norm
        for i in range(len(norm) - norm_len + 1):
            if self.word_start[i] and _sha1(norm[i : i + norm_len]) == norm_sha1:
                found.append(i)
        return found


def resolve(
    anchor: Anchor, text: str, *, normalised: NormalisedText | None = None
) -> tuple[int, int] | None:
    """The anchor's ``(start, end)`` in ``text``, re-anchored if the text changed; ``None``
    when the stretch is no longer there. Pass ``normalised`` to reuse the index for many
    anchors into one text."""
    if anchor.matches(text):
        return anchor.start, anchor.end
    nt = normalised if normalised is not None and normalised.text is text else NormalisedText(text)
    candidates = nt.find(anchor.norm_len, anchor.norm_sha1)
    if not candidates:
        return None
    spans = [_widen(text, *nt.raw_span(c, anchor.norm_len)) for c in candidates]
    return min(spans, key=lambda s: (abs(s[0] - anchor.start), s[0]))


def _widen(text: str, start: int, end: int) -> tuple[int, int]:
    """Take in the punctuation glued to the stretch ("(", "…", ".", "?"), which the
    normalised form does not see; stop at white space."""
    while start > 0 and not text[start - 1].isspace() and not text[start - 1].isalnum():
        start -= 1
    while end < len(text) and not text[end].isspace() and not text[end].isalnum():
        end += 1
    return start, end


def resolve_all(
    anchors: Iterable[Anchor], text: str
) -> tuple[dict[int, tuple[int, int]], list[int]]:
    """Resolve many anchors into one text: ``({index: (start, end)}, [lost indices])``."""
    found: dict[int, tuple[int, int]] = {}
    lost: list[int] = []
    nt: NormalisedText | None = None
    for i, anchor in enumerate(anchors):
        if anchor.matches(text):
            found[i] = (anchor.start, anchor.end)
            continue
        if nt is None:
            nt = NormalisedText(text)
        span = resolve(anchor, text, normalised=nt)
        if span is None:
            lost.append(i)
        else:
            found[i] = span
    return found, lost
