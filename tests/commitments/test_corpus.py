"""The reference-corpus letters, checked against my own reading (skips without the corpus).

``corpus_cases.jsonl`` lists, per document, the sentences I read as commitments,
links and hard negatives (by a short anchor phrase, not the text). Known
misses and spurious finds are ``xfail`` with the reason; the summary test pins
the counts right / missed / spurious per letter.
"""

from __future__ import annotations

import contextlib
import importlib
import json
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import spacy
from spacy.language import Language

from tests.commitments.corpus_text import corpus_text

CASES = [
    json.loads(line)
    for line in (Path(__file__).parent / "corpus_cases.jsonl")
    .read_text(encoding="utf-8")
    .splitlines()
    if line.strip()
]
# document date and signatory, from my reading of each letter
DOCS: dict[str, dict[str, Any]] = {
    "seed/kst-31015-136.txt": {
        "date": "2018-02-14",
        "signatory": {
            "name": "S. Dekker",
            "function": "Minister voor Rechtsbescherming",
            "actor_id": "minister-rechtsbescherming",
        },
    },
    "letters/Kamerbrief_circulaire_economie.pdf": {
        "date": "2023-02-03",
        "signatory": {
            "name": "V.L.W.A. Heijnen",
            "function": "Staatssecretaris van Infrastructuur en Waterstaat",
            "actor_id": None,
        },
    },
    "letters/Kamerbrief_innovatie_missie.pdf": {
        "date": "2023-05-30",
        "signatory": {
            "name": "M.A.M. Adriaansens",
            "function": "Minister van Economische Zaken en Klimaat",
            "actor_id": None,
        },
    },
}

pytestmark = pytest.mark.corpus


@cache
def _nlp() -> Language:
    for module in (
        "kamer_nlp.nlp.sentences",
        "kamer_nlp.temporal.component",
        "kamer_nlp.actors.component",
    ):
        with contextlib.suppress(Exception):  # a sibling component not (yet) available
            importlib.import_module(module)
    import kamer_nlp.commitments.component  # noqa: F401

    nlp = spacy.blank("nl")
    for name in ("kamer_sentences", "kamer_temporal", "kamer_actors", "kamer_commitments"):
        if Language.has_factory(name):
            nlp.add_pipe(name)
    return nlp


@cache
def _run(corpus: Path, doc_path: str) -> tuple[str, tuple[dict[str, Any], ...]]:
    text, meta = corpus_text(corpus / doc_path)
    info = DOCS[doc_path]
    meta = {**meta, "date": meta.get("date") or info["date"]}
    meta.setdefault("signatories", [])
    if not meta["signatories"]:
        meta["signatories"] = [info["signatory"]]
    nlp = _nlp()
    doc = nlp.make_doc(text)
    doc._.kamer_date = meta["date"]
    doc._.kamer_meta = meta
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return doc.text, tuple(doc._.kamer_commitment_records)


def _find(
    text: str, records: tuple[dict[str, Any], ...], anchor: str
) -> tuple[str, dict[str, Any] | None]:
    pos = " ".join(text.split()).find(anchor)
    assert pos >= 0 or anchor in text, f"anchor not in the text: {anchor!r}"
    for rec in records:
        if anchor in " ".join(rec["text"].split()):
            return rec["kind"], rec
    return "none", None


@pytest.mark.parametrize(
    "case",
    [
        pytest.param(c, id=c["id"], marks=pytest.mark.xfail(reason=c["xfail"], strict=False))
        if c.get("xfail")
        else pytest.param(c, id=c["id"])
        for c in CASES
    ],
)
def test_corpus_case(corpus_dir: Path, case: dict[str, Any]) -> None:
    text, records = _run(corpus_dir, case["doc"])
    kind, rec = _find(text, records, case["anchor"])
    assert kind == case["label"]
    if rec is None:
        return
    if "actor_via" in case:
        assert rec["actor"] and rec["actor"]["via"] == case["actor_via"]
    if "actor_name_contains" in case:
        actor = rec["actor"] or {}
        assert case["actor_name_contains"] in f"{actor.get('name')} {actor.get('function')}"
    if "addressee" in case:
        assert rec["addressee"] == case["addressee"]
    if "link_date" in case:
        assert rec["date"] and rec["date"]["value"] == case["link_date"]
    if "link_meeting" in case:
        assert rec["meeting"] and case["link_meeting"] in rec["meeting"]["text"]


def test_seed_summer_deadline(corpus_dir: Path) -> None:
    """'uiterlijk aanstaande zomer' is due in summer 2018 (needs kamer_temporal)."""
    if not Language.has_factory("kamer_temporal"):
        _nlp()
    if not Language.has_factory("kamer_temporal"):
        pytest.skip("kamer_temporal not available")
    text, records = _run(corpus_dir, "seed/kst-31015-136.txt")
    _, rec = _find(text, records, "zal ik uw Kamer uiterlijk aanstaande zomer berichten")
    assert rec is not None and rec["deadline"] is not None
    assert rec["deadline"]["due"] and rec["deadline"]["due"].startswith("2018-0")
    assert rec["action"] == "uw Kamer berichten"


# measured with the shipped model and the project's repair stage (right, missed, spurious);
# a floor may move by at most 1 (sibling components changing sentence boundaries)
MEASURED = {
    "seed/kst-31015-136.txt": (9, 0, 0),
    "letters/Kamerbrief_circulaire_economie.pdf": (12, 3, 2),
    "letters/Kamerbrief_innovatie_missie.pdf": (7, 1, 1),
}


def _counts(corpus: Path, doc_path: str) -> tuple[int, int, int]:
    text, records = _run(corpus, doc_path)
    cases = [c for c in CASES if c["doc"] == doc_path]
    right = missed = spurious = 0
    for rec in records:
        if rec["kind"] != "commitment":
            continue
        covering = [c for c in cases if c["anchor"] in " ".join(rec["text"].split())]
        assert covering, f"unreviewed commitment in {doc_path}: {rec['text'][:80]!r}"
        if any(c["label"] == "commitment" for c in covering):
            right += 1
        else:
            spurious += 1
    for case in cases:
        if (
            case["label"] == "commitment"
            and _find(text, records, case["anchor"])[0] != "commitment"
        ):
            missed += 1
    return right, missed, spurious


@pytest.mark.parametrize("doc_path", list(DOCS))
def test_corpus_summary(corpus_dir: Path, doc_path: str) -> None:
    """Every commitment the pipeline lists was checked by hand; right/missed/spurious pinned."""
    right, missed, spurious = _counts(corpus_dir, doc_path)
    want_right, want_missed, want_spurious = MEASURED[doc_path]
    assert right >= want_right - 1
    assert missed <= want_missed + 1
    assert spurious <= want_spurious + 1
