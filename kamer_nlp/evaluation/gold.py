"""The gold labels of a split: inventory anchors joined with their labels.

A labelled sentence is an inventory row (``inventory/batch-*.jsonl`` for the training part,
``inventory/heldout-*.jsonl`` for the held-out part; the double-labelling batch is a copy of
training rows and is not read here) with the label of ``labels/<batch>.<labeller>.jsonl``.
Where ``adjudicated.jsonl`` holds a key, its label and link replace the batch label's (the
decision after a disagreement between the batch labeller and the second labeller). Rows of
a batch nobody has labelled yet are counted as unlabelled and left out.

Gold due dates (``due/<split>.jsonl``: ``{"key", "due": "YYYY-MM-DD" | null, "note"}``) are
written by hand for the promises that have a deadline, following ``docs/temporal.md``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kamer_nlp.evaluation.anchors import Anchor
from kamer_nlp.evaluation.labels import BASE, LABELS, LINKS, NAME, read_labels

__all__ = [
    "ADJUDICATED",
    "GoldSentence",
    "GoldSet",
    "load_adjudicated",
    "load_gold",
]

ADJUDICATED = "adjudicated.jsonl"
PREFIX = {"train": "batch", "heldout": "heldout"}


@dataclass(frozen=True)
class GoldSentence:
    key: str
    anchor: Anchor
    group: str
    role: str | None
    label: str  # promise | plan | not
    link: str  # none | mention | fulfils
    actor: str = ""
    deadline: str = ""
    due: str | None = None  # gold due date (ISO), when written
    has_due: bool = False  # whether a gold due date (possibly null) was written
    adjudicated: bool = False

    @property
    def doc(self) -> str:
        return self.anchor.doc


@dataclass(frozen=True)
class GoldSet:
    sentences: tuple[GoldSentence, ...]
    unlabelled: int  # inventory rows of the split without a label yet
    unlabelled_batches: tuple[str, ...]


def _jsonl(path: Path) -> list[dict[str, Any]]:
    if not path.is_file():
        return []
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def load_adjudicated(base: Path = BASE) -> dict[str, dict[str, Any]]:
    """The adjudicated labels by key (``label``, ``link``, ``reason``)."""
    rows = _jsonl(base / ADJUDICATED)
    for row in rows:
        if row.get("label") not in LABELS or row.get("link") not in LINKS:
            raise ValueError(f"{base / ADJUDICATED}: bad label or link in {row}")
    return {str(r["key"]): r for r in rows}


def _batch_labels(base: Path, batch: str) -> dict[str, dict[str, Any]]:
    labels: dict[str, dict[str, Any]] = {}
    for path in sorted((base / "labels").glob(f"{batch}.*.jsonl")):
        if NAME.match(path.name):
            for key, row in read_labels(path).items():
                labels.setdefault(key, row)
    return labels


def load_gold(split: str, base: Path = BASE, *, batches: Iterable[str] | None = None) -> GoldSet:
    """The labelled sentences of ``split`` (``train`` | ``heldout``)."""
    if split not in PREFIX:
        raise ValueError(f"split {split!r} is not one of {sorted(PREFIX)}")
    adjudicated = load_adjudicated(base)
    dues = {str(r["key"]): r for r in _jsonl(base / "due" / f"{split}.jsonl")}
    paths = sorted((base / "inventory").glob(f"{PREFIX[split]}-*.jsonl"))
    if batches is not None:
        wanted = set(batches)
        paths = [p for p in paths if p.stem in wanted]
    out: list[GoldSentence] = []
    unlabelled = 0
    missing: list[str] = []
    for path in paths:
        labels = _batch_labels(base, path.stem)
        rows = _jsonl(path)
        n_missing = 0
        for row in rows:
            lab = labels.get(row["key"])
            if lab is None:
                n_missing += 1
                continue
            adj = adjudicated.get(row["key"])
            due = dues.get(row["key"])
            out.append(
                GoldSentence(
                    key=row["key"],
                    anchor=Anchor.from_dict(row),
                    group=row["group"],
                    role=row.get("role"),
                    label=str((adj or lab)["label"]),
                    link=str((adj or lab)["link"]),
                    actor=str(lab.get("actor") or ""),
                    deadline=str(lab.get("deadline") or ""),
                    due=(due or {}).get("due"),
                    has_due=due is not None,
                    adjudicated=adj is not None,
                )
            )
        if n_missing:
            unlabelled += n_missing
            missing.append(path.stem)
    return GoldSet(tuple(out), unlabelled, tuple(missing))
