"""Which files are inputs and what they are: one rule for api, batch and cli.

A file's kind comes from its content where the suffix alone cannot tell: ``.xml``,
``.html`` (and a ``.pdf`` or ``.txt`` that is really one of those) are sniffed by
their first element — ``officiele-publicatie`` (official XML), ``vlosCoreDocument``
(VLOS debate XML), ``html`` (an officielebekendmakingen page) — and the
``metadata.xml`` that sits beside a publication (``metadata_gegevens``) is never a
document. An ``.xml`` file whose root is none of these is still an input: it becomes
an error line (``malformed_xml`` or ``unsupported_xml``), never a crash.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Literal

TEXT_SUFFIXES = frozenset({".txt", ".text"})
PDF_SUFFIXES = frozenset({".pdf"})
XML_SUFFIXES = frozenset({".xml"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
INPUT_SUFFIXES = TEXT_SUFFIXES | PDF_SUFFIXES | XML_SUFFIXES | HTML_SUFFIXES

#: what a record's ``source.format`` says
InputKind = Literal["text", "pdf", "xml", "vlos", "html"]
#: the root element of the metadata file beside a publication (never a document)
METADATA_ROOT = "metadata_gegevens"
METADATA_NAME = "metadata.xml"

_SNIFF_BYTES = 4096
_FIRST_ELEMENT = re.compile(r"<(?![?!])([A-Za-z_][\w.:-]*)")
_ROOTS: dict[str, InputKind] = {
    "officiele-publicatie": "xml",
    "vloscoredocument": "vlos",
    "html": "html",
}


_MARKUP_KINDS: dict[str, InputKind] = {"xml": "xml", "vlos": "vlos", "html": "html"}


def sniff(head: bytes) -> str | None:
    """The kind the first bytes of a file show: ``pdf``, ``xml``, ``vlos``, ``html``,
    ``metadata`` or ``xml?`` (some other XML); None when they show none of these."""
    if head.lstrip()[:5] == b"%PDF-":
        return "pdf"
    text = _decode(head)
    stripped = text.lstrip("\ufeff \t\r\n")
    if not stripped.startswith("<"):
        return None
    body = re.sub(r"<!--.*?-->", "", stripped, flags=re.S)
    m = _FIRST_ELEMENT.search(body)
    if m is None:
        return "html" if body[:200].lower().startswith("<!doctype html") else "xml?"
    root = m.group(1).rsplit(":", 1)[-1].lower()
    if root == METADATA_ROOT:
        return "metadata"
    return _ROOTS.get(root, "xml?")


def _decode(head: bytes) -> str:
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return head.decode("utf-16", errors="replace")
    return head.decode("utf-8", errors="replace")


def sniff_file(path: str | Path) -> str | None:
    """:func:`sniff` of a file's first bytes (None when it cannot be read)."""
    try:
        with open(path, "rb") as fh:
            return sniff(fh.read(_SNIFF_BYTES))
    except OSError:
        return None


def is_metadata_file(path: str | Path) -> bool:
    """The ``metadata.xml`` beside a publication: by name, or by its root element."""
    p = Path(path)
    if p.name.lower() == METADATA_NAME:
        return True
    return p.suffix.lower() in XML_SUFFIXES and sniff_file(p) == "metadata"


def input_kind(path: str | Path) -> InputKind | None:
    """What ``path`` is read as: ``text`` (.txt/.text), ``pdf``, ``xml`` (official XML),
    ``vlos``, ``html``; None for files that are no input (other suffixes, ``metadata.xml``).

    ``.pdf``/``.txt`` files keep their kind unless their content is official XML, VLOS
    or HTML; an ``.xml`` of another kind is ``xml`` (its reader reports what is wrong).
    """
    p = Path(path)
    suffix = p.suffix.lower()
    if suffix not in INPUT_SUFFIXES:
        return None
    if is_metadata_file(p):
        return None
    marked = _MARKUP_KINDS.get(sniff_file(p) or "")
    if marked is not None:
        return marked
    if suffix in TEXT_SUFFIXES:
        return "text"
    if suffix in PDF_SUFFIXES:
        return "pdf"
    return "html" if suffix in HTML_SUFFIXES else "xml"


def is_text_file(path: str | Path) -> bool:
    """Whether ``path`` is read as plain text."""
    return input_kind(path) == "text"
