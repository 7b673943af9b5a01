"""Pass 2, cue patterns (three passes, in this order):

* "minister-by-name": "Minister Koolmees (Sociale Zaken en Werkgelegenheid)" → that
  ministry's minister;
* "named-bodies": municipalities, provinces, waterschappen after their cue word
  ("gemeente Den Haag") and organisations after "Stichting", "Vereniging";
* "persons": people after "de heer", "mevrouw", and the lists after "de leden", "motie".

These replace a shorter mention they contain (a gazetteer match inside the name).
"""

from __future__ import annotations

from collections.abc import Sequence

from ..cues import collect_name, person_id, slug
from ..gazetteer import ActorEntry
from ..matching import Token, normalise_space
from ..spans import Spans
from .context import Findings, ResolverData, TextInput, make_mention, resolve_forms


def minister_by_name_pass(data: ResolverData, doc: TextInput, found: Findings) -> None:
    """ "Minister Koolmees (Sociale Zaken en Werkgelegenheid)" → that ministry's minister."""
    text, tokens, on = doc.text, doc.tokens, doc.on
    gazetteer = data.gazetteer
    titles = data.cues.data.get("minister_title_words", {})
    for i, tok in enumerate(tokens):
        kind = titles.get(tok.key)
        if kind is None or kind == "minister-president":
            continue
        end = collect_name(tokens, i + 1, data.cues, text=text, max_words=3)
        if end == i + 1 or end >= len(tokens) or tokens[end].text != "(":
            continue
        close = next(
            (k for k in range(end + 1, min(end + 12, len(tokens))) if tokens[k].text == ")"),
            None,
        )
        if close is None:
            continue
        forms = gazetteer.index.lookup(tokens[end + 1 : close])
        resolved = resolve_forms(gazetteer, forms, on) if forms else None
        if resolved is None or resolved[0].type != "ministry":
            continue
        ministry = resolved[0]
        fn_id = f"{kind}-{ministry.actor_id.removeprefix('ministerie-')}"
        if fn_id not in gazetteer:
            continue
        fn = gazetteer.get(fn_id)
        mention = make_mention(
            text,
            tok.start,
            tokens[end - 1].end,
            fn,
            anachronistic=not fn.is_valid(on, gazetteer.grace_days),
        )
        found.spans.add(mention, replace_contained=True)


def named_bodies_pass(data: ResolverData, doc: TextInput, found: Findings) -> None:
    """ "gemeente Den Haag", "provincie Noord-Holland", "Stichting Vluchtelingenwerk"."""
    text, tokens, spans = doc.text, doc.tokens, found.spans
    for i in range(len(tokens)):
        for phrase in data.gov_phrases.matches(tokens, i, exact=True):
            kind = data.gov_cues[phrase]
            k = i + len(phrase)
            end = collect_name(tokens, k, data.cues, text=text, max_words=4, conjunctions=True)
            if end > k:
                name = text[tokens[k].start : tokens[end - 1].end]
                prefix = phrase[0].lower()
                entry = ActorEntry(
                    actor_id=f"{prefix}-{slug(name)}",
                    type=kind,
                    name=f"{prefix} {normalise_space(name)}",
                )
                spans.add(
                    make_mention(text, tokens[i].start, tokens[end - 1].end, entry),
                    replace_contained=True,
                )
        for phrase in data.org_cues.matches(tokens, i, exact=True):
            k = i + len(phrase)
            end = collect_name(tokens, k, data.cues, text=text, max_words=5)
            if end > k:
                full = normalise_space(text[tokens[i].start : tokens[end - 1].end])
                full = full[:1].upper() + full[1:]
                entry = ActorEntry(actor_id=f"org-{slug(full)}", type="organisation", name=full)
                spans.add(
                    make_mention(text, tokens[i].start, tokens[end - 1].end, entry),
                    replace_contained=True,
                )


def persons_pass(data: ResolverData, doc: TextInput, found: Findings) -> None:
    """People after a person cue ("de heer X") or a list cue ("de leden X, Y en Z")."""
    text, tokens = doc.text, doc.tokens
    for i in range(len(tokens)):
        phrase = data.list_cues.first(tokens, i, exact=False)
        if phrase is not None:
            k = i + len(phrase)
            while k < len(tokens):
                end = collect_name(tokens, k, data.cues, text=text, max_words=4)
                if end == k:
                    break
                _add_person(data, text, tokens, k, end, found.spans)
                if end < len(tokens) and tokens[end].key in {",", "/", "en"}:
                    k = end + 1
                    continue
                break
            continue
        phrase = data.person_cues.first(tokens, i, exact=False)
        if phrase is not None:
            k = i + len(phrase)
            end = collect_name(tokens, k, data.cues, text=text, max_words=4)
            if end > k:
                _add_person(data, text, tokens, k, end, found.spans)


def _add_person(
    data: ResolverData, text: str, tokens: Sequence[Token], k: int, end: int, spans: Spans
) -> None:
    # "Klaver van GroenLinks": a particle followed by a known actor ends the name
    particles = data.cues.words("name_particles")
    index = data.gazetteer.index
    for p in range(k + 1, end):
        if tokens[p].key in particles and index.longest(tokens, p + 1)[0] >= end:
            end = p
            break
    # a known actor (a party, a ministry) is not a person
    if end <= k or index.lookup(tokens[k:end]):
        return
    start, stop = tokens[k].start, tokens[end - 1].end
    name = normalise_space(text[start:stop])
    entry = ActorEntry(actor_id=person_id(name, data.cues), type="person", name=name)
    spans.add(make_mention(text, start, stop, entry), replace_contained=True)
