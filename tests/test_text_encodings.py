"""Plain-text inputs in UTF-16 / UTF-32 are read, real binary files are still refused.

Issue #13: a UTF-16 .txt (as Windows Notepad and Word save "Unicode text") was
rejected as binary because of its NUL bytes.
"""

from __future__ import annotations

import codecs
import random
import zlib
from pathlib import Path

import pytest

from kamer_nlp.api import annotate_file, read_text_file
from kamer_nlp.errors import ExtractionError
from kamer_nlp.extract.textfile import decode_text_bytes, sniff_utf16
from tests.letters import LETTER

# Dutch letters, a euro sign, curly quotes, a dash and a character outside the BMP
# (a surrogate pair in UTF-16)
TEXT = (
    "Geachte Voorzitter,\r\n\r\nHierbij ontvangt u de reactie op de “motie-Omtzigt” "
    "over de Groningse compensatieregeling — café, reünie, € 12,50 en 𝔅.\r\n"
)
WITH_BOM = [
    ("utf-16-le", codecs.BOM_UTF16_LE),
    ("utf-16-be", codecs.BOM_UTF16_BE),
    ("utf-32-le", codecs.BOM_UTF32_LE),
    ("utf-32-be", codecs.BOM_UTF32_BE),
    ("utf-8", codecs.BOM_UTF8),
]


def write(tmp_path: Path, data: bytes, name: str = "brief.txt") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(("encoding", "bom"), WITH_BOM, ids=[e for e, _ in WITH_BOM])
def test_unicode_with_a_bom(tmp_path: Path, encoding: str, bom: bytes) -> None:
    path = write(tmp_path, bom + TEXT.encode(encoding))
    assert read_text_file(path) == TEXT  # the BOM is not part of the text


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_bom(tmp_path: Path, encoding: str) -> None:
    data = TEXT.encode(encoding)
    assert sniff_utf16(data) == encoding
    assert read_text_file(write(tmp_path, data)) == TEXT


def test_python_utf16_codec_output(tmp_path: Path) -> None:
    """``str.encode("utf-16")``: a BOM in the machine's byte order."""
    path = write(tmp_path, TEXT.encode("utf-16"))
    assert read_text_file(path) == TEXT


def test_utf8_and_windows_1252_as_before(tmp_path: Path) -> None:
    assert read_text_file(write(tmp_path, TEXT.encode("utf-8"), "a.txt")) == TEXT
    cp = "Geachte Voorzitter, café – reünie € 5\n"
    assert read_text_file(write(tmp_path, cp.encode("cp1252"), "b.txt")) == cp


def test_utf16_file_annotates_like_utf8(tmp_path: Path) -> None:
    utf8 = annotate_file(write(tmp_path, LETTER.encode("utf-8"), "a.txt"), doc_id="brief")
    utf16 = annotate_file(
        write(tmp_path, codecs.BOM_UTF16_LE + LETTER.encode("utf-16-le"), "b.txt"), doc_id="brief"
    )
    assert utf16["text"] == utf8["text"]
    assert [(s["start"], s["end"], s["label"]) for s in utf16["spans"]] == [
        (s["start"], s["end"], s["label"]) for s in utf8["spans"]
    ]


def binaries() -> dict[str, bytes]:
    rng = random.Random(13)
    noise = rng.randbytes(6000)
    return {
        "random bytes": noise,
        "png": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + noise[:500],
        "zip": b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + zlib.compress(noise),
        "nul padding": b"\x00" * 2048 + b"tekst" + b"\x00" * 2048,
        "utf-16 bom then noise": codecs.BOM_UTF16_LE + noise,
        "utf-32 bom then noise": codecs.BOM_UTF32_LE + noise[:4000],
        # every other byte NUL, but the "text" is control characters: little-endian uint16s
        "small uint16 table": bytes(b for i in range(3000) for b in (i % 31, 0)),
        "utf-16 bom, odd length": codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le") + b"x",
    }


@pytest.mark.parametrize("name", list(binaries()))
def test_binary_is_still_refused(tmp_path: Path, name: str) -> None:
    with pytest.raises(ExtractionError) as info:
        read_text_file(write(tmp_path, binaries()[name]))
    assert info.value.kind == "not_text"


@pytest.mark.parametrize(
    "data",
    [b"", b" \n\t", codecs.BOM_UTF16_LE, codecs.BOM_UTF16_LE + " \r\n".encode("utf-16-le")],
    ids=["nothing", "white space", "bom only", "utf-16 white space"],
)
def test_empty_files(data: bytes) -> None:
    with pytest.raises(ExtractionError) as info:
        decode_text_bytes(data)
    assert info.value.kind == "empty"


def test_a_few_nuls_in_ascii_text_are_not_utf16() -> None:
    data = b"Geachte Voorzitter,\x00 hierbij de brief.\n" * 20
    assert sniff_utf16(data) is None
    with pytest.raises(ExtractionError):
        decode_text_bytes(data)
