"""Mentions under construction for one text, with overlap bookkeeping (shared by the passes)."""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from .mentions import ActorMention

# how an antecedent of "de minister" may have been found: named, abbreviated or aliased
ANTECEDENT_VIAS = frozenset({None, "abbreviation", "alias"})


class Spans:
    """Mentions under construction, with overlap bookkeeping.

    Mentions never overlap (``add`` refuses a clash; every mention is non-empty), so in
    (start, end) order their ends are in order too: the mentions overlapping a range are
    one run of that order, found by bisection, which keeps the stages linear in the text
    length. ``items`` is the order mentions were added in (a swap keeps the place).
    """

    def __init__(self) -> None:
        self._items: dict[tuple[int, int], ActorMention] = {}  # in the order added
        self._seq: dict[tuple[int, int], int] = {}  # when each was added
        self._added = 0
        self._keys: list[tuple[int, int]] = []  # sorted (start, end)
        self._ends: list[int] = []  # the ends of _keys, also sorted
        self._by_actor: dict[str, dict[tuple[int, int], ActorMention]] = {}
        # antecedents for anaphora: mentions named directly or by a definition, per type
        self._named: dict[str, tuple[list[tuple[int, int]], list[int]]] = {}

    @property
    def items(self) -> list[ActorMention]:
        """The mentions in the order they were added (a copy)."""
        return list(self._items.values())

    def overlapping(self, start: int, end: int) -> list[ActorMention]:
        lo = bisect_right(self._ends, start)  # the first mention ending after ``start``
        hi = bisect_left(self._keys, (end,))  # the first mention starting at or after ``end``
        keys = sorted(self._keys[lo:hi], key=self._seq.__getitem__)
        return [self._items[k] for k in keys]

    def free(self, start: int, end: int) -> bool:
        return bisect_right(self._ends, start) >= bisect_left(self._keys, (end,))

    def add(self, mention: ActorMention, *, replace_contained: bool = False) -> bool:
        """Add unless it overlaps; with ``replace_contained`` it evicts spans it covers."""
        clash = self.overlapping(mention.start, mention.end)
        if any(m.start == mention.start and m.end == mention.end for m in clash):
            return False  # the same span is already known (the gazetteer wins)
        if (
            clash
            and replace_contained
            and all(mention.start <= m.start and m.end <= mention.end for m in clash)
        ):
            for m in clash:
                self.remove(m)
            clash = []
        if clash:
            return False
        self._insert(mention)
        return True

    def remove(self, mention: ActorMention) -> None:
        key = (mention.start, mention.end)
        if self._items.get(key) != mention:
            raise ValueError(f"{mention!r} is not a mention here")
        del self._items[key]
        del self._seq[key]
        n = bisect_left(self._keys, key)
        del self._keys[n]
        del self._ends[n]
        del self._by_actor[mention.actor_id][key]
        if mention.via in ANTECEDENT_VIAS:
            keys, ends = self._named[mention.type]
            n = bisect_left(keys, key)
            del keys[n]
            del ends[n]

    def _insert(self, mention: ActorMention) -> None:
        key = (mention.start, mention.end)
        self._items[key] = mention
        self._seq[key] = self._added
        self._added += 1
        n = bisect_left(self._keys, key)
        self._keys.insert(n, key)
        self._ends.insert(n, mention.end)
        self._by_actor.setdefault(mention.actor_id, {})[key] = mention
        if mention.via in ANTECEDENT_VIAS:
            keys, ends = self._named.setdefault(mention.type, ([], []))
            n = bisect_left(keys, key)
            keys.insert(n, key)
            ends.insert(n, mention.end)

    def swap(self, old: ActorMention, new: ActorMention) -> None:
        """Put ``new`` in the place of ``old`` (same offsets, actor, type and via)."""
        key = (old.start, old.end)
        if self._items.get(key) != old:
            raise ValueError(f"{old!r} is not a mention here")
        if (new.start, new.end) != key or (new.actor_id, new.type, new.via) != (
            old.actor_id,
            old.type,
            old.via,
        ):
            raise ValueError("a swap keeps the offsets, actor, type and via of the mention")
        self._items[key] = new
        self._by_actor[new.actor_id][key] = new

    def sorted(self) -> list[ActorMention]:
        """The mentions in (start, end) order."""
        return [self._items[k] for k in self._keys]

    def first_of(self, actor_id: str) -> ActorMention:
        """The earliest added mention of ``actor_id`` (StopIteration when there is none)."""
        return next(iter(self._by_actor.get(actor_id, {}).values()))

    def last_named_before(self, pos: int, type_: str) -> ActorMention | None:
        """The last mention in text order of ``type_`` named directly or by a definition
        (``via`` in ANTECEDENT_VIAS) that ends at or before ``pos``."""
        keys, ends = self._named.get(type_, ([], []))
        n = bisect_right(ends, pos)
        return self._items[keys[n - 1]] if n else None
