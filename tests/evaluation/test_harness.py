"""The commitments harness: matching and figures on small generated records (quick), gold
loading with adjudication and due dates (quick, temporary files), and the whole held-out run
on the reference corpus (corpus, slow)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kamer_nlp.evaluation.anchors import make_anchor
from kamer_nlp.evaluation.cv import to_class
from kamer_nlp.evaluation.gold import GoldSentence, load_gold
from kamer_nlp.evaluation.harness import (
    Outcome,
    letter_date,
    looks_like_commitment,
    match_document,
    metrics,
)

TEXT = (
    "Ik zal uw Kamer voor de zomer informeren. "
    "We begrenzen de eigen bijdrage. "
    "Digitalisering zal de druk vergroten. "
    "Met deze brief doe ik mijn toezegging gestand. "
    "Het weer is mooi."
)


def _span(sentence: str) -> tuple[int, int]:
    start = TEXT.index(sentence)
    return start, start + len(sentence)


def _gold(
    sentence: str, label: str, link: str = "none", deadline: str = "", **kw: object
) -> GoldSentence:
    s, e = _span(sentence)
    return GoldSentence(
        key=f"k{s}",
        anchor=make_anchor("doc", TEXT, s, e),
        group="modern_letters",
        role=None,
        label=label,
        link=link,
        deadline=deadline,
        **kw,  # type: ignore[arg-type]
    )


GOLD = [
    _gold(
        "Ik zal uw Kamer voor de zomer informeren.",
        "promise",
        deadline="voor de zomer",
        due="2018-07-05",
        has_due=True,
    ),
    _gold("We begrenzen de eigen bijdrage.", "plan"),
    _gold("Digitalisering zal de druk vergroten.", "not"),
    _gold("Met deze brief doe ik mijn toezegging gestand.", "not", link="fulfils"),
    _gold("Het weer is mooi.", "not"),
]


def _record(*, commit: list[str], links: list[str], deadline: bool = True) -> dict[str, object]:
    commitments = []
    for sentence in commit:
        s, e = _span(sentence)
        c: dict[str, object] = {"start": s, "end": e, "deadline": None}
        if deadline and "voor de zomer" in sentence:
            ds = TEXT.index("voor de zomer")
            c["deadline"] = {"start": ds, "end": ds + 13, "due": "2018-07-05"}
        commitments.append(c)
    link_records = [dict(zip(("start", "end"), _span(s), strict=True)) for s in links]
    return {"text": TEXT, "commitments": commitments, "commitment_links": link_records}


def test_match_by_overlap_and_figures() -> None:
    record = _record(
        commit=[
            "Ik zal uw Kamer voor de zomer informeren.",
            "Digitalisering zal de druk vergroten.",
        ],
        links=["Met deze brief doe ik mijn toezegging gestand."],
    )
    outcomes, lost, unjudged_c, unjudged_l = match_document(TEXT, record, GOLD)
    assert lost == [] and unjudged_c == 0 and unjudged_l == 0
    m = metrics(outcomes)
    assert m["promise"]["tp"] == 1 and m["promise"]["fp"] == 1 and m["promise"]["fn"] == 0
    assert m["promise"]["precision"] == 0.5 and m["promise"]["recall"] == 1.0
    assert m["plan_recall"] == {"n": 1, "k": 0, "rate": 0.0}
    assert m["promise_plan"]["recall"] == 0.5
    assert m["link"]["precision"] == 1.0 and m["fulfils_recall"]["rate"] == 1.0
    # hard negatives: the forecast holds "zal" (listed), "doe ik" is a first-person cue (not)
    assert m["hard_negative"] == {"n": 2, "k": 1, "rate": 0.5}
    due = m["due"]
    assert due["promises_with_deadline"] == 1 and due["deadline_overlap"]["k"] == 1
    assert due["due_correct"]["k"] == 1


def test_lost_anchor_and_unjudged_record() -> None:
    gold = [
        *GOLD[:4],
        GoldSentence(
            "gone",
            make_anchor("doc", "Iets anders dat weg is.", 0, 23),
            "modern_letters",
            None,
            "not",
            "none",
        ),
    ]
    record = _record(commit=["Het weer is mooi."], links=[])
    outcomes, lost, unjudged_c, _ = match_document(TEXT, record, gold)
    assert lost == ["gone"]
    assert len(outcomes) == 4
    assert unjudged_c == 1  # "Het weer is mooi." is not among the judged sentences


def test_metrics_undefined_without_predictions() -> None:
    o = Outcome("k", "d", "debates", "promise", "none", False, False, True)
    m = metrics([o])
    assert m["promise"]["precision"] is None and m["promise"]["recall"] == 0.0
    assert m["link"]["recall"] is None


def test_looks_like_commitment() -> None:
    assert looks_like_commitment("De gemeenten zullen de taken uitvoeren.")
    assert looks_like_commitment("Ik zeg u toe dat ik de brief stuur.")
    assert not looks_like_commitment("Het weer is mooi.")


def test_letter_date() -> None:
    assert str(letter_date("BRIEF\n's-Gravenhage, 14februari 1990\nBij de")) == "1990-02-14"
    assert str(letter_date("Aan de Voorzitter\nZoetermeer, 4 juli 1990\nTijdens")) == "1990-07-04"
    assert letter_date("het overleg van 3 juni 1990 ging over") is None


def test_to_class() -> None:
    assert to_class("plan", "mention") == "commitment"
    assert to_class("not", "fulfils") == "link"
    assert to_class("not", "none") == "none"


def test_load_gold_adjudicated_and_due(tmp_path: Path) -> None:
    base = tmp_path
    (base / "inventory").mkdir()
    (base / "labels").mkdir()
    (base / "due").mkdir()
    rows = [
        {
            "key": f"heldout-001-000{i}",
            **make_anchor("doc", TEXT, *_span(s)).to_dict(),
            "group": "modern_letters",
            "split": "heldout",
            "role": None,
        }
        for i, s in enumerate(["Het weer is mooi.", "We begrenzen de eigen bijdrage."], 1)
    ]
    (base / "inventory" / "heldout-001.jsonl").write_text(
        "".join(json.dumps(r) + "\n" for r in rows)
    )
    (base / "inventory" / "heldout-002.jsonl").write_text(
        json.dumps({**rows[0], "key": "heldout-002-0001"}) + "\n"
    )
    labels = [
        {
            "key": "heldout-001-0001",
            "label": "not",
            "link": "none",
            "actor": "",
            "deadline": "",
            "note": "",
        },
        {
            "key": "heldout-001-0002",
            "label": "not",
            "link": "none",
            "actor": "",
            "deadline": "",
            "note": "",
        },
    ]
    (base / "labels" / "heldout-001.X.jsonl").write_text(
        "".join(json.dumps(r) + "\n" for r in labels)
    )
    (base / "adjudicated.jsonl").write_text(
        json.dumps({"key": "heldout-001-0002", "label": "plan", "link": "none", "reason": "L1"})
        + "\n"
    )
    (base / "due" / "heldout.jsonl").write_text(
        json.dumps({"key": "heldout-001-0001", "due": None, "note": ""}) + "\n"
    )
    gold = load_gold("heldout", base)
    by_key = {g.key: g for g in gold.sentences}
    assert by_key["heldout-001-0002"].label == "plan" and by_key["heldout-001-0002"].adjudicated
    assert by_key["heldout-001-0001"].has_due and by_key["heldout-001-0001"].due is None
    assert gold.unlabelled == 1 and gold.unlabelled_batches == ("heldout-002",)


@pytest.mark.slow
def test_heldout_run(corpus_dir: Path) -> None:
    from kamer_nlp.evaluation.harness import evaluate_commitments

    result = evaluate_commitments(corpus_dir, split="heldout")
    assert result["anchors_lost"] == []
    assert result["overall"]["sentences"] == result["labelled_sentences"]
    assert set(result["groups"]) <= {"modern_letters", "older_letters", "debates"}


def test_cli_commitments_without_corpus(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from kamer_nlp.cli import app

    result = CliRunner().invoke(
        app, ["evaluate", "commitments", "--corpus", str(tmp_path / "absent")]
    )
    assert result.exit_code == 2
    assert "no reference corpus" in result.output


def test_cli_evaluate_needs_predicted(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from kamer_nlp.cli import app

    result = CliRunner().invoke(app, ["evaluate", str(tmp_path / "gold.jsonl")])
    assert result.exit_code == 2
