"""Sentence features for the commitment classifier.

Two blocks, both computed from the sentence text alone so that training (on
labelled sentences) and inference (on Doc sentences) see the same input:
word 1–3-grams weighted by tf-idf, and one binary feature per cue pattern and
per derived (combined) cue feature.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence

import numpy as np
from scipy import sparse

from kamer_nlp.commitments.cues import CueSet

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


def tfidf_matrix(texts: Sequence[str], vocab: dict[str, int], idf: np.ndarray) -> sparse.csr_matrix:
    rows, cols, vals = [], [], []
    for r, text in enumerate(texts):
        counts = Counter(g for g in ngrams(text) if g in vocab)
        if not counts:
            continue
        idx = np.array([vocab[g] for g in counts], dtype=np.int64)
        tf = np.array([1.0 + math.log(c) for c in counts.values()])  # sublinear tf
        weights = tf * idf[idx]
        weights /= np.linalg.norm(weights)
        rows.extend([r] * len(idx))
        cols.extend(idx.tolist())
        vals.extend(weights.tolist())
    return sparse.csr_matrix((vals, (rows, cols)), shape=(len(texts), len(vocab)), dtype=np.float64)


def cue_matrix(texts: Sequence[str], cues: CueSet) -> sparse.csr_matrix:
    index = {fid: i for i, fid in enumerate(cues.feature_ids)}
    rows, cols = [], []
    for r, text in enumerate(texts):
        for cid in sorted(cues.features(cues.match(text))):
            rows.append(r)
            cols.append(index[cid])
    vals = np.ones(len(rows), dtype=np.float64)
    return sparse.csr_matrix((vals, (rows, cols)), shape=(len(texts), len(index)), dtype=np.float64)


def feature_matrix(
    texts: Sequence[str], vocab: dict[str, int], idf: np.ndarray, cues: CueSet, cue_weight: float
) -> sparse.csr_matrix:
    return sparse.hstack(
        [tfidf_matrix(texts, vocab, idf), cue_matrix(texts, cues) * cue_weight], format="csr"
    )
