"""Pass 4, who writes to whom (four passes, in this order):

* "addressee": the addressed Kamer (metadata, else the letter's head);
* "signatories": from metadata, else the closing block, else the document head; the
  signature's spans get role "signatory";
* "co-senders": the functions after "mede namens" (role "co-sender");
* "addressed-chair": the Kamer's chair named in the head (role "addressee").
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import replace

from kamer_nlp.contracts import CoSender
from kamer_nlp.contracts import Signatory as GivenSignatory

from ..cues import PhraseIndex, person_id
from ..gazetteer import FUNCTION_TYPES, ActorEntry, Gazetteer
from ..matching import Token, normalise_space
from ..mentions import Signatory
from ..signatures import find_closing_blocks, find_head_function
from ..spans import Spans
from .context import Findings, ResolverData, TextInput, make_mention

_CHAIRS = frozenset({"voorzitter-tweede-kamer", "voorzitter-eerste-kamer"})
_CHAIR_HEAD = 600  # a chair named this early is the addressee ("Aan de Voorzitter van …")


def find_addressee(text: str, kamer: str | None) -> str:
    """The addressed Kamer: from the ``kamer`` metadata, else the head of the text."""
    if kamer in {"I", "EK", "eerste-kamer"}:
        return "eerste-kamer"
    if kamer in {"II", "TK", "tweede-kamer"}:
        return "tweede-kamer"
    head = normalise_space(text[:1500]).lower()
    if "voorzitter van de eerste kamer" in head and "voorzitter van de tweede kamer" not in head:
        return "eerste-kamer"
    return "tweede-kamer"


def addressee_pass(data: ResolverData, doc: TextInput, found: Findings) -> None:
    """Sets ``found.addressee``."""
    found.addressee = find_addressee(doc.text, doc.kamer)


def find_signatories(
    data: ResolverData,
    text: str,
    on: dt.date | None,
    given: Sequence[GivenSignatory] | None,
    spans: Spans,
) -> tuple[list[Signatory], int | None]:
    """Signatories plus the offset where the closing block starts (None if not found)."""
    gazetteer = data.gazetteer
    blocks = find_closing_blocks(text, gazetteer, data.cues, on)
    closing_start = blocks[0].start if blocks else None
    out: list[Signatory] = []
    if given:
        for item in given:
            fn_text = item.function or ""
            entry = gazetteer.resolve_function(fn_text, on) if fn_text else None
            out.append(Signatory(item.name, item.function, entry.actor_id if entry else None))
    else:
        for b in blocks:
            out.append(Signatory(b.name, b.function.name, b.function.actor_id, "closing-block"))
    # mark the signature spans
    for b in blocks:
        for m in spans.overlapping(b.function_start, b.function_end):
            if m.actor_id == b.function.actor_id:
                spans.swap(m, replace(m, role="signatory"))
        if b.name is not None and b.name_start is not None and b.name_end is not None:
            entry = ActorEntry(person_id(b.name, data.cues), "person", normalise_space(b.name))
            mention = make_mention(text, b.name_start, b.name_end, entry, role="signatory")
            mention = replace(mention, ministry=b.function.ministry)
            spans.add(mention, replace_contained=True)
    if not out:
        ordered = spans.sorted()
        k = find_head_function(text, [(m.start, m.end, m.type) for m in ordered])
        if k is not None:
            m = ordered[k]
            spans.swap(m, replace(m, role="signatory"))
            fn = gazetteer.get(m.actor_id) if m.actor_id in gazetteer else None
            out.append(Signatory(None, fn.name if fn else m.name, m.actor_id, "head"))
    return out, closing_start


def signatories_pass(data: ResolverData, doc: TextInput, found: Findings) -> None:
    """Sets ``found.signatories`` and ``found.closing_start``."""
    found.signatories, found.closing_start = find_signatories(
        data, doc.text, doc.on, doc.signatories, found.spans
    )


def find_co_senders(
    markers: PhraseIndex, text: str, tokens: Sequence[Token], spans: Spans
) -> list[CoSender]:
    """The functions named after a co-sender marker ("mede namens"), resolved."""
    out: list[CoSender] = []
    ordered = spans.sorted()
    ends = [m.end for m in ordered]
    for i in range(len(tokens)):
        phrase = markers.first(tokens, i, exact=False)
        if phrase is None:
            continue
        pos = tokens[i + len(phrase) - 1].end
        # the mentions after the marker: those ending after it (ends are in text order)
        for n in range(bisect_right(ends, pos), len(ordered)):
            m = ordered[n]
            if m.end <= pos:
                continue
            gap = text[pos : m.start]
            if not re.fullmatch(r"[\s,()]*(?:en\s+)?(?:de\s+|het\s+)?", gap, re.I):
                break
            if text[m.start - 1 : m.start] == "(":
                pos = m.end  # "(JenV)" after a co-sender
                continue
            if m.type not in FUNCTION_TYPES:
                break
            spans.swap(m, replace(m, role="co-sender"))
            if all(c.actor_id != m.actor_id for c in out):
                out.append(CoSender(m.name, m.actor_id, resolved=True))
            pos = m.end
    return out


def co_senders_pass(data: ResolverData, doc: TextInput, found: Findings) -> None:
    """Sets ``found.co_senders``."""
    found.co_senders = find_co_senders(data.co_markers, doc.text, doc.tokens, found.spans)


def mark_addressed_chair(spans: Spans) -> None:
    """The Kamer's chair named in the head of the text gets role "addressee"."""
    for m in list(spans.items):
        if m.actor_id in _CHAIRS and m.start < _CHAIR_HEAD:
            spans.swap(m, replace(m, role="addressee"))


def addressed_chair_pass(data: ResolverData, doc: TextInput, found: Findings) -> None:
    mark_addressed_chair(found.spans)


def signatory_entry(gazetteer: Gazetteer, signatories: Sequence[Signatory]) -> ActorEntry | None:
    """The gazetteer entry of the first signatory that has one (who "ik" is)."""
    for s in signatories:
        if s.actor_id and s.actor_id in gazetteer:
            return gazetteer.get(s.actor_id)
    return None
