"""The document registry and the fixed split of issue #11 (quick: a fake corpus folder)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kamer_nlp.errors import ExtractionError
from kamer_nlp.evaluation.corpus import (
    CORPUS_ENV,
    corpus_root,
    document_text,
    documents,
    split_of,
)


@pytest.mark.parametrize(
    ("doc_id", "split"),
    [
        ("sgd-0000142770", "heldout"),
        ("sgd-0000142773", "heldout"),
        ("sgd-0000142777", "heldout"),
        ("sgd-0000142771", "train"),
        ("sgd-0000142779", "train"),
        ("handelingen/h-tk-20172018-70-9.xml", "heldout"),
        ("handelingen/h-tk-20172018-70-3.xml", "train"),
        ("debates/vlos-2014-10-15.xml", "heldout"),
        ("letters/Kamerbrief_innovatie_missie.pdf", "heldout"),
        ("letters/Kamerbrief_circulaire_economie.pdf", "train"),
        ("besluitenlijsten/besluitenlijst_example1.pdf", "train"),
    ],
)
def test_split_of(doc_id: str, split: str) -> None:
    assert split_of(doc_id) == split


def fake_corpus(root: Path) -> Path:
    (root / "seed").mkdir(parents=True)
    (root / "seed" / "kst-1-2.txt").write_text("Ik zal uw Kamer informeren.\n", encoding="utf-8")
    (root / "sgd").mkdir()
    rows = [{"id": "0000000013", "text": "Brief een."}, {"id": "0000000014", "text": "Brief twee."}]
    (root / "sgd" / "minister-letters-dev.jsonl").write_text(
        "".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8"
    )
    (root / "debates").mkdir()
    (root / "debates" / "x.xml").write_text("<officiele-publicatie/>", encoding="utf-8")
    return root


def test_registry_groups_ids_and_splits(tmp_path: Path) -> None:
    root = fake_corpus(tmp_path / "corpus")
    docs = list(documents(root))
    assert [(d.doc_id, d.group, d.kind, d.split) for d in docs] == [
        ("seed/kst-1-2.txt", "modern_letters", "txt", "train"),
        ("sgd-0000000013", "older_letters", "sgd", "heldout"),
        ("sgd-0000000014", "older_letters", "sgd", "train"),
        ("debates/x.xml", "debates", "debate", "train"),
    ]
    assert document_text(docs[0]).startswith("Ik zal uw Kamer informeren.")
    assert document_text(docs[2]).startswith("Brief twee.")
    with pytest.raises(ExtractionError):  # the product's XML reader: a debate without text
        document_text(docs[3])


def test_corpus_root_argument_env_and_absent(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert corpus_root(tmp_path / "missing") is None
    assert corpus_root(tmp_path) == tmp_path
    monkeypatch.setenv(CORPUS_ENV, str(tmp_path))
    assert corpus_root() == tmp_path
