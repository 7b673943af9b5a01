"""officielebekendmakingen XML (the ``officiele-publicatie`` schema) → RepairedText.

Kamerstukken (``kst-…``: ``kamerstukkop``, ``dossier``, ``stuk``), Kamervragen in the
Aanhangsel (``ah-tk-…``: ``kamervraagkop``, ``vraag``/``antwoord`` with their ``nr``)
and Handelingen (``h-tk-…``: ``agendapunt``, ``spreekbeurt``/``spreker``, ``motie``).
Block elements become paragraphs (``al`` a paragraph, ``tussenkop``/``titel`` a
heading, ``li`` a list item, ``tekstregel`` the head, ``ondertekening`` a signature);
``noot`` becomes a footnote linked to where it stood; ``extref`` and ``<datum
isodatum>`` become evidence. Element names are matched case-insensitively and without
namespace (scraped copies lower-case and re-indent them).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from kamer_nlp.contracts import DocumentMeta
from kamer_nlp.lang.dates import parse_date, parse_iso
from kamer_nlp.repair.text import RepairedText

from .metadata import OFFICIAL_ID, Pairs, apply_pairs, from_id, kamer_of, vergaderjaar
from .speakers import Speaker, merge, parse_label, role_of_words
from .writer import DocWriter, Piece

ROOT = "officiele-publicatie"

#: elements whose text is no part of the document
_SKIP = frozenset({"metadata", "meta", "kamernummer"})
#: inline elements that mark evidence or notes; every other inline element is plain text
_HEADINGS = frozenset({"tussenkop", "kop", "titel", "item-titel", "kamervraagnummer"})
_PARAGRAPHS = frozenset({"al", "kamervraagomschrijving", "slotformulering", "aanhef", "datumtekst"})
_HEAD = frozenset({"tekstregel", "vergadering-nummer", "vergaderdatum", "vergadertijd"})
_SIGNATURES = frozenset({"ondertekening"})


def local(tag: object) -> str:
    """An element's name without namespace, lower-cased."""
    name = tag if isinstance(tag, str) else ""
    return name.rsplit("}", 1)[-1].lower()


def _attr(el: ET.Element, name: str) -> str | None:
    for key, value in el.attrib.items():
        if local(key) == name:
            return value
    return None


class PublicationReader:
    """One walk over an ``officiele-publicatie`` tree."""

    def __init__(self, root: ET.Element) -> None:
        self.root = root
        self.w = DocWriter()
        self.meta = DocumentMeta()
        self.in_turn = 0
        self.notes = 0
        self.kind = ""  # kamerstuk | kamervragen | handelingen | …

    # -- inline ---------------------------------------------------------------------------
    def inline(self, el: ET.Element) -> list[Piece]:
        """The pieces of an element's content: text, evidence marks, note marks."""
        pieces: list[Piece] = [el.text or ""]
        for child in el:
            name = local(child.tag)
            if name == "noot":
                pieces.append(self.note(child))
            elif name == "br":
                pieces.append(" ")
            elif name == "extref" and (_attr(child, "doc") or _attr(child, "href")):
                value = _attr(child, "doc") or _attr(child, "href") or ""
                opened, closed = self.w.evidence_marks("reference", value)
                pieces += [opened, *self.inline(child), closed]
            elif name == "datum" and _attr(child, "isodatum"):
                opened, closed = self.w.evidence_marks("date", _attr(child, "isodatum") or "")
                pieces += [opened, *self.inline(child), closed]
            elif name not in _SKIP:
                pieces += self.inline(child)
            pieces.append(child.tail or "")
        return pieces

    def note(self, el: ET.Element) -> Piece:
        self.notes += 1
        label = str(self.notes)
        body: list[Piece] = []
        for child in el:
            name = local(child.tag)
            if name in ("noot.nr", "nootnr"):
                label = " ".join("".join(child.itertext()).split()) or label
            else:
                body += [" ", *self.inline(child), " "]
        if not body:
            body = [el.text or ""]
        return self.w.note(label, body)

    # -- blocks ---------------------------------------------------------------------------
    def block(self, el: ET.Element, parent: str = "") -> None:
        name = local(el.tag)
        if name in _SKIP:
            return
        if name == "spreker":
            return  # written by the turn that holds it
        if any(local(c.tag) == "spreker" for c in el):
            self.turn(el)
            return
        if name == "nr":
            if parent in ("vraag", "antwoord"):
                self.w.paragraph("heading", self.inline(el))
            return
        if name in _HEAD:
            self.head_line(el, name)
            return
        if name in _HEADINGS:
            self.w.paragraph("heading", self.inline(el))
            return
        if name == "li":
            self.w.paragraph("list_item", self.inline(el))
            return
        if name in _SIGNATURES:
            self.w.lines("signature", [self.inline(c) for c in el] or [self.inline(el)])
            return
        if name == "dossier":
            self.dossier(el)
            return
        if name == "stuk":
            self.stuk(el)
            return
        if name in _PARAGRAPHS or not len(el):
            self.w.paragraph("paragraph", self.inline(el))
            return
        if (
            name == "al-groep"
            and parent == "tekst"
            and self.kind == "kamerstuk"
            and self.signature_group(el)
        ):
            self.w.lines("signature", [self.inline(c) for c in el])
            return
        if name == "tekst" and parent == "agendapunt" and self.w.turns and not self.in_turn:
            # text after a speaker's turn but outside any: the chair's (as printed)
            self.w.open_turn("voorzitter", "chair", source="implied")
            self.children(el)
            self.w.close_turn()
            return
        self.children(el)

    def children(self, el: ET.Element) -> None:
        for child in el:
            self.block(child, local(el.tag))

    def head_line(self, el: ET.Element, name: str) -> None:
        text = " ".join("".join(el.itertext()).split())
        if name == "tekstregel":
            role = (_attr(el, "inhoud") or "").lower()
            if role == "kamernummer":
                self.meta.kamer = self.meta.kamer or kamer_of(text)
                return
            if role == "vergaderjaar":
                self.meta.vergaderjaar = self.meta.vergaderjaar or vergaderjaar(text)
            if role == "kameraanduiding":
                self.meta.kamer = self.meta.kamer or kamer_of(text)
        if name == "vergaderdatum" and self.meta.date is None:
            found = parse_date(text)
            if found is not None:
                self.meta.set_date(found)
        self.w.paragraph("head", self.inline(el))

    def dossier(self, el: ET.Element) -> None:
        number = el.find(".//dossiernr")
        if number is None:
            number = next((c for c in el.iter() if local(c.tag) == "dossiernr"), None)
        title = next((c for c in el if local(c.tag) == "titel"), None)
        toevoeging = next((c for c in el.iter() if local(c.tag) == "toevoeging"), None)
        if number is not None:
            self.meta.dossier = "".join("".join(number.itertext()).split())
        if toevoeging is not None:
            self.meta.toevoeging = " ".join("".join(toevoeging.itertext()).split()) or None
        if title is not None:
            self.meta.title = " ".join("".join(title.itertext()).split()) or None
        pieces: list[Piece] = []
        for child in el:
            if local(child.tag) in ("dossiernummer", "titel"):
                pieces += [*self.inline(child), " "]
        self.w.paragraph("heading", pieces)

    def stuk(self, el: ET.Element) -> None:
        head: list[Piece] = []
        rest: list[ET.Element] = []
        for child in el:
            name = local(child.tag)
            if name == "stuknr":
                number = next((c for c in child.iter() if local(c.tag) == "ondernummer"), None)
                if number is not None:
                    self.meta.ondernummer = " ".join("".join(number.itertext()).split())
                head += [*self.inline(child), " "]
            elif name == "titel" and not rest:
                heading = " ".join("".join(child.itertext()).split())
                self.meta.heading = heading or None
                if heading and not self.meta.doc_type:
                    self.meta.doc_type = heading.split()[0].lower()
                head += [*self.inline(child), " "]
            else:
                rest.append(child)
        if head:
            self.w.paragraph("heading", head)
        for child in rest:
            if local(child.tag) == "datumtekst":
                self.date_of(child)
                self.w.paragraph("field", self.inline(child))
            else:
                self.block(child, "stuk")

    def date_of(self, el: ET.Element) -> None:
        if self.meta.date is not None:
            return
        for child in el.iter():
            if local(child.tag) == "datum" and _attr(child, "isodatum"):
                found = parse_iso(_attr(child, "isodatum") or "")
                if found is not None:
                    self.meta.set_date(found)
                    return

    @staticmethod
    def signature_group(el: ET.Element) -> bool:
        """An ``al-groep`` of short names closing a motion ("Inge van Dijk" / "Grinwis")."""
        lines = [" ".join("".join(c.itertext()).split()) for c in el]
        return (
            bool(lines)
            and all(0 < len(x) <= 60 and x[-1] not in ".,;:?!" for x in lines)
            and all(local(c.tag) == "al" for c in el)
        )

    # -- turns ----------------------------------------------------------------------------
    def turn(self, el: ET.Element) -> None:
        spreker = next(c for c in el if local(c.tag) == "spreker")
        self.w.open_speaker_turn(self.speaker(spreker))
        self.in_turn += 1
        self.w.paragraph("speaker", self.inline(spreker), speaker_label=True)
        for child in el:
            if child is not spreker:
                self.block(child, local(el.tag))
        self.in_turn -= 1
        self.w.close_turn()

    @staticmethod
    def speaker(spreker: ET.Element) -> Speaker:
        def part(name: str) -> str:
            found = next((c for c in spreker.iter() if local(c.tag) == name), None)
            return " ".join("".join(found.itertext()).split()) if found is not None else ""

        prefix, surname = part("voorvoegsels"), part("achternaam") or part("naam")
        first = part("voornaam")
        party = part("politiek") or None
        function = part("functie") or None
        label = parse_label(" ".join("".join(spreker.itertext()).split()))
        if surname.lower() == "voorzitter":
            markup: Speaker | None = Speaker("voorzitter", "chair")
        elif surname:
            role = role_of_words(function or "") or role_of_words(prefix) or "other"
            name = " ".join(x for x in (first, surname) if x)
            markup = Speaker(name, role, party=party, function=function)
        else:
            markup = None
        return merge(markup, label)

    # -- the document ---------------------------------------------------------------------
    def read(self, pairs: Pairs, *, fallback_id: str | None = None) -> RepairedText:
        body = next((c for c in self.root if local(c.tag) != "metadata"), None)
        kind = self.kind = local(body.tag) if body is not None else ""
        for meta_el in self.root.iter():
            if local(meta_el.tag) == "meta" and (_attr(meta_el, "name") or "").endswith(
                "externMetadataRecord"
            ):
                found = OFFICIAL_ID.search(_attr(meta_el, "content") or "")
                if found:
                    self.meta.id = found.group(1)
        if kind == "kamervragen":
            self.meta.doc_type = "aanhangsel"
            lines = [e for e in self.root.iter() if local(e.tag) == "kamervraagomschrijving"]
            # the answer's date is the document's (the questions' date is "ingezonden")
            for el in sorted(lines, key=lambda e: (_attr(e, "type") or "") != "antwoord"):
                self.date_of(el)
            for el in self.root.iter():
                if local(el.tag) == "kamervraagonderwerp" and not self.meta.subject:
                    self.meta.subject = " ".join("".join(el.itertext()).split()) or None
        elif kind == "handelingen":
            self.meta.doc_type = "handelingen"
            titel = next((e for e in self.root.iter() if local(e.tag) == "item-titel"), None)
            if titel is not None:
                self.meta.title = " ".join("".join(titel.itertext()).split()) or None
        if body is not None:
            self.children(body)
            if kind == "kamerstuk":  # a letter's date: "Den Haag, <datum isodatum=…>"
                self.date_of(body)
        if self.meta.id is None and fallback_id and OFFICIAL_ID.fullmatch(fallback_id):
            self.meta.id = fallback_id
        if self.meta.id:
            from_id(self.meta, self.meta.id)
        apply_pairs(self.meta, pairs)
        return self.w.finish(self.meta, layout="kamerstuk")


def read_publication(
    root: ET.Element, pairs: Pairs | None = None, path: Path | None = None
) -> RepairedText:
    """The RepairedText of a parsed ``officiele-publicatie`` (``pairs``: its metadata.xml)."""
    return PublicationReader(root).read(pairs or {}, fallback_id=path.stem if path else None)
