"""Registers every kamer-nlp spaCy factory by importing the modules that define them.

spaCy also finds them through the ``spacy_factories`` entry points in pyproject.toml;
importing here keeps a source checkout working without an install.
"""

from __future__ import annotations

import importlib

COMPONENT_MODULES = (
    "kamer_nlp.nlp.sentences",
    "kamer_nlp.references.component",
    "kamer_nlp.temporal.component",
    "kamer_nlp.actors.component",
    "kamer_nlp.commitments.component",
)


def register_all() -> None:
    for module in COMPONENT_MODULES:
        importlib.import_module(module)
