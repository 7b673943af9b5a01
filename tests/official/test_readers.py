"""The official readers on small fixtures: text, structure, notes, evidence, meta, turns."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from kamer_nlp.errors import ExtractionError
from kamer_nlp.io.input_kind import input_kind, is_metadata_file, sniff
from kamer_nlp.official import read_official, read_official_bytes

from . import fixtures as fx


def _kinds(rt, kind):  # the paragraphs of one kind, as text
    return [rt.text[p.start : p.end] for p in rt.paragraphs if p.kind == kind]


def test_kamerstuk_text_structure_and_meta(tmp_path: Path) -> None:
    (tmp_path / "kst-99001-7.xml").write_text(fx.KST, encoding="utf-8")
    (tmp_path / "metadata.xml").write_text(fx.METADATA, encoding="utf-8")
    rt = read_official(tmp_path / "kst-99001-7.xml", "xml")
    assert "beloofde ik een proef." in rt.text  # the note marker is out of the body
    assert _kinds(rt, "heading") == [
        "99 001 Proefregels voor fietsbruggen",
        "Nr. 7 BRIEF VAN DE MINISTER VAN INFRASTRUCTUUR EN WATERSTAAT",
        "Aanleiding",
    ]
    assert _kinds(rt, "list_item") == ["eerste punt van de proef;", "tweede punt."]
    assert _kinds(rt, "signature") == [
        "De Minister van Infrastructuur en Waterstaat,\nA. Voorbeeld"
    ]
    assert "2" not in _kinds(rt, "head")  # the kamernummer line is no text
    # the footnote: after the body, linked to where its marker stood
    (note,) = rt.footnotes
    assert rt.text[note.start : note.end] == "Zie ook het verslag van de proef in Delft."
    assert rt.text[note.start - 2 : note.start] == "1 "
    assert note.marker is not None and rt.text[note.marker - 5 : note.marker] == "proef"
    assert rt.text[note.marker] == "."
    # evidence with exact offsets
    refs = [(rt.text[e.start : e.end], e.value) for e in rt.evidence if e.kind == "reference"]
    dates = [(rt.text[e.start : e.end], e.value) for e in rt.evidence if e.kind == "date"]
    assert refs == [("Kamerstuk 99 001, nr. 6", "kst-99001-6")]
    assert dates == [("14 maart 2023", "2023-03-14"), ("1 juli 2023", "2023-07-01")]
    meta = rt.meta
    assert (meta.id, meta.dossier, meta.ondernummer, meta.kamer, meta.vergaderjaar) == (
        "kst-99001-7",
        "99001",
        "7",
        "II",
        "2022-2023",
    )
    assert meta.date is not None and meta.date.isoformat() == "2023-03-14"  # the document's own
    assert meta.doc_type == "brief" and meta.title == "Proefregels voor fietsbruggen"
    assert rt.boxes(0, len(rt.text)) == [] and set(rt.char_map) == {None}
    assert rt.pages == 0 and rt.turns == []


def test_kamervragen_numbering_and_answer_date() -> None:
    rt = read_official_bytes(fx.KAMERVRAGEN.encode(), "xml")
    assert _kinds(rt, "heading") == ["1234", "Vraag 1", "Antwoord 1", "Vraag 2", "Antwoord 2"]
    assert rt.meta.date is not None and rt.meta.date.isoformat() == "2023-02-01"
    assert rt.meta.doc_type == "aanhangsel" and rt.meta.subject == "fietsbruggen"
    assert [e.value for e in rt.evidence if e.kind == "reference"] == ["stb-2022-12"]


def test_scraped_handelingen_turns() -> None:
    rt = read_official_bytes(fx.HANDELINGEN.encode(), "xml")
    turns = rt.turns
    assert [(t.speaker, t.role, t.source) for t in turns] == [
        ("voorzitter", "chair", "markup"),
        ("Jansen", "member", "markup"),
        ("voorzitter", "chair", "markup"),  # the motion's chair remark, inside Jansen's turn
        ("voorzitter", "chair", "implied"),  # chair text between turns
        ("Proef", "minister", "markup"),  # the role only in the label's words
        ("Jansen", "member", "markup"),
        ("Proef", "minister", "markup"),
    ]
    assert turns[6].addressed == 5 and turns[4].addressed is None
    assert sum(t.source == "markup" for t in turns) == fx.HANDELINGEN.count("<spreker>")
    assert turns[1].party == "PvdB"
    label = turns[4]
    assert label.label_start is not None and label.label_end is not None
    assert rt.text[label.label_start : label.label_end] == "Minister Proef:"
    member = turns[1]
    assert member.label_start is not None and member.label_end is not None
    assert rt.text[member.label_start : member.label_end] == "De heer Jansen (PvdB):"
    assert "Zij krijgt nr. 8 (99001)." in rt.text  # pretty-printing whitespace undone
    assert [rt.text[e.start : e.end] for e in rt.evidence] == ["8", "99001"]
    for a, b in itertools.pairwise(turns):
        assert a.end <= b.start
    assert rt.meta.id == "h-tk-20222023-9-4" and rt.meta.vergaderjaar == "2022-2023"
    assert rt.meta.title == "Fietsbruggen"


def test_vlos_turns_and_interruption() -> None:
    rt = read_official_bytes(fx.VLOS.encode("utf-8"), "vlos")
    assert [(t.speaker, t.role) for t in rt.turns] == [
        ("De Bruin", "chair"),
        ("Proef", "minister"),
        ("Jansen", "member"),
        ("Proef", "minister"),
    ]
    assert fx.VLOS.count("<woordvoerder>") + fx.VLOS.count("<interrumpant>") == len(rt.turns)
    assert rt.turns[1].function == "minister van Infrastructuur en Waterstaat"
    assert rt.turns[3].addressed == 2  # the reply to Jansen's interruption
    assert "Jansen" not in rt.text[: rt.turns[0].start]  # the speaker list is no text
    assert rt.meta.date is not None and rt.meta.date.isoformat() == "2022-10-04"


def test_html_page() -> None:
    rt = read_official_bytes(fx.HTML.encode(), "html")
    assert rt.text == (
        "99 001 Proefregels voor fietsbruggen\n\n"
        "In mijn vorige brief (Kamerstuk 99 001, nr. 6) beloofde ik een proef.\n\n"
        "eerste punt van de proef;\n\ntweede punt."
    )
    assert [(rt.text[e.start : e.end], e.value) for e in rt.evidence] == [
        ("Kamerstuk 99 001, nr. 6", "kst-99001-6")
    ]
    assert rt.meta.id == "kst-99001-7" and rt.meta.date is not None


@pytest.mark.parametrize(
    ("head", "kind"),
    [
        (fx.KST, "xml"),
        (fx.VLOS, "vlos"),
        (fx.HTML, "html"),
        (fx.METADATA, "metadata"),
        ("<?xml version='1.0'?><!-- c --><rss/>", "xml?"),
        ("%PDF-1.7", "pdf"),
        ("plain words", None),
    ],
)
def test_sniff(head: str, kind: str | None) -> None:
    assert sniff(head.encode("utf-8")) == kind


def test_input_kind_by_content(tmp_path: Path) -> None:
    cases = {
        "a.xml": (fx.KST, "xml"),
        "b.xml": (fx.VLOS, "vlos"),
        "c.html": (fx.HTML, "html"),
        "d.xml": (fx.HTML, "html"),  # the content decides
        "e.pdf": (fx.KST, "xml"),
        "f.txt": ("gewone tekst", "text"),
        "g.xml": ("<rss/>", "xml"),  # its reader says what is wrong
        "renamed.xml": (fx.METADATA, None),
        "metadata.xml": (fx.METADATA, None),
    }
    for name, (content, _) in cases.items():
        (tmp_path / name).write_text(content, encoding="utf-8")
    assert {n: input_kind(tmp_path / n) for n in cases} == {n: k for n, (_, k) in cases.items()}
    assert is_metadata_file(tmp_path / "renamed.xml")


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (b"<officiele-publicatie><al>open", "malformed_xml"),
        (b"<?xml version='1.0'?><rss><item/></rss>", "unsupported_xml"),
        (b"   ", "empty"),
        (b'<!DOCTYPE x [<!ENTITY a "aaaa">]><x>&a;</x>', "malformed_xml"),
        (b"<officiele-publicatie><kamerstuk/></officiele-publicatie>", "no_body_text"),
    ],
)
def test_bad_xml_is_an_extraction_error(data: bytes, code: str) -> None:
    with pytest.raises(ExtractionError) as err:
        read_official_bytes(data, "xml")
    assert err.value.kind == code
