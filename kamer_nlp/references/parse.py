"""Find cross-references in text: the plain-function API of the references package.

Each pattern of :mod:`kamer_nlp.references.rules` yields *matches*; a handler per
type turns a match into one or more :class:`Reference` values (a list such as
"nrs. 12 en 13" gives one per number). Overlapping matches are resolved per match
(earliest start, then longest), so a URL that contains a Kamerstuk id stays one
URL reference.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from kamer_nlp.references import ids
from kamer_nlp.references.reference import Reference
from kamer_nlp.references.rules import ReferenceRules

_NUMBER = re.compile(r"\d{1,4}(?:[a-z](?!\w))?")
_EU_ITEM = re.compile(
    r"(?:\((?P<tag>[A-Za-z]+)\)[ \t\u00a0\n]+)?(?:(?P<nrkw>nr\.)[ \t\u00a0\n]+)?"
    r"(?P<a>\d{2,4})/(?P<b>\d{1,4})(?:/(?P<suffix>[A-Za-z]+))?"
)
_URL_TRAILING = ".,;:!?»”’'\""
_URL_JOINERS = "-=&?%_#~"
_URL_MAX_LINES = 4  # a link continues over at most this many line breaks
_URL_TOKEN = re.compile(r"[^\s<>\"'()\[\]{}|]+")


@dataclass(frozen=True)
class _Group:
    """The references made from one regex match, with the match's extent."""

    start: int
    end: int
    priority: int
    refs: tuple[Reference, ...]


def find_references(
    text: str,
    *,
    doc_date: dt.date | None = None,
    rules: ReferenceRules | None = None,
    types: frozenset[str] | None = None,
    dossier: str | None = None,
) -> list[Reference]:
    """Every citation in ``text``, sorted by offset.

    ``doc_date`` resolves letters cited by date only ("de brief van 7 februari jl.").
    ``types`` restricts the output to some reference types; ``rules`` replaces the
    packaged patterns. A number cited without its dossier ("de motie op stuk nr. 204")
    takes the dossier of the last Kamerstuk cited before it, else ``dossier`` (the
    document's own), with ``resolved_from: "context"`` in its details.
    """
    rules = rules or ReferenceRules.default()
    groups: list[_Group] = []
    for priority, pattern in enumerate(rules.patterns):
        if types is not None and pattern.type not in types:
            continue
        handler = _HANDLERS.get(pattern.type)
        if handler is None:
            raise ValueError(
                f"reference pattern {pattern.name!r} has unknown type {pattern.type!r}"
            )
        last_end = 0
        for m in pattern.regex.finditer(text):
            if m.start() < last_end:
                continue  # inside a reference this pattern already extended (a link over lines)
            refs = tuple(handler(m, text, rules, doc_date))
            if refs:
                start = min(r.start for r in refs)
                last_end = max(r.end for r in refs)
                groups.append(_Group(start, last_end, priority, refs))
    kept: list[_Group] = []
    for g in sorted(groups, key=lambda g: (g.start, -(g.end - g.start), g.priority)):
        if kept and g.start < kept[-1].end:
            continue
        kept.append(g)
    found = [r for g in kept for r in g.refs]
    if types is None or "kamerstuk" in types:
        found = _with_context_numbers(text, found, rules, dossier)
    return found


def _with_context_numbers(
    text: str, found: list[Reference], rules: ReferenceRules, dossier: str | None
) -> list[Reference]:
    """Add the bare "stuk nr. N" citations whose dossier the document gives elsewhere."""
    out = list(found)
    starts = [r.start for r in found]
    for m in rules.context_number.finditer(text):
        i = bisect_right(starts, m.start())
        if i and found[i - 1].end > m.start():
            continue  # part of a full citation
        context = next(
            (
                r.details.get("dossier")
                for r in reversed(found[:i])
                if r.type == "kamerstuk" and r.details.get("dossier")
            ),
            dossier,
        )
        if not context:
            continue
        nr = m.group("nr")
        kb_id = ids.kamerstuk_id(str(context), nr)
        details = {"dossier": str(context), "ondernummer": nr, "resolved_from": "context"}
        url = ids.officielebekendmakingen_url(kb_id)
        out.append(_ref(text, m.start(), m.end(), "kamerstuk", kb_id, url=url, details=details))
    out.sort(key=lambda r: (r.start, r.end))
    return out


# --- handlers ---------------------------------------------------------------

Handler = Callable[[re.Match[str], str, ReferenceRules, "dt.date | None"], Iterator[Reference]]


def _ref(
    text: str,
    start: int,
    end: int,
    type_: str,
    kb_id: str | None,
    *,
    url: str | None = None,
    date: str | None = None,
    details: dict[str, Any] | None = None,
) -> Reference:
    return Reference(
        start=start,
        end=end,
        text=text[start:end],
        type=type_,
        kb_id=kb_id,
        url=url,
        date=date,
        details=details or {},
    )


def _group(m: re.Match[str], name: str) -> str | None:
    return m.groupdict().get(name)


def _kamer(m: re.Match[str], rules: ReferenceRules, default: str | None = None) -> str | None:
    raw = _group(m, "kamer")
    if raw is None:
        return default
    return rules.lookup("kamer", raw) or default


def _years(m: re.Match[str]) -> tuple[int, int] | None:
    if _group(m, "vj1") is None:
        return None
    return ids.vergaderjaar(m.group("vj1"), m.group("vj2"))


def _kamerstuk(
    m: re.Match[str], text: str, rules: ReferenceRules, _: dt.date | None
) -> Iterator[Reference]:
    if _group(m, "zaak"):
        yield _ref(
            text,
            m.start(),
            m.end(),
            "kamerstuk",
            m.group("zaak"),
            details={"zaak": m.group("zaak")},
        )
        return
    dossier = ids.compact(m.group("dossier")).replace("-", "")
    toevoeging = (
        _group(m, "toev") or _group(m, "toev_sp") or _group(m, "toev_g") or _toevoeging_h(m)
    )
    # "nr. 199 (31311)": the dossier follows the number, the first reference covers both
    dossier_after = m.start("dossier") > m.start("nrs") if _group(m, "nrs") else False
    if (
        _group(m, "kw") is None
        and not toevoeging
        and rules.lookup("series_dossiers", dossier) is not None
        and len(m.group("nrs")) == 2
        and "nr" not in m.group(0).lower()
    ):
        return  # "21501-32": the series, not a document
    years = _years(m)
    details: dict[str, object] = {"dossier": dossier}
    if toevoeging:
        details["toevoeging"] = toevoeging
    also = [ids.compact(d) for d in re.findall(r"\d\d[ \u00a0]?\d{3}", _group(m, "also") or "")]
    if also:
        details["also_dossiers"] = also
    if _group(m, "rijkswet"):
        details["rijkswet"] = ids.compact(m.group("rijkswet"))
    kamer = _kamer(m, rules)
    if kamer:
        details["kamer"] = kamer
    if years:
        details["vergaderjaar"] = f"{years[0]}-{years[1]}"
    elif _group(m, "year1"):
        details["vergaderjaar"] = m.group("year1")  # a session of one calendar year (to 1981)
    if _group(m, "eklet"):
        kb_id = ids.kamerstuk_id(dossier, m.group("eklet"), toevoeging)
        details["ondernummer"] = m.group("eklet")
        url = ids.officielebekendmakingen_url(kb_id)
        yield _ref(text, m.start(), m.end(), "kamerstuk", kb_id, url=url, details=details)
        return
    list_start = m.start("nrs")
    for i, (nr, start, end) in enumerate(_numbers(m.group("nrs"))):
        kb_id = ids.kamerstuk_id(dossier, nr, toevoeging)
        url = ids.officielebekendmakingen_url(kb_id)
        yield _ref(
            text,
            m.start() if i == 0 else list_start + start,
            m.end() if dossier_after else list_start + end,
            "kamerstuk",
            kb_id,
            url=url,
            details={**details, "ondernummer": nr},
        )


_RANGE = re.compile(
    r"(?P<a>\d{1,4})(?P<to>\s*[-\u2010-\u2014]\s*|\s+(?:tot\s+en\s+met|t/m)\s+)(?P<b>\d{1,4})(?!\d)"
)
MAX_RANGE = 50  # a longer "range" is more likely two unrelated numbers


def _numbers(nrs: str) -> Iterator[tuple[str, int, int]]:
    """Each ondernummer of a list with its extent in ``nrs``: "12, 14 en 15" gives three; a range
    "12 tot en met 14" gives 12 and 14 on their own digits and 13 on the words between."""
    pos = 0
    while (n := _NUMBER.search(nrs, pos)) is not None:
        r = _RANGE.match(nrs, n.start())
        if r is not None and 0 < int(r["b"]) - int(r["a"]) <= MAX_RANGE:
            a, b = int(r["a"]), int(r["b"])
            yield r["a"], r.start("a"), r.end("a")
            to = r.group("to")
            lead = len(to) - len(to.lstrip())
            for middle in range(a + 1, b):
                yield str(middle), r.start("to") + lead, r.start("to") + len(to.rstrip())
            yield r["b"], r.start("b"), r.end("b")
            pos = r.end()
            continue
        yield n.group(0), n.start(), n.end()
        pos = n.end()


def _toevoeging_h(m: re.Match[str]) -> str | None:
    """A budget chapter written out ("hoofdstuk IX B") as the toevoeging ("IXB")."""
    raw = _group(m, "toev_h")
    return None if raw is None else re.sub(r"[\s\u00a0]", "", raw)


def _handelingen(
    m: re.Match[str], text: str, rules: ReferenceRules, _: dt.date | None
) -> Iterator[Reference]:
    years = _years(m)
    if years is None:
        return
    kamer = _kamer(m, rules, "tk") or "tk"
    kb_id = ids.handelingen_id(kamer, years, m.group("nr"), _group(m, "item"))
    details = {
        "kamer": kamer,
        "vergaderjaar": f"{years[0]}-{years[1]}",
        "nr": str(int(m.group("nr"))),
    }
    if _group(m, "item"):
        details["item"] = str(int(m.group("item")))
    url = ids.officielebekendmakingen_url(kb_id)
    yield _ref(text, m.start(), m.end(), "handelingen", kb_id, url=url, details=details)


def _aanhangsel(
    m: re.Match[str], text: str, rules: ReferenceRules, _: dt.date | None
) -> Iterator[Reference]:
    years = _years(m)
    if years is None:
        return
    kamer = _kamer(m, rules, "tk") or "tk"
    kb_id = ids.aanhangsel_id(kamer, years, m.group("nr"))
    details = {
        "kamer": kamer,
        "vergaderjaar": f"{years[0]}-{years[1]}",
        "nr": str(int(m.group("nr"))),
    }
    url = ids.officielebekendmakingen_url(kb_id)
    yield _ref(text, m.start(), m.end(), "aanhangsel", kb_id, url=url, details=details)


def _gazette(kind: str, make_id: Callable[[str, str], str]) -> Handler:
    """Staatsblad and Staatscourant: year and number, an officielebekendmakingen id and link."""

    def handle(
        m: re.Match[str], text: str, rules: ReferenceRules, _: dt.date | None
    ) -> Iterator[Reference]:
        kb_id = make_id(m.group("year"), m.group("nr"))
        details = {"year": m.group("year"), "nr": str(int(m.group("nr")))}
        url = ids.officielebekendmakingen_url(kb_id)
        yield _ref(text, m.start(), m.end(), kind, kb_id, url=url, details=details)

    return handle


def _ecli(
    m: re.Match[str], text: str, rules: ReferenceRules, _: dt.date | None
) -> Iterator[Reference]:
    country = (_group(m, "country") or "NL").upper()
    court, year = m.group("court").upper(), m.group("year")
    kb_id = f"ECLI:{country}:{court}:{year}:{m.group('num').upper()}"
    details = {"country": country, "court": court, "year": year}
    yield _ref(text, m.start(), m.end(), "ecli", kb_id, url=ids.ecli_url(kb_id), details=details)


#: the reference type of an official id by its prefix
_OFFICIAL_ID_TYPES = {
    "kst": "kamerstuk",
    "h": "handelingen",
    "ah": "aanhangsel",
    "stb": "staatsblad",
    "stcrt": "staatscourant",
}


def _official_id(
    m: re.Match[str], text: str, rules: ReferenceRules, _: dt.date | None
) -> Iterator[Reference]:
    """An officielebekendmakingen id written as such ("(kst-30000-12)")."""
    kb_id = m.group("oid")
    kind = _OFFICIAL_ID_TYPES[kb_id.split("-", 1)[0]]
    url = ids.officielebekendmakingen_url(kb_id)
    yield _ref(text, m.start(), m.end(), kind, kb_id, url=url, details={"written_as": "id"})


def _ljn(
    m: re.Match[str], text: str, rules: ReferenceRules, _: dt.date | None
) -> Iterator[Reference]:
    """An LJN number: ``ljn:AB1234`` (it does not say which court or year its ECLI has)."""
    ljn = m.group("ljn")
    yield _ref(text, m.start(), m.end(), "ljn", f"ljn:{ljn}", details={"ljn": ljn})


def _eu_year_number(a: str, b: str, *, number_first: bool) -> tuple[int, int]:
    """(year, number) of "2019/1021" (year first) or "nr. 1907/2006" (number first)."""
    year_s, num_s = (b, a) if number_first else (a, b)
    year = int(year_s)
    if len(year_s) == 2:
        year += 1900 if year > 50 else 2000
    return year, int(num_s)


def _eu(
    m: re.Match[str], text: str, rules: ReferenceRules, _: dt.date | None
) -> Iterator[Reference]:
    if _group(m, "series"):
        series = rules.lookup("eu_documents", m.group("series")) or m.group("series")
        year = _group(m, "year") or m.group("year2")
        kb_id = ids.eu_document_id(series, year, m.group("nr"))
        details = {"eu_kind": "document", "series": series}
        yield _ref(
            text, m.start(), m.end(), "eu", kb_id, url=ids.eurlex_url(kb_id), details=details
        )
        return
    act = m.group("act")
    act_key = (
        act[:-2]
        if act.lower().endswith("en") and rules.lookup("eu_acts", act, casefold=True) is None
        else act
    )
    letter = rules.lookup("eu_acts", act_key, casefold=True)
    if letter is None:
        return
    tag = _group(m, "tag") or _group(m, "suffix")
    if letter in ("D", "F") and tag is None:
        return  # a Dutch "besluit 2023/12" is not an EU act
    items = [(m.start(), m)]
    more = m.group("more")
    if more:
        for item in _EU_ITEM.finditer(more):
            items.append((m.start("more") + item.start(), item))
    for i, (start, item) in enumerate(items):
        a, b = item.group("a"), item.group("b")
        # "nr. 1907/2006" and the old "(EEG) 1408/71" (a two-digit year after a number that is
        # no year) put the number first; "2019/1021", "2008/50", "85/337" the year
        number_first = item.group("nrkw") is not None or (
            len(b) == 2 and re.fullmatch(r"(?:19|20)\d\d", a) is None and len(a) > 2
        )
        year, number = _eu_year_number(a, b, number_first=number_first)
        kb_id = ids.celex(letter, year, number)
        if i == 0:
            end = m.end("suffix") if m.group("suffix") else m.end("b")
        else:
            end = start + item.end() - item.start()
        details = {"eu_kind": "act", "celex": kb_id, "act": act_key.lower()}
        yield _ref(text, start, end, "eu", kb_id, url=ids.eurlex_url(kb_id), details=details)


def _url(
    m: re.Match[str], text: str, rules: ReferenceRules, _: dt.date | None
) -> Iterator[Reference]:
    start, end = m.start(), m.end()
    pieces = [text[start:end]]
    # A link broken over a line: continue when the line ends inside it.
    in_query = "?" in pieces[0] or "=" in pieces[0]
    while end < len(text) and text[end] == "\n" and len(pieces) <= _URL_MAX_LINES:
        nxt = _URL_TOKEN.match(text, end + 1)
        if nxt is None:
            break
        token = nxt.group(0)
        last = pieces[-1][-1]
        # Inside a query, a value cut at the line end continues on the next line when the
        # fragment there runs straight into punctuation ("2022D222\n49;"); a footnote
        # number ("5 Zie …") is followed by a space instead.
        # After a "/" only a token that itself looks like a path continues the link
        # ("raw-\nmaterials/…" yes, "moip/\nPagina 2" no).
        path_like = re.search(r"[/.=?&_%#\d-]", token.rstrip(_URL_TRAILING)) is not None
        if (
            last in _URL_JOINERS
            or (last == "/" and path_like)
            or (in_query and last.isalnum() and re.fullmatch(r"[\w%=&-]+[.;,:]", token))
        ):
            pieces.append(token)
            in_query = in_query or "?" in token or "=" in token
            end = nxt.end()
        else:
            break
    # Trailing punctuation belongs to the sentence, not to the link.
    while end > start and text[end - 1] in _URL_TRAILING:
        end -= 1
    raw = text[start:end]
    joined = raw.replace("\n", "")
    url = ids.normalise_url(joined)
    kb_id = ids.id_from_url(url) or url
    yield _ref(text, start, end, "url", kb_id, url=url)


def _letter_by_date(
    m: re.Match[str], text: str, rules: ReferenceRules, doc_date: dt.date | None
) -> Iterator[Reference]:
    month = rules.lookup("months", m.group("month").lower(), casefold=True)
    day = int(m.group("day"))
    rel = rules.lookup("relative", m.group("rel"), casefold=True) if _group(m, "rel") else None
    date = _resolve_date(day, int(month), _group(m, "year"), rel, doc_date)
    if date is False:
        return  # "31 februari": not a date
    details = {"relative": rel} if rel else {}
    iso = date.isoformat() if isinstance(date, dt.date) else None
    yield _ref(text, m.start(), m.end(), "letter_by_date", None, date=iso, details=details)


def _resolve_date(
    day: int, month: int, year: str | None, rel: str | None, doc_date: dt.date | None
) -> dt.date | bool | None:
    """The date of a letter; a date without year is the latest one not after the
    document date ("jl.", or no marker), or the first one on or after it ("a.s.")."""

    def make(y: int) -> dt.date | None:
        try:
            return dt.date(y, month, day)
        except ValueError:
            return None

    if year is not None:
        return make(int(year)) or False
    if make(2000) is None:  # 2000 is a leap year: invalid day/month in every year
        return False
    if doc_date is None:
        return None
    for y in (doc_date.year, doc_date.year - 1, doc_date.year + 1):
        candidate = make(y)
        if candidate is None:
            continue
        if rel == "future" and candidate >= doc_date and (candidate.year - doc_date.year) <= 1:
            return candidate
        if rel != "future" and candidate <= doc_date and (doc_date.year - candidate.year) <= 1:
            return candidate
    return None


_HANDLERS: dict[str, Handler] = {
    "kamerstuk": _kamerstuk,
    "official_id": _official_id,
    "ljn": _ljn,
    "handelingen": _handelingen,
    "aanhangsel": _aanhangsel,
    "staatsblad": _gazette("staatsblad", ids.staatsblad_id),
    "staatscourant": _gazette("staatscourant", ids.staatscourant_id),
    "ecli": _ecli,
    "eu": _eu,
    "url": _url,
    "letter_by_date": _letter_by_date,
}
