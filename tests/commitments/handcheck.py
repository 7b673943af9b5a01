"""The hand check: the product's output on a document, compared with my reading of it.

Each document is annotated by the product itself, ``kamer_nlp.api.annotate_file``
(PDF extraction, repair, the default pipeline, the record builder): no fallback repair,
no injected date or signatory, and any exception fails the test. Case files list, per
document, the sentences I read as commitments, links and hard negatives by a short
anchor phrase (never the text itself).
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

from kamer_nlp import api


def load_cases(name: str) -> list[dict[str, Any]]:
    path = Path(__file__).with_name(name)
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


@cache
def annotate(path: Path) -> dict[str, Any]:
    """The output record of one document (cached: each file is annotated once per session)."""
    return api.annotate_file(path)


def _flat(text: str) -> str:
    return " ".join(text.split())


def find(record: dict[str, Any], anchor: str) -> tuple[str, dict[str, Any] | None]:
    """("commitment" | "link" | "none", the record entry) for the sentence holding ``anchor``."""
    assert anchor in _flat(record["text"]), f"anchor not in the text: {anchor!r}"
    for kind, key in (("commitment", "commitments"), ("link", "commitment_links")):
        for entry in record[key]:
            if anchor in _flat(entry["text"]):
                return kind, entry
    return "none", None


def check_case(record: dict[str, Any], case: dict[str, Any]) -> None:
    """The label of the case's sentence and, where the case names them, its details."""
    kind, entry = find(record, case["anchor"])
    assert kind == case["label"]
    if entry is None:
        return
    actor = entry.get("actor") or {}
    if "actor_via" in case:
        assert actor.get("via") == case["actor_via"]
    if "actor_name_contains" in case:
        assert case["actor_name_contains"] in f"{actor.get('name')} {actor.get('function')}"
    if "actor_id" in case:
        assert actor.get("actor_id") == case["actor_id"]
    if "addressee" in case:
        assert entry["addressee"] == case["addressee"]
    if "due" in case:
        assert (entry.get("deadline") or {}).get("due") == case["due"]
    if "link_date" in case:
        assert entry["date"] and entry["date"]["value"] == case["link_date"]
    if "link_meeting" in case:
        assert entry["meeting"] and case["link_meeting"] in entry["meeting"]["text"]


def counts(record: dict[str, Any], cases: list[dict[str, Any]]) -> tuple[int, int, int]:
    """(right, missed, spurious) commitments; every commitment listed must have been reviewed."""
    right = missed = spurious = 0
    for entry in record["commitments"]:
        covering = [c for c in cases if c["anchor"] in _flat(entry["text"])]
        assert covering, f"unreviewed commitment in {record['id']}: {entry['text'][:80]!r}"
        if any(c["label"] == "commitment" for c in covering):
            right += 1
        else:
            spurious += 1
    for case in cases:
        if case["label"] == "commitment" and find(record, case["anchor"])[0] != "commitment":
            missed += 1
    return right, missed, spurious


def case_param(case: dict[str, Any]) -> Any:
    """A case as a pytest param: its id, and a strict xfail when the case says why it fails."""
    import pytest

    if case.get("xfail"):
        return pytest.param(
            case, id=case["id"], marks=pytest.mark.xfail(reason=case["xfail"], strict=True)
        )
    return pytest.param(case, id=case["id"])
