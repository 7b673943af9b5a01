"""Kerning-split repair: case file, conservativeness, corpus false-positive check."""

from __future__ import annotations

import json
from pathlib import Path

import pdfplumber
import pytest

from kamer_nlp.repair.hyphenation import DocumentVocabulary
from kamer_nlp.repair.kerning import KerningFix, split_kerning

CASES = [
    json.loads(line)
    for line in Path(__file__)
    .with_name("kerning_cases.jsonl")
    .read_text(encoding="utf-8")
    .splitlines()
    if line.strip()
]


def _params() -> list:
    return [
        pytest.param(
            c,
            id=c["id"],
            marks=[pytest.mark.xfail(reason=c["xfail"], strict=True)] if c.get("xfail") else [],
        )
        for c in CASES
    ]


def test_case_file_is_well_formed() -> None:
    ids = [c["id"] for c in CASES]
    assert len(ids) == len(set(ids))
    assert any(c["expect"] for c in CASES) and any(not c["expect"] for c in CASES)


@pytest.mark.parametrize("case", _params())
def test_case(case: dict) -> None:
    vocabulary = DocumentVocabulary.from_text(case["context"]) if case.get("context") else None
    fixes = split_kerning(case["line"].split(" "), vocabulary=vocabulary)
    assert [[f.index, f.joined] for f in fixes] == case["expect"]
    assert all(0.0 < f.confidence <= 1.0 for f in fixes)


def test_fix_round_trip() -> None:
    fix = split_kerning(["Inf", "rastructuur"])[0]
    assert KerningFix.from_dict(json.loads(json.dumps(fix.to_dict()))) == fix


def test_trema_start_is_the_strongest_evidence() -> None:
    trema = split_kerning(["ge", "ïnformeerd"])[0]
    plain = split_kerning(["verantwoordelijk", "heid"])[0]
    assert trema.confidence > plain.confidence


def _corpus_lines(corpus_dir: Path) -> dict[str, list[str]]:
    docs: dict[str, list[str]] = {}
    for pdf_path in sorted((corpus_dir / "letters").glob("*.pdf")):
        with pdfplumber.open(pdf_path) as pdf:
            docs[pdf_path.name] = [
                line for page in pdf.pages for line in (page.extract_text() or "").split("\n")
            ]
    seed = corpus_dir / "seed" / "kst-31015-136.txt"
    docs[seed.name] = seed.read_text(encoding="utf-8").split("\n")
    return docs


@pytest.mark.corpus
def test_no_merges_on_clean_corpus_text(corpus_dir: Path) -> None:
    """The letters' pdfplumber text and the seed have no kerning splits: nothing may be merged."""
    proposals = []
    for name, lines in _corpus_lines(corpus_dir).items():
        vocabulary = DocumentVocabulary.from_text("\n".join(lines))
        for line in lines:
            tokens = line.split(" ")
            for fix in split_kerning(tokens, vocabulary=vocabulary):
                proposals.append((name, tokens[fix.index], tokens[fix.index + 1]))
    assert proposals == []
