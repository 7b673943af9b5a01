"""The sentence inventory: sentence spans, debate selection and batching (quick), and the
committed batch files against the reference corpus (corpus, slow)."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from kamer_nlp.evaluation.anchors import Anchor
from kamer_nlp.evaluation.corpus import CorpusDoc, document_text, documents, split_of
from kamer_nlp.evaluation.debates import Debate, Turn
from kamer_nlp.evaluation.inventory import (
    DocSentences,
    batch_rows,
    debate_selection,
    make_batches,
    sentence_spans,
)

INVENTORY = Path(__file__).resolve().parents[2] / "data" / "labels" / "commitments" / "inventory"


def test_sentence_spans_trimmed_and_without_empty() -> None:
    text = "Ik zal uw Kamer informeren. Dat doe ik voor de zomer.\n\n—\n\nEinde."
    spans = sentence_spans(text)
    assert [text[s:e] for s, e in spans] == [
        "Ik zal uw Kamer informeren.",
        "Dat doe ik voor de zomer.",
        "Einde.",
    ]


def _debate(roles: list[str]) -> Debate:
    turns: list[Turn] = []
    parts: list[str] = []
    pos = 0
    for k, role in enumerate(roles):
        body = f"Zin een van beurt {k}. Zin twee van beurt {k}."
        if parts:
            parts.append("\n\n")
            pos += 2
        turns.append(Turn(f"s{k}", role, None, (body,), pos, pos + len(body)))
        parts.append(body)
        pos += len(body)
    return Debate("".join(parts), tuple(turns))


def test_debate_selection_takes_government_turns_and_member_neighbours() -> None:
    debate = _debate(["member", "member", "chair", "minister", "chair", "member", "member"])
    spans = sentence_spans(debate.text)
    idx, roles, note = debate_selection(debate, spans)
    turns = sorted({debate.turn_at(spans[i][0]) or 0 for i in idx})
    assert turns == [1, 3, 5]  # the member before and after, over the chair
    assert roles == ["member", "member", "minister", "minister", "member", "member"]
    assert note == ""


def test_debate_selection_cap() -> None:
    debate = _debate(["minister", "member"] * 10)
    spans = sentence_spans(debate.text)
    idx, _, note = debate_selection(debate, spans, cap=8)
    assert len(idx) <= 8 and idx == sorted(idx) and note.startswith("capped")
    assert debate_selection(debate, spans, cap=8) == (idx, _, note)  # seeded


def _doc(n: int, name: str) -> DocSentences:
    text = " ".join(f"Zin {k}." for k in range(n))
    doc = CorpusDoc(name, "older_letters", "sgd", Path("x"), name)
    spans = sentence_spans(text)
    return DocSentences(doc, text, spans, [None] * len(spans))


def test_batches_keep_documents_whole() -> None:
    docs = [_doc(100, "a"), _doc(100, "b"), _doc(100, "c"), _doc(400, "d"), _doc(10, "e")]
    docs += [_doc(60, "f"), _doc(100, "g")]
    batches = make_batches(docs, "batch", lo=150, hi=250)
    assert [[d.doc.doc_id for d in b] for _, b in batches] == [
        ["a", "b"],
        ["c"],  # a long document comes next: it gets a batch of its own
        ["d"],
        ["e", "f", "g"],
    ]
    assert [name for name, _ in batches] == [f"batch-00{k}" for k in range(1, 5)]
    rows = batch_rows("batch-001", batches[0][1])
    assert rows[0]["key"] == "batch-001-0001" and len(rows) == 200
    assert set(rows[0]) == {
        "key",
        "doc",
        "start",
        "end",
        "norm_len",
        "norm_sha1",
        "group",
        "split",
        "role",
    }


@pytest.mark.corpus
def test_committed_batches_resolve_exactly(corpus_dir: Path) -> None:
    """Every committed anchor still matches the product's current text exactly, the batch
    files hold no text, the manifest's text digests are current, and the split is right."""
    manifest = json.loads((INVENTORY / "manifest.json").read_text(encoding="utf-8"))
    registry = {d.doc_id: d for d in documents(corpus_dir)}
    texts: dict[str, str] = {}
    keys: set[str] = set()
    for path in sorted(INVENTORY.glob("*.jsonl")):
        if path.name.startswith("double-"):
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            assert "text" not in row
            assert row["key"].startswith(path.stem + "-") and row["key"] not in keys
            keys.add(row["key"])
            assert row["split"] == split_of(row["doc"])
            assert (row["split"] == "heldout") == path.name.startswith("heldout-")
            if row["doc"] not in texts:
                texts[row["doc"]] = document_text(registry[row["doc"]])
                digest = hashlib.sha256(texts[row["doc"]].encode("utf-8")).hexdigest()
                assert manifest["documents"][row["doc"]]["text_sha256"] == digest
            assert Anchor.from_dict(row).matches(texts[row["doc"]]), row["key"]
    assert sum(b["sentences"] for b in manifest["batches"].values()) == len(keys)
