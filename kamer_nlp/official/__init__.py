"""Official publications as input: officielebekendmakingen XML and HTML, and VLOS XML.

The readers give the same :class:`~kamer_nlp.repair.text.RepairedText` the PDF route
gives (built through :class:`~kamer_nlp.repair.text.TextBuilder`), with the structure
the markup states: paragraphs and headings, footnotes from ``noot`` linked to their
markers, question/answer numbers, :class:`~kamer_nlp.contracts.DocumentMeta` from the
document and the ``metadata.xml`` beside it, speaker turns
(:class:`~kamer_nlp.contracts.Turn`) for debates, and ``extref``/``<datum isodatum>``
as :class:`~kamer_nlp.contracts.Evidence`. No glyphs stand behind this text: records of
these inputs have no boxes and ``pages`` 0.

* :func:`read_official` — a file of kind ``xml``, ``vlos`` or ``html``
  (:func:`kamer_nlp.io.input_kind.input_kind`);
* :mod:`.publication` (``officiele-publicatie``), :mod:`.vlos`, :mod:`.html` — the readers;
* :mod:`.writer` — whitespace normalising and offsets; :mod:`.speakers` — roles;
  :mod:`.metadata` — ``metadata.xml`` and HTML ``<meta>``.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from kamer_nlp.errors import ExtractionError
from kamer_nlp.repair.text import RepairedText

from .html import read_html
from .metadata import metadata_beside
from .publication import ROOT as PUBLICATION_ROOT
from .publication import local, read_publication
from .vlos import ROOT as VLOS_ROOT
from .vlos import read_vlos

__all__ = ["parse_xml", "read_official", "read_official_bytes"]


def parse_xml(data: bytes) -> ET.Element:
    """The root of an XML document; ExtractionError ``malformed_xml`` when it is not
    well-formed. Entity declarations are refused (no entity expansion attacks)."""
    if b"<!ENTITY" in data[:65536].upper():
        raise ExtractionError("malformed_xml", "XML with entity declarations is not read")
    try:
        return ET.fromstring(data)
    except ET.ParseError as err:
        raise ExtractionError("malformed_xml", f"not well-formed XML: {err}") from None


def _decode_html(data: bytes) -> str:
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("utf-8", errors="replace")


def read_official_bytes(
    data: bytes, kind: str, *, path: Path | None = None, with_metadata: bool = True
) -> RepairedText:
    """The RepairedText of official XML (``kind`` ``xml``), VLOS (``vlos``) or HTML."""
    if not data.strip():
        raise ExtractionError("empty", "the file is empty")
    pairs = metadata_beside(path) if path is not None and with_metadata else {}
    if kind == "html":
        rt = read_html(_decode_html(data), pairs, fallback_id=path.stem if path else None)
    else:
        root = parse_xml(data)
        name = local(root.tag)
        if name == PUBLICATION_ROOT:
            rt = read_publication(root, pairs, path)
        elif name == VLOS_ROOT:
            rt = read_vlos(root)
        elif name == "html":
            rt = read_html(_decode_html(data), pairs, fallback_id=path.stem if path else None)
        else:
            raise ExtractionError(
                "unsupported_xml",
                f"XML with root <{root.tag}> is neither official publication XML "
                "(officiele-publicatie) nor VLOS (vlosCoreDocument)",
            )
    if not rt.text.strip():
        raise ExtractionError("no_body_text", "the document holds no text")
    return rt


def read_official(path: str | Path, kind: str, *, max_bytes: int | None = None) -> RepairedText:
    """Read one official XML, VLOS or HTML file (with the ``metadata.xml`` beside it)."""
    p = Path(path)
    try:
        size = p.stat().st_size
        if max_bytes is not None and size > max_bytes:
            raise ExtractionError("too_large", f"{size:,} bytes is above the limit")
        data = p.read_bytes()
    except OSError as err:
        raise ExtractionError("unreadable", err.strerror or str(err)) from None
    return read_official_bytes(data, kind, path=p)
