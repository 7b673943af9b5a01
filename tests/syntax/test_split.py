"""The fixed split of the UD Dutch treebanks (kamer_nlp/syntax/split.py)."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from kamer_nlp.syntax.split import (
    Part,
    Sentence,
    document_of,
    is_held_out_document,
    part_of,
    read_conllu,
    treebank_files,
)

TREEBANKS = Path(__file__).resolve().parents[2].parent / "shared" / "treebanks"


@pytest.mark.parametrize(
    ("sent_id", "document"),
    [
        ("WR-P-P-H-0000000105\\WR-P-P-H-0000000105.p.5.s.4", "WR-P-P-H-0000000105"),
        ("WR-P-P-H-0000000055\\WR-P-P-H-0000000055.p.4.s.3.1", "WR-P-P-H-0000000055"),
        ("wiki-5716.p.18.s.1", "wiki-5716"),
        ("WR-P-E-I-0000000001.p.1.s.1_2", "WR-P-E-I-0000000001"),
    ],
)
def test_the_document_part_of_a_sent_id(sent_id: str, document: str) -> None:
    assert document_of(sent_id) == document


def test_an_unexpected_sent_id_is_an_error() -> None:
    with pytest.raises(ValueError):
        document_of("no-paragraph-here")


def test_held_out_is_sha1_mod_5_of_the_document() -> None:
    for doc in ("wiki-135", "wiki-5716", "WR-P-P-H-0000000005"):
        expected = int(hashlib.sha1(doc.encode()).hexdigest(), 16) % 5 == 0
        assert is_held_out_document(doc) is expected


def _sentence(sent_id: str, file: str) -> Sentence:
    return Sentence("nl_lassysmall", file, sent_id, "x", (("1", "x") + ("_",) * 8,))


def test_only_test_file_sentences_are_held_out() -> None:
    held = next(d for d in (f"wiki-{n}" for n in range(100)) if is_held_out_document(d))
    assert part_of(_sentence(f"{held}.p.1.s.1", "nl_lassysmall-ud-test.conllu")) is Part.HELD_OUT
    assert part_of(_sentence(f"{held}.p.1.s.1", "nl_lassysmall-ud-dev.conllu")) is not Part.HELD_OUT


@pytest.mark.skipif(not TREEBANKS.is_dir(), reason="../shared/treebanks not present")
def test_no_held_out_document_is_trained_on() -> None:
    sentences = [s for f in treebank_files(TREEBANKS) for s in read_conllu(f)]
    assert len(sentences) == 718 + 596 + 1542 + 1761
    held = {s.document for s in sentences if part_of(s) is Part.HELD_OUT}
    trained = {s.document for s in sentences if part_of(s) is not Part.HELD_OUT}
    assert held and not held & trained
    counts = {
        tb: sum(1 for s in sentences if s.treebank == tb and part_of(s) is Part.HELD_OUT)
        for tb in ("nl_alpino", "nl_lassysmall")
    }
    assert counts == {"nl_alpino": 365, "nl_lassysmall": 158}
