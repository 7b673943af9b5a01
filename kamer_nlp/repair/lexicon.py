"""Dutch lexicon access for text repair: is this a word, how frequent is it.

Two maintained sources, loaded lazily on first use (together about 0.4 s) and cached:

* the Dutch lemma tables of ``spacy-lookups-data`` (lookup keys and lemmas, the
  lemma index per part of speech, the exception table; shipped in
  ``kamer_nlp/resources/lemmas/``): about 414 000 curated forms, including 12 000
  hyphenated compounds ("EU-landen", "ex-minister", "zee-egel"); no frequencies, few
  fragments;
* ``wordfreq``'s large Dutch list (311 000 forms with frequencies): better coverage
  of recent compounds ("energietransitie", "coronacrisis"), but it strips hyphens,
  carries web junk ("inf", "neel", "steld") and spelling errors ("geinformeerd").

:func:`is_word` accepts a form listed in the spaCy tables, or a wordfreq form whose
Zipf frequency clears a length-dependent threshold (short junk needs a high
frequency to count). :func:`is_listed` asks the curated spaCy tables only; it is the
one to use for hyphenated forms. See docs/hyphenation.md for the measurements.
"""

from __future__ import annotations

import gzip
import json
import logging
import math
import unicodedata
from functools import cache, lru_cache
from importlib import resources

logger = logging.getLogger(__name__)

# the lookup table, and the index and exception forms it does not hold (resources/lemmas/)
_LEMMA_TABLES = ("nl_lemma_lookup.json.gz", "nl_lemma_forms.txt.gz")
_HYPHENS = str.maketrans({"\u2010": "-", "\u2011": "-", "\u00ad": None})


def normalise(form: str) -> str:
    """Lowercase, NFC, hyphen variants folded to '-', soft hyphens dropped."""
    return unicodedata.normalize("NFC", form).translate(_HYPHENS).lower()


@cache
def _spacy_forms() -> frozenset[str]:
    """Every form in the Dutch lemma tables of spacy-lookups-data (lowercased)."""
    base = resources.files("kamer_nlp.resources").joinpath("lemmas")
    lookup = json.loads(gzip.decompress(base.joinpath(_LEMMA_TABLES[0]).read_bytes()))
    extra = gzip.decompress(base.joinpath(_LEMMA_TABLES[1]).read_bytes()).decode("utf-8")
    forms: set[str] = set(lookup)
    forms.update(lookup.values())
    forms.update(extra.split("\n")[:-1])  # one form a line, each line ended by "\n"
    # the tables are NFC already; lowercasing is all the normalising they need (and cheap)
    return frozenset(f.lower() for f in forms)


@cache
def _wordfreq_table() -> dict[str, float]:
    try:
        import wordfreq
    except ModuleNotFoundError:  # pragma: no cover - dependency missing
        logger.warning("wordfreq not installed; Dutch word frequencies unavailable")
        return {}
    table: dict[str, float] = wordfreq.get_frequency_dict("nl", wordlist="large")
    return table


@cache
def _english_table() -> dict[str, float]:
    try:
        import wordfreq
    except ModuleNotFoundError:  # pragma: no cover - dependency missing
        return {}
    table: dict[str, float] = wordfreq.get_frequency_dict("en", wordlist="large")
    return table


@lru_cache(maxsize=50_000)
def english_frequency(form: str) -> float:
    """Zipf frequency of ``form`` in wordfreq's English list (loaded on first use only)."""
    freq = _english_table().get(normalise(form))
    return round(math.log10(freq) + 9, 2) if freq else 0.0


def load() -> None:
    """Load both sources now (otherwise they load on first use)."""
    _spacy_forms()
    _wordfreq_table()


@lru_cache(maxsize=200_000)
def word_frequency(form: str) -> float:
    """Zipf frequency (log10 per billion words, 0.0 when unseen) of ``form`` in wordfreq's Dutch list."""
    key = normalise(form)
    freq = _wordfreq_table().get(key)
    if freq is None and "-" in key:
        # wordfreq stores compounds without their hyphen
        freq = _wordfreq_table().get(key.replace("-", ""))
    return round(math.log10(freq) + 9, 2) if freq else 0.0


@lru_cache(maxsize=200_000)
def is_listed(form: str) -> bool:
    """Is ``form`` in the curated spaCy Dutch tables (case-insensitive; hyphenated forms included)?"""
    return normalise(form) in _spacy_forms()


def _min_zipf(length: int) -> float:
    # Short wordfreq entries are often fragments of web text ("inf" 2.8, "neel" 2.7,
    # "aange" 2.2); long ones are nearly always real words or compounds.
    if length <= 3:
        return 4.0
    if length == 4:
        return 3.0
    if length <= 7:
        return 2.5
    return 2.0


@lru_cache(maxsize=200_000)
def is_word(form: str) -> bool:
    """Is ``form`` a Dutch word: listed by spaCy, or frequent enough in wordfreq for its length?"""
    key = normalise(form)
    if not key:
        return False
    if key in _spacy_forms():
        return True
    if "-" in key:
        return (
            False  # wordfreq has no hyphenated forms: its joined form says nothing about the hyphen
        )
    return word_frequency(key) >= _min_zipf(len(key))
