"""Actor recognition and in-document resolution over plain text.

The passes run in the order of :data:`PASSES`; a later pass never overrides an earlier
span unless said. They share a :class:`~kamer_nlp.actors.passes.context.Findings` (the
mentions so far and each pass's result) and read the resolver's
:class:`~kamer_nlp.actors.passes.context.ResolverData` and the
:class:`~kamer_nlp.actors.passes.context.TextInput`.

1. gazetteer matches (longest match; date decides between same-named entries)
   — :mod:`.passes.gazetteer_matches`;
2. cue patterns: "Minister Koolmees (Sociale Zaken en Werkgelegenheid)", named
   municipalities/provinces/waterschappen, organisations after "Stichting", people after
   "de heer"/"mevrouw"/"de leden" (these replace a shorter gazetteer match they contain)
   — :mod:`.passes.cue_patterns`;
3. definitions the document makes: "(JenV)", "(hierna: Commissie)", "(verder: Nationaal
   Rapporteur)"; later uses of the defined form get via "abbreviation"/"alias"
   — :mod:`.passes.definitions`;
4. the addressed Kamer, signatories (metadata, else closing block, else document head),
   co-senders after "mede namens", the addressed chair — :mod:`.passes.senders`;
5. debates: each turn's speaker label → the speaker; inside a government speaker's turn
   "ik"/"wij" → that speaker, "u" in a reply to a member → that member
   — :mod:`.passes.speakers`;
6. deixis on free tokens: ik/mij/mijn → signatory ("ik"), wij/ons/het kabinet → kabinet
   ("wij"), uw Kamer/de Kamer → addressed Kamer ("uw Kamer"), de minister → the most
   recently named minister ("anaphora") — :mod:`.passes.deixis`;
7. model entities (PER/ORG) the gazetteer does not cover → person/organisation
   — :mod:`.passes.entities`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from kamer_nlp.contracts import Signatory as GivenSignatory
from kamer_nlp.contracts import Turn

from .cues import Cues
from .gazetteer import Gazetteer
from .matching import tokenize
from .mentions import ActorAnalysis, ActorMention
from .passes.context import Findings, Pass, ResolverData, TextInput
from .passes.cue_patterns import minister_by_name_pass, named_bodies_pass, persons_pass
from .passes.definitions import definitions_pass
from .passes.deixis import deixis_pass
from .passes.entities import model_entities_pass
from .passes.gazetteer_matches import gazetteer_pass
from .passes.senders import (
    addressed_chair_pass,
    addressee_pass,
    co_senders_pass,
    signatories_pass,
)
from .passes.speakers import speakers_pass, turn_deixis_pass

#: the passes, in the order they run
PASSES: tuple[Pass, ...] = (
    Pass("gazetteer", gazetteer_pass),
    Pass("minister-by-name", minister_by_name_pass),
    Pass("named-bodies", named_bodies_pass),
    Pass("persons", persons_pass),
    Pass("definitions", definitions_pass),
    Pass("addressee", addressee_pass),
    Pass("signatories", signatories_pass),
    Pass("co-senders", co_senders_pass),
    Pass("addressed-chair", addressed_chair_pass),
    Pass("speakers", speakers_pass),
    Pass("turn-deixis", turn_deixis_pass),
    Pass("deixis", deixis_pass),
    Pass("model-entities", model_entities_pass),
)


def _given(item: GivenSignatory | Mapping[str, Any]) -> GivenSignatory:
    return item if isinstance(item, GivenSignatory) else GivenSignatory.from_record(item)


def _as_date(value: dt.date | str | None) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


class ActorResolver:
    """Runs :data:`PASSES` over one text (see :func:`find_actors` for the plain API)."""

    def __init__(self, gazetteer: Gazetteer | None = None, cues: Cues | None = None) -> None:
        self.data = ResolverData.build(gazetteer or Gazetteer.default(), cues or Cues.default())

    @property
    def gazetteer(self) -> Gazetteer:
        return self.data.gazetteer

    @property
    def cues(self) -> Cues:
        return self.data.cues

    def analyse(
        self,
        text: str,
        *,
        doc_date: dt.date | str | None = None,
        signatories: Sequence[GivenSignatory | Mapping[str, Any]] | None = None,
        kamer: str | None = None,
        entities: Iterable[tuple[int, int, str]] = (),
        turns: Sequence[Turn] = (),
        passes: Sequence[Pass] = PASSES,
    ) -> ActorAnalysis:
        doc = TextInput(
            text=text,
            tokens=tokenize(text),
            on=_as_date(doc_date),
            kamer=kamer,
            signatories=None if signatories is None else [_given(s) for s in signatories],
            entities=entities,
            turns=tuple(turns),
        )
        found = Findings()
        for step in passes:
            step.run(self.data, doc, found)
        return ActorAnalysis(
            mentions=tuple(found.spans.sorted()),
            signatories=tuple(found.signatories),
            co_senders=tuple(found.co_senders),
            addressee=found.require_addressee(),
            definitions=found.definitions,
            turn_actors=tuple(
                found.turn_speakers[n].actor_id if n in found.turn_speakers else None
                for n in range(len(turns))
            ),
        )


def find_actors(
    text: str,
    *,
    doc_date: dt.date | str | None = None,
    signatories: Sequence[GivenSignatory | Mapping[str, Any]] | None = None,
) -> list[ActorMention]:
    """Actor mentions in ``text``, resolved against the packaged gazetteer.

    ``signatories`` are the document's signatories (``contracts.Signatory``, or
    ``{"name", "function"}`` mappings as case files hold them); without them the closing block or the document head is used.
    """
    return list(ActorResolver().analyse(text, doc_date=doc_date, signatories=signatories).mentions)
