"""Sentence features for the commitment classifier.

Two blocks, both computed from the sentence text alone so that training (on
labelled sentences) and inference (on Doc sentences) see the same input:
word 1–3-grams weighted by tf-idf, and one binary feature per cue pattern and
per derived (combined) cue feature.

:func:`feature_rows` computes them (numpy only: what inference needs);
:func:`feature_matrix` stacks the same rows into the scipy sparse matrix that training
hands to scikit-learn (scipy comes with the ``train`` extra and is imported there only).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np

from kamer_nlp.commitments.cues import CueSet

if TYPE_CHECKING:
    from scipy import sparse

# One sentence's non-zero features: column indices in ascending order, and their values.
Row = tuple[np.ndarray, np.ndarray]

_TOKEN = re.compile(r"[a-zà-ÿ0-9]+(?:['’\-][a-zà-ÿ0-9]+)*|\?")
_DIGITS = re.compile(r"\d")
NGRAM_MAX = 3


def tokens(text: str) -> list[str]:
    """Lower-cased word tokens; digits folded to 0 (years and numbers generalise)."""
    return ["<s>", *_TOKEN.findall(_DIGITS.sub("0", text.lower()))]


def ngrams(text: str, n_max: int = NGRAM_MAX) -> list[str]:
    toks = tokens(text)
    out: list[str] = []
    for n in range(1, n_max + 1):
        out.extend(" ".join(toks[i : i + n]) for i in range(len(toks) - n + 1))
    return out


def fit_vocabulary(texts: Sequence[str], *, min_df: int = 2) -> tuple[dict[str, int], np.ndarray]:
    """Vocabulary (sorted, so deterministic) and smoothed idf weights."""
    df: Counter[str] = Counter()
    for text in texts:
        df.update(set(ngrams(text)))
    terms = sorted(t for t, c in df.items() if c >= min_df)
    n = len(texts)
    idf = np.array([math.log((1 + n) / (1 + df[t])) + 1.0 for t in terms], dtype=np.float64)
    return {t: i for i, t in enumerate(terms)}, idf


def tfidf_rows(texts: Sequence[str], vocab: dict[str, int], idf: np.ndarray) -> list[Row]:
    """Sublinear tf times idf over the vocabulary's n-grams, L2-normalised per sentence."""
    rows: list[Row] = []
    for text in texts:
        counts = Counter(g for g in ngrams(text) if g in vocab)
        if not counts:
            rows.append((np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float64)))
            continue
        idx = np.array([vocab[g] for g in counts], dtype=np.int64)
        tf = np.array([1.0 + math.log(c) for c in counts.values()])  # sublinear tf
        weights = tf * idf[idx]
        weights /= np.linalg.norm(weights)  # in first-seen order, as it always was
        order = np.argsort(idx, kind="stable")
        rows.append((idx[order], weights[order]))
    return rows


def cue_columns(texts: Sequence[str], cues: CueSet) -> list[np.ndarray]:
    """Per sentence, the (ascending) indices in ``cues.feature_ids`` of the cue features firing."""
    index = {fid: i for i, fid in enumerate(cues.feature_ids)}
    return [
        np.array(sorted(index[cid] for cid in cues.features(cues.match(text))), dtype=np.int64)
        for text in texts
    ]


def feature_rows(
    texts: Sequence[str], vocab: dict[str, int], idf: np.ndarray, cues: CueSet, cue_weight: float
) -> list[Row]:
    """Each sentence's features: the tf-idf block, then the cue block (offset by the
    vocabulary size, each firing cue worth ``cue_weight``), column indices ascending."""
    offset = len(vocab)
    weight = 1.0 * cue_weight
    rows: list[Row] = []
    for (cols, vals), cue_cols in zip(
        tfidf_rows(texts, vocab, idf), cue_columns(texts, cues), strict=True
    ):
        rows.append(
            (
                np.concatenate([cols, cue_cols + offset]),
                np.concatenate([vals, np.full(len(cue_cols), weight, dtype=np.float64)]),
            )
        )
    return rows


def linear_scores(rows: Sequence[Row], coef: np.ndarray, intercept: np.ndarray) -> np.ndarray:
    """``X @ coef.T + intercept`` for the sparse rows, shape (len(rows), n_classes).

    Each row is summed term by term in ascending column order, starting from zero: the
    order (and so the floating-point result, to the last bit) of scipy's CSR product
    that training and earlier releases used.
    """
    weights = np.ascontiguousarray(coef.T, dtype=np.float64)  # (n_features, n_classes)
    scores = np.zeros((len(rows), weights.shape[1]), dtype=np.float64)
    for r, (cols, vals) in enumerate(rows):
        if len(cols):
            scores[r] = np.cumsum(vals[:, None] * weights[cols], axis=0)[-1]
    return scores + intercept


def feature_matrix(
    texts: Sequence[str], vocab: dict[str, int], idf: np.ndarray, cues: CueSet, cue_weight: float
) -> sparse.csr_matrix:
    """The rows of :func:`feature_rows` as one CSR matrix (training; needs scipy)."""
    from scipy import sparse

    rows = feature_rows(texts, vocab, idf, cues, cue_weight)
    indptr = np.zeros(len(rows) + 1, dtype=np.int64)
    indptr[1:] = np.cumsum([len(cols) for cols, _ in rows])
    indices = np.concatenate([cols for cols, _ in rows]) if rows else np.zeros(0, np.int64)
    data = np.concatenate([vals for _, vals in rows]) if rows else np.zeros(0, np.float64)
    shape = (len(rows), len(vocab) + len(cues.feature_ids))
    return sparse.csr_matrix((data, indices, indptr), shape=shape, dtype=np.float64)
