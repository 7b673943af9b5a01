"""scikit-learn and scipy are the ``train`` extra: scoring works without them, with the
same numbers as the sparse product that training uses; training names the extra."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from kamer_nlp.commitments.cues import CueSet
from kamer_nlp.commitments.features import feature_matrix, feature_rows, linear_scores
from kamer_nlp.commitments.model import CommitmentModel
from kamer_nlp.commitments.training import load_examples

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "data" / "annotated" / "commitments" / "sentences.jsonl"
SENTENCES = [
    "Ik zal uw Kamer voor de zomer informeren over de uitkomsten.",
    "Het kabinet stuurt uw Kamer uiterlijk in het najaar een voortgangsrapportage.",
    "Zoals toegezegd in het commissiedebat van 6 november 2017 stuur ik u deze brief.",
    "De regeling is in 2019 ingevoerd.",
    "",
]
# Run with scikit-learn and scipy made unimportable (as on an install without the extra).
BLOCKED = """
import sys
for name in ("scipy", "sklearn"):
    sys.modules[name] = None
"""


def _run_blocked(code: str) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]),
    }
    return subprocess.run(
        [sys.executable, "-c", BLOCKED + code],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=120,
    )


def test_scoring_needs_neither_scipy_nor_sklearn() -> None:
    model, cues = CommitmentModel.default(), CueSet.default()
    expected = model.predict_proba(SENTENCES, cues).tolist()
    result = _run_blocked(
        f"""
import json
from kamer_nlp.commitments.cues import CueSet
from kamer_nlp.commitments.model import CommitmentModel
proba = CommitmentModel.default().predict_proba({SENTENCES!r}, CueSet.default())
assert "scipy" not in [m for m, v in sys.modules.items() if v is not None]
print(json.dumps(proba.tolist()))
"""
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == expected  # exactly: floats survive JSON round trips


def test_train_without_the_extra_is_one_line_naming_it() -> None:
    result = _run_blocked(
        """
from kamer_nlp.cli import app
app(["train", "commitments"], prog_name="kamer-nlp")
"""
    )
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "kamer-nlp[train]" in lines[0] and "scikit-learn" in lines[0]


def test_scores_equal_the_sparse_product_bit_for_bit(corpus_dir: Path) -> None:
    """The numpy scoring adds each row's terms in scipy's CSR order: not one bit differs."""
    pytest.importorskip("scipy")
    model, cues = CommitmentModel.default(), CueSet.default()
    texts = [e.text for e in load_examples(DATA, corpus_dir=corpus_dir)] + SENTENCES
    args = (model.vocabulary, model.idf, cues, model.cue_weight)
    sparse_scores = np.asarray(feature_matrix(texts, *args) @ model.coef.T) + model.intercept
    scores = linear_scores(feature_rows(texts, *args), model.coef, model.intercept)
    assert scores.shape == sparse_scores.shape
    assert np.array_equal(scores.view(np.int64), sparse_scores.view(np.int64))
