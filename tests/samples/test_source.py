"""The sample source documents load, round-trip and validate."""

from __future__ import annotations

import pytest

from kamer_samples.markup import plain_text
from kamer_samples.source import SampleDocument, SourceBlock, load_documents


def test_documents_load_and_round_trip() -> None:
    docs = load_documents()
    assert docs
    for doc in docs:
        assert SampleDocument.from_dict(doc.to_dict()) == doc
        assert doc.meta["id"] == doc.stem


def test_each_document_forces_all_three_hyphen_kinds() -> None:
    for doc in load_documents():
        markup = " ".join(b.text for b in doc.blocks)
        assert "-|" in markup and "-| " in markup, doc.stem  # keep, keep_space
        assert "|" not in plain_text(markup)


def test_marker_and_note_labels_must_match() -> None:
    data = load_documents()[0].to_dict()
    data["blocks"] = [b for b in data["blocks"] if "[^" not in b["text"]]
    with pytest.raises(ValueError, match="markers"):
        SampleDocument.from_dict(data)


def test_block_validation() -> None:
    with pytest.raises(ValueError):
        SourceBlock(kind="poem", text="x")
    with pytest.raises(ValueError):
        SourceBlock(kind="list_item", text="x")
    with pytest.raises(ValueError):
        SampleDocument.from_dict({"format": "other"})
