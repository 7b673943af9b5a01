"""The cue that carries a commitment (:class:`Anchor`), chosen among a sentence's matches."""

from __future__ import annotations

from dataclasses import dataclass

from kamer_nlp.commitments.cues import CueMatch, CueSet


@dataclass(frozen=True)
class Anchor:
    """The cue that carries the commitment, in absolute offsets."""

    cue_id: str
    start: int
    end: int
    agent: tuple[int, int] | None


def choose_anchor(
    matches: list[CueMatch], offset: int, cues: CueSet, kinds: tuple[str, ...]
) -> Anchor | None:
    """The first cue (in data-file order) of the given kinds, preferring one with an agent."""
    order = {c.id: i for i, c in enumerate(cues.cues)}
    ranked = sorted(
        (m for m in matches if m.kind in kinds),
        key=lambda m: (m.agent is None, order[m.cue_id], m.start),
    )
    if not ranked:
        return None
    m = ranked[0]
    agent = (m.agent[0] + offset, m.agent[1] + offset) if m.agent else None
    return Anchor(m.cue_id, m.start + offset, m.end + offset, agent)
