"""The sentence boundaries stay what they were when the splitter was made linear.

The expected offsets were produced by the token-by-token splitter (before the boundaries
were set from one array and the word before a mark was found without scanning the text
from its start); the reference implementation below is that old loop.
"""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from kamer_nlp.nlp.sentences import (
    CANDIDATE,
    WORD_BEFORE,
    WORD_WINDOW,
    _opens_line,
    default_abbreviations,
    sentence_starts,
    word_before,
)

LONG_URL = (
    "https://www.rijksoverheid.nl/documenten/kamerstukken/2018/02/14/"
    "kamerbrief-over-de-aanpak-van-mensenhandel-en-uitbuiting"
)
CASES = [
    (
        "Zie Kamerstuk 31 015, nr. 135. Dat is de brief van 7 februari jl. Heeft u die? Ja! "
        "O.a. de politie\nen de KMar. Mr. Jansen, S. Dekker en V.L.W.A. Heijnen tekenden.",
        [(0, 30), (31, 78), (79, 82), (83, 99), (99, 110), (111, 162)],
    ),
    (
        "1. Vinden en verwijderen.\n2. Melden. Daarna iets.\na. Punt een. B. Punt twee.\n\n"
        "12 Dit kabinet werkt.\n13 www.example.nl. Dat is het.\n14 gemeenten doen mee.",
        [
            (0, 26),
            (26, 36),
            (37, 50),
            (50, 62),
            (63, 78),
            (78, 80),
            (81, 100),
            (100, 102),
            (103, 118),
            (119, 131),
            (131, 153),
        ],
    ),
    (
        f"Zie {LONG_URL}. Hierna volgt meer.\n. Een regel die met een punt begint. En nog een.",
        [(0, 125), (126, 145), (145, 146), (147, 181), (182, 193)],
    ),
    (
        "Hij zei: “Dit klopt.” Daarna ging hij weg. (Zie ook art. 3.) Het lid vervalt… "
        "Tot slot: 2,5 mln. Dat is veel.",
        [(0, 21), (22, 42), (43, 60), (61, 77), (78, 109)],
    ),
]


@pytest.fixture(scope="module")
def nlp() -> spacy.language.Language:
    nlp = spacy.blank("nl")
    nlp.add_pipe("kamer_sentences")
    return nlp


def _token_by_token(doc: Doc) -> Doc:
    """The splitter as it was: ``is_sent_start`` set on every token in turn."""
    starts = set(sentence_starts(doc.text, default_abbreviations()))
    for i, token in enumerate(doc):
        token.is_sent_start = True if i == 0 else token.idx in starts
    return doc


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_boundaries_are_unchanged(nlp: spacy.language.Language, text: str, expected) -> None:
    assert [(s.start_char, s.end_char) for s in nlp(text).sents] == expected


def test_the_array_gives_what_setting_each_token_gave(nlp: spacy.language.Language) -> None:
    text = "\n\n".join(t for t, _ in CASES) * 20
    fast = nlp(text)
    slow = _token_by_token(nlp.make_doc(text))
    assert fast.to_array("SENT_START").tolist() == slow.to_array("SENT_START").tolist()
    assert [(s.start, s.end) for s in fast.sents] == [(s.start, s.end) for s in slow.sents]


def test_an_empty_and_a_blank_doc(nlp: spacy.language.Language) -> None:
    assert len(nlp("")) == 0
    for text in ("   ", "\n\n", " \n "):
        doc = nlp(text)
        assert doc.to_array("SENT_START").tolist() == (
            _token_by_token(nlp.make_doc(text)).to_array("SENT_START").tolist()
        )
        assert doc[0].is_sent_start


@pytest.mark.parametrize(
    "text",
    [t for t, _ in CASES]
    + [
        "x" * (5 * WORD_WINDOW) + ". Daarna.",  # a word longer than the first windows
        "woord\n. punt\n\n.",  # "(\\S+)$" also matches before a final line break
        " " * (3 * WORD_WINDOW) + ".",
    ],
)
def test_word_before_is_the_search_from_the_start(text: str) -> None:
    for end in range(len(text) + 1):
        expected = WORD_BEFORE.search(text, 0, end)
        found = word_before(text, end)
        assert (found and (found.span(), found.group(1))) == (
            expected and (expected.span(), expected.group(1))
        ), end


@pytest.mark.parametrize("text", [t for t, _ in CASES] + ["a.\n1. B.\n\n\nc. D. e\n. F.", "x. Y."])
def test_opens_line_is_the_search_back_for_a_line_break(text: str) -> None:
    for mark in CANDIDATE.finditer(text):
        for start in range(mark.start() + 1):
            expected = start == text.rfind("\n", 0, mark.start()) + 1
            assert _opens_line(text, start, mark) == expected, (start, mark)
