"""The labelled documents of the reference corpus, their text, and the fixed split.

The corpus (``../shared/corpus`` beside the repository, read-only) is never copied into
the repository; labels point into it by anchors. Where it is absent (a user's machine),
:func:`corpus_root` returns ``None`` and everything that needs it skips.

Documents and source groups (issue #11):

| group | documents | doc id |
|---|---|---|
| ``modern_letters`` | ``letters/*.pdf``, ``seed/kst-31015-136.txt``, ``officielebekendmakingen/*/*.pdf`` (those with a text layer), ``motions/*.pdf`` | the path in the corpus |
| ``besluitenlijsten`` | ``besluitenlijsten/*.pdf`` | the path |
| ``older_letters`` | each line of ``sgd/minister-letters-dev.jsonl`` | ``sgd-<id>`` |
| ``debates`` | ``handelingen/*.xml``, ``debates/*.xml`` | the path |

The document text that anchors point into is the product's own repaired text: for PDFs and
``.txt`` files what ``kamer-nlp annotate`` gives as ``record["text"]``
(:func:`kamer_nlp.api.repair_pdf`, or the text-file reader and
:func:`kamer_nlp.api.repair_text`), for the older letters their JSON ``text`` through the
plain-text path, and for the debates the temporary reader of
:mod:`kamer_nlp.evaluation.debates`.

The held-out split is fixed by issue #11: the ``sgd`` letters whose id ends in 0, 3 or 7,
``handelingen/h-tk-20172018-70-9.xml``, the VLOS debate and
``letters/Kamerbrief_innovatie_missie.pdf``. Never train or tune on them.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Literal

__all__ = [
    "CORPUS_ENV",
    "GROUPS",
    "HELDOUT_DOCS",
    "CorpusDoc",
    "corpus_root",
    "document_text",
    "documents",
    "find_document",
    "split_of",
]

CORPUS_ENV = "KAMER_NLP_CORPUS"
GROUPS = ("modern_letters", "besluitenlijsten", "older_letters", "debates")
HELDOUT_DOCS = frozenset(
    {
        "handelingen/h-tk-20172018-70-9.xml",
        "debates/vlos-2014-10-15.xml",
        "letters/Kamerbrief_innovatie_missie.pdf",
    }
)
HELDOUT_SGD_ENDINGS = ("0", "3", "7")
SGD_FILE = "sgd/minister-letters-dev.jsonl"
SGD_PREFIX = "sgd-"

Split = Literal["train", "heldout"]


def split_of(doc_id: str) -> Split:
    """``"heldout"`` for the documents issue #11 holds out, ``"train"`` for all others."""
    if doc_id in HELDOUT_DOCS:
        return "heldout"
    if doc_id.startswith(SGD_PREFIX) and doc_id.endswith(HELDOUT_SGD_ENDINGS):
        return "heldout"
    return "train"


NO_CORPUS = "error: no reference corpus found (../shared/corpus, $KAMER_NLP_CORPUS or --corpus)"


def corpus_root_or_say(root: str | Path | None = None) -> Path | None:
    """:func:`corpus_root`, saying on stderr why there is none (for the module commands)."""
    found = corpus_root(root)
    if found is None:
        print(NO_CORPUS, file=sys.stderr)
    return found


def corpus_root(root: str | Path | None = None) -> Path | None:
    """The corpus folder: ``root`` if given, else ``$KAMER_NLP_CORPUS``, else
    ``../shared/corpus`` beside the repository this package is in, else beside the
    working directory; ``None`` when none of them is a folder."""
    if root is not None:
        path = Path(root)
        return path if path.is_dir() else None
    candidates: list[Path] = []
    if os.environ.get(CORPUS_ENV):
        candidates.append(Path(os.environ[CORPUS_ENV]))
    repo = Path(__file__).resolve().parent.parent.parent  # kamer_nlp/evaluation → repo
    candidates += [repo.parent / "shared" / "corpus", Path.cwd().parent / "shared" / "corpus"]
    return next((c for c in candidates if c.is_dir()), None)


@dataclass(frozen=True)
class CorpusDoc:
    doc_id: str
    group: str
    kind: Literal["pdf", "txt", "sgd", "debate"]
    path: Path  # the file (for ``sgd``: the JSONL file)
    sgd_id: str | None = None

    @property
    def split(self) -> Split:
        return split_of(self.doc_id)


def _files(root: Path, pattern: str) -> list[Path]:
    return sorted(root.glob(pattern))


def documents(root: Path) -> Iterator[CorpusDoc]:
    """Every candidate document, in a fixed order (group, then doc id). PDFs without a text
    layer are listed; :func:`document_text` raises ``ExtractionError`` for them."""

    def rel(p: Path) -> str:
        return p.relative_to(root).as_posix()

    modern = [
        *_files(root, "letters/*.pdf"),
        *_files(root, "seed/*.txt"),
        *_files(root, "officielebekendmakingen/*/*.pdf"),
        *_files(root, "motions/*.pdf"),
    ]
    for p in modern:
        yield CorpusDoc(rel(p), "modern_letters", "txt" if p.suffix == ".txt" else "pdf", p)
    for p in _files(root, "besluitenlijsten/*.pdf"):
        yield CorpusDoc(rel(p), "besluitenlijsten", "pdf", p)
    sgd = root / SGD_FILE
    if sgd.is_file():
        with open(sgd, encoding="utf-8") as fh:
            ids = [str(json.loads(line)["id"]) for line in fh if line.strip()]
        for sid in ids:
            yield CorpusDoc(SGD_PREFIX + sid, "older_letters", "sgd", sgd, sgd_id=sid)
    for p in [*_files(root, "handelingen/*.xml"), *_files(root, "debates/*.xml")]:
        yield CorpusDoc(rel(p), "debates", "debate", p)


def find_document(root: Path, doc_id: str) -> CorpusDoc:
    for doc in documents(root):
        if doc.doc_id == doc_id:
            return doc
    raise KeyError(f"no document {doc_id!r} in {root}")


@lru_cache(maxsize=4)
def _sgd_texts(path: Path) -> dict[str, str]:
    with open(path, encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh if line.strip()]
    return {str(r["id"]): str(r["text"]) for r in rows}


@lru_cache(maxsize=32)
def document_text(doc: CorpusDoc) -> str:
    """The text anchors point into (see the module doc). Raises ``ExtractionError`` for a
    document the product cannot read (a PDF without a text layer)."""
    from kamer_nlp import api

    if doc.kind == "pdf":
        return api.repair_pdf(doc.path).text
    if doc.kind == "txt":
        return api.repair_text(api.read_text_file(doc.path)).text
    if doc.kind == "sgd":
        assert doc.sgd_id is not None
        return api.repair_text(_sgd_texts(doc.path)[doc.sgd_id]).text
    # debates: the product's own reader of official and VLOS XML (issue #15); the labels were
    # anchored on the temporary reader's text and re-anchor by their normalised hash
    return api.repair_file(doc.path)[0].text
