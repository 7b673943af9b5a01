"""Pass 5, "deixis": pointing words on tokens no mention covers yet.

ik/mij/mijn (before the closing block) → the signatory (via "ik"); wij/ons/het kabinet →
the cabinet ("wij"); uw Kamer/de Kamer → the addressed Kamer ("uw Kamer"); de minister →
the most recently named minister ("anaphora").
"""

from __future__ import annotations

from collections.abc import Sequence

from ..gazetteer import ActorEntry
from ..matching import Token
from ..spans import Spans
from .context import Findings, ResolverData, TextInput, make_mention
from .senders import signatory_entry


def deixis_pass(data: ResolverData, doc: TextInput, found: Findings) -> None:
    """Adds the deictic mentions to ``found.spans``; reads the addressee, the signatories and
    where the closing block starts."""
    signatory = signatory_entry(data.gazetteer, found.signatories)
    body_end = found.closing_start if found.closing_start is not None else len(doc.text)
    resolve_deixis(
        data, doc.text, doc.tokens, found.spans, signatory, body_end, found.require_addressee()
    )


def resolve_deixis(
    data: ResolverData,
    text: str,
    tokens: Sequence[Token],
    spans: Spans,
    signatory: ActorEntry | None,
    body_end: int,
    addressee: str,
) -> None:
    cues, gazetteer = data.cues, data.gazetteer
    first = cues.words("first_person")
    plural = cues.words("first_person_plural")
    cabinet = cues.words("cabinet_nouns")
    cab_dets = cues.words("cabinet_determiners")
    kamer_nouns = set(cues.data.get("kamer_nouns", []))
    kamer_dets = cues.words("kamer_determiners")
    kabinet = gazetteer.get("kabinet")
    kamer_entry = gazetteer.get(addressee)
    anaphora = {k.lower(): v for k, v in cues.data.get("anaphora", {}).items()}
    ana_dets = cues.words("anaphora_determiners")
    for n, tok in enumerate(tokens):
        prev = tokens[n - 1] if n else None
        nxt = tokens[n + 1] if n + 1 < len(tokens) else None
        if tok.key in first and tok.start < body_end and signatory is not None:
            if spans.free(tok.start, tok.end):
                spans.add(make_mention(text, tok.start, tok.end, signatory, via="ik"))
        elif tok.key in plural:
            if spans.free(tok.start, tok.end):
                spans.add(make_mention(text, tok.start, tok.end, kabinet, via="wij"))
        elif tok.key in cabinet:
            start = prev.start if prev is not None and prev.key in cab_dets else tok.start
            if spans.free(start, tok.end):
                spans.add(make_mention(text, start, tok.end, kabinet, via="wij"))
            elif spans.free(tok.start, tok.end):
                spans.add(make_mention(text, tok.start, tok.end, kabinet, via="wij"))
        elif (
            (tok.text in kamer_nouns or tok.text == "KAMER")
            and prev is not None
            and prev.key in kamer_dets
        ):
            if nxt is not None and nxt.text == "-" and nxt.start == tok.end:
                continue  # "Kamer-" compound
            if spans.free(prev.start, tok.end):
                spans.add(make_mention(text, prev.start, tok.end, kamer_entry, via="uw Kamer"))
        elif tok.key in anaphora and prev is not None and prev.key in ana_dets:
            if nxt is not None and (
                nxt.key in data.anaphora_continuations or nxt.text[:1].isupper()
            ):
                continue
            if not spans.free(prev.start, tok.end):
                continue
            # the most recent mention of that type named before "de minister"
            antecedent = spans.last_named_before(prev.start, anaphora[tok.key])
            if antecedent is None or antecedent.actor_id not in gazetteer:
                continue
            entry = gazetteer.get(antecedent.actor_id)
            spans.add(
                make_mention(
                    text,
                    prev.start,
                    tok.end,
                    entry,
                    via="anaphora",
                    anachronistic=antecedent.anachronistic,
                )
            )
