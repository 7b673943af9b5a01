"""Corpus documents (read-only, ../shared/corpus): every citation found, nothing else.

Skips cleanly where the corpus is absent.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from functools import cache
from pathlib import Path
from typing import Any

import pdfplumber
import pytest

from kamer_nlp.references import find_references

pytestmark = pytest.mark.corpus

EXPECTED = json.loads(Path(__file__).with_name("corpus_expected.json").read_text(encoding="utf-8"))
DOCS = EXPECTED["documents"]


@cache
def _text(path: Path) -> str:
    if path.suffix == ".pdf":
        with pdfplumber.open(path) as pdf:
            return "\n".join(page.extract_text() or "" for page in pdf.pages)
    return path.read_text(encoding="utf-8")


def _located(text: str, expect: list[dict[str, Any]]) -> list[tuple[int, int, str, str | None]]:
    out, pos = [], 0
    for e in expect:
        start = text.find(e["text"], pos)
        assert start >= 0, f"expected citation {e['text']!r} not in the document text"
        out.append((start, start + len(e["text"]), e["type"], e["kb_id"]))
        pos = start + len(e["text"])
    return out


@pytest.mark.parametrize("doc", DOCS, ids=[d["id"] for d in DOCS])
def test_every_citation_found(corpus_dir: Path, doc: dict[str, Any]) -> None:
    text = _text(corpus_dir / doc["path"])
    date = dt.date.fromisoformat(doc["doc_date"]) if doc["doc_date"] else None
    refs = find_references(text, doc_date=date)
    assert [(r.start, r.end, r.type, r.kb_id) for r in refs] == _located(text, doc["expect"])
    dates = [r.date for r in refs if r.type == "letter_by_date"]
    assert dates == [e["date"] for e in doc["expect"] if e["type"] == "letter_by_date"]


def test_seed_footnotes(corpus_dir: Path) -> None:
    text = _text(corpus_dir / "seed" / "kst-31015-136.txt")
    kb_ids = [r.kb_id for r in find_references(text) if r.type == "kamerstuk"]
    assert kb_ids == ["kst-31015-135", "kst-34775-VI-16"]


def test_aanhangsel_matches_official_extrefs(corpus_dir: Path) -> None:
    """ah-tk-20202021-3235: the official XML marks its references as <extref doc="…">."""
    folder = corpus_dir / "officielebekendmakingen" / "ah-tk-20202021-3235"
    xml = (folder / "ah-tk-20202021-3235.xml").read_text(encoding="utf-8")
    gold = [
        (m.group(2), m.group(1))
        for m in re.finditer(r'<extref[^>]*\bdoc="([^"]+)"[^>]*>([^<]*)</extref>', xml)
    ]
    assert gold == [("Staatsblad 2020, 118", "stb-2020-118")]
    # On the XML's own text (tags removed) and on the PDF's text layer.
    xml_text = re.sub(r"<[^>]+>", " ", xml)
    for text in (xml_text, _text(folder / "ah-tk-20202021-3235.pdf")):
        refs = find_references(text, doc_date=dt.date(2021, 6, 21))
        # the XML states its own id (the component flags that one self_reference)
        cited = [(r.text, r.kb_id) for r in refs if r.kb_id != "ah-tk-20202021-3235"]
        assert cited == gold
