"""Official input through the pipeline: the record, turns on the Doc, speakers as actors."""

from __future__ import annotations

from pathlib import Path

from spacy.tokens import DocBin

from kamer_nlp.api import annotate_file
from kamer_nlp.contracts import Turn
from kamer_nlp.io.schema import validate_record
from kamer_nlp.nlp.extensions import doc_turns, set_doc_turns, turn_at, turn_index_at
from kamer_nlp.nlp.pipeline import load_pipeline

from . import fixtures as fx


def _annotate(tmp_path: Path, name: str, content: str) -> dict:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    record = annotate_file(path)
    validate_record(record)
    return record


def test_debate_record(tmp_path: Path) -> None:
    record = _annotate(tmp_path, "h-tk-20222023-9-4.xml", fx.HANDELINGEN)
    text = record["text"]
    assert record["source"]["format"] == "xml" and record["source"]["pages"] == 0
    roles = ["chair", "member", "chair", "chair", "minister", "member", "minister"]
    assert [t["role"] for t in record["turns"]] == roles
    assert all(span["boxes"] == [] for span in record["spans"])
    actors = {
        (s["text"], s["attrs"]["via"]): s["kb_id"] for s in record["spans"] if s["label"] == "ACTOR"
    }
    minister = record["turns"][4]
    # the speaker label is an ACTOR; "ik" in the minister's turn is the minister
    assert actors[("Minister Proef", None)] == minister["actor_id"]
    assert actors[("Ik", "ik")] == minister["actor_id"]
    assert actors[("De voorzitter", None)] == "voorzitter-tweede-kamer"
    # "u" in the reply to Jansen's interruption is Jansen
    assert record["turns"][6]["addressed"] == 5
    assert actors[("u", "u")] == record["turns"][5]["actor_id"] == "person-jansen"
    # the commitment made in the minister's turn is the minister's
    (commitment,) = [c for c in record["commitments"] if "brief stuur" in c["text"]]
    assert commitment["actor"]["actor_id"] == minister["actor_id"]
    assert commitment["actor"]["function"] == "minister"
    refs = record["evidence"]["references"]
    assert [r["value"] for r in refs] == ["kst-99001-8", "kst-99001-8"]
    assert all(text[r["start"] : r["end"]] == r["text"] for r in refs)


def test_vlos_record_government_speaker(tmp_path: Path) -> None:
    record = _annotate(tmp_path, "vlos.xml", fx.VLOS)
    assert record["source"]["format"] == "vlos"
    minister = record["turns"][1]
    assert minister["actor_id"] == "minister-ienw"
    wij = [s for s in record["spans"] if s["attrs"].get("via") == "wij"]
    assert wij and {s["kb_id"] for s in wij} == {"minister-ienw"}
    (commitment,) = [c for c in record["commitments"] if "brief sturen" in c["text"]]
    assert commitment["actor"]["actor_id"] == "minister-ienw"
    assert commitment["actor"]["ministry"] == "ministerie-ienw"


def test_kamerstuk_record(tmp_path: Path) -> None:
    (tmp_path / "metadata.xml").write_text(fx.METADATA, encoding="utf-8")
    record = _annotate(tmp_path, "kst-99001-7.xml", fx.KST)
    assert record["id"] == "kst-99001-7" and record["turns"] == []
    assert record["meta"]["date"] == "2023-03-14"
    ids = {s["kb_id"] for s in record["spans"] if s["label"] == "REFERENCE"}
    assert {r["value"] for r in record["evidence"]["references"]} <= ids
    (note,) = record["footnotes"]
    assert note["marker"] is not None


def test_turn_helpers_and_docbin_round_trip() -> None:
    nlp = load_pipeline("default")
    doc = nlp.make_doc("Minister A: Ik kom. De voorzitter: Dank u.")
    turns = [Turn("A", "minister", 0, 19, label_start=0, label_end=11), Turn("x", "chair", 20, 42)]
    set_doc_turns(doc, turns)
    assert turn_at(doc, 13) == turns[0] and turn_index_at(doc, 30) == 1
    assert turn_at(doc, 19) is None
    data = DocBin(docs=[doc], store_user_data=True).to_bytes()
    (back,) = DocBin().from_bytes(data).get_docs(nlp.vocab)
    assert doc_turns(back) == turns
    assert Turn.from_record(turns[0].to_record()) == turns[0]


def test_turns_in_the_review_page_and_the_exports(tmp_path: Path) -> None:
    from kamer_nlp.annotation.doccano import to_doccano
    from kamer_nlp.annotation.labelstudio import to_labelstudio
    from kamer_nlp.annotation.prodigy import to_prodigy
    from kamer_nlp.annotation.review import page_record, render_review

    record = _annotate(tmp_path, "vlos.xml", fx.VLOS)
    assert page_record(record)["turns"] == record["turns"]
    assert "turn-speaker" in render_review([record])
    for export in (to_prodigy, to_labelstudio, to_doccano):
        task = export(record)
        meta = task.get("meta") or task.get("data") or task
        assert [t["speaker"] for t in meta["turns"]] == ["De Bruin", "Proef", "Jansen", "Proef"]
