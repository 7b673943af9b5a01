"""The kamer_references spaCy component: spans, kb_ids, attrs, serialisation."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc, DocBin

import kamer_nlp.references.component  # noqa: F401  (registers the factory)
from kamer_nlp.contracts import DocumentMeta
from kamer_nlp.nlp.extensions import REFERENCES_KEY, set_doc_meta, span_attrs_record
from kamer_nlp.nlp.tokenizer import customise
from kamer_nlp.references import find_references

from .caseload import expected_refs, load_cases

FOOTNOTES = (
    "In de brief van 7 februari jl. heeft de Minister uw Kamer geïnformeerd.2\n\n"
    "1 Raadpleegbaar via www.tweedekamer.nl.\n"
    "2 Kamerstuk 31 015, nr. 135.\n"
    "3 Kamerstuk 34 775 VI, nr. 16.\n"
    "4 Kamerstuk 31 015, nrs. 12 en 13.\n"
)


@pytest.fixture(scope="module")  # no test changes it; a blank Dutch pipeline costs 0.3 s
def nlp() -> Language:
    nlp = spacy.blank("nl")
    customise(nlp)  # the project's tokenizer, as in every pipeline ("1–3" is three tokens)
    nlp.add_pipe("kamer_references")
    return nlp


def _annotate(nlp: Language, text: str, date: str | None = "2018-02-14") -> Doc:
    doc = nlp.make_doc(text)
    set_doc_meta(doc, DocumentMeta.from_record({"date": date}))
    return nlp(doc)


def test_spans_kb_ids_and_attrs(nlp: Language) -> None:
    doc = _annotate(nlp, FOOTNOTES)
    spans = list(doc.spans[REFERENCES_KEY])
    assert [(s.text, s.label_, s.kb_id_) for s in spans] == [
        ("brief van 7 februari jl.", "REFERENCE", ""),
        ("www.tweedekamer.nl", "REFERENCE", "https://www.tweedekamer.nl"),
        ("Kamerstuk 31 015, nr. 135", "REFERENCE", "kst-31015-135"),
        ("Kamerstuk 34 775 VI, nr. 16", "REFERENCE", "kst-34775-VI-16"),
        ("Kamerstuk 31 015, nrs. 12", "REFERENCE", "kst-31015-12"),
        ("13", "REFERENCE", "kst-31015-13"),
    ]
    attrs = [span_attrs_record(s) for s in spans]
    assert attrs[0] == {
        "type": "letter_by_date",
        "url": None,
        "date": "2018-02-07",
        "relative": "past",
    }
    assert attrs[2]["type"] == "kamerstuk"
    assert attrs[2]["url"] == "https://zoek.officielebekendmakingen.nl/kst-31015-135.html"
    assert attrs[3]["toevoeging"] == "VI"
    assert attrs[5]["ondernummer"] == "13"


def test_span_offsets_are_the_citation_offsets(nlp: Language) -> None:
    """Every case of the case file: each span's text is doc.text[start:end] and matches the reference."""
    for case in load_cases():
        doc = _annotate(nlp, case["text"], case.get("doc_date"))
        spans = list(doc.spans[REFERENCES_KEY])
        expected = expected_refs(case)
        assert len(spans) == len(expected), case["id"]
        for span, exp in zip(spans, expected, strict=True):
            assert span.text == doc.text[span.start_char : span.end_char]
            attrs = span_attrs_record(span)
            got = (attrs.get("ref_start", span.start_char), attrs.get("ref_end", span.end_char))
            assert got == (exp.start, exp.end), case["id"]
            assert (span.kb_id_ or None) == exp.kb_id, case["id"]


def test_without_document_date_letters_stay_unresolved(nlp: Language) -> None:
    doc = _annotate(nlp, "de brief van 7 februari jl.", None)
    (span,) = doc.spans[REFERENCES_KEY]
    assert span_attrs_record(span)["date"] is None


def test_types_option_restricts_output() -> None:
    nlp = spacy.blank("nl")
    nlp.add_pipe("kamer_references", config={"types": ["url"]})
    doc = _annotate(nlp, FOOTNOTES)
    assert [s.text for s in doc.spans[REFERENCES_KEY]] == ["www.tweedekamer.nl"]


def test_unknown_type_is_rejected() -> None:
    nlp = spacy.blank("nl")
    with pytest.raises(ValueError, match="unknown reference types"):
        nlp.add_pipe("kamer_references", config={"types": ["kamerstukken"]})


def test_overwrite_false_keeps_existing_spans(nlp: Language) -> None:
    nlp2 = spacy.blank("nl")
    nlp2.add_pipe("kamer_references", config={"overwrite": False})
    doc = nlp2.make_doc("Stb. 2020, 118")
    doc.spans[REFERENCES_KEY] = [doc[0:1]]
    doc = nlp2(doc)
    assert [s.text for s in doc.spans[REFERENCES_KEY]] == ["Stb.", "Stb. 2020, 118"]


@pytest.mark.slow  # builds and saves whole pipelines: the full suite runs it
def test_to_disk_from_disk_round_trip(nlp: Language, tmp_path: Path) -> None:
    nlp.to_disk(tmp_path / "pipeline")
    loaded = spacy.load(tmp_path / "pipeline")
    assert loaded.pipe_names == ["kamer_references"]
    original = _annotate(nlp, FOOTNOTES)
    again = _annotate(loaded, FOOTNOTES)
    key = REFERENCES_KEY
    assert [(s.start_char, s.end_char, s.kb_id_) for s in again.spans[key]] == [
        (s.start_char, s.end_char, s.kb_id_) for s in original.spans[key]
    ]


@pytest.mark.slow  # builds and saves whole pipelines: the full suite runs it
def test_from_disk_uses_the_saved_rules(nlp: Language, tmp_path: Path) -> None:
    """The rules travel with the pipeline: an edited abbreviation file on disk is what runs."""
    path = tmp_path / "pipeline"
    nlp.to_disk(path)
    abbreviations = path / "kamer_references" / "abbreviations.toml"
    text = abbreviations.read_text(encoding="utf-8")
    abbreviations.write_text(text.replace('"verzamelbrief" = "brief"\n', ""), encoding="utf-8")
    loaded = spacy.load(path)
    doc = _annotate(loaded, "de verzamelbrief van 7 februari jl. en de brief van 8 februari jl.")
    assert [s.text for s in doc.spans[REFERENCES_KEY]] == ["brief van 8 februari jl."]


def test_to_bytes_from_bytes_round_trip(nlp: Language) -> None:
    pipe = nlp.get_pipe("kamer_references")
    other = spacy.blank("nl").add_pipe("kamer_references")
    other.from_bytes(pipe.to_bytes())
    assert other.rules.patterns_text == pipe.rules.patterns_text
    assert other.rules.abbreviations_text == pipe.rules.abbreviations_text


def test_spans_and_attrs_survive_docbin(nlp: Language) -> None:
    doc = _annotate(nlp, FOOTNOTES)
    data = DocBin(docs=[doc], store_user_data=True).to_bytes()
    (restored,) = DocBin().from_bytes(data).get_docs(nlp.vocab)
    spans = list(restored.spans[REFERENCES_KEY])
    assert [s.kb_id_ for s in spans] == [s.kb_id_ for s in doc.spans[REFERENCES_KEY]]
    assert span_attrs_record(spans[2])["type"] == "kamerstuk"


def test_component_agrees_with_plain_function(nlp: Language) -> None:
    doc = _annotate(nlp, FOOTNOTES)
    refs = find_references(FOOTNOTES, doc_date=None)
    assert [s.kb_id_ or None for s in doc.spans[REFERENCES_KEY]] == [r.kb_id for r in refs]
