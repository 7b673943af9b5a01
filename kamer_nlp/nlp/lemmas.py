"""The Dutch lemma lookup table for spaCy's lookup lemmatizer.

The table ships in ``kamer_nlp/resources/lemmas/`` (from spacy-lookups-data, MIT; see
the README there), so the default pipeline does not need spacy-lookups-data itself. The
default config hands it to the lemmatizer at initialisation::

    [initialize.components.lemmatizer.lookups]
    @misc = "kamer_nlp.dutch_lemma_lookups.v1"
"""

from __future__ import annotations

import gzip
import json
from functools import cache
from importlib import resources

import spacy
from spacy.lookups import Lookups

LOOKUP_RESOURCE = ("lemmas", "nl_lemma_lookup.json.gz")


@cache
def dutch_lookup_table() -> dict[str, str]:
    """Lowercase Dutch form → lemma."""
    data = resources.files("kamer_nlp.resources").joinpath(*LOOKUP_RESOURCE).read_bytes()
    table: dict[str, str] = json.loads(gzip.decompress(data))
    return table


@spacy.registry.misc("kamer_nlp.dutch_lemma_lookups.v1")
def create_dutch_lemma_lookups() -> Lookups:
    """The ``lemma_lookup`` table a lookup lemmatizer needs, for Dutch."""
    lookups = Lookups()
    lookups.add_table("lemma_lookup", dutch_lookup_table())
    return lookups
