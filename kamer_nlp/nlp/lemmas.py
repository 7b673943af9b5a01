"""The Dutch lemma lookup table for spaCy's lookup lemmatizer.

The table ships in ``kamer_nlp/resources/lemmas/`` (from spacy-lookups-data, MIT; see
the README there), so the default pipeline does not need spacy-lookups-data itself.
"""

from __future__ import annotations

import gzip
import json
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.lookups import Lookups

LOOKUP_RESOURCE = ("lemmas", "nl_lemma_lookup.json.gz")


@cache
def dutch_lookup_table() -> dict[str, str]:
    """Lowercase Dutch form → lemma."""
    data = resources.files("kamer_nlp.resources").joinpath(*LOOKUP_RESOURCE).read_bytes()
    table: dict[str, str] = json.loads(gzip.decompress(data))
    return table


def lemma_lookups(lang: str | None) -> Lookups | None:
    """The tables a lookup lemmatizer for ``lang`` needs: the shipped table for Dutch;
    None for other languages (spaCy then looks for spacy-lookups-data)."""
    if lang != "nl":
        return None
    from spacy.lookups import Lookups

    lookups = Lookups()
    lookups.add_table("lemma_lookup", dutch_lookup_table())
    return lookups
