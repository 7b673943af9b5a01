"""The structurer's Dutch vocabulary, loaded once from ``resources/commitments/structure.json``.

The cue patterns that find and anchor a commitment are in ``cues.json``
(:mod:`kamer_nlp.commitments.cues`); this file holds the words the structuring modules
(:mod:`.actor`, :mod:`.action`) need besides: first-person pronouns, the phrases that mean
the cabinet, the article and tail of a function named as agent, and the words before an
action that are not part of it.
"""

from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

LEXICON_RESOURCE = ("commitments", "structure.json")


@dataclass(frozen=True)
class StructureLexicon:
    """The vocabulary of ``structure.json``, with the patterns built from it."""

    version: int
    first_person_singular: frozenset[str]  # "ik", "mij", "mijn": the signatory
    first_person_plural: frozenset[str]  # "wij", "we", "ons", "onze": the cabinet
    cabinet_agents: tuple[str, ...]  # "het kabinet", "de regering" (lower case)
    agent_article: str  # "de" (Minister van …)
    function_tail_pattern: str  # "van Justitie en Veiligheid" after the function
    leading_words: tuple[str, ...]  # "ik", "zal", "voornemens", "daarom", … before the action
    description: str = field(default="", compare=False)

    @property
    def first_person(self) -> frozenset[str]:
        """Every first-person pronoun, singular or plural."""
        return self.first_person_singular | self.first_person_plural

    @functools.cached_property
    def function_tail(self) -> re.Pattern[str]:
        return re.compile(self.function_tail_pattern)

    @functools.cached_property
    def agent_article_prefix(self) -> re.Pattern[str]:
        """The article and the space after it at the start of an agent ("de Minister")."""
        return re.compile(rf"^{re.escape(self.agent_article)}\s+")

    @functools.cached_property
    def leading(self) -> re.Pattern[str]:
        """A run of leading words (each a whole word, then spaces or commas) at the start."""
        words = "|".join(re.escape(w) for w in self.leading_words)
        return re.compile(rf"^(?:(?:{words})\b[\s,]*)+", re.IGNORECASE)

    def starts_with_article(self, agent: str) -> bool:
        """Whether ``agent`` starts with the article as a word ("de Minister …")."""
        return agent.lower().startswith(f"{self.agent_article} ")

    @classmethod
    def default(cls) -> StructureLexicon:
        """The packaged lexicon (read once)."""
        return _default_lexicon()

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> StructureLexicon:
        return cls(
            version=int(data["version"]),
            first_person_singular=frozenset(data["first_person_singular"]),
            first_person_plural=frozenset(data["first_person_plural"]),
            cabinet_agents=tuple(data["cabinet_agents"]),
            agent_article=str(data["agent_article"]),
            function_tail_pattern=str(data["function_tail_pattern"]),
            leading_words=tuple(data["leading_words"]),
            description=str(data.get("description", "")),
        )


@functools.cache
def _default_lexicon() -> StructureLexicon:
    ref = resources.files("kamer_nlp.resources").joinpath(*LEXICON_RESOURCE)
    return StructureLexicon.from_dict(json.loads(ref.read_text(encoding="utf-8")))
