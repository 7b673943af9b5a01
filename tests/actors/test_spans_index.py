"""The indexed mention bookkeeping and phrase lookup answer as the scans they replaced."""

from __future__ import annotations

import random
from dataclasses import replace

import pytest

from kamer_nlp.actors.cues import PhraseIndex, match_phrase
from kamer_nlp.actors.matching import tokenize
from kamer_nlp.actors.mentions import ActorMention
from kamer_nlp.actors.spans import ANTECEDENT_VIAS, Spans


class ListSpans:
    """The bookkeeping as it was: one list, scanned on every query."""

    def __init__(self) -> None:
        self.items: list[ActorMention] = []

    def overlapping(self, start: int, end: int) -> list[ActorMention]:
        return [m for m in self.items if m.start < end and start < m.end]

    def add(self, mention: ActorMention, *, replace_contained: bool = False) -> bool:
        clash = self.overlapping(mention.start, mention.end)
        if any(m.start == mention.start and m.end == mention.end for m in clash):
            return False
        if (
            clash
            and replace_contained
            and all(mention.start <= m.start and m.end <= mention.end for m in clash)
        ):
            for m in clash:
                self.items.remove(m)
            clash = []
        if clash:
            return False
        self.items.append(mention)
        return True

    def swap(self, old: ActorMention, new: ActorMention) -> None:
        self.items[self.items.index(old)] = new

    def sorted(self) -> list[ActorMention]:
        return sorted(self.items, key=lambda m: (m.start, m.end))

    def last_named_before(self, pos: int, type_: str) -> ActorMention | None:
        found = None
        for m in self.sorted():
            if m.end > pos:
                break
            if m.type == type_ and m.via in ANTECEDENT_VIAS:
                found = m
        return found


def _mention(rng: random.Random) -> ActorMention:
    start = rng.randrange(0, 300)
    end = start + rng.randrange(1, 12)
    return ActorMention(
        start=start,
        end=end,
        text="x" * (end - start),
        type=rng.choice(["minister", "person", "ministry"]),
        actor_id=rng.choice(["a", "b", "c", "d"]),
        via=rng.choice([None, "ik", "alias", "abbreviation", "anaphora"]),
        name=rng.choice(["A", "B"]),
    )


@pytest.mark.parametrize("seed", range(40))
def test_same_answers_as_the_list_scan(seed: int) -> None:
    rng = random.Random(seed)
    fast, slow = Spans(), ListSpans()
    for _ in range(400):
        op = rng.random()
        if op < 0.6:
            m = _mention(rng)
            contained = rng.random() < 0.5
            assert fast.add(m, replace_contained=contained) == slow.add(
                m, replace_contained=contained
            )
        elif op < 0.7 and slow.items:
            m = rng.choice(slow.items)
            new = replace(m, role=rng.choice(["signatory", "co-sender", None]))
            fast.swap(m, new)
            slow.swap(m, new)
        elif op < 0.8 and slow.items:
            m = rng.choice(slow.items)
            fast.remove(m)
            slow.items.remove(m)
        start = rng.randrange(0, 320)
        end = start + rng.randrange(0, 15)
        assert set(fast.overlapping(start, end)) == set(slow.overlapping(start, end))
        assert fast.overlapping(start, end) == [
            m for m in slow.items if m in set(slow.overlapping(start, end))
        ]
        assert fast.free(start, end) == (not slow.overlapping(start, end))
        assert fast.items == slow.items
        assert fast.sorted() == slow.sorted()
        for type_ in ("minister", "person"):
            assert fast.last_named_before(start, type_) == slow.last_named_before(start, type_)
        for actor_id in "abcd":
            first = next((m for m in slow.items if m.actor_id == actor_id), None)
            if first is None:
                with pytest.raises(StopIteration):
                    fast.first_of(actor_id)
            else:
                assert fast.first_of(actor_id) == first


def test_a_swap_or_removal_of_an_unknown_mention_fails() -> None:
    spans = Spans()
    m = ActorMention(0, 3, "abc", "minister", "a")
    with pytest.raises(ValueError):
        spans.remove(m)
    spans.add(m)
    with pytest.raises(ValueError):
        spans.swap(replace(m, role="signatory"), m)
    with pytest.raises(ValueError):
        spans.swap(m, replace(m, end=2))


@pytest.mark.parametrize("exact", [True, False])
def test_phrase_index_is_the_scan_over_all_phrases(exact: bool) -> None:
    rng = random.Random(7)
    words = ["de", "De", "heer", "Heer", "mevrouw", "minister", "van", "Van", "x"]
    phrases = [tuple(rng.choice(words) for _ in range(rng.randrange(1, 4))) for _ in range(30)]
    phrases += [(), phrases[3]]  # an empty phrase matches everywhere; a repeated one twice
    index = PhraseIndex(phrases)
    tokens = tokenize(" ".join(rng.choice(words) for _ in range(400)))
    for i in range(len(tokens) + 1):
        expected = [p for p in phrases if match_phrase(tokens, i, p, exact=exact)]
        assert index.matches(tokens, i, exact=exact) == expected
        assert index.first(tokens, i, exact=exact) == (expected[0] if expected else None)
