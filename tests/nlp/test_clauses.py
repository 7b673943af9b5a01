"""The clause API (kamer_nlp/nlp/clauses.py).

Unit tests on hand-built parses (UD Dutch analyses written out token by token, so they
test the API, not the model), then regression pins: the default pipeline's clause facts
for the sentences in ``clause_sentences.txt`` as ``tests/regen_pins.py`` last wrote them
(pins, not evidence: they change when the syntax model is retrained).
"""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.tokens import Doc

from kamer_nlp.nlp.clauses import clause_at, clauses
from tests.regen_pins import load_pins

SENTENCES = Path(__file__).with_name("clause_sentences.txt")


def parsed(rows: str) -> Doc:
    """A Doc from lines ``form lemma UPOS head dep [feats]`` (heads 1-based, 0 = root)."""
    nlp = spacy.blank("nl")
    lines = [ln.split() for ln in rows.strip().splitlines()]
    words = [ln[0] for ln in lines]
    heads = [int(ln[3]) - 1 if ln[3] != "0" else i for i, ln in enumerate(lines)]
    return Doc(
        nlp.vocab,
        words=words,
        lemmas=[ln[1] for ln in lines],
        pos=[ln[2] for ln in lines],
        heads=heads,
        deps=["ROOT" if ln[3] == "0" else ln[4] for ln in lines],
        morphs=[ln[5] if len(ln) > 5 else "" for ln in lines],
    )


def test_future_with_subject_object_and_finite_auxiliary() -> None:
    doc = parsed(
        """
        Het het DET 2 det
        kabinet kabinet NOUN 6 nsubj
        zal zullen AUX 6 aux VerbForm=Fin
        de de DET 5 det
        Raad raad NOUN 6 obj
        verzoeken verzoeken VERB 0 root VerbForm=Inf
        . . PUNCT 6 punct
        """
    )
    (clause,) = clauses(doc)
    assert clause.is_main and clause.kind == "main"
    assert clause.predicate.text == "verzoeken"
    assert clause.finite_verb is not None and clause.finite_verb.text == "zal"
    assert clause.modals == ("zullen",)
    assert clause.subject is not None and clause.subject.text == "Het kabinet"
    assert [o.text for o in clause.objects] == ["de Raad"]
    assert clause.voice == "active" and clause.agent is None


def test_passive_with_door_agent() -> None:
    doc = parsed(
        """
        De de DET 2 det
        Kamer kamer NOUN 7 nsubj:pass
        wordt worden AUX 7 aux:pass VerbForm=Fin
        hierover hierover ADV 7 advmod
        door door ADP 6 case
        mij mij PRON 7 obl:agent
        bericht berichten VERB 0 root VerbForm=Part
        """
    )
    (clause,) = clauses(doc)
    assert clause.voice == "passive"
    assert clause.agent is not None and clause.agent.text == "door mij"
    assert clause.subject is not None and clause.subject.text == "De Kamer"
    facts = clause.facts()
    assert facts["voice"] == "passive" and facts["main"] is True
    assert facts["subject"] == [0, len("De Kamer")]


def test_dat_clause_and_main_clause() -> None:
    doc = parsed(
        """
        Ik ik PRON 2 nsubj
        zeg zeggen VERB 0 root VerbForm=Fin
        toe toe ADP 2 compound:prt
        dat dat SCONJ 7 mark
        ik ik PRON 7 nsubj
        het het PRON 7 obj
        stuur sturen VERB 2 ccomp VerbForm=Fin
        """
    )
    main, sub = clauses(doc)
    assert main.is_main and main.finite_verb is not None and main.finite_verb.text == "zeg"
    assert sub.kind == "dat" and not sub.is_main
    assert sub.marker is not None and sub.marker.text == "dat"
    assert sub.parent is not None and sub.parent.text == "zeg"


def test_om_te_clause_and_cluster_verb() -> None:
    doc = parsed(
        """
        Ik ik PRON 3 nsubj
        heb hebben AUX 3 aux VerbForm=Fin
        besloten besluiten VERB 0 root VerbForm=Part
        om om ADP 8 mark
        het het DET 6 det
        onderzoek onderzoek NOUN 9 obj
        te te ADP 8 mark
        laten laten VERB 3 advcl VerbForm=Inf
        uitvoeren uitvoeren VERB 8 xcomp VerbForm=Inf
        """
    )
    main, sub = clauses(doc)
    assert main.finite_verb is not None and main.finite_verb.text == "heb"
    assert sub.kind == "om_te" and sub.finite_verb is None
    assert sub.predicate.text == "uitvoeren" and sub.modals == ("laten",)


def test_gaan_cluster_with_unlemmatised_form_and_shared_subject() -> None:
    doc = parsed(
        """
        Zij zij PRON 2 nsubj
        gaat gaat VERB 0 root VerbForm=Fin
        de de DET 4 det
        wet wet NOUN 5 obj
        wijzigen wijzigen VERB 2 xcomp VerbForm=Inf
        en en CCONJ 7 cc
        stuurt sturen VERB 2 conj VerbForm=Fin
        een een DET 9 det
        brief brief NOUN 7 obj
        """
    )
    first, second = clauses(doc)
    assert first.predicate.text == "wijzigen" and first.modals == ("gaan",)
    assert second.coordinated_with is not None and second.coordinated_with.text == "gaat"
    assert second.is_main and second.subject_shared
    assert second.subject is not None and second.subject.text == "Zij"


@pytest.mark.parametrize(
    ("mark", "kind"), [("als", "conditional"), ("indien", "conditional"), ("omdat", "adverbial")]
)
def test_subordinators(mark: str, kind: str) -> None:
    doc = parsed(
        f"""
        {mark} {mark} SCONJ 3 mark
        het het PRON 3 nsubj
        kan kunnen AUX 5 advcl VerbForm=Fin
        , , PUNCT 3 punct
        komt komen VERB 0 root VerbForm=Fin
        hij hij PRON 5 nsubj
        """
    )
    sub, main = clauses(doc)
    assert sub.kind == kind and sub.is_conditional is (kind == "conditional")
    assert main.is_main


def test_verb_first_conditional_and_relative_clause() -> None:
    doc = parsed(
        """
        Mocht mogen AUX 3 aux VerbForm=Fin
        het het PRON 3 nsubj
        wijzigen wijzigen VERB 5 advcl VerbForm=Inf
        dan dan ADV 5 advmod
        meld melden VERB 0 root VerbForm=Fin
        ik ik PRON 5 nsubj
        het het DET 8 det
        plan plan NOUN 5 obj
        dat dat PRON 10 nsubj
        werkt werken VERB 8 acl:relcl VerbForm=Fin
        """
    )
    cond, main, rel = clauses(doc)
    assert cond.kind == "conditional" and cond.finite_verb is not None
    assert main.is_main
    assert rel.kind == "relative" and rel.is_relative
    assert rel.subject is not None and rel.subject.text == "dat"


def test_clause_at_matches_by_verb_offsets() -> None:
    doc = parsed(
        """
        Ik ik PRON 2 nsubj
        zeg zeggen VERB 0 root VerbForm=Fin
        dat dat SCONJ 5 mark
        ik ik PRON 5 nsubj
        kom komen VERB 2 ccomp VerbForm=Fin
        """
    )
    found = clauses(doc)
    start = doc[4].idx
    clause = clause_at(found, start, start + 3)
    assert clause is not None and clause.kind == "dat"
    assert clause_at(found, 0, 2) is None


def test_a_doc_without_a_parse_is_an_error() -> None:
    with pytest.raises(ValueError):
        clauses(spacy.blank("nl")("Geen parse hier."))


def _sentences() -> list[str]:
    lines = SENTENCES.read_text(encoding="utf-8").splitlines()
    return [ln for ln in lines if ln.strip() and not ln.startswith("#")]


def clause_facts(text: str) -> list[dict[str, object]]:
    """What is pinned for one sentence (also used by tests/regen_pins.py)."""
    from kamer_nlp.nlp.pipeline import load_pipeline

    return [c.facts() for c in clauses(load_pipeline("default")(text))]


PINS = load_pins().get("clauses", {})  # regression pins, regenerated by script


@pytest.mark.parametrize("text", _sentences())
def test_clause_facts_pins(text: str) -> None:
    """Regression pin (not evidence): the clause facts the product last produced."""
    assert text in PINS, "run `python tests/regen_pins.py`"
    assert clause_facts(text) == PINS[text]
