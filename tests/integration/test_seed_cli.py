"""`kamer-nlp annotate - --date 2018-02-14 < seed` prints a valid record with the seed's annotations."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from kamer_nlp.io.schema import validate_record

pytestmark = pytest.mark.corpus


@pytest.fixture(scope="module")
def seed_record(corpus_dir: Path) -> dict:
    seed = (corpus_dir / "seed" / "kst-31015-136.txt").read_text(encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "kamer_nlp.cli", "annotate", "-", "--date", "2018-02-14"],
        input=seed,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout)


def test_valid_record(seed_record: dict) -> None:
    validate_record(seed_record)
    assert seed_record["meta"]["date"] == "2018-02-14"
    assert [f["label"] for f in seed_record["footnotes"]] == ["1", "2", "3"]


def test_seed_annotations(seed_record: dict) -> None:
    spans = seed_record["spans"]
    refs = {s["kb_id"] for s in spans if s["label"] == "REFERENCE"}
    assert {"kst-31015-135", "kst-34775-VI-16"} <= refs
    summer = next(
        s for s in spans if s["label"] == "TIMEX" and s["text"] == "uiterlijk aanstaande zomer"
    )
    assert summer["attrs"]["mod"] == "ON_OR_BEFORE" and summer["attrs"]["due"] == "2018-08-31"
    ik = [s for s in spans if s["label"] == "ACTOR" and s["attrs"].get("via") == "ik"]
    assert ik and {s["attrs"]["actor_id"] for s in ik} == {"minister-rechtsbescherming"}
    texts = [c["text"] for c in seed_record["commitments"]]
    assert any(
        t.startswith("Ik zal de komende maanden een onderzoek laten uitvoeren") for t in texts
    )
    assert any("zal ik uw Kamer uiterlijk aanstaande zomer berichten" in t for t in texts)
    assert not any(t.startswith("Onderstaand ga ik kort in op") for t in texts)
    (link,) = seed_record["commitment_links"]
    assert "in herinnering" in link["text"]
