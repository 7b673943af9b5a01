"""The commitment classifier as plain data.

A multinomial logistic regression over :mod:`features`, stored as JSON
(vocabulary, idf, coefficients) rather than a pickle: small, diffable,
deterministic, and loadable whatever the installed scikit-learn version.
Scoring needs numpy only; scikit-learn and scipy (the ``train`` extra) are only
needed to train (:mod:`training`).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np

from kamer_nlp.commitments.cues import COMMITMENT, LINK, VETO, CueMatch, CueSet
from kamer_nlp.commitments.features import feature_rows, linear_scores

MODEL_RESOURCE = ("commitments", "model.json")
MODEL_FORMAT = "kamer-commitments-linear/1"
LABELS = ("commitment", "link", "none")


@dataclass(frozen=True, eq=False)
class CommitmentModel:
    classes: tuple[str, ...]
    vocabulary: dict[str, int]
    idf: np.ndarray
    cue_ids: tuple[str, ...]
    cue_weight: float
    coef: np.ndarray  # (n_classes, n_features)
    intercept: np.ndarray  # (n_classes,)
    info: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def default(cls) -> CommitmentModel:
        ref = resources.files("kamer_nlp.resources").joinpath(*MODEL_RESOURCE)
        return cls.from_dict(json.loads(ref.read_text(encoding="utf-8")))

    @classmethod
    def from_path(cls, path: str | Path) -> CommitmentModel:
        return cls.from_dict(json.loads(Path(path).read_text(encoding="utf-8")))

    def save(self, path: str | Path) -> None:
        Path(path).write_text(self.to_json(), encoding="utf-8")

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, sort_keys=True, separators=(",", ":"))

    def to_dict(self) -> dict[str, Any]:
        terms = sorted(self.vocabulary, key=self.vocabulary.__getitem__)
        return {
            "format": MODEL_FORMAT,
            "classes": list(self.classes),
            "terms": terms,
            "idf": [round(float(x), 6) for x in self.idf],
            "cue_ids": list(self.cue_ids),
            "cue_weight": self.cue_weight,
            "coef": [[round(float(x), 6) for x in row] for row in self.coef],
            "intercept": [round(float(x), 6) for x in self.intercept],
            "info": self.info,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> CommitmentModel:
        if data.get("format") != MODEL_FORMAT:
            raise ValueError(f"not a commitment model: format {data.get('format')!r}")
        return cls(
            classes=tuple(data["classes"]),
            vocabulary={t: i for i, t in enumerate(data["terms"])},
            idf=np.asarray(data["idf"], dtype=np.float64),
            cue_ids=tuple(data["cue_ids"]),
            cue_weight=float(data["cue_weight"]),
            coef=np.asarray(data["coef"], dtype=np.float64),
            intercept=np.asarray(data["intercept"], dtype=np.float64),
            info=dict(data.get("info", {})),
        )

    def check_cues(self, cues: CueSet) -> None:
        ids = cues.feature_ids
        if ids != self.cue_ids:
            raise ValueError(
                "the commitment model was trained with other cue patterns; retrain it "
                "(kamer-nlp train commitments)"
            )

    def predict_proba(self, texts: Sequence[str], cues: CueSet) -> np.ndarray:
        """Class probabilities, shape (len(texts), len(classes))."""
        if not texts:
            return np.zeros((0, len(self.classes)))
        self.check_cues(cues)
        rows = feature_rows(texts, self.vocabulary, self.idf, cues, self.cue_weight)
        scores = linear_scores(rows, self.coef, self.intercept)
        if len(self.classes) == 2:  # binary LR stores one row: P(classes[1])
            p1 = 1.0 / (1.0 + np.exp(-scores[:, 0]))
            return np.column_stack([1.0 - p1, p1])
        scores -= scores.max(axis=1, keepdims=True)
        exp = np.exp(scores)
        return exp / exp.sum(axis=1, keepdims=True)


def decide(
    proba: np.ndarray, classes: tuple[str, ...], threshold: float, allowed: set[str]
) -> tuple[str, float]:
    """The label of one candidate.

    Only labels whose cue kind matched the sentence are ``allowed`` (a link
    needs a "toezegging" cue); the most probable allowed label wins unless it
    is below ``threshold``, in which case the sentence is "none".
    """
    allowed = set(allowed) | {"none"}
    ranked = sorted(range(len(classes)), key=lambda i: -float(proba[i]))
    best = next(i for i in ranked if classes[i] in allowed)
    label, p = classes[best], float(proba[best])
    if label != "none" and p < threshold:
        return "none", float(proba[classes.index("none")]) if "none" in classes else 1.0 - p
    return label, p


def allowed_labels(matches: list[CueMatch]) -> set[str]:
    """The labels a candidate may get: the kinds of its cues, less "commitment" after a veto."""
    allowed = {m.kind for m in matches if m.kind in (COMMITMENT, LINK)}
    if any(m.kind == VETO for m in matches):
        allowed.discard(COMMITMENT)
    return allowed
