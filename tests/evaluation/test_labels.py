"""Label files: the checker, Cohen's κ, the double-labelling sample."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

import pytest

from kamer_nlp.evaluation.labels import (
    check_label_file,
    cohens_kappa,
    double_sample,
    main,
)


def write(path: Path, rows: Sequence[object]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def row(key: str, label: str = "not", link: str = "none", **kw: str) -> dict[str, str]:
    return {"key": key, "label": label, "link": link, "actor": "", "deadline": "", "note": "", **kw}


def test_check_accepts_a_complete_file(tmp_path: Path) -> None:
    f = write(tmp_path / "l.jsonl", [row("k1", "promise", actor="ik"), row("k2", link="mention")])
    assert check_label_file(f, ["k1", "k2"]) == []


def test_check_reports_every_problem(tmp_path: Path) -> None:
    f = write(
        tmp_path / "l.jsonl",
        [row("k1", "commitment"), row("k1"), row("k9", link="yes"), {**row("k2"), "text": "x"}],
    )
    problems = check_label_file(f, ["k1", "k2", "k3"])
    text = "\n".join(problems)
    assert "label 'commitment'" in text
    assert "k9" in text and "link 'yes'" in text
    assert "unknown field(s) ['text']" in text
    assert "key k1 labelled 2 times" in text and "key k3 not labelled" in text


def test_cohens_kappa() -> None:
    assert cohens_kappa(["a", "b", "a", "b"], ["a", "b", "a", "b"]) == 1.0
    assert cohens_kappa(["a", "a"], ["a", "a"]) == 1.0
    # textbook example: 50 items, agreement 0.7, expected 0.5 → 0.4
    a = ["y"] * 25 + ["n"] * 25
    b = ["y"] * 20 + ["n"] * 5 + ["y"] * 10 + ["n"] * 15
    assert cohens_kappa(a, b) == pytest.approx(0.4)
    with pytest.raises(ValueError):
        cohens_kappa(["a"], [])


def test_double_sample_spread_and_seeded() -> None:
    rows = [
        {"key": f"batch-001-{k:04d}", "group": g, "split": s}
        for k, (g, s) in enumerate(
            [("older_letters", "train")] * 900
            + [("debates", "train")] * 300
            + [("modern_letters", "train")] * 50
            + [("debates", "heldout")] * 500
        )
    ]
    keys = double_sample(rows, size=240, seed=3)
    assert keys == double_sample(rows, size=240, seed=3) and keys == sorted(keys)
    by_key = {r["key"]: r for r in rows}
    assert all(by_key[k]["split"] == "train" for k in keys)
    groups = {by_key[k]["group"] for k in keys}
    assert groups == {"older_letters", "debates", "modern_letters"}
    assert len(keys) >= 220


def test_cli_check_and_agreement(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    base = tmp_path
    (base / "inventory").mkdir()
    (base / "labels").mkdir()
    rows = [{"key": f"batch-001-000{k}", "group": "debates", "split": "train"} for k in range(1, 5)]
    write(base / "inventory" / "batch-001.jsonl", rows)
    write(base / "labels" / "batch-001.anna.jsonl", [row(r["key"]) for r in rows])
    assert main(["--base", str(base), "check"]) == 0
    write(base / "labels" / "batch-001.bram.jsonl", [row("batch-001-0001")])
    assert main(["--base", str(base), "check"]) == 1
    (base / "labels" / "batch-001.bram.jsonl").unlink()
    assert main(["--base", str(base), "double", "--size", "4"]) == 0
    double_text = (base / "inventory" / "double-001.jsonl").read_text(encoding="utf-8")
    double = [json.loads(x) for x in double_text.splitlines()]
    assert len(double) == 4
    second = [row(r["key"], "promise" if r["key"].endswith("1") else "not") for r in double]
    write(base / "labels" / "double-001.bram.jsonl", second)
    assert main(["--base", str(base), "check"]) == 0
    capsys.readouterr()
    assert main(["--base", str(base), "agreement"]) == 0
    assert "4 of 4 keys labelled twice" in capsys.readouterr().out
