"""Dutch-aware sentence boundaries for the blank pipeline (``kamer_sentences``).

A period, question or exclamation mark ends a sentence when what follows opens a
new one, except after an abbreviation ("nr.", "jl.", "a.s.", "o.a.", "mr.") or an
initial ("S. Dekker"), or after the number of a list item ("1. Vinden …"). A
paragraph break always ends a sentence; inside address and signature blocks each
line is its own unit. The abbreviations live in ``resources/nlp/abbreviations.txt``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from functools import cache
from importlib import resources
from pathlib import Path

import numpy
from spacy.attrs import IDX, SENT_START
from spacy.language import Language
from spacy.tokens import Doc
from spacy.training import Example
from thinc.api import NumpyOps

from kamer_nlp.nlp.data import read_data
from kamer_nlp.nlp.scoring import SENTS_SCORER, SentsScorer
from kamer_nlp.nlp.serial import TextFilesState

_OPS = NumpyOps()

CANDIDATE = re.compile(r"[.!?…]+[”’\"')\]]*(?=\s+[\"“‘'(\[]?[A-ZÀ-Ý0-9•–-])")
WORD_BEFORE = re.compile(r"(\S+)$")
NOTE_LABEL = re.compile(r"\d{1,3} (?=[^\sa-zà-ÿ]|https?:|www\.)")
SPACES = re.compile(r"\s+")
INITIALS = re.compile(r"[A-ZÀ-Ý]|([A-Z]\.)+[A-Z]")
LIST_NUMBER = re.compile(r"\d{1,2}|[a-z]|[ivx]{1,4}")
WORD_WINDOW = 64  # characters searched back for the word before a mark (doubled as needed)


@cache
def default_abbreviations() -> frozenset[str]:
    text = (
        resources.files("kamer_nlp.resources")
        .joinpath("nlp", "abbreviations.txt")
        .read_text(encoding="utf-8")
    )
    return parse_abbreviations(text)


def parse_abbreviations(text: str) -> frozenset[str]:
    """The abbreviations of an ``abbreviations.txt``: one a line, ``#`` comments."""
    return frozenset(
        line.strip().lower()
        for line in text.splitlines()
        if line.strip() and not line.startswith("#")
    )


def load_abbreviations(
    abbreviations: Iterable[str] | None, abbreviations_path: str | Path | None, name: str
) -> set[str]:
    """The list when given, else the file's (``None``: the package's own)."""
    if abbreviations is not None:
        return set(abbreviations)
    if abbreviations_path is None:
        return set(default_abbreviations())
    text = read_data(abbreviations_path, component=name, setting="abbreviations_path")
    return set(parse_abbreviations(text))


def word_before(text: str, end: int) -> re.Match[str] | None:
    """``WORD_BEFORE.search(text, 0, end)`` without scanning the text from its start.

    The search is run on a window before ``end`` that is doubled until the word found
    starts inside it (or the window reaches offset 0), so the result is the same match
    as a search over all of ``text[:end]`` while the cost depends on the word's length.
    """
    window = WORD_WINDOW
    while True:
        lo = max(0, end - window)
        found = WORD_BEFORE.search(text, lo, end)
        if found is None or found.start() > lo or lo == 0:
            return found
        window *= 2


def _opens_line(text: str, start: int, mark: re.Match[str]) -> bool:
    """Whether ``start`` is where the line holding ``mark`` starts (no line break between).

    The same as ``start == text.rfind("\\n", 0, mark.start()) + 1``, without searching
    back through a text that has no line break for a long way.
    """
    at_line_start = start == 0 or text[start - 1] == "\n"
    return at_line_start and "\n" not in text[start : mark.start()]


def sentence_starts(text: str, abbreviations: Iterable[str]) -> list[int]:
    """Character offsets where sentences start (0 included when text is non-empty)."""
    abbrevs = frozenset(abbreviations)
    starts = {0} if text.strip() else set()
    for m in re.finditer(r"\n+", text):
        starts.add(m.end())
        # a footnote line "12 Dit kabinet …": the sentence starts after the note's label
        label = NOTE_LABEL.match(text, m.end())
        if label:
            starts.add(label.end())
    for m in CANDIDATE.finditer(text):
        end = m.end()
        if m.group(0)[0] == ".":
            before = word_before(text, m.start())
            word = before.group(1) if before else ""
            core = word.lstrip("(“\"'‘[").lower()
            if core in abbrevs or core.rstrip(".") in abbrevs:
                continue
            if INITIALS.fullmatch(word.lstrip("(")):  # initials
                continue
            if LIST_NUMBER.fullmatch(word) and before and _opens_line(text, before.start(), m):
                continue  # list numbering at the start of a paragraph: "1. Vinden …"
        nxt = SPACES.match(text, end)
        if nxt:
            starts.add(nxt.end())
    return sorted(s for s in starts if s < len(text))


class SentenceSplitter(TextFilesState):
    """Sets ``token.is_sent_start`` from :func:`sentence_starts`; never changes text.

    The abbreviations are ``abbreviations`` when given, else those of the file
    ``abbreviations_path`` (one a line; ``None``: the package's own).
    """

    def __init__(
        self,
        nlp: Language,
        name: str = "kamer_sentences",
        *,
        abbreviations: Iterable[str] | None = None,
        abbreviations_path: str | Path | None = None,
        scorer: SentsScorer | None = None,
    ) -> None:
        self.name = name
        self.abbreviations = load_abbreviations(abbreviations, abbreviations_path, name)
        self.scorer = scorer

    def initialize(
        self,
        get_examples: Callable[[], Iterable[Example]] | None = None,
        *,
        nlp: Language | None = None,
        abbreviations: list[str] | None = None,
        abbreviations_path: str | None = None,
    ) -> None:
        """Replace the abbreviations (``[initialize.components.NAME]``); without either
        setting nothing changes, so initializing a loaded pipeline keeps what it has."""
        if abbreviations is not None or abbreviations_path is not None:
            self.abbreviations = load_abbreviations(abbreviations, abbreviations_path, self.name)

    def state_files(self) -> dict[str, str]:
        return {"abbreviations.txt": "\n".join(sorted(self.abbreviations)) + "\n"}

    def load_state_files(self, files: Mapping[str, str]) -> None:
        lines = files["abbreviations.txt"].splitlines()
        self.abbreviations = {ln.strip() for ln in lines if ln.strip()}

    def score(self, examples: Iterable[Example], **kwargs: object) -> dict[str, object]:
        """Sentence boundary P/R/F (``sents_p``, ``sents_r``, ``sents_f``)."""
        return self.scorer(examples, **kwargs) if self.scorer is not None else {}

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        starts = numpy.asarray(sentence_starts(doc.text, self.abbreviations), dtype=numpy.int64)
        # one array for all tokens: 1 where a sentence starts (always the first token), else -1.
        # Setting ``token.is_sent_start`` one token at a time rescans the Doc on every call.
        idx = doc.to_array(IDX).astype(numpy.int64)
        values = numpy.where(numpy.isin(idx, starts), 1, -1).astype(numpy.int64)
        values[0] = 1
        doc.from_array([SENT_START], _OPS.asarray2i(values.reshape(-1, 1), dtype="uint64"))
        return doc


@Language.factory(
    "kamer_sentences",
    assigns=["token.is_sent_start"],
    default_config={
        "abbreviations": None,
        "abbreviations_path": None,
        "scorer": {"@scorers": SENTS_SCORER},
    },
    default_score_weights={"sents_f": 1.0, "sents_p": 0.0, "sents_r": 0.0},
)
def make_sentence_splitter(
    nlp: Language,
    name: str,
    abbreviations: list[str] | None,
    abbreviations_path: str | None,
    scorer: SentsScorer | None,
) -> SentenceSplitter:
    return SentenceSplitter(
        nlp,
        name,
        abbreviations=abbreviations,
        abbreviations_path=abbreviations_path,
        scorer=scorer,
    )
