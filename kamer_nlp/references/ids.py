"""Canonical ids and links for cited publications.

Ids follow officielebekendmakingen.nl (``kst-31015-135``, ``kst-34775-VI-16``,
``kst-35300-E``, ``h-tk-20172018-45-12``, ``ah-tk-20192020-89``,
``stb-2020-118``, ``stcrt-2021-12345``); EU acts get their CELEX number
(``32019R1021``), Commission documents their EUR-Lex uri (``COM:2022:546:FIN``).
"""

from __future__ import annotations

import re
import urllib.parse

OB_URL = "https://zoek.officielebekendmakingen.nl/{id}.html"
EURLEX_URL = "https://eur-lex.europa.eu/legal-content/NL/TXT/?uri={uri}"
RECHTSPRAAK_URL = "https://uitspraken.rechtspraak.nl/details?id={ecli}"

_OB_ID = re.compile(
    r"^(?:kst|h|ah|stb|stcrt|trb|blg|gmb|prb|wsb|bgr)-[A-Za-z0-9-]+$",
)
_CELEX = re.compile(r"^[0-9CE]\d{4}[A-Z]{1,2}\d{4}(?:\(\d+\))?$")


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
    parts = ["kst", compact(dossier)]
    if toevoeging:
        parts.append(toevoeging)
    parts.append(ondernummer)
    return "-".join(parts)


def handelingen_id(kamer: str, years: tuple[int, int], nr: str, item: str | None = None) -> str:
    base = f"h-{kamer}-{years[0]}{years[1]}-{int(nr)}"
    return f"{base}-{int(item)}" if item else base


def aanhangsel_id(kamer: str, years: tuple[int, int], nr: str) -> str:
    return f"ah-{kamer}-{years[0]}{years[1]}-{int(nr)}"


def staatsblad_id(year: str, nr: str) -> str:
    return f"stb-{year}-{int(nr)}"


def staatscourant_id(year: str, nr: str) -> str:
    return f"stcrt-{year}-{int(nr)}"


def celex(letter: str, year: int, number: int) -> str:
    """CELEX number of an act of secondary law (sector 3): ``celex("R", 2019, 1021) == "32019R1021"``."""
    return f"3{year:04d}{letter}{number:04d}"


def eu_document_id(series: str, year: str, nr: str) -> str:
    """EUR-Lex uri of a Commission document: ``COM:2022:546:FIN``."""
    return f"{series}:{year}:{int(nr)}:FIN"


def officielebekendmakingen_url(doc_id: str) -> str:
    return OB_URL.format(id=doc_id)


def eurlex_url(uri: str) -> str:
    """EUR-Lex link for a CELEX number or a ``COM:…`` uri."""
    if _CELEX.match(uri):
        uri = f"CELEX:{uri}"
    return EURLEX_URL.format(uri=uri)


def ecli_url(ecli: str) -> str | None:
    """Where an ECLI can be read: rechtspraak.nl for NL, EUR-Lex for EU, else None."""
    country = ecli.split(":")[1]
    if country == "NL":
        return RECHTSPRAAK_URL.format(ecli=ecli)
    if country == "EU":
        return EURLEX_URL.format(uri=f"ecli:{ecli}")
    return None


def normalise_url(url: str) -> str:
    """A link as written -> an absolute URL (``www.x.nl`` -> ``https://www.x.nl``)."""
    return url if re.match(r"(?i)^https?://", url) else f"https://{url}"


def id_from_url(url: str) -> str | None:
    """The canonical id a link points to, when it is a known publication link."""
    parsed = urllib.parse.urlsplit(url)
    host = parsed.netloc.lower()
    if host.endswith("officielebekendmakingen.nl"):
        stem = parsed.path.rsplit("/", 1)[-1]
        stem = re.sub(r"\.(?:html|pdf|xml)$", "", stem)
        if _OB_ID.match(stem):
            return stem
    if host.endswith("eur-lex.europa.eu"):
        query = urllib.parse.unquote(parsed.query)
        m = re.search(r"(?:^|[?&])uri=(?:CELEX:)?([^&]+)", query)
        if m:
            return m.group(1)
    if host.endswith("rechtspraak.nl"):
        m = re.search(r"ECLI:[A-Z]{2}:[A-Z0-9]+:\d{4}:[A-Za-z0-9.]+", urllib.parse.unquote(url))
        if m:
            return m.group(0)
    return None
