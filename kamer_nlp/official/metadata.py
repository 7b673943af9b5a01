"""Document metadata of official publications: ``metadata.xml``, HTML ``<meta>``, the id.

officielebekendmakingen.nl publishes the same metadata three ways: the ``metadata.xml``
beside a publication (``<metadata name=… content=…>``), the ``<meta name=… content=…>``
elements of its HTML, and the document's own markup. :func:`read_pairs` reads the first
two into name → values; :func:`apply_pairs` fills a :class:`DocumentMeta` from them
without overwriting what the document itself said.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Mapping
from pathlib import Path

from kamer_nlp.contracts import DocumentMeta
from kamer_nlp.lang.dates import parse_iso

METADATA_FILE = "metadata.xml"
METADATA_ROOT = "metadata_gegevens"

#: an official id: kst-32545-143, kst-34775-VI-16, ah-tk-20202021-3235, h-tk-20172018-70-3
OFFICIAL_ID = re.compile(r"\b((?:kst|ah-tk|ah-ek|h-tk|h-ek|stb|stcrt|blg)-[0-9A-Za-z-]+)")
_VERGADERJAAR = re.compile(r"(\d{4})\s*[-–/]\s*(\d{4})")
_COMPACT_YEAR = re.compile(r"^(?:ah|h)-(tk|ek)-(\d{4})(\d{4})-")

Pairs = dict[str, list[str]]


def pairs_of(items: Iterable[tuple[str | None, str | None]]) -> Pairs:
    """name → values, in document order (blank values left out)."""
    out: Pairs = {}
    for name, content in items:
        if name and content is not None and content.strip():
            out.setdefault(name.strip(), []).append(content.strip())
    return out


def vergaderjaar(text: str | None) -> str | None:
    m = _VERGADERJAAR.search(text or "")
    return f"{m.group(1)}-{m.group(2)}" if m else None


def kamer_of(text: str | None) -> str | None:
    low = (text or "").lower()
    if "tweede kamer" in low or low.strip() == "2":
        return "II"
    if "eerste kamer" in low or low.strip() == "1":
        return "I"
    return None


def from_id(meta: DocumentMeta, doc_id: str) -> None:
    """What an official id says: kamer and vergaderjaar of ``h-tk-20172018-…``."""
    m = _COMPACT_YEAR.match(doc_id)
    if m:
        meta.kamer = meta.kamer or ("II" if m.group(1) == "tk" else "I")
        meta.vergaderjaar = meta.vergaderjaar or f"{m.group(2)[:4]}-{m.group(3)}"


def _first(pairs: Mapping[str, list[str]], *names: str) -> str | None:
    for name in names:
        values = pairs.get(name)
        if values:
            return values[0]
    return None


def apply_pairs(meta: DocumentMeta, pairs: Mapping[str, list[str]]) -> None:
    """Fill the fields the document left empty from metadata pairs."""
    if not pairs:
        return
    ident = _first(pairs, "DC.identifier")
    if ident and OFFICIAL_ID.fullmatch(ident):
        meta.id = meta.id or ident
    if meta.date is None:
        issued = _first(pairs, "DCTERMS.issued", "OVERHEIDop.datumOntvangst", "DCTERMS.available")
        if issued:
            found = parse_iso(issued[:10])
            if found is not None:
                meta.set_date(found)
    meta.vergaderjaar = meta.vergaderjaar or vergaderjaar(_first(pairs, "OVERHEIDop.vergaderjaar"))
    meta.kamer = meta.kamer or kamer_of(_first(pairs, "DC.creator"))
    dossier = _first(pairs, "OVERHEIDop.dossiernummer")
    if dossier and not meta.dossier:
        meta.dossier = dossier.replace(" ", "")
    meta.ondernummer = meta.ondernummer or _first(
        pairs, "OVERHEIDop.ondernummer", "OVERHEIDop.aanhangselNummer"
    )
    if not meta.doc_type:
        typed = dict(_typed_values(pairs))
        kind = typed.get("OVERHEIDop.KamerstukTypen")
        if kind is None and "OVERHEIDop.AanhangselTypen" in typed:
            kind = "aanhangsel"
        meta.doc_type = kind.lower() if kind else None
    meta.title = meta.title or _first(
        pairs, "OVERHEIDop.dossiertitel", "DC.title", "OVERHEIDop.documenttitel"
    )
    meta.subject = meta.subject or _first(pairs, "OVERHEIDop.documenttitel")
    if meta.id:
        from_id(meta, meta.id)


def _typed_values(pairs: Mapping[str, list[str]]) -> list[tuple[str, str]]:
    """DC.type values keyed by their scheme (kept by :func:`scheme_pairs`)."""
    return [
        (name.split("|", 1)[1], value)
        for name, values in pairs.items()
        if name.startswith("DC.type|")
        for value in values
    ]


def scheme_pairs(items: Iterable[tuple[str | None, str | None, str | None]]) -> Pairs:
    """Like :func:`pairs_of`, with ``DC.type`` values also kept per scheme
    (``DC.type|OVERHEIDop.KamerstukTypen``): the document type is the parliamentary one."""
    flat: list[tuple[str | None, str | None]] = []
    for name, scheme, content in items:
        flat.append((name, content))
        if name == "DC.type" and scheme:
            flat.append((f"DC.type|{scheme}", content))
    return pairs_of(flat)


def read_metadata_pairs(root: ET.Element) -> Pairs:
    return scheme_pairs(
        (el.get("name"), el.get("scheme"), el.get("content")) for el in root.iter("metadata")
    )


def metadata_beside(path: Path) -> Pairs:
    candidate = path.with_name(METADATA_FILE)
    if not candidate.is_file():
        return {}
    try:
        root = ET.parse(candidate).getroot()
    except (ET.ParseError, OSError):
        return {}
    return read_metadata_pairs(root)
