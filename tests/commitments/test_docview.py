"""DocView finds a sentence's spans as filtering the whole span group did, in group order."""

from __future__ import annotations

import random
from functools import cache

import pytest
import spacy

from kamer_nlp.commitments.structure import DocView

KEY = "kamer_actors"
_blank = cache(lambda: spacy.blank("nl"))  # one tokenizer for the 20 seeds (0.3 s each)


@pytest.mark.parametrize("seed", range(20))
def test_spans_in_is_the_filter_over_the_group(seed: int) -> None:
    rng = random.Random(seed)
    doc = _blank()(" ".join(f"w{i}" for i in range(200)))
    spans = []
    for _ in range(rng.randrange(0, 120)):
        start = rng.randrange(0, len(doc))
        spans.append(doc[start : min(len(doc), start + rng.randrange(1, 6))])
    doc.spans[KEY] = spans  # in no particular order, overlapping, repeated
    view = DocView(doc)
    for _ in range(100):
        start = rng.randrange(0, len(doc.text))
        end = start + rng.randrange(0, 200)
        expected = [
            (s.start, s.end) for s in doc.spans[KEY] if s.start_char >= start and s.end_char <= end
        ]
        assert [(s.start, s.end) for s in view.spans_in(KEY, start, end)] == expected
    assert view.spans_in("missing", 0, len(doc.text)) == []
    assert view.text == doc.text
