"""What the resolution passes share.

* :class:`ResolverData`: the gazetteer, the cue lists and the indexes built from them,
  once per resolver (read-only);
* :class:`TextInput`: one text and what is known about it beforehand (read-only);
* :class:`Findings`: what the passes find in that text, filled in pass by pass: the
  mentions (:class:`~kamer_nlp.actors.spans.Spans`) and each pass's own result;
* :class:`Pass`: a named step ``(data, text, findings) -> None`` of the ordered list in
  :mod:`kamer_nlp.actors.resolution`;
* helpers more than one pass uses: :func:`make_mention`, :func:`resolve_forms`,
  :func:`is_compound`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from kamer_nlp.contracts import CoSender, Turn
from kamer_nlp.contracts import Signatory as GivenSignatory

from ..cues import Cues, PhraseIndex
from ..gazetteer import ActorEntry, Gazetteer
from ..matching import SurfaceForm, Token, tokenize
from ..mentions import ActorMention, Signatory
from ..spans import Spans


@dataclass(frozen=True)
class ResolverData:
    """The resolver's fixed data: gazetteer, cue lists and the phrase indexes over them."""

    gazetteer: Gazetteer
    cues: Cues
    person_cues: PhraseIndex  # "de heer", "mevrouw"
    list_cues: PhraseIndex  # "de leden", "motie"
    org_cues: PhraseIndex  # "Stichting"
    gov_cues: dict[tuple[str, ...], str]  # "gemeente" → "municipality"
    gov_phrases: PhraseIndex  # the keys of ``gov_cues``
    markers: tuple[tuple[str, ...], ...]  # definition markers ("hierna:"), longest first
    co_markers: PhraseIndex  # "mede namens"
    definition_leading: frozenset[str]  # words stripped before a defined form ("de", "het")
    anaphora_continuations: frozenset[str]  # "de minister van …": no anaphora

    @classmethod
    def build(cls, gazetteer: Gazetteer, cues: Cues) -> ResolverData:
        gov_cues = {
            tuple(t.text for t in tokenize(k)): v
            for k, v in cues.data.get("named_government_cues", {}).items()
        }
        markers = sorted(
            (tuple(t.key for t in tokenize(m)) for m in cues.data.get("definition_markers", [])),
            key=len,
            reverse=True,
        )
        return cls(
            gazetteer=gazetteer,
            cues=cues,
            person_cues=PhraseIndex(cues.phrases("person_cues")),
            list_cues=PhraseIndex(cues.phrases("person_list_cues")),
            org_cues=PhraseIndex(cues.phrases("organisation_cues")),
            gov_cues=gov_cues,
            gov_phrases=PhraseIndex(gov_cues),
            markers=tuple(markers),
            co_markers=PhraseIndex(cues.phrases("co_sender_markers")),
            definition_leading=cues.words("definition_leading_words"),
            anaphora_continuations=cues.words("anaphora_continuations"),
        )


@dataclass(frozen=True)
class TextInput:
    """One text to resolve, with what the caller knows about it."""

    text: str
    tokens: Sequence[Token]
    on: dt.date | None  # the document date (decides between same-named entries)
    kamer: str | None = None  # the addressed chamber from metadata ("I", "TK", …)
    signatories: Sequence[GivenSignatory] | None = None  # from the document's metadata
    entities: Iterable[tuple[int, int, str]] = ()  # model entities: (start, end, label)
    turns: Sequence[Turn] = ()  # speaker turns (debates), in text order


@dataclass
class Findings:
    """What the passes find, in the order they run (see ``PASSES``)."""

    spans: Spans = field(default_factory=Spans)  # every pass adds or re-roles mentions
    definitions: dict[str, str] = field(default_factory=dict)  # "definitions": form → actor_id
    addressee: str | None = None  # "addressee": "tweede-kamer" / "eerste-kamer"
    signatories: list[Signatory] = field(default_factory=list)  # "signatories"
    closing_start: int | None = None  # "signatories": where the closing block starts
    co_senders: list[CoSender] = field(default_factory=list)  # "co-senders"
    turn_speakers: dict[int, ActorEntry] = field(default_factory=dict)  # "speakers": turn → entry

    def require_addressee(self) -> str:
        """The addressee found by the "addressee" pass (an error before it ran)."""
        if self.addressee is None:
            raise RuntimeError("the addressee pass has not run")
        return self.addressee


class Pass(NamedTuple):
    """One step of the resolution: reads the data and the text, adds to the findings."""

    name: str
    run: Callable[[ResolverData, TextInput, Findings], None]


def make_mention(
    text: str,
    start: int,
    end: int,
    entry: ActorEntry,
    *,
    via: str | None = None,
    anachronistic: bool = False,
    role: str | None = None,
) -> ActorMention:
    """The mention of ``entry`` at ``text[start:end]``."""
    return ActorMention(
        start=start,
        end=end,
        text=text[start:end],
        type=entry.type,
        actor_id=entry.actor_id,
        via=via,
        name=entry.name,
        ministry=entry.ministry,
        anachronistic=anachronistic,
        role=role,
    )


def resolve_forms(
    gazetteer: Gazetteer, forms: Sequence[SurfaceForm], on: dt.date | None
) -> tuple[ActorEntry, str | None, bool] | None:
    """The entry the surface forms stand for on ``on``, how it was named, and whether the
    name is anachronistic (None when no entry fits)."""
    chosen = gazetteer.choose([f.actor_id for f in forms], on)
    if chosen is None:
        return None
    entry, anachronistic = chosen
    vias = [f.via for f in forms if f.actor_id == entry.actor_id]
    via = None if None in vias else vias[0]
    return entry, via, anachronistic


def is_compound(tokens: Sequence[Token], i: int, j: int) -> bool:
    """Whether tokens [i, j) are glued into a compound or code ("EU-landen", "IENW/BSK")."""
    glue = {"-", "/"}
    if j < len(tokens) - 1 and tokens[j].text in glue and tokens[j].start == tokens[j - 1].end:
        return tokens[j + 1].start == tokens[j].end
    # a web address: "Rijksoverheid.nl"
    if (
        j < len(tokens) - 1
        and tokens[j].text == "."
        and tokens[j].start == tokens[j - 1].end
        and tokens[j + 1].start == tokens[j].end
        and tokens[j + 1].text.islower()
    ):
        return True
    if i >= 2 and tokens[i - 1].text in glue and tokens[i - 1].end == tokens[i].start:
        return tokens[i - 2].end == tokens[i - 1].start
    return False
