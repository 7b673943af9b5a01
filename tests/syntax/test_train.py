"""Training the syntax model (kamer_nlp/syntax/train.py, `kamer-nlp train syntax`)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import spacy
from typer.testing import CliRunner

from kamer_nlp.cli import app
from kamer_nlp.nlp.pipeline import syntax_model_path

TREEBANKS = Path(__file__).resolve().parents[2].parent / "shared" / "treebanks"
runner = CliRunner()


def test_train_syntax_without_treebanks_is_a_usage_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["train", "syntax", "--treebanks", str(tmp_path)])
    assert result.exit_code == 2
    assert "pass --treebanks" in result.output


def test_the_shipped_model_has_its_card_licences_and_scores() -> None:
    model = syntax_model_path()
    for name in (
        "README.md",
        "LICENSE-UD_Dutch-Alpino.txt",
        "LICENSE-UD_Dutch-LassySmall.txt",
        "scores.json",
        "split.json",
        "meta.json",
    ):
        assert (model / name).is_file(), name
    meta = json.loads((model / "meta.json").read_text(encoding="utf-8"))
    assert meta["license"] == "CC BY-SA 4.0"
    scores = json.loads((model / "scores.json").read_text(encoding="utf-8"))
    mean = scores["gold_tokens"]["mean"]
    assert mean["upos"] >= 0.93 and mean["las"] >= 0.72  # the floors
    assert scores["size_bytes"] < 15_000_000
    assert "CC BY-SA 4.0" in (model / "README.md").read_text(encoding="utf-8")


@pytest.mark.slow
@pytest.mark.skipif(not TREEBANKS.is_dir(), reason="../shared/treebanks not present")
def test_train_syntax_end_to_end_in_a_few_steps(tmp_path: Path) -> None:
    """The whole path (convert, train, evaluate, write) with a few training steps."""
    from kamer_nlp.syntax.train import train_syntax

    out = tmp_path / "model"
    scores = train_syntax(
        TREEBANKS,
        out,
        overrides={"training.max_steps": 10, "training.eval_frequency": 5},
        workdir=tmp_path / "work",
    )
    assert set(scores["gold_tokens"]) == {"nl_alpino", "nl_lassysmall", "mean"}
    assert scores["alignment"]["nl_alpino"]["rate"] > 0.99
    nlp = spacy.load(out)
    assert nlp.pipe_names == ["tok2vec", "tagger", "morphologizer", "parser"]
    assert nlp.meta["license"] == "CC BY-SA 4.0"
    config = (out / "config.cfg").read_text(encoding="utf-8")
    assert str(tmp_path) not in config  # no machine paths in the shipped config
    for name in ("README.md", "scores.json", "split.json", "LICENSE-UD_Dutch-Alpino.txt"):
        assert (out / name).is_file()
