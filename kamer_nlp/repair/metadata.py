"""Document metadata from the repaired paragraphs and the furniture.

kamer, vergaderjaar, dossier/toevoeging/ondernummer, document type, title, date,
subject ("Betreft"), kenmerk, signatories and the officielebekendmakingen id.
"""

from __future__ import annotations

import datetime as dt
import re

from kamer_nlp.contracts import CoSender, DocumentMeta, Signatory
from kamer_nlp.lang import dates, ids
from kamer_nlp.repair.blocks import matches
from kamer_nlp.repair.furniture import FurnitureLine
from kamer_nlp.repair.text import Paragraph

# Month names and the date parser come from the language layer (kamer_nlp.lang).
_MONTH_RE = dates.month_alternation()
PLACE_DATE = re.compile(
    rf"^(?:Den Haag|[’']s-Gravenhage|[A-Z][a-z]+),\s+(\d{{1,2}}\s+(?:{_MONTH_RE})\s+\d{{4}})", re.I
)
FIELD_DATE = re.compile(rf"^(?:Datum|Voorgesteld)\s+(\d{{1,2}}\s+(?:{_MONTH_RE})\s+\d{{4}})", re.I)
RECEIVED = re.compile(rf"\(ontvangen\s+(\d{{1,2}}\s+(?:{_MONTH_RE})\s+\d{{4}})\)", re.I)
VERGADERJAAR = re.compile(r"vergaderjaar\s+(\d{4})\s*[–-]\s*(\d{4})", re.I)
KAMER = re.compile(r"\b(Tweede|Eerste)\s+Kamer\b")
# "31 015 Title", "34 775 VI Title", "36 410 A Title", "36 000 (R2120) Title": the id grammar of
# kamer_nlp.lang.ids; a rijkswet number stays the toevoeging, parentheses included
DOSSIER_HEAD = re.compile(
    rf"^({ids.DOSSIER_NUMBER})(?:[\s-]+({ids.TOEVOEGING}|\({ids.RIJKSWET}\)))?\s+(\S.*)$"
)
NR_HEAD = re.compile(r"^Nr\.\s+(\d+|[A-Z]{1,2})\s+(.*)$")
FOOTER_ID = re.compile(
    rf"(?:vergaderjaar|zitting)\s+\d{{4}}(?:\s*[–-]\s*\d{{4}})?\s*,\s*({ids.DOSSIER_NUMBER}|\d\d-\d{{3}})"
    rf"(?:[\s-]+({ids.TOEVOEGING})|,?\s+(?:hoofdstuk|hfdst\.)\s+([IVXL]+(?:\s?[A-C])?))?"
    r"(?:\s*\((R\s?\d{3,4})\))?,\s*nrs?\.?\s*(\d+|[A-Z]{1,2})",
    re.I,
)
# the closing line of an older letter as printed: "Tweede Kamer, zitting 1982-1983, 12 449, nr. 66"
# (in plain text it is the document's last line, a page number at most after it)
CLOSING_FOOTER_END = re.compile(r"(?:\s*(?:en\s+)?\d+[a-z]?)*[^\n]{0,6}(?:\n[^\n]{0,6}){0,3}\s*$")
KENMERK = re.compile(r"^(?:ons\s+)?kenmerk\s*:?\s*(\S.*)?$", re.I)
DOC_TYPES = {
    "brief": "brief",
    "motie": "motie",
    "amendement": "amendement",
    "verslag": "verslag",
    "nota": "nota",
    "memorie": "memorie",
    "voorstel": "wetsvoorstel",
    "lijst van vragen": "lijst_van_vragen",
    "aanhangsel": "aanhangsel",
    "kamerbrief": "brief",
}


def _parsed(written: str) -> dt.date | None:
    """A date a field pattern captured ("14 februari 2018")."""
    return dates.parse_date(written)


def extract_metadata(
    text: str, paragraphs: list[Paragraph], furniture: list[FurnitureLine], *, layout_kind: str
) -> DocumentMeta:
    meta = DocumentMeta()
    paras = [(p, text[p.start : p.end]) for p in paragraphs]
    furn_texts = [f.text for f in furniture]
    everything = [t for p, t in paras if p.kind in ("head", "field", "address")] + furn_texts

    for t in everything:
        if meta.vergaderjaar is None and (m := VERGADERJAAR.search(t)):
            meta.vergaderjaar = f"{m.group(1)}-{m.group(2)}"
        if meta.kamer is None and (m := KAMER.search(t)):
            meta.kamer = "II" if m.group(1) == "Tweede" else "I"
    for t in furn_texts:
        if meta.id is None and ids.is_official_id(t.strip().lower()):
            meta.id = t.strip().lower()
        if meta.dossier is None and (m := FOOTER_ID.search(t)):
            _footer_id(meta, m)
    if meta.dossier is None and paras:
        tail = paras[-1][1]
        for m in FOOTER_ID.finditer(tail):
            if CLOSING_FOOTER_END.fullmatch(tail, m.end()):
                _footer_id(meta, m)

    for p, t in paras:
        first_line = t.split("\n")[0].strip()
        if p.kind == "head":
            if (
                (m := DOSSIER_HEAD.match(first_line))
                and meta.title is None
                and not first_line.lower().startswith("nr")
            ):
                meta.dossier = meta.dossier or ids.compact(m.group(1))
                meta.toevoeging = meta.toevoeging or m.group(2)
                meta.title = m.group(3).strip()
            elif m := NR_HEAD.match(first_line):
                meta.ondernummer = meta.ondernummer or m.group(1)
                meta.doc_type = meta.doc_type or _doc_type(m.group(2))
                meta.heading = m.group(2).strip()
            elif meta.doc_type is None and (kind := _doc_type(first_line)):
                meta.doc_type = kind if kind == "aanhangsel" else None
        if p.kind == "field":
            low = first_line.lower()
            if low.startswith("betreft") or low.startswith("onderwerp"):
                meta.subject = re.sub(r"^\S+\s*", "", " ".join(t.split())).strip() or None
            if meta.date is None and (m := FIELD_DATE.match(first_line)):
                meta.date = _parsed(m.group(1))
        if meta.date is None and (
            m := PLACE_DATE.match(first_line) or FIELD_DATE.match(first_line) or RECEIVED.search(t)
        ):
            meta.date = _parsed(m.group(1))
        if p.kind == "signature":
            meta.signatories.extend(_signatories(t))

    co = _co_senders(" ".join(t for p, t in paras[:15] if p.kind == "paragraph"))
    if co:
        meta.co_senders = co

    # Kenmerk: the value that follows a "Kenmerk"/"Ons kenmerk" label in the sidebar or the fields
    sidebar = [f.text for f in furniture if f.kind == "sidebar"] + [
        t for p, t in paras if p.kind == "field"
    ]
    for i, line in enumerate(sidebar):
        if m := KENMERK.match(line.strip()):
            value = m.group(1) or (sidebar[i + 1] if i + 1 < len(sidebar) else None)
            if value:
                meta.kenmerk = value.strip()
                break

    if meta.date is None:
        for _, t in paras[:12]:
            if (found := dates.find_date(t)) is not None and found.date is not None:
                meta.date = found.date
                break
    if meta.title is None and meta.subject:
        meta.title = meta.subject
    if layout_kind == "letterhead" and meta.doc_type is None:
        meta.doc_type = "brief"
    if meta.id is None and meta.dossier and meta.ondernummer:
        meta.id = ids.kamerstuk_id(meta.dossier, meta.ondernummer, meta.toevoeging)
    meta.furniture = sorted(
        {f.text for f in furniture if f.kind in ("running", "colophon", "return_address")}
    )
    meta.sidebar = [f.text for f in furniture if f.kind == "sidebar"]
    return meta


_NAME_CHAIN = r"[A-ZÀ-Ý][\w’'-]*(?:(?:,\s+|\s+en\s+|\s+)[A-ZÀ-Ý][\w’'-]*)*"
CO_SENDER = re.compile(
    rf"(?:de|het)\s+((?:minister|staatssecretaris)(?:-president)?(?:\s+(?:van|voor)\s+{_NAME_CHAIN})?)(?:\s*\([^)]*\))?",
    re.I,
)
CO_SEPARATOR = re.compile(
    r"\s*(?:,\s*(?:en\s+)?|\s+en\s+)(?=(?:de|het)\s+(?:minister|staatssecretaris))", re.I
)


def _footer_id(meta: DocumentMeta, m: re.Match[str]) -> None:
    """The document's own dossier, toevoeging and number from its footer line."""
    meta.dossier = ids.compact(m.group(1)).replace("-", "")
    chapter = m.group(3)
    meta.toevoeging = m.group(2) or (re.sub(r"\s", "", chapter) if chapter else None)
    meta.ondernummer = m.group(5)


def _co_senders(text: str) -> list[CoSender]:
    """ "mede namens de Minister van X (VWS) en de Minister voor Y, …" → the co-senders' functions."""
    start = re.search(r"\bmede namens\s+", text, re.I)
    if not start:
        return []
    out = []
    pos = start.end()
    while m := CO_SENDER.match(text, pos):
        out.append(CoSender(_function(m.group(1))))
        sep = CO_SEPARATOR.match(text, m.end())
        if not sep:
            break
        pos = sep.end()
    return out


def _doc_type(heading: str) -> str | None:
    low = heading.lower()
    for key, value in DOC_TYPES.items():
        if low.startswith(key) or f" {key} " in f" {low} "[:40]:
            return value
    return None


FUNCTION_LINE = re.compile(
    r"^(de |het )?(minister(-president)?|staatssecretaris|minister van staat|voorzitter|griffier)\b",
    re.I,
)


def _function(line: str) -> str:
    function = re.sub(r"^(de|het)\s+", "", line.rstrip(","), flags=re.I).strip()
    if function.isupper():  # "STAATSSECRETARIS VAN INFRASTRUCTUUR EN WATERSTAAT,"
        small = {"van", "voor", "en", "de", "het", "der", "op"}
        function = " ".join(
            w.lower() if w.lower() in small else w.capitalize() for w in function.split()
        )
    return function[:1].upper() + function[1:]


def _signatories(block: str) -> list[Signatory]:
    """Function line ending in "," then a name ("De Minister voor X,\nS. Dekker"), or a name then a
    function line without comma ("M.A.M. Adriaansens\nMinister van Economische Zaken en Klimaat")."""
    out: list[Signatory] = []
    lines = [ln.strip() for ln in block.split("\n") if ln.strip()]
    i = 0
    while i < len(lines):
        line = lines[i]
        if (
            i + 1 < len(lines)
            and not line.endswith(",")
            and not FUNCTION_LINE.match(line)
            and matches("function_line", lines[i + 1])
        ):
            out.append(Signatory(line, _function(lines[i + 1])))
            i += 2
        elif line.endswith(","):
            # a function may run over lines: "De Staatssecretaris van Volksgezondheid,\nWelzijn en Sport,"
            parts = [line.rstrip(",")]
            while (
                i + 1 < len(lines)
                and lines[i + 1].endswith(",")
                and not FUNCTION_LINE.match(lines[i + 1])
            ):
                i += 1
                parts.append(lines[i].rstrip(","))
            name = lines[i + 1] if i + 1 < len(lines) and not lines[i + 1].endswith(",") else None
            out.append(Signatory(name, _function(", ".join(parts))))
            i += 2
        else:
            i += 1
    return out
