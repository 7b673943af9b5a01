"""The spaCy component kamer_temporal on spacy.blank('nl')."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import spacy
from spacy.language import Language

import kamer_nlp.temporal.component  # noqa: F401  (registers the factory)
from kamer_nlp.contracts import DocumentMeta
from kamer_nlp.nlp.extensions import TIMEX_KEY, set_doc_meta, span_attrs_record
from kamer_nlp.temporal.component import TemporalTagger

TEXT = (
    "Over de uitkomsten zal ik uw Kamer uiterlijk aanstaande zomer berichten. "
    "Ik zal de komende maanden een onderzoek laten uitvoeren. "
    "In de brief van 7 februari jl. en op 14 februari 2018 is dit besproken."
)


@pytest.fixture()
def nlp() -> Language:
    nlp = spacy.blank("nl")
    nlp.add_pipe("kamer_temporal")
    return nlp


def _run(nlp: Language, text: str, date: str | None) -> spacy.tokens.Doc:
    doc = nlp.make_doc(text)
    set_doc_meta(doc, DocumentMeta.from_record({"date": date}))
    return nlp(doc)


def test_spans_labels_and_attrs(nlp: Language) -> None:
    doc = _run(nlp, TEXT, "2018-02-14")
    spans = list(doc.spans[TIMEX_KEY])
    assert [s.text for s in spans] == [
        "uiterlijk aanstaande zomer",
        "de komende maanden",
        "7 februari jl.",
        "14 februari 2018",
    ]
    assert {s.label_ for s in spans} == {"TIMEX"}
    summer = span_attrs_record(spans[0])
    assert summer == {
        "kind": "deadline",
        "value": "2018-SU",
        "mod": "ON_OR_BEFORE",
        "interval": ["2018-06-01", "2018-08-31"],
        "due": "2018-08-31",
        "due_source": "timex",
        "anchored": True,
    }
    assert spans[0].kb_id_ == "2018-SU"
    vague = span_attrs_record(spans[1])
    # "Ik zal de komende maanden …": a planned completion bounded by the window
    assert vague["kind"] == "vague" and vague["due"] == "2018-05-14"
    assert vague["due_source"] == "window"
    assert vague["interval"] == ["2018-02-14", "2018-05-14"]
    assert span_attrs_record(spans[2])["value"] == "2018-02-07"
    for span in spans:
        assert span.text == doc.text[span.start_char : span.end_char]
    assert not doc._.kamer_warnings


def test_accepts_a_date_object(nlp: Language) -> None:
    import datetime as dt

    doc = _run(nlp, "Ik stuur u volgend jaar de evaluatie.", None)
    assert span_attrs_record(doc.spans[TIMEX_KEY][0])["anchored"] is False
    doc = nlp.make_doc("Ik stuur u volgend jaar de evaluatie.")
    set_doc_meta(doc, DocumentMeta.from_record({"date": dt.date(2020, 3, 1)}))
    doc = nlp(doc)
    assert span_attrs_record(doc.spans[TIMEX_KEY][0])["value"] == "2021"


def test_without_document_date_values_stay_intervals_go_and_doc_warns(nlp: Language) -> None:
    doc = _run(nlp, TEXT, None)
    attrs = {s.text: span_attrs_record(s) for s in doc.spans[TIMEX_KEY]}
    summer = attrs["uiterlijk aanstaande zomer"]
    assert (summer["value"], summer["mod"], summer["interval"], summer["due"]) == (
        "XXXX-SU",
        "ON_OR_BEFORE",
        None,
        None,
    )
    assert summer["anchored"] is False
    assert attrs["14 februari 2018"]["interval"] == ["2018-02-14", "2018-02-14"]
    assert attrs["14 februari 2018"]["anchored"] is True
    assert doc._.kamer_warnings and "no document date" in doc._.kamer_warnings[0]


def test_no_warning_when_nothing_is_relative(nlp: Language) -> None:
    doc = _run(nlp, "Op 14 februari 2018 is de brief verzonden.", None)
    assert len(doc.spans[TIMEX_KEY]) == 1
    assert not doc._.kamer_warnings


def test_overwrite_false_appends(nlp: Language) -> None:
    nlp2 = spacy.blank("nl")
    nlp2.add_pipe("kamer_temporal", config={"overwrite": False})
    doc = nlp2.make_doc("Op 14 februari 2018.")
    doc.spans[TIMEX_KEY] = [doc[0:1]]
    doc = nlp2(doc)
    assert len(doc.spans[TIMEX_KEY]) == 2


def test_line_break_inside_expression_aligns(nlp: Language) -> None:
    doc = _run(nlp, "Op 6 november\n2017 hebben de ministers.", "2018-02-14")
    (span,) = doc.spans[TIMEX_KEY]
    assert span.text == "6 november\n2017"
    assert span_attrs_record(span)["value"] == "2017-11-06"


@pytest.mark.slow  # builds and saves whole pipelines: the full suite runs it
def test_to_disk_from_disk_round_trip(nlp: Language, tmp_path: Path) -> None:
    nlp.to_disk(tmp_path / "pipe")
    assert (tmp_path / "pipe" / "kamer_temporal" / "conventions.json").is_file()
    loaded = spacy.load(tmp_path / "pipe")
    a = _run(nlp, TEXT, "2018-02-14")
    b = _run(loaded, TEXT, "2018-02-14")
    assert [(s.text, span_attrs_record(s)) for s in a.spans[TIMEX_KEY]] == [
        (s.text, span_attrs_record(s)) for s in b.spans[TIMEX_KEY]
    ]


def test_from_disk_uses_the_saved_conventions(nlp: Language, tmp_path: Path) -> None:
    """Changing the saved data changes the loaded component: the data travels with it."""
    tagger = nlp.get_pipe("kamer_temporal")
    assert isinstance(tagger, TemporalTagger)
    tagger.to_disk(tmp_path)
    path = tmp_path / "conventions.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["vague"]["binnenkort"]["window"] = "P2M"
    path.write_text(json.dumps(data), encoding="utf-8")
    fresh = TemporalTagger(nlp).from_disk(tmp_path)
    doc = nlp.make_doc("Dit gebeurt binnenkort.")
    set_doc_meta(doc, DocumentMeta.from_record({"date": "2018-02-14"}))
    doc = fresh(doc)
    assert span_attrs_record(doc.spans[TIMEX_KEY][0])["interval"] == ["2018-02-14", "2018-04-14"]


def test_to_bytes_from_bytes(nlp: Language) -> None:
    data = nlp.get_pipe("kamer_temporal").to_bytes()
    other = TemporalTagger(nlp).from_bytes(data)
    assert other.resources == nlp.get_pipe("kamer_temporal").resources
