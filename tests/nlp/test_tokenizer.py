import pytest
import spacy

from kamer_nlp.nlp.tokenizer import customise


@pytest.fixture(scope="module")  # no test changes it; building the tokenizer costs 0.7 s
def nlp() -> spacy.Language:
    nlp = spacy.blank("nl")
    customise(nlp)
    return nlp


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        ("Bontenbal/Grinwis", ["Bontenbal", "/", "Grinwis"]),
        ("IenW/RWS", ["IenW", "/", "RWS"]),
        ("en/of", ["en/of"]),
        ("2022/23", ["2022/23"]),
        ("EU-landen", ["EU-landen"]),
        ("nr. 135.", ["nr.", "135", "."]),
    ],
)
def test_slash_between_names_splits(nlp: spacy.Language, text: str, tokens: list[str]) -> None:
    assert [t.text for t in nlp(text)] == tokens
