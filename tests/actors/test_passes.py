"""The resolution passes: one ordered list, shared findings (#18)."""

from __future__ import annotations

import pytest

from kamer_nlp.actors import ActorResolver
from kamer_nlp.actors.resolution import PASSES

TEXT = (
    "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal\n\n"
    "De Nederlandse Voedsel- en Warenautoriteit (NVWA) heeft mij gevraagd. "
    "Ik zal uw Kamer informeren; de NVWA start in mei.\n\n"
    "De Minister van Landbouw, Natuur en Voedselkwaliteit,\n\nC.J. Schouten\n"
)


def test_the_order() -> None:
    assert [p.name for p in PASSES] == [
        "gazetteer",
        "minister-by-name",
        "named-bodies",
        "persons",
        "definitions",
        "addressee",
        "signatories",
        "co-senders",
        "addressed-chair",
        "speakers",
        "turn-deixis",
        "deixis",
        "model-entities",
    ]


def test_all_passes_are_the_default() -> None:
    resolver = ActorResolver()
    kwargs = {"doc_date": "2023-05-01"}
    assert resolver.analyse(TEXT, **kwargs) == resolver.analyse(TEXT, passes=PASSES, **kwargs)


def test_a_prefix_of_the_passes() -> None:
    resolver = ActorResolver()
    through_definitions = PASSES[: [p.name for p in PASSES].index("definitions") + 1]
    with pytest.raises(RuntimeError, match="addressee"):
        resolver.analyse(TEXT, passes=through_definitions)
    full = resolver.analyse(TEXT, doc_date="2023-05-01")
    assert full.definitions.get("NVWA")
    assert any(m.via == "ik" for m in full.mentions)
    assert full.addressee == "tweede-kamer"
