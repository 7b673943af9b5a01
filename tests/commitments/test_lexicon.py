"""The structurer's vocabulary file gives the patterns that were in the code before (#18)."""

from __future__ import annotations

import re

import pytest

from kamer_nlp.commitments.lexicon import StructureLexicon

# the patterns as they were written in structure.py before the words moved to structure.json
OLD_LEADING = re.compile(
    r"^(?:(?:ik|wij|we|zal|zullen|ga|gaan|gaat|wil|willen|ben|zijn|is|voornemens|van plan|bereid|"
    r"het kabinet|dit kabinet|de regering|daarom|dus|ook|tevens|nog|om)\b[\s,]*)+",
    re.IGNORECASE,
)
OLD_FUNCTION_TAIL = re.compile(
    r"\s*(?:(?:van|voor)\s+(?:[A-Z][\w&\-]*|en|,)(?:[\s,]+(?:[A-Z][\w&\-]*|en))*)"
)

SAMPLES = [
    "ik zal uw Kamer informeren",
    "Wij zullen, daarom ook, nog om de tafel gaan",
    "het kabinet is voornemens van plan bereid te zijn",
    "Dit kabinet gaat tevens onderzoeken",
    "gaan we",
    "gaande weg",
    "isolatie",
    "van plan",
    "van planning",
    "de regering,  dus",
    "",
    " ik",
    " van Justitie en Veiligheid zal",
    " voor Klimaat en Groene Groei, en van Financiën",
    " van de Minister",
    "van BZK",
]


def test_loaded_once() -> None:
    assert StructureLexicon.default() is StructureLexicon.default()
    assert StructureLexicon.default().version == 1


def test_first_person() -> None:
    lex = StructureLexicon.default()
    assert lex.first_person_singular == {"ik", "mij", "mijn"}
    assert lex.first_person == {"ik", "mij", "mijn", "wij", "we", "ons", "onze"}
    assert lex.cabinet_agents == ("het kabinet", "dit kabinet", "de regering")


@pytest.mark.parametrize("text", SAMPLES)
def test_patterns_as_before(text: str) -> None:
    lex = StructureLexicon.default()
    old, new = OLD_LEADING.match(text), lex.leading.match(text)
    assert (old and old.span()) == (new and new.span())
    old, new = OLD_FUNCTION_TAIL.match(text), lex.function_tail.match(text)
    assert (old and old.span()) == (new and new.span())


def test_agent_article() -> None:
    lex = StructureLexicon.default()
    assert lex.starts_with_article("De Minister van JenV")
    assert not lex.starts_with_article("Defensie")
    assert lex.agent_article_prefix.sub("", "de  Minister") == "Minister"
    assert lex.agent_article_prefix.sub("", "De Minister") == "De Minister"  # case-sensitive
