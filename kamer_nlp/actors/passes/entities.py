"""Pass 6, "model-entities": the model's PER/ORG entities on text no mention covers yet.

An entity the gazetteer knows resolves to that entry; the others become a person or an
organisation of their own.
"""

from __future__ import annotations

from ..cues import person_id, slug
from ..gazetteer import ActorEntry
from ..matching import normalise_space, tokenize
from .context import Findings, ResolverData, TextInput, make_mention, resolve_forms

# model entity labels → actor types (other labels are ignored)
MODEL_TYPES = {"PER": "person", "PERSON": "person", "ORG": "organisation"}


def model_entities_pass(data: ResolverData, doc: TextInput, found: Findings) -> None:
    """Adds ``doc.entities`` not yet covered to ``found.spans``."""
    text, spans = doc.text, found.spans
    for start, end, label in doc.entities:
        kind = MODEL_TYPES.get(label)
        if kind is None or not spans.free(start, end):
            continue
        toks = tokenize(text[start:end], start)
        forms = data.gazetteer.index.lookup(toks)
        resolved = resolve_forms(data.gazetteer, forms, doc.on) if forms else None
        if resolved is not None:
            entry, via, anachronistic = resolved
            spans.add(make_mention(text, start, end, entry, via=via, anachronistic=anachronistic))
            continue
        name = normalise_space(text[start:end])
        actor_id = person_id(name, data.cues) if kind == "person" else f"org-{slug(name)}"
        spans.add(make_mention(text, start, end, ActorEntry(actor_id, kind, name)))
