"""kamer_commitments on Docs whose ACTOR/TIMEX spans the tests set up explicitly."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

import kamer_nlp.nlp.sentences  # noqa: F401  (kamer_sentences: the boundaries the component needs)
from kamer_nlp.commitments.component import CommitmentFinder  # registers the factory
from kamer_nlp.contracts import ATTRS_BY_LABEL, Commitment, DocumentMeta
from kamer_nlp.nlp.extensions import (
    ACTORS_KEY,
    COMMITMENTS_KEY,
    TIMEX_KEY,
    set_doc_meta,
    set_span_attrs,
    span_attrs_record,
)

LETTER = (
    "Onderstaand ga ik kort in op elke aanbeveling. "
    "Verder breng ik graag mijn toezegging in herinnering die ik tijdens het Algemeen Overleg "
    "op 8 november 2017 heb gedaan. "
    "Ik zal de komende maanden een onderzoek laten uitvoeren naar een systeem van notificatie. "
    "Over de uitkomsten zal ik uw Kamer uiterlijk aanstaande zomer berichten. "
    "Ten derde zal de Minister van Justitie en Veiligheid de haalbaarheid van normering gaan toetsen. "
    "In de brief van 7 februari jl. heeft de Minister uw Kamer geïnformeerd over de aanpak."
)
SIGNATORY = {
    "name": "S. Dekker",
    "function": "Minister voor Rechtsbescherming",
    "actor_id": "minister-rechtsbescherming",
}
CASES = [
    json.loads(line)
    for line in (Path(__file__).parent / "cases.jsonl").read_text(encoding="utf-8").splitlines()
    if line.strip()
]


@pytest.fixture(scope="module")
def nlp() -> Language:
    nlp = spacy.blank("nl")
    nlp.add_pipe("kamer_sentences")
    nlp.add_pipe("kamer_commitments")
    return nlp


def _span(doc: Doc, phrase: str, label: str, attrs: dict) -> None:
    start = doc.text.index(phrase)
    span = doc.char_span(start, start + len(phrase), label=label, alignment_mode="expand")
    assert span is not None
    key = ACTORS_KEY if label == "ACTOR" else TIMEX_KEY
    doc.spans[key] = [*doc.spans.get(key, []), span]
    set_span_attrs(span, ATTRS_BY_LABEL[label].from_record(attrs))


def _records(doc: Doc) -> list[dict]:
    """The component's findings as the record shows them (plus their kind), without span ids."""
    out = []
    for found in doc._.kamer_commitment_records:
        if isinstance(found, Commitment):
            rec = found.to_record(span=None, page=None, actor_span=None, deadline_span=None)
            out.append({"kind": "commitment", **rec})
        else:
            out.append({"kind": "link", **found.to_record(span=None, page=None, actor_span=None)})
    return out


def _letter(nlp: Language, *, with_spans: bool = True) -> Doc:
    doc = nlp.get_pipe("kamer_sentences")(nlp.make_doc(LETTER))
    set_doc_meta(
        doc,
        DocumentMeta.from_record({"date": "2018-02-14", "signatories": [SIGNATORY]}),
    )
    if with_spans:
        ik = LETTER.index("Ik zal")
        span = doc.char_span(ik, ik + 2, label="ACTOR")
        doc.spans[ACTORS_KEY] = [span]
        set_span_attrs(
            span,
            ATTRS_BY_LABEL["ACTOR"].from_record(
                {
                    "type": "minister",
                    "actor_id": "minister-rechtsbescherming",
                    "via": "ik",
                    "name": "Minister voor Rechtsbescherming",
                    "ministry": "ministerie-jenv",
                }
            ),
        )
        _span(
            doc,
            "de Minister van Justitie en Veiligheid",
            "ACTOR",
            {
                "type": "minister",
                "actor_id": "minister-jenv",
                "via": None,
                "name": "Minister van Justitie en Veiligheid",
                "ministry": "ministerie-jenv",
            },
        )
        _span(
            doc,
            "uiterlijk aanstaande zomer",
            "TIMEX",
            {
                "kind": "deadline",
                "value": "2018-SU",
                "mod": "ON_OR_BEFORE",
                "interval": ["2018-06-01", "2018-08-31"],
                "due": "2018-08-31",
            },
        )
        _span(
            doc,
            "de komende maanden",
            "TIMEX",
            {"kind": "vague", "value": "FUTURE_REF", "mod": None, "interval": None, "due": None},
        )
    return nlp.get_pipe("kamer_commitments")(doc)


def _by_text(doc: Doc, phrase: str) -> dict:
    found = [r for r in _records(doc) if phrase in r["text"]]
    assert len(found) == 1, [r["text"] for r in _records(doc)]
    return found[0]


def test_seed_shaped_letter(nlp: Language) -> None:
    doc = _letter(nlp)
    kinds = [(r["kind"], r["id"]) for r in _records(doc)]
    assert [k for k, _ in kinds] == ["link", "commitment", "commitment", "commitment"]

    research = _by_text(doc, "Ik zal de komende maanden")
    assert research["actor"]["actor_id"] == "minister-rechtsbescherming"
    assert research["actor"]["via"] == "ik"
    assert research["actor"]["start"] == LETTER.index("Ik zal")
    assert research["deadline"]["text"] == "de komende maanden"
    assert research["deadline"]["due"] is None
    assert research["action"].startswith("een onderzoek laten uitvoeren")

    report = _by_text(doc, "uiterlijk aanstaande zomer")
    assert report["deadline"]["due"] == "2018-08-31"
    assert report["deadline"]["mod"] == "ON_OR_BEFORE"
    assert report["action"] == "uw Kamer berichten"
    assert report["addressee"] == "tweede-kamer"
    assert report["status"] == "open"
    assert 0.5 <= report["confidence"] <= 1.0

    third = _by_text(doc, "Ten derde")
    assert third["actor"]["actor_id"] == "minister-jenv"
    assert third["action"] == "de haalbaarheid van normering gaan toetsen"

    link = _by_text(doc, "toezegging in herinnering")
    assert link["kind"] == "link"
    assert link["date"]["value"] == "2017-11-08"
    assert link["meeting"]["text"].startswith("Algemeen Overleg")


def test_spans_and_attrs(nlp: Language) -> None:
    doc = _letter(nlp)
    spans = list(doc.spans[COMMITMENTS_KEY])
    records = [r for r in _records(doc) if r["kind"] == "commitment"]
    assert [s.kb_id_ for s in spans] == ["c1", "c2", "c3"]
    for span, rec in zip(spans, records, strict=True):
        assert span.label_ == "COMMITMENT"
        assert span.text == doc.text[span.start_char : span.end_char] == rec["text"]
        assert (rec["start"], rec["end"]) == (span.start_char, span.end_char)
        assert span_attrs_record(span) == {"commitment_id": rec["id"]}
        assert rec["span"] is None


def test_negatives_are_not_commitments(nlp: Language) -> None:
    doc = _letter(nlp)
    texts = " ".join(r["text"] for r in _records(doc))
    assert "Onderstaand" not in texts
    assert "7 februari jl." not in texts


def test_degrades_without_actor_and_timex_spans(nlp: Language) -> None:
    doc = _letter(nlp, with_spans=False)
    report = _by_text(doc, "uiterlijk aanstaande zomer")
    assert report["deadline"] is None
    assert report["actor"]["actor_id"] == "minister-rechtsbescherming"  # the signatory
    assert report["actor"]["start"] is None
    third = _by_text(doc, "Ten derde")
    assert third["actor"]["name"] == "Minister van Justitie en Veiligheid"
    assert third["actor"]["actor_id"] is None


def test_no_meta_no_actor(nlp: Language) -> None:
    doc = nlp("De resultaten zullen begin 2024 aan uw Kamer worden toegezonden.")
    (rec,) = _records(doc)
    assert rec["actor"] is None
    assert rec["addressee"] == "tweede-kamer"


def test_uses_doc_sentences(nlp: Language) -> None:
    doc = nlp(
        "Hierbij zend ik u de brief. Ik zal uw Kamer voor de zomer informeren over de uitkomsten."
    )
    (rec,) = _records(doc)
    assert rec["text"] == "Ik zal uw Kamer voor de zomer informeren over de uitkomsten."


def test_requires_sentence_boundaries() -> None:
    """No second sentence splitter: without kamer_sentences the component says what is missing."""
    nlp = spacy.blank("nl")
    nlp.add_pipe("kamer_commitments")
    with pytest.raises(ValueError, match="kamer_sentences"):
        nlp("Ik zal uw Kamer voor de zomer informeren.")
    assert nlp("")._.kamer_commitment_records == []


@pytest.mark.parametrize(
    "case",
    [
        pytest.param(c, id=c["id"], marks=pytest.mark.xfail(reason=c["xfail"], strict=True))
        if c.get("xfail")
        else pytest.param(c, id=c["id"])
        for c in CASES
    ],
)
def test_case(nlp: Language, case: dict) -> None:
    doc = nlp(case["text"])
    kinds = {r["kind"] for r in _records(doc)}
    got = kinds.pop() if len(kinds) == 1 else "none" if not kinds else "mixed"
    assert got == case["label"]


@pytest.mark.slow  # builds and saves whole pipelines: the full suite runs it
def test_to_disk_from_disk_round_trip(nlp: Language, tmp_path: Path) -> None:
    pipe = nlp.get_pipe("kamer_commitments")
    pipe.threshold = 0.6
    try:
        nlp.to_disk(tmp_path / "nlp")
        loaded = spacy.load(tmp_path / "nlp")
    finally:
        pipe.threshold = 0.5
    other = loaded.get_pipe("kamer_commitments")
    assert other.threshold == 0.6
    assert other.cues == pipe.cues
    assert other.model.to_json() == pipe.model.to_json()
    assert (tmp_path / "nlp" / "kamer_commitments" / "model.json").exists()
    text = "Ik zal uw Kamer voor de zomer informeren. Ik heb uw Kamer vorig jaar geïnformeerd."
    assert [r.text for r in loaded(text)._.kamer_commitment_records] == [
        r.text for r in nlp(text)._.kamer_commitment_records
    ]


def test_to_bytes_from_bytes_round_trip(nlp: Language) -> None:
    pipe = nlp.get_pipe("kamer_commitments")
    fresh = CommitmentFinder(spacy.blank("nl"))
    fresh.from_bytes(pipe.to_bytes())
    assert fresh.model.to_json() == pipe.model.to_json()
    assert fresh.cues == pipe.cues
