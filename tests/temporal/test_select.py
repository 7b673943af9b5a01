"""The finder's linear steps give what the scans they replaced gave: choosing cores, and
looking at the text before a match without copying the text up to it."""

from __future__ import annotations

import random

import pytest

from kamer_nlp.temporal.core import SENTENCE_OPENING, YEAR_BEFORE, Core, ends_with
from kamer_nlp.temporal.finder import TimexFinder


def _pairwise(cands: list[Core]) -> list[Core]:
    cands = sorted(cands, key=lambda c: (-(c.end - c.start), c.priority, c.start))
    taken: list[Core] = []
    for c in cands:
        if all(c.end <= t.start or c.start >= t.end for t in taken):
            taken.append(c)
    return sorted(taken, key=lambda c: c.start)


@pytest.mark.parametrize("seed", range(50))
def test_select_is_the_pairwise_scan(seed: int) -> None:
    rng = random.Random(seed)
    cands = []
    for n in range(rng.randrange(0, 200)):
        start = rng.randrange(0, 500)
        end = start + rng.randrange(0 if rng.random() < 0.05 else 1, 25)
        cands.append(Core(start, end, f"r{n}", rng.randrange(0, 4), "point"))
    expected = [id(c) for c in _pairwise(list(cands))]
    assert [id(c) for c in TimexFinder.select(list(cands))] == expected


@pytest.mark.parametrize(("pattern", "reach"), [(SENTENCE_OPENING, 1), (YEAR_BEFORE, 4)])
def test_ends_with_is_the_search_over_the_whole_prefix(pattern, reach: int) -> None:
    rng = random.Random(3)
    pieces = ["in 2030", " en ", "\n", "  ", ". ", ":", "x2030", "Mei", "1999", "\n\n ", "\u00a0"]
    for _ in range(200):
        text = "".join(rng.choice(pieces) for _ in range(rng.randrange(0, 12)))
        for pos in range(len(text) + 1):
            expected = pattern.search(text[:pos]) is not None
            assert ends_with(pattern, text, pos, reach) == expected, (text, pos)
