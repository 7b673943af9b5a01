"""The Tweede Kamer's VLOS debate XML (``vlosCoreDocument``) → RepairedText with turns.

A meeting (``vergadering``) holds activities (``activiteit``: a debate, a vote) whose
parts hold speaker turns: ``woordvoerder`` and, nested in it, ``interrumpant`` — each a
``spreker`` (``soort`` Tweede Kamerlid / Minister / Staatssecretaris, ``fractie``,
``functie``, ``verslagnaam``), ``isvoorzitter`` and a ``tekst`` of ``alinea`` /
``alineaitem``. The first item of a turn's text is its printed label ("De heer
Pechtold (D66):"), kept in the text as the turn's ``speaker`` paragraph. Speaker lists
(``sprekers``), times and ids are not text.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from kamer_nlp.contracts import DocumentMeta
from kamer_nlp.lang.dates import parse_iso
from kamer_nlp.repair.text import RepairedText

from .metadata import kamer_of, vergaderjaar
from .publication import local
from .speakers import Speaker, merge, parse_label, role_of_words
from .writer import DocWriter, Piece

ROOT = "vloscoredocument"
_TURNS = frozenset({"woordvoerder", "interrumpant"})
_SKIP = frozenset(
    {
        "sprekers",
        "spreker",
        "markeertijdbegin",
        "markeertijdeind",
        "aanvangstijd",
        "eindtijd",
        "sluiting",
        "isvoorzitter",
        "isdraad",
        "parlisid",
        "zaken",
        "voortzetting",
        "zaal",
        "vergaderjaar",
        "vergaderingnummer",
        "datum",
        "titel",
        "onderwerp",
    }
)


def _text(el: ET.Element | None) -> str:
    return "" if el is None else " ".join("".join(el.itertext()).split())


def _child(el: ET.Element, name: str) -> ET.Element | None:
    return next((c for c in el if local(c.tag) == name), None)


class VlosReader:
    def __init__(self, root: ET.Element) -> None:
        self.root = root
        self.w = DocWriter()

    def inline(self, el: ET.Element) -> list[Piece]:
        pieces: list[Piece] = [el.text or ""]
        for child in el:
            pieces += self.inline(child)
            pieces.append(child.tail or "")
        return pieces

    def tekst(self, el: ET.Element, *, label_first: bool = False) -> None:
        first = label_first
        for item in el.iter():
            if local(item.tag) == "alineaitem":
                pieces = self.inline(item)
                if first:
                    first = False
                    label = " ".join("".join(p for p in pieces if isinstance(p, str)).split())
                    if parse_label(label) is not None or label.endswith(":"):
                        self.w.paragraph("speaker", pieces, speaker_label=True)
                        continue
                self.w.paragraph("paragraph", pieces)

    def walk(self, el: ET.Element) -> None:
        name = local(el.tag)
        if name in _TURNS:
            self.turn(el)
            return
        if name == "tekst":
            self.tekst(el)
            return
        if name == "activiteit":
            heading = _text(_child(el, "onderwerp")) or _text(_child(el, "titel"))
            if heading:
                self.w.paragraph("heading", [heading])
        if name in _SKIP:
            return
        for child in el:
            self.walk(child)

    def turn(self, el: ET.Element) -> None:
        self.w.open_speaker_turn(self.speaker(el))
        for child in el:
            name = local(child.tag)
            if name == "tekst":
                self.tekst(child, label_first=True)
            elif name in _TURNS:
                self.turn(child)
        self.w.close_turn()

    @staticmethod
    def speaker(el: ET.Element) -> Speaker:
        spreker = _child(el, "spreker")
        chair = _text(_child(el, "isvoorzitter")).lower() == "true"
        tekst = _child(el, "tekst")
        first = None
        if tekst is not None:
            first = next((i for i in tekst.iter() if local(i.tag) == "alineaitem"), None)
        label = parse_label(_text(first)) if first is not None else None
        if spreker is None:
            return merge(None, label)
        soort = spreker.get("soort") or ""
        function = _text(_child(spreker, "functie")) or None
        name = _text(_child(spreker, "verslagnaam")) or _text(_child(spreker, "achternaam"))
        party = _text(_child(spreker, "fractie")) or None
        if chair:
            return Speaker(name or "voorzitter", "chair", party=party)
        role = role_of_words(soort) or role_of_words(function or "") or "other"
        if role == "minister" and function and role_of_words(function) == "minister-president":
            role = "minister-president"
        if role == "member":
            function = None
        else:
            party = None
        return merge(Speaker(name, role, party=party, function=function), label)

    def read(self) -> RepairedText:
        meta = DocumentMeta(doc_type="handelingen")
        vergadering = next((e for e in self.root.iter() if local(e.tag) == "vergadering"), None)
        if vergadering is not None:
            meta.kamer = kamer_of(vergadering.get("kamer"))
            meta.vergaderjaar = vergaderjaar(_text(_child(vergadering, "vergaderjaar")))
            date = parse_iso(_text(_child(vergadering, "datum"))[:10])
            if date is not None:
                meta.set_date(date)
            title = _text(_child(vergadering, "titel"))
            meta.title = title or None
            if title:
                self.w.paragraph("head", [title])
            self.walk(vergadering)
        return self.w.finish(meta, layout="other")


def read_vlos(root: ET.Element) -> RepairedText:
    """The RepairedText (with turns) of a parsed VLOS document."""
    return VlosReader(root).read()
