"""Who speaks: a speaker's role, name, party and function from markup and from the label.

Debate markup names speakers in two ways that both must be read: elements
(Handelingen ``<voorvoegsels>``/``<naam>``/``<politiek>``; VLOS ``<spreker soort=…>``,
``<fractie>``, ``<functie>``, ``<isvoorzitter>``) and the printed label ("Minister
Wiebes:", "De voorzitter:", "Staatssecretaris Keijzer:", "De heer Paternotte (D66):",
"Minister-president Rutte:"). The scraped Handelingen often keep the role only in the
label's words, so :func:`parse_label` reads the label and :func:`merge` lets the markup
win where it says something and the label fill in the rest.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

_LABEL = re.compile(
    r"^\s*(?P<title>minister-president|minister|staatssecretaris|de\s+voorzitter|voorzitter"
    r"|de\s+heer|mevrouw|het\s+lid)\b\s*(?P<name>[^():]*?)\s*(?:\((?P<paren>[^)]*)\))?\s*:?\s*$",
    re.IGNORECASE,
)
_ROLE_OF_TITLE = {
    "minister-president": "minister-president",
    "minister": "minister",
    "staatssecretaris": "staatssecretaris",
    "de voorzitter": "chair",
    "voorzitter": "chair",
    "de heer": "member",
    "mevrouw": "member",
    "het lid": "member",
}


@dataclass(frozen=True)
class Speaker:
    name: str
    role: str  # contracts.TURN_ROLES
    party: str | None = None
    function: str | None = None


def parse_label(label: str) -> Speaker | None:
    """The speaker a printed label names (None when it is no speaker label)."""
    m = _LABEL.match(" ".join(label.split()))
    if m is None:
        return None
    title = " ".join(m.group("title").lower().split())
    role = _ROLE_OF_TITLE[title]
    name = m.group("name").strip()
    paren = (m.group("paren") or "").strip() or None
    if role == "chair":
        return Speaker("voorzitter", "chair")
    if not name:
        return None
    if role == "member":
        return Speaker(name, role, party=paren)
    return Speaker(name, role, function=_function(role, paren))


def _function(role: str, paren: str | None) -> str | None:
    """The function a government label states: "Minister Hoekstra (Financiën)"."""
    if role == "minister-president":
        return "minister-president"
    if not paren:
        return None
    low = paren.lower()
    return paren if low.startswith(("minister", "staatssecretaris")) else f"{role} van {paren}"


def role_of_words(words: str) -> str | None:
    """The role a title word or VLOS ``soort``/``functie`` says ("Minister", "Tweede Kamerlid")."""
    low = " ".join(words.lower().split())
    if not low:
        return None
    if low.startswith("minister-president") or low.startswith("minister president"):
        return "minister-president"
    if low.startswith("minister"):
        return "minister"
    if low.startswith("staatssecretaris"):
        return "staatssecretaris"
    if "voorzitter" in low:
        return "chair"
    if "kamerlid" in low or low.startswith(("lid ", "de heer", "mevrouw")) or low == "lid":
        return "member"
    return None


def merge(markup: Speaker | None, label: Speaker | None) -> Speaker:
    """The markup's speaker completed by the label's (the label alone when no markup)."""
    if markup is None and label is None:
        return Speaker("onbekend", "other")
    if markup is None:
        assert label is not None
        return label
    if label is None:
        return markup
    role = markup.role if markup.role != "other" else label.role
    if label.role == "chair":
        role = "chair"
    return replace(
        markup,
        name=markup.name or label.name,
        role=role,
        party=markup.party or label.party,
        function=markup.function or label.function,
    )
