"""The ≥150-case file: every case exact, and precision/recall ≥ 95% over all of them."""

from __future__ import annotations

import pytest

from kamer_nlp.actors import ActorResolver

from .caseload import expected_items, load_cases, norm, predicted_items

CASES = load_cases()


@pytest.fixture(scope="module")
def resolver() -> ActorResolver:
    return ActorResolver()


def _run(resolver: ActorResolver, case: dict) -> list:
    analysis = resolver.analyse(
        case["text"], doc_date=case.get("date"), signatories=case.get("signatories")
    )
    return list(analysis.mentions)


def test_case_file_is_large_and_well_formed() -> None:
    assert len(CASES) >= 150
    ids = [c["id"] for c in CASES]
    assert len(ids) == len(set(ids)), "case ids must be unique"
    for case in CASES:
        for text, _actor_id, _via in case["expected"]:
            assert norm(text) in norm(case["text"]), (case["id"], text)


@pytest.mark.parametrize(
    "case",
    [
        pytest.param(c, id=c["id"], marks=[pytest.mark.xfail(reason=c["xfail"], strict=True)])
        if c.get("xfail")
        else pytest.param(c, id=c["id"])
        for c in CASES
    ],
)
def test_case(resolver: ActorResolver, case: dict) -> None:
    mentions = _run(resolver, case)
    got = predicted_items(mentions)
    want = expected_items(case)
    assert got == want, f"missing {want - got}, extra {got - want}"
    for m in mentions:
        assert case["text"][m.start : m.end] == m.text
    if "anachronistic" in case:
        flagged = sorted(norm(m.text) for m in mentions if m.anachronistic)
        assert flagged == sorted(norm(t) for t in case["anachronistic"])


def test_precision_and_recall_over_the_case_file(resolver: ActorResolver) -> None:
    tp = fp = fn = 0
    for case in CASES:
        got = predicted_items(_run(resolver, case))
        want = expected_items(case)
        tp += sum((got & want).values())
        fp += sum((got - want).values())
        fn += sum((want - got).values())
    precision = tp / (tp + fp)
    recall = tp / (tp + fn)
    assert precision >= 0.95, f"precision {precision:.3f} (tp={tp}, fp={fp})"
    assert recall >= 0.95, f"recall {recall:.3f} (tp={tp}, fn={fn})"
