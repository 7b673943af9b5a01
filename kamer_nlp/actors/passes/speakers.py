"""Debates: the speakers of the turns, and who "ik", "wij" and "u" are inside a turn.

For a document with speaker turns (:class:`~kamer_nlp.contracts.Turn`, read from
official or VLOS XML), the "speakers" pass puts an ACTOR mention over each printed
speaker label ("Minister Wiebes", "De heer Paternotte", "De voorzitter"), resolved to
the gazetteer: a bewindspersoon by the function the markup states ("minister van
Financiën"), the chair to the Kamer's chair, a member to a person; the resolved id is
the turn's ``actor_id``. The "turn deixis" pass then resolves, inside a government
speaker's turn, "ik"/"mij"/"mijn" (via "ik") and "wij"/"ons" (via "wij") to that
speaker, and "u"/"uw" in a reply to a member's interruption (the turn's ``addressed``)
to that member (via "u"). Both passes do nothing for documents without turns.
"""

from __future__ import annotations

from kamer_nlp.contracts import Turn

from ..cues import person_id
from ..gazetteer import ActorEntry
from ..matching import normalise_space
from .context import Findings, ResolverData, TextInput, make_mention

_CHAIR = {"I": "voorzitter-eerste-kamer", "II": "voorzitter-tweede-kamer"}
_SECOND_PERSON = frozenset({"u", "uw"})


def speaker_entry(data: ResolverData, turn: Turn, doc: TextInput) -> ActorEntry:
    """The gazetteer entry of a turn's speaker (a person entry when none fits)."""
    gazetteer = data.gazetteer
    if turn.role == "chair":
        chair = _CHAIR.get(doc.kamer or "II", "voorzitter-tweede-kamer")
        if chair in gazetteer:
            return gazetteer.get(chair)
    if turn.is_government:
        for part in (turn.function or "").split(","):
            entry = gazetteer.resolve_function(part, doc.on) if part.strip() else None
            if entry is not None:
                return entry
        if turn.role == "minister-president" and "minister-president" in gazetteer:
            return gazetteer.get("minister-president")
    name = normalise_space(turn.speaker)
    return ActorEntry(
        actor_id=person_id(name, data.cues),
        type=turn.role if turn.is_government else "person",
        name=name,
    )


def _label_extent(text: str, turn: Turn) -> tuple[int, int] | None:
    """The speaker's words in the label: "Minister Wiebes" of "Minister Wiebes:",
    "De heer Paternotte" of "De heer Paternotte (D66):"."""
    if turn.label_start is None or turn.label_end is None:
        return None
    start, end = turn.label_start, turn.label_end
    label = text[start:end]
    cut = min((i for i in (label.find("("), label.rfind(":")) if i > 0), default=len(label))
    words = label[:cut].rstrip()
    if not words:
        return None
    return start, start + len(words)


def speakers_pass(data: ResolverData, doc: TextInput, found: Findings) -> None:
    for n, turn in enumerate(doc.turns):
        entry = speaker_entry(data, turn, doc)
        found.turn_speakers[n] = entry
        extent = _label_extent(doc.text, turn)
        if extent is None:
            continue
        start, end = extent
        for old in found.spans.overlapping(start, end):
            found.spans.remove(old)  # the label is the turn's: its speaker wins
        found.spans.add(make_mention(doc.text, start, end, entry, role=turn.role))


def turn_deixis_pass(data: ResolverData, doc: TextInput, found: Findings) -> None:
    if not doc.turns:
        return
    first = data.cues.words("first_person")
    plural = data.cues.words("first_person_plural")
    turns = list(enumerate(doc.turns))
    k = 0
    for tok in doc.tokens:
        while k < len(turns) and turns[k][1].end <= tok.start:
            k += 1
        if k >= len(turns) or turns[k][1].start > tok.start:
            continue
        n, turn = turns[k]
        if turn.label_end is not None and tok.start < turn.label_end:
            continue
        via: str | None = None
        entry: ActorEntry | None = None
        if turn.is_government and tok.key in first:
            via, entry = "ik", found.turn_speakers.get(n)
        elif turn.is_government and tok.key in plural:
            via, entry = "wij", found.turn_speakers.get(n)
        elif tok.key in _SECOND_PERSON and turn.addressed is not None:
            nxt = doc.text[tok.end : tok.end + 7].strip().lower()
            if tok.key == "uw" and nxt.startswith("kamer"):
                continue
            via, entry = "u", found.turn_speakers.get(turn.addressed)
        if entry is not None and via is not None and found.spans.free(tok.start, tok.end):
            found.spans.add(make_mention(doc.text, tok.start, tok.end, entry, via=via))
