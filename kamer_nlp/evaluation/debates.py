"""A minimal, TEMPORARY reader of debate XML (speaker turns and their text).

The product does not read XML yet; another issue adds an official-XML reader. Until then
the evaluation needs a document text for the debates of the reference corpus, and this
module gives one: the speaker turns in document order, each turn's paragraphs joined by a
blank line, turns joined by a blank line. Speaker labels ("Minister Ollongren:") are not
part of the text; they are kept per turn (:class:`Turn`). When the real reader lands, its
text will differ (spacing, labels, headings) and the labels' anchors re-anchor to it
(:func:`kamer_nlp.evaluation.anchors.resolve`).

Two formats:

- **officielebekendmakingen Handelingen** (``handelingen/*.xml``): ``<spreekbeurt>`` with a
  ``<spreker>`` whose ``<voorvoegsels>`` say the role ("Minister", "Staatssecretaris",
  "De heer"/"Mevrouw" for members, "De" + achternaam "voorzitter" for the chair) and
  ``<politiek>`` the party; the text is every ``<al>`` of the turn, motions included.
- **VLOS** (``debates/vlos-*.xml``, namespace ``…/ggm/vergaderverslag/v1.0``):
  ``<woordvoerder>`` and nested ``<interrumpant>`` turns with a ``<spreker soort="Minister|
  Staatssecretaris|Tweede Kamerlid">`` (``<fractie>`` the party, ``<verslagnaam>`` the name)
  and ``<isvoorzitter>true`` for the chair; the text is the ``<alineaitem>``s of the turn's
  own ``<tekst>`` except the first, which repeats the speaker label ("De heer X (VVD):").

Pretty-printing whitespace is collapsed and a space before closing punctuation removed.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

__all__ = ["GOVERNMENT_ROLES", "ROLES", "Debate", "Turn", "read_debate"]

ROLES = ("member", "minister", "staatssecretaris", "chair", "other")
GOVERNMENT_ROLES = frozenset({"minister", "staatssecretaris"})
VLOS_NS = "{http://www.tweedekamer.nl/ggm/vergaderverslag/v1.0}"
PARAGRAPH_SEP = "\n\n"
_SPACES = re.compile(r"\s+")
_SPACE_BEFORE = re.compile(r" ([.,;:!?)\]])")
_SPACE_AFTER = re.compile(r"([(\[]) ")


@dataclass(frozen=True)
class Turn:
    speaker: str
    role: str
    party: str | None
    paragraphs: tuple[str, ...]
    start: int = 0  # offsets of the turn's text in the debate text
    end: int = 0

    @property
    def is_government(self) -> bool:
        return self.role in GOVERNMENT_ROLES


@dataclass(frozen=True)
class Debate:
    text: str
    turns: tuple[Turn, ...]

    def turn_at(self, offset: int) -> int | None:
        """Index of the turn whose text holds ``offset``."""
        for i, turn in enumerate(self.turns):
            if turn.start <= offset < turn.end:
                return i
        return None


def _clean(pieces: list[str]) -> str:
    text = _SPACES.sub(" ", " ".join(pieces)).strip()
    return _SPACE_AFTER.sub(r"\1", _SPACE_BEFORE.sub(r"\1", text))


def _text_of(el: ET.Element) -> str:
    return _clean(list(el.itertext()))


def _handelingen_role(prefix: str, surname: str) -> str:
    p = prefix.lower()
    if surname.lower() == "voorzitter":
        return "chair"
    if p.startswith("minister"):
        return "minister"
    if p.startswith("staatssecretaris"):
        return "staatssecretaris"
    if p in ("de heer", "mevrouw"):
        return "member"
    return "other"


def _handelingen_turns(root: ET.Element) -> list[Turn]:
    turns: list[Turn] = []
    for beurt in root.iter("spreekbeurt"):
        spreker = beurt.find("spreker")
        if spreker is None:
            continue
        prefix_el = spreker.find("voorvoegsels")  # (an Element without children is falsy)
        prefix = _text_of(prefix_el) if prefix_el is not None else ""
        naam = spreker.find("naam")
        surname = _text_of(naam) if naam is not None else ""
        party_el = spreker.find("politiek")
        party = _text_of(party_el) if party_el is not None else None
        paragraphs = tuple(t for al in beurt.iter("al") if (t := _text_of(al)))
        role = _handelingen_role(prefix, surname)
        speaker = surname if role != "chair" else "voorzitter"
        turns.append(Turn(speaker, role, party or None, paragraphs))
    return turns


def _vlos_turn(el: ET.Element) -> Turn | None:
    spreker = el.find(VLOS_NS + "spreker")
    tekst = el.find(VLOS_NS + "tekst")
    if spreker is None or tekst is None:
        return None
    soort = (spreker.get("soort") or "").lower()
    if (el.findtext(VLOS_NS + "isvoorzitter") or "").strip() == "true":
        role = "chair"
    elif soort.startswith("minister"):
        role = "minister"
    elif soort.startswith("staatssecretaris"):
        role = "staatssecretaris"
    elif "kamerlid" in soort:
        role = "member"
    else:
        role = "other"
    items = [_text_of(item) for item in tekst.iter(VLOS_NS + "alineaitem")]
    paragraphs = tuple(t for t in items[1:] if t)  # items[0] is the speaker label
    name = (spreker.findtext(VLOS_NS + "verslagnaam") or "").strip()
    party = (spreker.findtext(VLOS_NS + "fractie") or "").strip() or None
    return Turn(name, role, party if role in ("member", "chair") else None, paragraphs)


def _vlos_turns(root: ET.Element) -> list[Turn]:
    turns: list[Turn] = []
    for el in root.iter():
        if el.tag in (VLOS_NS + "woordvoerder", VLOS_NS + "interrumpant"):
            turn = _vlos_turn(el)
            if turn is not None:
                turns.append(turn)
    return turns


def read_debate(path: str | Path) -> Debate:
    """The turns of a Handelingen or VLOS XML file and the text they make."""
    root = ET.parse(path).getroot()
    raw = _vlos_turns(root) if root.tag.startswith(VLOS_NS) else _handelingen_turns(root)
    parts: list[str] = []
    turns: list[Turn] = []
    pos = 0
    for turn in raw:
        if not turn.paragraphs:
            continue
        body = PARAGRAPH_SEP.join(turn.paragraphs)
        if parts:
            parts.append(PARAGRAPH_SEP)
            pos += len(PARAGRAPH_SEP)
        parts.append(body)
        turns.append(
            Turn(turn.speaker, turn.role, turn.party, turn.paragraphs, pos, pos + len(body))
        )
        pos += len(body)
    return Debate("".join(parts), tuple(turns))
