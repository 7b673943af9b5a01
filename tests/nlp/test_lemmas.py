"""The Dutch lemma table ships in kamer_nlp/resources/lemmas/: the default pipeline's
lookup lemmatizer and the repair lexicon use it, and spacy-lookups-data is not needed."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import spacy

from kamer_nlp.nlp.lemmas import dutch_lookup_table
from kamer_nlp.nlp.pipeline import load_pipeline
from kamer_nlp.repair import lexicon

ROOT = Path(__file__).resolve().parents[2]
TEXT = "De Minister zal de Kamer voor de zomer informeren. Kamerleden hebben dat toegezegd."
LEMMAS = ["de", "minister", "zullen", "de", "kamer", "voor", "de", "zomer", "informeren", "."]


def test_the_default_pipeline_lemmatizes_with_the_shipped_table() -> None:
    nlp = load_pipeline("default")
    table = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_lookup")
    assert len(table) == len(dutch_lookup_table()) == 212_945
    doc = nlp(TEXT)
    assert [t.lemma_ for t in doc][: len(LEMMAS)] == LEMMAS
    assert [t.lemma_ for t in doc if t.text in ("Kamerleden", "toegezegd")] == [
        "kamerlid",
        "toezeggen",
    ]


def test_the_table_is_a_registered_loader_for_any_config() -> None:
    """``@misc = "kamer_nlp.dutch_lemma_lookups.v1"`` in a config's
    ``[initialize.components.lemmatizer.lookups]`` gives a lookup lemmatizer the table."""
    lookups = spacy.registry.misc.get("kamer_nlp.dutch_lemma_lookups.v1")()
    assert lookups.tables == ["lemma_lookup"]
    assert lookups.get_table("lemma_lookup")["kamerleden"] == "kamerlid"


def test_the_repair_lexicon_holds_every_form_of_the_three_tables() -> None:
    forms = lexicon._spacy_forms()
    assert len(forms) == 414_483
    assert sum("-" in f for f in forms) == 12_117
    assert {"eu-landen", "ex-minister", "zee-egel"} <= forms


@pytest.mark.slow  # a second process loads the pipeline
def test_the_runtime_needs_neither_spacy_lookups_data_nor_the_train_extra() -> None:
    """A record from a process where spacy-lookups-data, scipy and scikit-learn cannot be
    imported equals one made here."""
    code = """
import json, sys
for name in ("spacy_lookups_data", "scipy", "sklearn"):
    sys.modules[name] = None
import kamer_nlp
record = kamer_nlp.annotate_text(sys.argv[1], date="2018-02-14")
print(json.dumps(record, ensure_ascii=False, sort_keys=True))
"""
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]),
    }
    result = subprocess.run(
        [sys.executable, "-c", code, TEXT],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    import kamer_nlp

    here = kamer_nlp.annotate_text(TEXT, date="2018-02-14")
    there = json.loads(result.stdout)
    assert there == json.loads(json.dumps(here, ensure_ascii=False, sort_keys=True))
    assert there["commitments"], "the commitment model scored nothing"
