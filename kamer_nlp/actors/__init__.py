"""Actor recognition: who writes, who is addressed, who is named — resolved to stable ids.

Public API: :class:`Gazetteer` (``Gazetteer.default()``), :class:`ActorEntry`,
:func:`find_actors`, :class:`ActorMention`, :class:`ActorResolver` and the spaCy
factory ``kamer_actors`` (:mod:`kamer_nlp.actors.component`).
"""

from .gazetteer import ActorEntry, Gazetteer
from .mentions import ActorAnalysis, ActorMention, Signatory
from .resolution import ActorResolver, find_actors

__all__ = [
    "ActorAnalysis",
    "ActorEntry",
    "ActorMention",
    "ActorResolver",
    "Gazetteer",
    "Signatory",
    "find_actors",
]
