"""Canonical ids and links for cited publications.

Ids follow officielebekendmakingen.nl (``kst-31015-135``, ``kst-34775-VI-16``,
``kst-35300-E``, ``h-tk-20172018-45-12``, ``ah-tk-20192020-89``,
``stb-2020-118``, ``stcrt-2021-12345``); EU acts get their CELEX number
(``32019R1021``), Commission documents their EUR-Lex uri (``COM:2022:546:FIN``).
"""

from __future__ import annotations

import re
import urllib.parse

from kamer_nlp.lang.ids import OFFICIAL_ID, compact, kamerstuk_id, vergaderjaar

__all__ = [
    "aanhangsel_id",
    "celex",
    "compact",
    "ecli_url",
    "eu_document_id",
    "eurlex_url",
    "handelingen_id",
    "id_from_url",
    "kamerstuk_id",
    "normalise_url",
    "officielebekendmakingen_url",
    "staatsblad_id",
    "staatscourant_id",
    "vergaderjaar",
]

OB_URL = "https://zoek.officielebekendmakingen.nl/{id}.html"
EURLEX_URL = "https://eur-lex.europa.eu/legal-content/NL/TXT/?uri={uri}"
RECHTSPRAAK_URL = "https://uitspraken.rechtspraak.nl/details?id={ecli}"

_CELEX = re.compile(r"^[0-9CE]\d{4}[A-Z]{1,2}\d{4}(?:\(\d+\))?$")


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
        if OFFICIAL_ID.match(stem):
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
