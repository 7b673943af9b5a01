"""The fixed, document-grouped split of the UD Dutch treebanks.

A sentence's *document* is the part of its ``sent_id`` before the paragraph and sentence
numbers: the text after the last backslash (Alpino ids repeat the document,
``WR-P-P-H-0000000105\\WR-P-P-H-0000000105.p.5.s.4``), cut before ``.p.<n>.s.``:

=====================================================  =========================
``sent_id``                                             document
=====================================================  =========================
``WR-P-P-H-0000000105\\WR-P-P-H-0000000105.p.5.s.4``     ``WR-P-P-H-0000000105``
``WR-P-P-H-0000000055\\WR-P-P-H-0000000055.p.4.s.3.1``   ``WR-P-P-H-0000000055``
``wiki-5716.p.18.s.1``                                  ``wiki-5716``
``WR-P-E-I-0000000001.p.1.s.1_2``                       ``WR-P-E-I-0000000001``
=====================================================  =========================

A sentence of a *test* file (``*-ud-test.conllu``) is **held out** (never trained on)
when ``int(sha1(document).hexdigest(), 16) % 5 == 0``. Every other sentence is training
material; of that, the documents with ``int(sha1("dev:" + document).hexdigest(), 16) % 10
== 0`` are the development part used for early stopping (never the held-out part).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

__all__ = [
    "TREEBANKS",
    "Part",
    "Sentence",
    "document_of",
    "is_dev_document",
    "is_held_out_document",
    "part_of",
    "read_conllu",
    "treebank_files",
]

TREEBANKS = ("nl_alpino", "nl_lassysmall")
HELD_OUT_MODULUS = 5
DEV_MODULUS = 10
_PARAGRAPH = re.compile(r"^(?P<doc>.+?)\.p\.\d+\.s\.")


class Part(StrEnum):
    TRAIN = "train"
    DEV = "dev"
    HELD_OUT = "heldout"


@dataclass(frozen=True)
class Sentence:
    """One CoNLL-U sentence: its id, text and the token lines (10 columns each)."""

    treebank: str
    file: str
    sent_id: str
    text: str
    rows: tuple[tuple[str, ...], ...]

    @property
    def document(self) -> str:
        return document_of(self.sent_id)

    @property
    def is_test_file(self) -> bool:
        return "-ud-test" in self.file


def document_of(sent_id: str) -> str:
    """The document part of a UD Dutch ``sent_id`` (see the module docstring)."""
    tail = sent_id.rsplit("\\", 1)[-1]
    found = _PARAGRAPH.match(tail)
    if found is None:
        raise ValueError(f"unexpected sent_id {sent_id!r}: no '.p.<n>.s.' part")
    return found.group("doc")


def _sha1_int(text: str) -> int:
    return int(hashlib.sha1(text.encode("utf-8")).hexdigest(), 16)


def is_held_out_document(document: str) -> bool:
    return _sha1_int(document) % HELD_OUT_MODULUS == 0


def is_dev_document(document: str) -> bool:
    return _sha1_int("dev:" + document) % DEV_MODULUS == 0


def part_of(sentence: Sentence) -> Part:
    if sentence.is_test_file and is_held_out_document(sentence.document):
        return Part.HELD_OUT
    if is_dev_document(sentence.document):
        return Part.DEV
    return Part.TRAIN


def treebank_files(directory: Path) -> list[Path]:
    """The dev and test ``.conllu`` files of both treebanks (the train files are not used)."""
    files = [directory / f"{tb}-ud-{part}.conllu" for tb in TREEBANKS for part in ("dev", "test")]
    missing = [f.name for f in files if not f.is_file()]
    if missing:
        raise FileNotFoundError(f"{directory}: missing {', '.join(missing)}")
    return files


def read_conllu(path: Path) -> Iterator[Sentence]:
    """The sentences of a CoNLL-U file; multiword-token and empty-node lines are dropped
    (UD Dutch has no multiword tokens; its empty nodes belong to the enhanced graph)."""
    treebank = path.name.split("-ud-")[0]
    sent_id = text = ""
    rows: list[tuple[str, ...]] = []
    for line in [*path.read_text(encoding="utf-8").splitlines(), ""]:
        if not line.strip():
            if rows:
                yield Sentence(treebank, path.name, sent_id, text, tuple(rows))
            sent_id, text, rows = "", "", []
        elif line.startswith("# sent_id"):
            sent_id = line.split("=", 1)[1].strip()
        elif line.startswith("# text"):
            text = line.split("=", 1)[1].strip()
        elif not line.startswith("#"):
            cols = tuple(line.split("\t"))
            if cols[0].isdigit():
                rows.append(cols)
