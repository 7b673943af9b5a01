"""officielebekendmakingen HTML → RepairedText (the standard library's ``html.parser``).

The publication's text is the ``<div id="broodtekst">`` (the whole ``<body>`` when a page
has none); ``<h1>``–``<h6>`` become headings (the Kamervragen' ``…omschrijving_kop``
lines paragraphs, as in the XML), ``<p>`` paragraphs, ``<li>`` list items. A link to
another publication (``<a href="stb-2020-118.html">``) is kept as reference evidence. The
``<meta name=… content=…>`` elements of the head are the same metadata as
``metadata.xml`` (:mod:`.metadata`). Footnotes are not linked for HTML input (the XML
is the preferred form of a publication: see the batch's alternates).
"""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import PurePosixPath

from kamer_nlp.contracts import DocumentMeta
from kamer_nlp.repair.text import RepairedText

from .metadata import OFFICIAL_ID, Pairs, apply_pairs, from_id, scheme_pairs
from .writer import DocWriter, Mark, Piece

_BLOCKS = {
    "p": "paragraph",
    "li": "list_item",
    "td": "paragraph",
    "th": "paragraph",
    "dd": "paragraph",
    "dt": "paragraph",
    "pre": "paragraph",
    **{f"h{n}": "heading" for n in range(1, 7)},
}
_SKIP = frozenset({"head", "script", "style", "title", "noscript", "template"})
_SKIP_IDS = frozenset({"kopregel", "inhoudsopgave", "voetregel"})
_VOID = frozenset({"br", "img", "meta", "link", "hr", "input", "wbr", "col", "area", "base"})


class _Reader(HTMLParser):
    def __init__(self, *, body_id: str | None) -> None:
        super().__init__(convert_charrefs=True)
        self.body_id = body_id
        self.w = DocWriter()
        self.metas: list[tuple[str | None, str | None, str | None]] = []
        self.stack: list[tuple[str, bool, Mark | None]] = []  # tag, opens a region, close mark
        self.skip = 0  # depth inside skipped regions
        self.inside = 0 if body_id else 1  # depth inside the text region
        self.block: tuple[str, list[Piece]] | None = None
        self.found_region = body_id is None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "meta":
            self.metas.append((a.get("name"), a.get("scheme"), a.get("content")))
            return
        if tag == "br":
            self._text(" ")
            return
        if tag in _VOID:
            return
        skip = tag in _SKIP or a.get("id") in _SKIP_IDS
        region = self.body_id is not None and a.get("id") == self.body_id
        close: Mark | None = None
        if tag in _BLOCKS and not self.skip and self.inside:
            self._flush()
            kind = _BLOCKS[tag]
            if kind == "heading" and "omschrijving" in (a.get("class") or ""):
                kind = "paragraph"
            self.block = (kind, [])
        elif tag == "a" and self.block is not None and not self.skip:
            target = PurePosixPath((a.get("href") or "").split("#", 1)[0]).stem
            if target and OFFICIAL_ID.fullmatch(target):
                opened, close = self.w.evidence_marks("reference", target)
                self.block[1].append(opened)
        if skip:
            self.skip += 1
        if region:
            self.inside += 1
            self.found_region = True
        self.stack.append((f"{tag}#region" if region else tag, skip, close))

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID:
            return
        # close up to the matching open tag (HTML may leave some unclosed)
        for n in range(len(self.stack) - 1, -1, -1):
            if self.stack[n][0].split("#", 1)[0] == tag:
                for name, skip, close in reversed(self.stack[n:]):
                    self._close(name, skip, close)
                del self.stack[n:]
                return

    def _close(self, name: str, skip: bool, close: Mark | None) -> None:
        tag = name.split("#", 1)[0]
        if close is not None and self.block is not None:
            self.block[1].append(close)
        if tag in _BLOCKS and not self.skip and self.inside:
            self._flush()
        if skip:
            self.skip -= 1
        if name.endswith("#region"):
            self._flush()
            self.inside -= 1

    def handle_data(self, data: str) -> None:
        self._text(data)

    def _text(self, data: str) -> None:
        if self.skip or not self.inside:
            return
        if self.block is None:
            if not data.strip():
                return
            self.block = ("paragraph", [])
        self.block[1].append(data)

    def _flush(self) -> None:
        if self.block is not None:
            kind, pieces = self.block
            self.block = None
            self.w.paragraph(kind, pieces)


def read_html(
    source: str, pairs: Pairs | None = None, *, fallback_id: str | None = None
) -> RepairedText:
    """The RepairedText of an officielebekendmakingen HTML page."""
    reader = _Reader(body_id="broodtekst")
    reader.feed(source)
    reader.close()
    reader._flush()
    if not reader.found_region or not len(reader.w.builder):
        reader = _Reader(body_id=None)
        reader.feed(source)
        reader.close()
        reader._flush()
    meta = DocumentMeta()
    apply_pairs(meta, scheme_pairs(reader.metas))
    apply_pairs(meta, pairs or {})
    if meta.id is None and fallback_id and OFFICIAL_ID.fullmatch(fallback_id):
        meta.id = fallback_id
        from_id(meta, fallback_id)
    return reader.w.finish(meta, layout="kamerstuk")
