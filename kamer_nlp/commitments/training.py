"""Train and evaluate the commitment classifier on the labelled sentences.

``train_commitments`` is what ``kamer-nlp train commitments`` calls: stratified
k-fold cross-validation (deterministic for a given seed), then one fit on all
data, saved as the JSON model the component loads.

Training needs scikit-learn and scipy, the ``train`` extra
(``pip install 'kamer-nlp[train]'``; the ``dev`` extra includes it); annotating does not.
"""

from __future__ import annotations

import hashlib
import html
import importlib.util
import json
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from kamer_nlp.commitments.cues import CueSet
from kamer_nlp.commitments.features import feature_matrix, fit_vocabulary
from kamer_nlp.commitments.model import LABELS, CommitmentModel, allowed_labels, decide

log = logging.getLogger(__name__)

SOURCES = ("written", "corpus-reading")
DEFAULT_C = 16.0
DEFAULT_CUE_WEIGHT = 0.6
DEFAULT_FOLDS = 5
TRAIN_EXTRA = "kamer-nlp[train]"
TRAIN_MODULES = {"sklearn": "scikit-learn", "scipy": "scipy"}


class TrainExtraMissing(ImportError):
    """scikit-learn or scipy is not installed; the message is one line for the user."""


def train_extra_missing() -> str | None:
    """A one-line message naming the ``train`` extra when its packages are missing, else None."""
    missing = [name for module, name in TRAIN_MODULES.items() if not _importable(module)]
    if not missing:
        return None
    return (
        f"training needs {' and '.join(missing)}, which "
        f"{'is' if len(missing) == 1 else 'are'} not installed: pip install '{TRAIN_EXTRA}'"
    )


def _importable(module: str) -> bool:
    try:
        return importlib.util.find_spec(module) is not None
    except (ImportError, ValueError):
        return False


def require_train_extra() -> None:
    message = train_extra_missing()
    if message:
        raise TrainExtraMissing(message)


@dataclass(frozen=True)
class Example:
    id: str
    text: str
    label: str
    source: str
    action: tuple[int, int] | None = None
    deadline: tuple[int, int] | None = None

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Example:
        label = data["label"]
        if label not in LABELS:
            raise ValueError(f"{data.get('id')}: label {label!r} not in {LABELS}")
        if data.get("source") not in SOURCES:
            raise ValueError(f"{data.get('id')}: source {data.get('source')!r} not in {SOURCES}")
        text = data["text"]

        def offsets(key: str) -> tuple[int, int] | None:
            value = data.get(key)
            if value is None:
                return None
            start, end = int(value["start"]), int(value["end"])
            if not 0 <= start < end <= len(text):
                raise ValueError(f"{data['id']}: {key} offsets {start}:{end} outside the text")
            if "text" in value and text[start:end] != value["text"]:
                raise ValueError(f"{data['id']}: {key} text does not match its offsets")
            return start, end

        return cls(data["id"], text, label, data["source"], offsets("action"), offsets("deadline"))

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"id": self.id, "text": self.text, "label": self.label}
        for key, value in (("action", self.action), ("deadline", self.deadline)):
            if value is not None:
                data[key] = {
                    "start": value[0],
                    "end": value[1],
                    "text": self.text[value[0] : value[1]],
                }
        data["source"] = self.source
        return data


def default_corpus_dir(data_path: str | Path) -> Path:
    """``../shared/corpus`` beside the project that holds ``data/annotated/commitments/``."""
    return Path(data_path).resolve().parents[3].parent / "shared" / "corpus"


def _resolve_text(
    data: dict[str, Any], corpus_dir: Path | None, cache: dict[Path, str]
) -> str | None:
    """Rows read from the corpus store offsets only; their text is read from the corpus file."""
    if "text" in data:
        return str(data["text"])
    ref = data.get("corpus_ref")
    if ref is None or corpus_dir is None:
        return None
    path = corpus_dir / ref["path"]
    if path not in cache:
        if not path.is_file():
            return None
        cache[path] = path.read_text(encoding="utf-8")
    return html.unescape(cache[path][ref["start"] : ref["end"]])


def load_examples(path: str | Path, *, corpus_dir: Path | None = None) -> list[Example]:
    """The labelled sentences; rows that point into the reference corpus are read from it when
    it is there (``corpus_dir``, default ``../shared/corpus``) and left out when it is not."""
    corpus_dir = default_corpus_dir(path) if corpus_dir is None else corpus_dir
    examples: list[Example] = []
    seen: set[str] = set()
    cache: dict[Path, str] = {}
    unresolved = 0
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            data = json.loads(line)
            text = _resolve_text(data, corpus_dir, cache)
            if text is None:
                unresolved += 1
                continue
            ex = Example.from_dict({**data, "text": text})
            if ex.id in seen:
                raise ValueError(f"{path}:{n}: duplicate id {ex.id!r}")
            seen.add(ex.id)
            examples.append(ex)
    if unresolved:
        log.warning(
            "%d labelled sentences point into a reference corpus not found at %s",
            unresolved,
            corpus_dir,
        )
    return examples


def fit_model(
    texts: Sequence[str],
    labels: Sequence[str],
    cues: CueSet,
    *,
    c: float = DEFAULT_C,
    cue_weight: float = DEFAULT_CUE_WEIGHT,
) -> CommitmentModel:
    from sklearn.linear_model import LogisticRegression

    vocab, idf = fit_vocabulary(texts)
    x = feature_matrix(texts, vocab, idf, cues, cue_weight)
    clf = LogisticRegression(C=c, max_iter=5000, solver="lbfgs", class_weight="balanced")
    clf.fit(x, list(labels))
    return CommitmentModel(
        classes=tuple(str(k) for k in clf.classes_),
        vocabulary=vocab,
        idf=idf,
        cue_ids=cues.feature_ids,
        cue_weight=cue_weight,
        coef=np.asarray(clf.coef_, dtype=np.float64),
        intercept=np.asarray(clf.intercept_, dtype=np.float64),
    )


def predict_labels(
    model: CommitmentModel, texts: Sequence[str], cues: CueSet, *, threshold: float = 0.5
) -> list[str]:
    """The component's decision rule: only cue candidates can be commitments or links."""
    proba = model.predict_proba(texts, cues)
    return [
        decide(row, model.classes, threshold, allowed_labels(cues.match(text)))[0]
        for text, row in zip(texts, proba, strict=True)
    ]


def prf(gold: Sequence[str], pred: Sequence[str], label: str) -> dict[str, float | int]:
    tp = sum(1 for g, p in zip(gold, pred, strict=True) if g == label and p == label)
    fp = sum(1 for g, p in zip(gold, pred, strict=True) if g != label and p == label)
    fn = sum(1 for g, p in zip(gold, pred, strict=True) if g == label and p != label)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "f1": round(f1, 4),
        "tp": tp,
        "fp": fp,
        "fn": fn,
    }


def cross_validate(
    examples: Sequence[Example], cues: CueSet, *, seed: int = 0, folds: int = DEFAULT_FOLDS
) -> dict[str, Any]:
    from sklearn.model_selection import StratifiedKFold

    texts = [e.text for e in examples]
    gold = [e.label for e in examples]
    pred = [""] * len(examples)
    splitter = StratifiedKFold(n_splits=folds, shuffle=True, random_state=seed)
    for train_idx, test_idx in splitter.split(np.zeros(len(gold)), gold):
        model = fit_model([texts[i] for i in train_idx], [gold[i] for i in train_idx], cues)
        for i, label in zip(
            test_idx, predict_labels(model, [texts[i] for i in test_idx], cues), strict=True
        ):
            pred[i] = label
    errors = [
        {"id": e.id, "gold": g, "pred": p}
        for e, g, p in zip(examples, gold, pred, strict=True)
        if g != p
    ]
    return {
        "commitment": prf(gold, pred, "commitment"),
        "link": prf(gold, pred, "link"),
        "errors": errors,
    }


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def train_commitments(
    data_path: str | Path,
    model_path: str | Path,
    *,
    seed: int = 0,
    folds: int = DEFAULT_FOLDS,
    cues: CueSet | None = None,
) -> dict[str, Any]:
    """Cross-validate, fit on all data, save the model; returns the CV figures.

    The returned dict has ``precision``, ``recall`` and ``f1`` for the
    commitment class (pooled over the folds), the same under ``link``, the
    counts per label and source, and the misclassified example ids.
    """
    require_train_extra()
    data_path = Path(data_path)
    cues = cues or CueSet.default()
    examples = load_examples(data_path)
    cv = cross_validate(examples, cues, seed=seed, folds=folds)
    counts = {label: sum(1 for e in examples if e.label == label) for label in LABELS}
    sources = {src: sum(1 for e in examples if e.source == src) for src in SOURCES}
    model = fit_model([e.text for e in examples], [e.label for e in examples], cues)
    summary = {
        "precision": cv["commitment"]["precision"],
        "recall": cv["commitment"]["recall"],
        "f1": cv["commitment"]["f1"],
        "link": cv["link"],
        "n": len(examples),
        "labels": counts,
        "sources": sources,
        "folds": folds,
        "seed": seed,
    }
    info = {
        **{k: v for k, v in summary.items()},
        "data_sha256": _sha256(data_path),
        "cue_version": cues.version,
    }
    model = CommitmentModel(**{**model.__dict__, "info": info})
    model.save(model_path)
    log.info(
        "commitments: P=%.3f R=%.3f F1=%.3f over %d sentences (%d-fold CV)",
        summary["precision"],
        summary["recall"],
        summary["f1"],
        len(examples),
        folds,
    )
    return {**summary, "errors": cv["errors"], "model_path": str(model_path)}
