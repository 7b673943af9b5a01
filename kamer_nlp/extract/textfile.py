"""Decode a plain-text input file: UTF-16 / UTF-32 with a BOM, UTF-16 without a BOM
when its NUL bytes show it, else UTF-8 (with or without BOM), else Windows-1252.

A file with NUL bytes that is none of these is binary and refused (``not_text``).
"""

from __future__ import annotations

import codecs
import unicodedata

from kamer_nlp.errors import ExtractionError

SNIFF_BYTES = 4096
# UTF-32 LE's BOM starts with UTF-16 LE's (FF FE): test the longer ones first
BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# how clear the NUL pattern of BOM-less UTF-16 must be: in nearly every code unit of
# text in Latin script one byte is NUL (the high byte), and the other one is not
HIGH_NUL_SHARE = 0.7
LOW_NUL_SHARE = 0.02
# a decoded "text" with more control characters than this is binary after all
MAX_CONTROL_SHARE = 0.01
ALLOWED_CONTROLS = frozenset("\t\n\r\f\v\x1c\x1d\x1e\x85")


def sniff_utf16(data: bytes) -> str | None:
    """``utf-16-le`` / ``utf-16-be`` when every other byte of the start is NUL, else None."""
    head = data[:SNIFF_BYTES]
    head = head[: len(head) - len(head) % 2]
    units = len(head) // 2
    if units < 2:
        return None
    even_nul = head[0::2].count(0) / units
    odd_nul = head[1::2].count(0) / units
    if odd_nul >= HIGH_NUL_SHARE and even_nul <= LOW_NUL_SHARE:
        return "utf-16-le"
    if even_nul >= HIGH_NUL_SHARE and odd_nul <= LOW_NUL_SHARE:
        return "utf-16-be"
    return None


def looks_binary(text: str) -> bool:
    """Whether decoded text holds NULs or more control characters than text has."""
    sample = text[:SNIFF_BYTES]
    if "\x00" in sample:
        return True
    controls = sum(
        1 for ch in sample if ch not in ALLOWED_CONTROLS and unicodedata.category(ch) == "Cc"
    )
    return controls > MAX_CONTROL_SHARE * max(len(sample), 1)


def _decode_unicode(data: bytes, encoding: str, how: str) -> str:
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as e:
        raise ExtractionError(
            "not_text", f"file {how} {encoding.upper()} but does not decode as it ({e.reason})"
        ) from None
    if looks_binary(text):
        raise ExtractionError("not_text", f"file looks binary, not {encoding.upper()} text")
    return text


def decode_text_bytes(data: bytes) -> str:
    """The text of a plain-text file's bytes; raises ExtractionError (``empty``,
    ``not_text``) for an empty or binary file."""
    if not data.strip():
        raise ExtractionError("empty", "file is empty")
    text: str | None = None
    for bom, encoding in BOMS:
        if data.startswith(bom):
            text = _decode_unicode(data[len(bom) :], encoding, "starts with the BOM of")
            break
    else:
        if b"\x00" in data[:SNIFF_BYTES]:
            sniffed = sniff_utf16(data)
            if sniffed is None:
                raise ExtractionError("not_text", "file looks binary, not text")
            text = _decode_unicode(data, sniffed, "looks like")
    if text is None:
        data = data.removeprefix(codecs.BOM_UTF8)
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = data.decode("cp1252", errors="replace")
    if not text.strip():
        raise ExtractionError("empty", "file holds only white space")
    return text
