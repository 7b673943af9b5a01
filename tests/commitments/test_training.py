"""The labelled set, the cross-validated floors and the shipped model."""

from __future__ import annotations

import json
from collections import Counter
from importlib import resources
from pathlib import Path

import pytest

from kamer_nlp.commitments.cues import CueSet
from kamer_nlp.commitments.model import CommitmentModel
from kamer_nlp.commitments.training import Example, load_examples, train_commitments

DATA = (
    Path(__file__).resolve().parents[2] / "data" / "annotated" / "commitments" / "sentences.jsonl"
)


@pytest.fixture(scope="module")
def trained(corpus_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[dict, Path]:
    """Trained on the whole set: the sentences read from the debate transcript need the corpus."""
    path = tmp_path_factory.mktemp("model") / "model.json"
    return train_commitments(DATA, path, seed=0), path


def test_corpus_rows_hold_offsets_not_text() -> None:
    for line in DATA.read_text(encoding="utf-8").splitlines():
        raw = json.loads(line)
        if raw["source"] == "corpus-reading":
            assert "text" not in raw and "corpus_ref" in raw
            assert all("text" not in (raw.get(k) or {}) for k in ("action", "deadline"))


def test_without_the_corpus_only_the_written_sentences_load(tmp_path: Path) -> None:
    examples = load_examples(DATA, corpus_dir=tmp_path)
    assert examples and {e.source for e in examples} == {"written"}


def test_labelled_set_shape(corpus_dir: Path) -> None:
    examples = load_examples(DATA, corpus_dir=corpus_dir)
    assert len(examples) >= 860
    labels = Counter(e.label for e in examples)
    assert labels["commitment"] >= 100 and labels["link"] >= 30 and labels["none"] >= 200
    assert {e.source for e in examples} == {"written", "corpus-reading"}
    for e in examples:
        if e.label == "commitment":
            assert e.action is not None, e.id
    assert len({e.text for e in examples}) == len(examples)


def test_offsets_round_trip() -> None:
    for line in DATA.read_text(encoding="utf-8").splitlines():
        raw = json.loads(line)
        if "text" not in raw:
            continue
        ex = Example.from_dict(raw)
        for key in ("action", "deadline"):
            if raw.get(key):
                assert ex.text[raw[key]["start"] : raw[key]["end"]] == raw[key]["text"]


def test_bad_offsets_rejected() -> None:
    with pytest.raises(ValueError):
        Example.from_dict(
            {
                "id": "x",
                "text": "Ik zal.",
                "label": "commitment",
                "source": "written",
                "action": {"start": 3, "end": 99},
            }
        )
    with pytest.raises(ValueError):
        Example.from_dict({"id": "x", "text": "Ik zal.", "label": "maybe", "source": "written"})


def test_cross_validated_floors(trained: tuple[dict, Path]) -> None:
    result, _ = trained
    assert result["precision"] >= 0.88
    assert result["f1"] >= 0.87
    assert result["recall"] >= 0.85
    assert result["link"]["f1"] >= 0.85
    assert result["n"] >= 860


def test_training_is_deterministic_and_shipped_model_is_current(trained: tuple[dict, Path]) -> None:
    """Retraining reproduces the shipped model byte for byte (retrain after changing data or cues)."""
    _, path = trained
    shipped = (
        resources.files("kamer_nlp.resources")
        .joinpath("commitments", "model.json")
        .read_text(encoding="utf-8")
    )
    assert path.read_text(encoding="utf-8") == shipped
    assert len(shipped.encode("utf-8")) < 2_000_000


def test_model_rejects_other_cues() -> None:
    model = CommitmentModel.default()
    cues = CueSet.default()
    fewer = CueSet.from_dict({**cues.to_dict(), "cues": [c.to_dict() for c in cues.cues[:-1]]})
    with pytest.raises(ValueError, match="retrain"):
        model.predict_proba(["Ik zal het doen."], fewer)
