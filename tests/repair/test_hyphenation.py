"""Line-end hyphen decisions: the case file, the evidence sources, the corpus gold pairs."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pdfplumber
import pyphen
import pytest

from kamer_nlp.repair import lexicon
from kamer_nlp.repair.hyphenation import (
    DocumentVocabulary,
    HyphenDecision,
    decide_hyphen,
    load_rules,
)

CASES_FILE = Path(__file__).with_name("hyphenation_cases.jsonl")


def _load_cases() -> list[dict]:
    return [
        json.loads(line)
        for line in CASES_FILE.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]


CASES = _load_cases()


def _params() -> list:
    params = []
    for case in CASES:
        marks = [pytest.mark.xfail(reason=case["xfail"], strict=True)] if case.get("xfail") else []
        params.append(pytest.param(case, id=case["id"], marks=marks))
    return params


def _decide(case: dict) -> HyphenDecision:
    vocabulary = DocumentVocabulary.from_text(case["context"]) if case.get("context") else None
    return decide_hyphen(
        case["left"],
        case["right"],
        following=case.get("following", ""),
        vocabulary=vocabulary,
        soft_hyphenation=case.get("soft_hyphenation", True),
    )


def test_case_file_is_well_formed() -> None:
    ids = [c["id"] for c in CASES]
    assert len(ids) == len(set(ids)), "duplicate case ids"
    assert len(CASES) >= 120
    assert {c["expect"] for c in CASES} == {"join", "keep", "keep_space"}
    for case in CASES:
        assert {"id", "left", "right", "expect", "source"} <= set(case)


@pytest.mark.parametrize("case", _params())
def test_case(case: dict) -> None:
    decision = _decide(case)
    assert decision.decision == case["expect"], decision
    assert 0.0 <= decision.confidence <= 1.0
    assert decision.reason
    if "form" in case:
        assert decision.form == case["form"]


def test_case_accuracy_at_least_98_percent() -> None:
    right = sum(_decide(c).decision == c["expect"] for c in CASES)
    assert right / len(CASES) >= 0.98, f"{right}/{len(CASES)}"


def test_decision_round_trip() -> None:
    decision = decide_hyphen("ge", "informeerd")
    assert decision.form == "geïnformeerd"
    assert HyphenDecision.from_dict(json.loads(json.dumps(decision.to_dict()))) == decision


@pytest.mark.parametrize(
    ("left", "right", "decision", "form"),
    [
        ("slacht", "offer,", "join", "slachtoffer,"),
        ("EU", "landen", "keep", "EU-landen"),
        ("zorg", "en", "keep_space", "zorg- en"),
    ],
)
def test_form_is_the_replacement_text(left: str, right: str, decision: str, form: str) -> None:
    result = decide_hyphen(left, right, following="veiligheidsdomein")
    assert (result.decision, result.form) == (decision, form)


def test_reasons_name_the_rule() -> None:
    assert decide_hyphen("34 775", "VI").reason == "digit"
    assert decide_hyphen("Noord", "Holland").reason == "capital"
    assert decide_hyphen("RIVM", "onderzoek").reason == "abbreviation"
    assert decide_hyphen("zorg", "en", following="veiligheidsdomein").reason == "suspended"
    assert decide_hyphen("zee", "egel").reason in {"lexicon", "vowel_clash"}
    assert decide_hyphen("mini", "ijstijd").reason == "vowel_clash"
    assert decide_hyphen("ge", "informeerd").reason == "trema"


def test_document_evidence_overrides_the_default() -> None:
    # lowercase + lowercase joins by default ...
    assert decide_hyphen("reductie", "opgave").decision == "join"
    # ... but not when the document writes the hyphenated form elsewhere
    vocab = DocumentVocabulary.from_text("De reductie-opgave is groot.")
    decision = decide_hyphen("reductie", "opgave", vocabulary=vocab)
    assert (decision.decision, decision.reason) == ("keep", "document")
    # and the joined form elsewhere decides for a join
    vocab = DocumentVocabulary.from_text("De economieopgave is groot.")
    assert (
        decide_hyphen("economie", "opgave", vocabulary=vocab, soft_hyphenation=False).decision
        == "join"
    )


def test_ragged_layout_presumes_a_real_hyphen() -> None:
    assert decide_hyphen("economie", "opgave").decision == "join"
    assert decide_hyphen("economie", "opgave", soft_hyphenation=False).decision == "keep"
    assert decide_hyphen("ministe", "rie", soft_hyphenation=False).decision == "join"


class TestDocumentVocabulary:
    def test_counts_words_and_compounds_case_insensitively(self) -> None:
        vocab = DocumentVocabulary.from_text("EU-landen en eu-landen. De Kamer, de kamer.")
        assert vocab.count("EU-landen") == 2
        assert vocab.count("kamer") == 2
        assert vocab.count_exact("Kamer") == 1
        assert vocab.head_count("EU") == 2
        assert vocab.count("landen") == 0

    def test_line_end_fragments_are_not_evidence(self) -> None:
        vocab = DocumentVocabulary.from_text("het slacht-\noffer en het\nslachtoffer")
        assert vocab.count("slacht") == 0
        assert vocab.count("offer") == 0
        assert vocab.count("slachtoffer") == 1

    def test_prefix_counts_longer_forms_only(self) -> None:
        vocab = DocumentVocabulary.from_text("slachtoffer slachtofferhulp slachtofferschap")
        assert vocab.count_prefix("slachtoffer") == 2

    def test_hyphen_variants_fold(self) -> None:
        vocab = DocumentVocabulary.from_text("EU\u2010landen")
        assert vocab.count("EU-landen") == 1


class TestLexicon:
    def test_words_and_fragments(self) -> None:
        assert lexicon.is_word("slachtoffer")
        assert lexicon.is_word("Mensenhandel")
        assert lexicon.is_word("energietransitie")  # wordfreq only
        for fragment in ("psycholo", "kinderbe", "inf", "rastructuur", "voorgeschre"):
            assert not lexicon.is_word(fragment), fragment

    def test_hyphenated_forms_come_from_the_curated_tables(self) -> None:
        assert lexicon.is_listed("EU-landen")
        assert lexicon.is_listed("zee-egel")
        assert not lexicon.is_word("noord-holland")

    def test_frequency(self) -> None:
        assert lexicon.word_frequency("de") > 7
        assert lexicon.word_frequency("xqzvw") == 0.0

    def test_repeated_lookups_give_the_same_answer(self) -> None:
        # timing belongs in bench/; here: the cached lookups stay consistent
        lexicon.load()
        first = (lexicon.is_word("woord"), decide_hyphen("slacht", "offer").decision)
        for _ in range(200):
            assert (lexicon.is_word("woord"), decide_hyphen("slacht", "offer").decision) == first
        assert first == (True, "join")


def test_rules_data_is_versioned() -> None:
    rules = load_rules()
    assert rules.version
    assert {"ex", "oud", "niet"} <= rules.keep_prefixes
    assert "en" in rules.conjunctions


# --- corpus: typeset PDFs whose official XML holds the correct forms ---------------

GOLD_PAIRS = ("ah-tk-20202021-3235", "kst-32545-143")


def _pdf_lines(path: Path) -> list[str]:
    lines: list[str] = []
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            lines += (page.extract_text() or "").split("\n")
    return lines


def _gold_text(path: Path) -> str:
    import xml.etree.ElementTree as ET

    return " ".join("".join(ET.parse(path).getroot().itertext()).split())


def _line_end_hyphens(lines: list[str]) -> list[tuple[str, str, str]]:
    found = []
    for i, line in enumerate(lines[:-1]):
        if len(line) > 1 and line.endswith("-") and not line[-2].isspace() and lines[i + 1].split():
            left = line[:-1].split()[-1]
            right, _, following = lines[i + 1].strip().partition(" ")
            found.append((left, right, following))
    return found


@pytest.mark.corpus
@pytest.mark.parametrize("doc_id", GOLD_PAIRS)
def test_corpus_gold_pairs(corpus_dir: Path, doc_id: str) -> None:
    base = corpus_dir / "officielebekendmakingen" / doc_id
    lines = _pdf_lines(base / f"{doc_id}.pdf")
    gold = _gold_text(base / f"{doc_id}.xml")
    vocab = DocumentVocabulary.from_text("\n".join(lines))
    checked = wrong = 0
    misses = []
    for left, right, following in _line_end_hyphens(lines):
        core = re.match(r"[^\W_]+", right)
        assert core is not None
        joined, hyphenated = left + core.group(0), f"{left}-{core.group(0)}"
        expected = "join" if joined in gold else "keep" if hyphenated in gold else None
        if expected is None:
            continue
        checked += 1
        decision = decide_hyphen(left, right, following=following, vocabulary=vocab)
        if decision.decision != expected:
            wrong += 1
            misses.append((left, right, decision))
    # ah-tk-20202021-3235 has 9 line-end hyphens; kst-32545-143 (a motion) has none
    assert checked >= (9 if doc_id.startswith("ah-tk") else 0)
    assert wrong == 0, misses


SEED_EXPECTED = {
    ("Mensen", "handel"): "join",
    ("slacht", "offer"): "join",
    ("internet", "bedrijven"): "join",
    ("psycholo", "gische"): "join",
    ("Kinderbe", "scherming"): "join",
    ("kindermis", "bruik"): "join",
}


@pytest.mark.corpus
def test_corpus_seed(corpus_dir: Path) -> None:
    text = (corpus_dir / "seed" / "kst-31015-136.txt").read_text(encoding="utf-8")
    lines = text.split("\n")
    vocab = DocumentVocabulary.from_text(text)
    seen = {}
    for left, right, following in _line_end_hyphens(lines):
        core = re.match(r"[^\W_]+", right)
        assert core is not None
        seen[(left, core.group(0))] = decide_hyphen(
            left, right, following=following, vocabulary=vocab
        ).decision
    assert seen == SEED_EXPECTED


def _held_out_cases(text: str) -> list[tuple[str, str, str]]:
    """Every hyphenated token split at each hyphen (keep) and every longer word split at
    each Dutch hyphenation point (join): what a typesetter could have broken."""
    hyphenator = pyphen.Pyphen(lang="nl_NL")
    cases = []
    for token in sorted(set(re.findall(r"[^\W_]+(?:-[^\W_]+)+|[^\W\d_]{6,}", text))):
        if "-" in token:
            parts = token.split("-")
            cases += [
                ("-".join(parts[:k]), "-".join(parts[k:]), "keep") for k in range(1, len(parts))
            ]
        else:
            cases += [
                (token[:p], token[p:], "join")
                for p in hyphenator.positions(token)
                if 2 <= p <= len(token) - 2
            ]
    return cases


@pytest.mark.corpus
def test_corpus_held_out_splits(corpus_dir: Path) -> None:
    """Split the official texts' own words at every possible break, decide without
    document evidence (the hardest setting), and compare with how they are written."""
    base = corpus_dir / "officielebekendmakingen"
    texts = [_gold_text(base / d / f"{d}.xml") for d in GOLD_PAIRS]
    seed = (corpus_dir / "seed" / "kst-31015-136.txt").read_text(encoding="utf-8")
    texts.append(re.sub(r"-\n(?=[a-z])", "", seed))
    tally = {"join": [0, 0], "keep": [0, 0]}
    misses = []
    for text in texts:
        for left, right, expected in _held_out_cases(text):
            decision = decide_hyphen(left, right).decision
            tally[expected][0] += 1
            if decision != expected:
                tally[expected][1] += 1
                misses.append(f"{left}-/{right} → {decision}")
    join_n, join_wrong = tally["join"]
    keep_n, keep_wrong = tally["keep"]
    assert join_n > 1000 and keep_n > 10
    assert join_wrong / join_n <= 0.01, misses
    assert keep_wrong / keep_n <= 0.15, misses
