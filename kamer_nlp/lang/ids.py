"""The grammar of parliamentary numbers and official ids, shared by references and repair.

A Kamerstuk is cited by its dossier number ("31 015", "31015"), an optional toevoeging
(a budget chapter "VI", "IXB", a letter "A", a series "02"; a rijkswet "(R2120)") and its
ondernummer; its official id follows officielebekendmakingen.nl: ``kst-31015-135``,
``kst-34775-VI-16``. The regex fragments below have no groups, so a caller names them.
"""

from __future__ import annotations

import re

DOSSIER_NUMBER = r"\d\d[ \u00a0.]?\d{3}"  # "31 015", "31015", "31.015"
ROMAN_TOEVOEGING = r"[IVXL]+[A-C]?"  # a budget chapter: "VI", "XVI", "IXB"
TOEVOEGING = rf"{ROMAN_TOEVOEGING}|[A-Z]|\d\d"  # after a dash: "-VI", "-A", "-02"
RIJKSWET = r"R[ \u00a0]?\d{3,4}"  # written in parentheses: "(R2120)", "(R 1446)"

# officielebekendmakingen.nl id prefixes: Kamerstukken, Handelingen, Aanhangsel, Staatsblad,
# Staatscourant, Tractatenblad, bijlagen, Gemeente-/Provinciaal/Waterschapsblad, Blad gemeenschappelijke regeling
OFFICIAL_ID_PREFIXES = ("kst", "h", "ah", "stb", "stcrt", "trb", "blg", "gmb", "prb", "wsb", "bgr")
OFFICIAL_ID = re.compile(rf"^(?:{'|'.join(OFFICIAL_ID_PREFIXES)})-[A-Za-z0-9-]+$")

FRAGMENTS = {
    "dossier_number": DOSSIER_NUMBER,
    "roman_toevoeging": ROMAN_TOEVOEGING,
    "toevoeging_code": TOEVOEGING,
    "rijkswet_number": RIJKSWET,
}
"""The fragments by name, for pattern files that refer to them as ``{{name}}``."""


def compact(number: str) -> str:
    """A number without the spaces, non-breaking spaces and dots of its written form."""
    return re.sub(r"[\s.\u00a0]", "", number)


def vergaderjaar(first: str, second: str) -> tuple[int, int] | None:
    """``("2017", "18")`` -> ``(2017, 2018)``; None unless the second year follows the first."""
    y1 = int(first)
    y2 = int(second) if len(second) == 4 else (y1 // 100) * 100 + int(second)
    if len(second) == 2 and y2 < y1:  # 1999/00
        y2 += 100
    return (y1, y2) if y2 == y1 + 1 else None


def kamerstuk_id(dossier: str, ondernummer: str, toevoeging: str | None = None) -> str:
    """``kamerstuk_id("34 775", "16", "VI") == "kst-34775-VI-16"``."""
    parts = ["kst", compact(dossier)]
    if toevoeging:
        parts.append(toevoeging)
    parts.append(ondernummer)
    return "-".join(parts)


def is_official_id(text: str) -> bool:
    """Whether ``text`` is an officielebekendmakingen.nl id ("kst-31015-135", "stb-2020-118")."""
    return OFFICIAL_ID.match(text) is not None
