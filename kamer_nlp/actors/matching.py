"""Token-level surface-form matching that survives line breaks, NBSP, case and hyphenation.

Text is split into word and punctuation tokens; a form matches a run of tokens with
the same keys (lower-cased, diacritics folded), whatever whitespace stands between
them. A word broken at a line end ("Mensen-\\nhandel") is one token, so plain-text
input that was not repaired still matches. Case-sensitive forms (abbreviations,
ambiguous names) compare the case-preserving token texts as well.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

TOKEN_RE = re.compile(r"\w+(?:['’]\w+)*|[^\w\s]")
_DASHES = str.maketrans({"–": "-", "—": "-", "‐": "-", "’": "'", "‘": "'"})


def fold(text: str) -> str:
    """Case-preserving fold: dashes and quotes unified, diacritics removed."""
    text = text.translate(_DASHES)
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@dataclass(frozen=True)
class Token:
    start: int
    end: int
    text: str  # folded, case preserved; a line-end hyphenated word is joined
    key: str  # ``text`` lower-cased

    @property
    def is_word(self) -> bool:
        return self.text[:1].isalnum()


def tokenize(text: str, offset: int = 0) -> list[Token]:
    """Word/punctuation tokens with character offsets into ``text`` (+ ``offset``)."""
    raw = [(m.start(), m.end(), m.group()) for m in TOKEN_RE.finditer(text)]
    out: list[Token] = []
    i = 0
    while i < len(raw):
        start, end, tok = raw[i]
        # "Mensen-\nhandel": word, hyphen, line break, lower-case word → one token
        if (
            i + 2 < len(raw)
            and raw[i + 1][2] == "-"
            and raw[i + 1][0] == end
            and tok[-1:].isalpha()
            and raw[i + 2][2][:1].islower()
            and "\n" in text[raw[i + 1][1] : raw[i + 2][0]]
            and not text[raw[i + 1][1] : raw[i + 2][0]].strip()
        ):
            joined = fold(tok + raw[i + 2][2])
            out.append(Token(start + offset, raw[i + 2][1] + offset, joined, joined.lower()))
            i += 3
            continue
        folded = fold(tok)
        out.append(Token(start + offset, end + offset, folded, folded.lower()))
        i += 1
    return out


@dataclass(frozen=True)
class SurfaceForm:
    """A string that names an actor; ``via`` is reported on mentions found through it."""

    text: str
    actor_id: str
    via: str | None = None
    case_sensitive: bool = False
    tokens: tuple[str, ...] = field(default=(), compare=False)

    def __post_init__(self) -> None:
        if not self.tokens:
            object.__setattr__(self, "tokens", tuple(t.text for t in tokenize(self.text)))

    def accepts(self, tokens: Sequence[Token]) -> bool:
        if not self.case_sensitive:
            return True
        return tuple(t.text for t in tokens) == self.tokens


class SurfaceIndex:
    """A token trie of surface forms; longest match wins."""

    _FORMS = ""  # trie key holding the forms that end at a node (never a token key)

    def __init__(self, forms: Iterable[SurfaceForm] = ()) -> None:
        self._root: dict[str, Any] = {}
        self.size = 0
        for form in forms:
            self.add(form)

    def add(self, form: SurfaceForm) -> None:
        if not form.tokens:
            return
        node = self._root
        for tok in form.tokens:
            node = node.setdefault(tok.lower(), {})
        bucket = node.setdefault(self._FORMS, [])
        if form not in bucket:
            bucket.append(form)
            self.size += 1

    def lookup(self, tokens: Sequence[Token]) -> list[SurfaceForm]:
        """Forms that match exactly the whole token sequence."""
        node: dict[str, Any] = self._root
        for tok in tokens:
            child = node.get(tok.key)
            if child is None:
                return []
            node = child
        return [f for f in node.get(self._FORMS, []) if f.accepts(tokens)]

    def longest(self, tokens: Sequence[Token], i: int) -> tuple[int, list[SurfaceForm]]:
        """The longest match starting at token ``i``: (end token index, accepted forms)."""
        node: dict[str, Any] = self._root
        best: tuple[int, list[SurfaceForm]] = (i, [])
        j = i
        while j < len(tokens):
            child = node.get(tokens[j].key)
            if child is None:
                break
            node = child
            j += 1
            forms = node.get(self._FORMS)
            if forms:
                ok = [f for f in forms if f.accepts(tokens[i:j])]
                if ok:
                    best = (j, ok)
        return best

    def find_all(self, tokens: Sequence[Token]) -> list[tuple[int, int, list[SurfaceForm]]]:
        """Non-overlapping longest matches, left to right: (start tok, end tok, forms)."""
        out = []
        i = 0
        while i < len(tokens):
            j, forms = self.longest(tokens, i)
            if forms:
                out.append((i, j, forms))
                i = j
            else:
                i += 1
        return out


def normalise_space(text: str) -> str:
    """Collapse all whitespace (line breaks, NBSP) to single spaces."""
    return re.sub(r"\s+", " ", text).strip()
