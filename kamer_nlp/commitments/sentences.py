"""Sentence windows for commitment candidates.

The pipeline normally sets sentence boundaries before this component; when a
Doc has none (a bare ``spacy.blank("nl")`` Doc), :func:`split_sentences` gives a
conservative Dutch split that knows the abbreviations of parliamentary prose
("nr.", "jl.", "a.s.", "o.a.").
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from spacy.tokens import Doc

# a footnote marker glued to the full stop ("gedaan.3 Ik zal") still ends the sentence
_BOUNDARY = re.compile(
    r"(?<=[.!?])(?:\d{1,2}(?=\s))?[\"”’)]?\s+(?=[\"“‘(]?[A-ZÀ-Ý0-9])|\n\s*\n|\n(?=\s*(?:[-•–]\s|\d{1,2}[.)]\s|[a-z][.)]\s))"
)
_WORD_BEFORE = re.compile(r"([\w./]+)\.$")


def split_sentences(text: str, abbreviations: Iterable[str] = ()) -> list[tuple[int, int]]:
    """Sentence ``(start, end)`` offsets in ``text``, whitespace trimmed."""
    abbrevs = {a.lower().rstrip(".") for a in abbreviations}
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        head = text[start : m.start()].rstrip()
        before = _WORD_BEFORE.search(head)
        if before and "\n" not in m.group(0):
            word = before.group(1).lower()
            # "nr. 135", "7 februari jl. heeft", initials "S. Dekker"
            if word in abbrevs or (len(word) == 1 and word.isalpha()):
                continue
        _add(text, start, m.start(), spans)
        start = m.end()
    _add(text, start, len(text), spans)
    return spans


def _add(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))


def doc_sentences(doc: Doc, abbreviations: Iterable[str] = ()) -> list[tuple[int, int]]:
    """Sentence offsets from the Doc's own boundaries, else from :func:`split_sentences`."""
    if doc.has_annotation("SENT_START"):
        out: list[tuple[int, int]] = []
        for sent in doc.sents:
            _add(doc.text, sent.start_char, sent.end_char, out)
        return out
    return split_sentences(doc.text, abbreviations)
