"""Pass 3, "definitions": the forms a document defines and their later uses.

"(JenV)", "(hierna: Commissie)", "(verder: Nationaal Rapporteur)" right after a mention
define a form for that actor (or its ministry/parent); later uses of the form are
mentions via "abbreviation" (an acronym) or "alias".
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from ..gazetteer import ActorEntry, Gazetteer
from ..matching import SurfaceForm, SurfaceIndex, Token, normalise_space
from ..mentions import ActorMention
from ..spans import Spans
from .context import Findings, ResolverData, TextInput, is_compound, make_mention

# "(hierna: Commissie)": the marker group is optional; without it only acronym-like forms count
_DEF_OPEN = re.compile(r"\s*\(\s*")
_ACRONYM = re.compile(r"^(?=(?:.*[A-Z]){2})[A-Za-z][A-Za-z&.\-/]{0,11}$|^[A-Z][a-z]+$")
_QUOTES = "\"'“”‘’«»"


def abbreviates(short: str, full: str) -> bool:
    """Whether ``short`` can abbreviate ``full``: same first letter, letters in order."""
    short = re.sub(r"[^a-z]", "", short.lower())
    full = re.sub(r"[^a-z]", "", full.lower())
    if not short or not full or short[0] != full[0]:
        return False
    pos = 0
    for c in short:
        pos = full.find(c, pos) + 1
        if pos == 0:
            return False
    return True


def definitions_pass(data: ResolverData, doc: TextInput, found: Findings) -> None:
    """Adds the defined forms and their later uses to ``found.spans``; sets
    ``found.definitions`` (form → actor_id)."""
    found.definitions = find_definitions(data, doc, found.spans)


def find_definitions(data: ResolverData, doc: TextInput, spans: Spans) -> dict[str, str]:
    """Marks the defined forms and their later uses in ``spans``: form → actor_id."""
    text, tokens, on = doc.text, doc.tokens, doc.on
    gazetteer = data.gazetteer
    by_start = {t.start: n for n, t in enumerate(tokens)}
    defined: list[tuple[int, SurfaceForm]] = []
    for mention in spans.sorted():
        m = _DEF_OPEN.match(text, mention.end)
        if not m or "(" not in m.group():
            continue
        k = by_start.get(m.end())
        if k is None:
            continue
        marker = next(
            (mk for mk in data.markers if tuple(t.key for t in tokens[k : k + len(mk)]) == mk),
            None,
        )
        k2 = k + len(marker) if marker else k
        close = next(
            (x for x in range(k2, min(k2 + 10, len(tokens))) if tokens[x].text == ")"), None
        )
        if close is None or close == k2:
            continue
        inner = [t for t in tokens[k2:close] if t.text not in _QUOTES]
        while inner and inner[0].key in data.definition_leading:
            inner = inner[1:]
        if not inner:
            continue
        form_text = text[inner[0].start : inner[-1].end]
        acronym = len(inner) <= 3 and bool(_ACRONYM.match("".join(t.text for t in inner)))
        known = bool(gazetteer.index.lookup(inner))
        if marker is None and not (acronym and (known or abbreviates(form_text, mention.text))):
            continue
        if not form_text[:1].isupper():
            continue
        target = definition_target(gazetteer, mention, inner, on)
        if target is None:
            continue
        via = "abbreviation" if acronym and any(c.isupper() for c in form_text[1:]) else "alias"
        form = SurfaceForm(normalise_space(form_text), target, via, True)
        defined.append((inner[-1].end, form))
        entry = gazetteer.get(target) if target in gazetteer else None
        start, end = inner[0].start, inner[-1].end
        if entry is None:
            entry = ActorEntry(target, mention.type, mention.name, ministry=mention.ministry)
        new = make_mention(text, start, end, entry, via=via, anachronistic=mention.anachronistic)
        for old in spans.overlapping(start, end):
            if old.start >= start and old.end <= end:
                spans.remove(old)
        spans.add(new)
    if not defined:
        return {}
    # later uses of a defined form
    index = SurfaceIndex(form for _, form in defined)
    active_from = {form: pos for pos, form in defined}
    for i, j, forms in index.find_all(tokens):
        start, end = tokens[i].start, tokens[j - 1].end
        forms = [f for f in forms if active_from[f] < start]
        if not forms or is_compound(tokens, i, j):
            continue  # not yet defined, or glued into a compound ("SER-verkenning")
        form = forms[-1]
        entry_or_none = gazetteer.get(form.actor_id) if form.actor_id in gazetteer else None
        clash = spans.overlapping(start, end)
        if any(c.end - c.start > end - start for c in clash):
            continue  # inside a longer mention ("Europese Commissie")
        for c in clash:
            spans.remove(c)
        if entry_or_none is None:
            src = spans.first_of(form.actor_id)
            entry_or_none = ActorEntry(form.actor_id, src.type, src.name, ministry=src.ministry)
        spans.add(make_mention(text, start, end, entry_or_none, via=form.via))
    return {form.text: form.actor_id for _, form in defined}


def definition_target(
    gazetteer: Gazetteer, mention: ActorMention, inner: Sequence[Token], on: dt.date | None
) -> str | None:
    """What a defined form stands for: the actor itself or its ministry/parent."""
    family = [mention.actor_id]
    if mention.actor_id in gazetteer:
        entry = gazetteer.get(mention.actor_id)
        family += [a for a in (entry.ministry, entry.parent) if a]
    known = gazetteer.index.lookup(inner)
    if known:
        ids = [f.actor_id for f in known]
        for actor_id in family:
            if actor_id in ids:
                return actor_id
        # a different known actor in brackets ("(CDA)" after a name) is no definition
        return None
    return mention.actor_id
