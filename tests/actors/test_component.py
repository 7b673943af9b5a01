"""The kamer_actors spaCy component on spacy.blank("nl")."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Span

import kamer_nlp.actors.component  # noqa: F401  (registers the factory)
from kamer_nlp.actors.component import ActorRecognizer
from kamer_nlp.contracts import META_FIELDS, DocumentMeta
from kamer_nlp.nlp.extensions import ACTORS_KEY, set_doc_meta, span_attrs_record
from kamer_nlp.nlp.tokenizer import customise

LETTER = (
    "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal\n\n"
    "Hierbij zend ik u, mede namens de Minister van Justitie en Veiligheid (JenV) en de "
    "Minister van Volksgezondheid, Welzijn en Sport (VWS), mijn reactie. De politie en het "
    "Openbaar Ministerie werken samen. Ik zal uw Kamer informeren.\n\n"
    "De Minister voor Rechtsbescherming,\nS. Dekker"
)


def _nlp(**config) -> spacy.Language:
    nlp = spacy.blank("nl")
    nlp.add_pipe("kamer_actors", config=config)
    return nlp


def _run(nlp: spacy.Language, text: str, date: str | None = "2018-02-14", meta: dict | None = None):
    doc = nlp.make_doc(text)
    if date is not None or meta is not None:
        set_doc_meta(doc, DocumentMeta.from_record({**(meta or {}), "date": date}))
    return nlp.get_pipe("kamer_actors")(doc)


def _by_text(doc) -> dict[str, list[Span]]:
    out: dict[str, list[Span]] = {}
    for span in doc.spans[ACTORS_KEY]:
        out.setdefault(span.text, []).append(span)
    return out


def test_spans_have_label_kb_id_and_attrs() -> None:
    doc = _run(_nlp(), LETTER)
    spans = list(doc.spans[ACTORS_KEY])
    assert spans and all(s.label_ == "ACTOR" for s in spans)
    for s in spans:
        attrs = span_attrs_record(s)
        assert s.kb_id_ == attrs["actor_id"]
        assert {"type", "actor_id", "via", "name", "ministry"} <= set(attrs)
        assert s.text == doc.text[s.start_char : s.end_char]
    found = _by_text(doc)
    assert found["Minister voor Rechtsbescherming"][0].kb_id_ == "minister-rechtsbescherming"
    assert span_attrs_record(found["Minister voor Rechtsbescherming"][0])["role"] == "signatory"
    assert [span_attrs_record(s)["via"] for s in found["ik"] + found["Ik"]] == ["ik", "ik"]
    assert {s.kb_id_ for s in found["ik"] + found["mijn"]} == {"minister-rechtsbescherming"}
    assert span_attrs_record(found["uw Kamer"][0]) == {
        "type": "parliament", "actor_id": "tweede-kamer", "via": "uw Kamer",
        "name": "Tweede Kamer der Staten-Generaal", "ministry": None,
    }  # fmt: skip
    assert found["JenV"][0].kb_id_ == "ministerie-jenv"
    assert span_attrs_record(found["JenV"][0])["via"] == "abbreviation"
    assert doc._.kamer_warnings is None


def test_meta_signatories_get_actor_ids_and_co_senders() -> None:
    meta = {"signatories": [{"name": "S. Dekker", "function": "Minister voor Rechtsbescherming"}]}
    doc = _run(_nlp(), LETTER, meta=meta)
    assert doc._.kamer_meta.signatories[0].actor_id == "minister-rechtsbescherming"
    assert [c.to_record() for c in doc._.kamer_meta.co_senders] == [
        {"function": "Minister van Justitie en Veiligheid", "actor_id": "minister-jenv"},
        {"function": "Minister van Volksgezondheid, Welzijn en Sport", "actor_id": "minister-vws"},
    ]
    assert set(doc._.kamer_meta.to_record()) - set(META_FIELDS) == {"co_senders"}


def test_meta_signatory_overrides_text_and_anachronism_is_flagged() -> None:
    text = "Ik bespreek dit met de Minister van Economische Zaken en Klimaat."
    meta = {"signatories": [{"name": "M. Verhagen", "function": "Minister van Economische Zaken"}]}
    doc = _run(_nlp(), text, date="2009-05-01", meta=meta)
    found = _by_text(doc)
    assert found["Ik"][0].kb_id_ == "minister-ez"
    ezk = span_attrs_record(found["Minister van Economische Zaken en Klimaat"][0])
    assert ezk["anachronistic"] is True
    assert "anachronistic" not in span_attrs_record(found["Ik"][0])


def test_model_entities_become_person_and_organisation_actors() -> None:
    nlp = _nlp()
    doc = nlp.make_doc("Jan Jansen van Bouwbedrijf Noord sprak met het RIVM en de CBS.")
    doc.ents = [
        Span(doc, 0, 2, label="PER"),
        Span(doc, 3, 5, label="ORG"),
        Span(doc, 8, 9, label="ORG"),  # RIVM: the gazetteer wins
    ]
    doc = nlp.get_pipe("kamer_actors")(doc)
    ids = {s.text: s.kb_id_ for s in doc.spans[ACTORS_KEY]}
    assert ids["Jan Jansen"] == "person-jan-jansen"
    assert ids["Bouwbedrijf Noord"] == "org-bouwbedrijf-noord"
    assert ids["RIVM"] == "rivm"
    off = _nlp(use_model_entities=False)
    doc2 = off.make_doc(doc.text)
    doc2.ents = [Span(doc2, 0, 2, label="PER")]
    assert "Jan Jansen" not in {
        s.text for s in off.get_pipe("kamer_actors")(doc2).spans[ACTORS_KEY]
    }


def test_plain_text_without_date_or_meta() -> None:
    doc = _run(_nlp(), "Het CBS en de gemeente Utrecht.", date=None)
    assert [(s.text, s.kb_id_) for s in doc.spans[ACTORS_KEY]] == [
        ("CBS", "cbs"),
        ("gemeente Utrecht", "gemeente-utrecht"),
    ]
    assert doc._.kamer_meta is None


@pytest.mark.slow  # builds and saves whole pipelines: the full suite runs it
def test_to_disk_from_disk_round_trip(tmp_path) -> None:
    nlp = _nlp(use_model_entities=False)
    nlp.to_disk(tmp_path / "pipe")
    loaded = spacy.load(tmp_path / "pipe")
    comp = loaded.get_pipe("kamer_actors")
    assert isinstance(comp, ActorRecognizer)
    assert comp.use_model_entities is False
    assert comp.gazetteer.version == nlp.get_pipe("kamer_actors").gazetteer.version
    a = _run(nlp, LETTER)
    b = _run(loaded, LETTER)
    assert [(s.start_char, s.end_char, s.kb_id_) for s in a.spans[ACTORS_KEY]] == [
        (s.start_char, s.end_char, s.kb_id_) for s in b.spans[ACTORS_KEY]
    ]


def test_from_disk_uses_the_saved_gazetteer(tmp_path) -> None:
    nlp = _nlp()
    comp = nlp.get_pipe("kamer_actors")
    comp.to_disk(tmp_path / "c")
    entries = (tmp_path / "c" / "gazetteer" / "entries.jsonl").read_text("utf-8")
    entries += '{"actor_id": "org-test", "type": "organisation", "name": "Testbureau Zuid"}\n'
    (tmp_path / "c" / "gazetteer" / "entries.jsonl").write_text(entries, "utf-8")
    fresh = ActorRecognizer(nlp).from_disk(tmp_path / "c")
    doc = nlp.make_doc("Het Testbureau Zuid rapporteert.")
    assert [s.kb_id_ for s in fresh(doc).spans[ACTORS_KEY]] == ["org-test"]


def test_slash_separated_names_align_strictly() -> None:
    """The project's tokenizer splits a slash between letters, so each name aligns strictly."""
    nlp = _nlp()
    customise(nlp)
    doc = _run(nlp, "de motie Bontenbal/Grinwis is aangenomen")
    assert [s.text for s in doc.spans[ACTORS_KEY]] == ["Bontenbal", "Grinwis"]
    assert "/" in [t.text for t in doc]  # the names are whole tokens, not an expanded span
