"""Official publications of the reference corpus (slow, corpus: skip without ../shared).

* every XML/HTML file gives a valid record;
* the two PDF+XML pairs give the same body words (WER 0 after the title block), the same
  reference ids and — where the text is the same — the same time expressions by both routes;
* debates: every speaker element of the XML is a turn with a speaker and a role.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from kamer_nlp.api import annotate_file
from kamer_nlp.contracts import TURN_ROLES
from kamer_nlp.io.input_kind import input_kind
from kamer_nlp.io.schema import validate_record
from kamer_nlp.official.publication import local

pytestmark = [pytest.mark.corpus, pytest.mark.slow]

PAIRS = ("kst-32545-143", "ah-tk-20202021-3235")
_WORD = re.compile(r"\w+(?:[-'’.,]\w+)*", re.UNICODE)


def _files(corpus: Path) -> list[Path]:
    found = sorted(corpus.rglob("*.xml")) + sorted(corpus.rglob("*.html"))
    return [p for p in found if input_kind(p) is not None and "schemas" not in p.parts]


def test_every_xml_and_html_file_gives_a_valid_record(corpus_dir: Path) -> None:
    files = _files(corpus_dir)
    assert len(files) >= 18
    for path in files:
        record = annotate_file(path)
        validate_record(record)
        assert record["text"].strip(), path


def _words(text: str) -> list[str]:
    return [w.replace("–", "-") for w in _WORD.findall(text)]


def _body(record: dict) -> str:
    """The body after the title block: from the first paragraph that is no head,
    heading or field (the XML's "De Kamer," / "Vragen van …"), to the notes."""
    text = record["text"]
    end = min((f["start"] for f in record["footnotes"]), default=len(text))
    for p in record["paragraphs"]:
        if p["kind"] not in ("head", "heading", "field"):
            return text[p["start"] : end]
    return text[:end]


def wer(ref: list[str], hyp: list[str]) -> float:
    """Word error rate (edit distance over words / reference length)."""
    prev = list(range(len(hyp) + 1))
    for i, r in enumerate(ref, 1):
        cur = [i] + [0] * len(hyp)
        for j, h in enumerate(hyp, 1):
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (r != h))
        prev = cur
    return prev[-1] / max(len(ref), 1)


@pytest.fixture(scope="module")
def pairs(corpus_dir: Path) -> dict[str, tuple[dict, dict]]:
    out = {}
    for name in PAIRS:
        folder = corpus_dir / "officielebekendmakingen" / name
        out[name] = (annotate_file(folder / f"{name}.xml"), annotate_file(folder / f"{name}.pdf"))
    return out


@pytest.mark.parametrize("name", PAIRS)
def test_pdf_and_xml_give_the_same_body_words(
    pairs: dict[str, tuple[dict, dict]], name: str
) -> None:
    xml, pdf = pairs[name]
    xml_words = _words(_body(xml))
    pdf_all = _words(pdf["text"][: min((f["start"] for f in pdf["footnotes"]), default=None)])
    start = next(
        i for i in range(len(pdf_all)) if pdf_all[i : i + 6] == xml_words[:6]
    )  # the PDF's title block ends where the XML's body starts
    assert wer(xml_words, pdf_all[start:]) == 0.0


@pytest.mark.parametrize("name", PAIRS)
def test_pdf_and_xml_give_the_same_reference_ids(
    pairs: dict[str, tuple[dict, dict]], name: str
) -> None:
    xml, pdf = pairs[name]

    def ids(record: dict) -> list[str]:
        return sorted(s["kb_id"] for s in record["spans"] if s["label"] == "REFERENCE")

    assert ids(xml) == ids(pdf)
    # and the markup's own references are among them
    assert {e["value"] for e in xml["evidence"]["references"]} <= set(ids(xml))


@pytest.mark.parametrize("name", PAIRS)
def test_pdf_and_xml_give_the_same_time_expressions(
    pairs: dict[str, tuple[dict, dict]], name: str
) -> None:
    xml, pdf = pairs[name]

    def timexes(record: dict) -> list[tuple[str, str]]:
        body = _body(record)
        return sorted(
            (s["text"].replace("–", "-"), s["attrs"]["value"])
            for s in record["spans"]
            if s["label"] == "TIMEX" and s["text"] in body
        )

    # the same expressions with the same values, wherever the body text is the same
    assert timexes(xml) == timexes(pdf)


def _speaker_elements(path: Path) -> int:
    root = ET.parse(path).getroot()
    names = [local(el.tag) for el in root.iter()]
    if local(root.tag) == "vloscoredocument":
        return names.count("woordvoerder") + names.count("interrumpant")
    return names.count("spreker")


def test_debates_every_turn_attributed(corpus_dir: Path) -> None:
    files = sorted((corpus_dir / "handelingen").glob("*.xml"))
    files += sorted((corpus_dir / "debates").glob("*.xml"))
    assert files
    for path in files:
        record = annotate_file(path)
        turns = [t for t in record["turns"] if t["source"] == "markup"]
        assert len(turns) == _speaker_elements(path), path.name
        for turn in record["turns"]:
            assert turn["speaker"] and turn["role"] in TURN_ROLES and turn["role"] != "other"
        government = [
            t
            for t in record["turns"]
            if t["role"] in ("minister", "staatssecretaris", "minister-president")
        ]
        for c in record["commitments"]:
            inside = [t for t in government if t["start"] <= c["start"] < t["end"]]
            if inside:  # a commitment in a government turn is the speaker's
                assert c["actor"]["actor_id"] == inside[0]["actor_id"], c["text"]
