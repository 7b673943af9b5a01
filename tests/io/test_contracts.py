"""The typed stage contracts: record round trips, the label check, DocBin round trips."""

from __future__ import annotations

import datetime as dt

import pytest
import spacy
from spacy.tokens import DocBin

import kamer_nlp.nlp.sentences  # noqa: F401  (kamer_sentences)
from kamer_nlp.contracts import (
    ActorAttrs,
    Commitment,
    CommitmentActor,
    CommitmentSpanAttrs,
    Deadline,
    DocumentMeta,
    ReferenceAttrs,
    SpanAttrs,
    TimexAttrs,
)
from kamer_nlp.nlp.extensions import (
    ACTORS_KEY,
    COMMITMENT_RECORDS_EXT,
    actor_attrs,
    doc_date,
    doc_meta,
    set_doc_meta,
    set_span_attrs,
    span_attrs_record,
    timex_attrs,
)

META = {
    "date": "2018-02-14",
    "kamer": "II",
    "vergaderjaar": None,
    "dossier": "31015",
    "toevoeging": None,
    "ondernummer": "136",
    "doc_type": "brief",
    "title": "Aanpak mensenhandel",
    "subject": None,
    "kenmerk": None,
    "signatories": [
        {"name": "S. Dekker", "function": "Minister voor Rechtsbescherming", "actor_id": "m-rb"}
    ],
    "id": "kst-31015-136",
    "co_senders": [{"function": "Minister van Justitie en Veiligheid", "actor_id": "m-jenv"}],
}


def test_document_meta_record_round_trip() -> None:
    meta = DocumentMeta.from_record(META)
    assert meta.date == dt.date(2018, 2, 14)  # a date, parsed once
    assert meta.signatories[0].actor_id == "m-rb"
    assert meta.to_record() == META


def test_empty_optional_meta_fields_stay_out_of_the_record() -> None:
    record = DocumentMeta(date=dt.date(2020, 1, 2)).to_record()
    assert record["date"] == "2020-01-02"
    assert not {"id", "co_senders", "heading", "furniture", "sidebar"} & set(record)


@pytest.mark.parametrize(
    "attrs",
    [
        ReferenceAttrs(
            "kamerstuk", "https://x", parts=(("dossier", "31015"), ("ondernummer", "135"))
        ),
        ReferenceAttrs("letter_by_date", None, date="2018-02-07", ref_start=3, ref_end=9),
        TimexAttrs("date", "2018-SU", "ON_OR_BEFORE", ("2018-06-01", "2018-08-31"), "2018-08-31"),
        TimexAttrs("vague", "FUTURE_REF", extra=(("window", [1, 3]),), timex_start=1, timex_end=4),
        ActorAttrs("minister", "m-rb", "ik", "Minister", "ministerie-jenv", role="signatory"),
        CommitmentSpanAttrs("c1"),
    ],
)
def test_span_attrs_round_trip(attrs: SpanAttrs) -> None:
    record = attrs.to_record()
    assert type(attrs).from_record(record).to_record() == record


def test_a_label_takes_only_its_attrs_class() -> None:
    nlp = spacy.blank("nl")
    doc = nlp("Ik zal uw Kamer informeren.")
    span = doc.char_span(0, 2, label="ACTOR")
    assert span is not None
    with pytest.raises(TypeError, match="ActorAttrs"):
        set_span_attrs(span, TimexAttrs("date", "2018"))
    set_span_attrs(span, ActorAttrs("minister", "m-rb", "ik"))
    assert actor_attrs(span) == ActorAttrs("minister", "m-rb", "ik")
    assert timex_attrs(span) is None
    assert span_attrs_record(span)["via"] == "ik"


def test_typed_values_survive_docbin() -> None:
    nlp = spacy.blank("nl")
    doc = nlp("Ik zal uw Kamer informeren.")
    set_doc_meta(doc, DocumentMeta.from_record(META))
    span = doc.char_span(0, 2, label="ACTOR")
    assert span is not None
    doc.spans[ACTORS_KEY] = [span]
    set_span_attrs(span, ActorAttrs("minister", "m-rb", "ik"))
    commitment = Commitment(
        id="c1",
        start=0,
        end=len(doc.text),
        text=doc.text,
        actor=CommitmentActor("m-rb", "S. Dekker", None, "ministerie-jenv", 0, 2, "ik"),
        addressee="tweede-kamer",
        action="uw Kamer informeren",
        action_start=7,
        action_end=26,
        deadline=Deadline(0, 2, "Ik", "date", "2018", interval=["2018-01-01", "2018-12-31"]),
        confidence=0.9,
    )
    doc._.set(COMMITMENT_RECORDS_EXT, [commitment])
    data = DocBin(docs=[doc], store_user_data=True).to_bytes()
    (back,) = DocBin().from_bytes(data).get_docs(nlp.vocab)
    assert doc_meta(back).to_record() == META
    assert doc_date(back) == dt.date(2018, 2, 14)
    assert actor_attrs(back.spans[ACTORS_KEY][0]) == ActorAttrs("minister", "m-rb", "ik")
    assert list(back._.get(COMMITMENT_RECORDS_EXT)) == [commitment]


def test_without_meta_the_date_is_unknown() -> None:
    doc = spacy.blank("nl")("tekst")
    assert doc_date(doc) is None
    assert doc_meta(doc) == DocumentMeta()
