"""bench/temporal_real.py on a tiny fabricated gold (a made-up document, inventory, span
labels and dates in a temporary corpus): never the held-out labels themselves."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

import pytest

from kamer_nlp.evaluation.anchors import make_anchor, normalise
from kamer_nlp.evaluation.corpus import document_text, find_document
from kamer_nlp.evaluation.spans import _sha1

ROOT = Path(__file__).resolve().parents[2]

TEXT = (
    "Den Haag, 10 december 2024\n\n"
    "De oplevering is voorzien in het derde kwartaal. "
    "Ik stuur u binnenkort een brief over de uitvoering.\n\n"
    "Sinds 1 juli geldt de nieuwe regeling.\n"
)


@pytest.fixture(scope="module")
def bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "temporal_real", ROOT / "bench" / "temporal_real.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["temporal_real"] = module
    spec.loader.exec_module(module)
    return module


def _item(sentence: str, quote: str, **fields: object) -> dict[str, object]:
    start = sentence.index(quote)
    end = start + len(quote)
    return {
        "start": start,
        "end": end,
        "norm_len": len(normalise(quote)),
        "norm_sha1": _sha1(quote),
        **fields,
    }


def _fabricate(tmp_path: Path) -> tuple[Path, Path, Path, Path]:
    corpus = tmp_path / "corpus"
    (corpus / "seed").mkdir(parents=True)
    (corpus / "seed" / "made-up.txt").write_text(TEXT, encoding="utf-8")
    doc_id = "seed/made-up.txt"
    text = document_text(find_document(corpus, doc_id))
    inventory = tmp_path / "inventory"
    inventory.mkdir()
    rows, labels = [], []
    gold = {
        "De oplevering is voorzien in het derde kwartaal.": [
            (
                "het derde kwartaal",
                {
                    "kind": "date",
                    "value": "2025-Q3",
                    "mod": None,
                    "interval": ["2025-07-01", "2025-09-30"],
                    "due": "2025-09-30",
                },
            )
        ],
        "Ik stuur u binnenkort een brief over de uitvoering.": [
            (
                "binnenkort",
                {
                    "kind": "vague",
                    "value": "FUTURE_REF",
                    "mod": None,
                    "interval": None,
                    "due": "2025-03-10",  # deliberately not the product's (null): a wrong due
                },
            )
        ],
        "Sinds 1 juli geldt de nieuwe regeling.": [],  # the product's TIMEX here is spurious
    }
    for n, (sentence, items) in enumerate(gold.items(), start=1):
        start = text.index(sentence)
        key = f"heldout-900-{n:04d}"
        rows.append(
            {"key": key, **make_anchor(doc_id, text, start, start + len(sentence)).to_dict()}
        )
        labels.append(
            {"key": key, "timexes": [_item(sentence, q, **f) for q, f in items], "references": []}
        )
    (inventory / "heldout-900.jsonl").write_text(
        "".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8"
    )
    label_file = tmp_path / "heldout-900.S1.jsonl"
    label_file.write_text("".join(json.dumps(x) + "\n" for x in labels), encoding="utf-8")
    dates = tmp_path / "dates.S1.json"
    dates.write_text(json.dumps({doc_id: "2024-12-10"}), encoding="utf-8")
    return corpus, inventory, label_file, dates


def test_real_scores_on_fabricated_gold(bench: ModuleType, tmp_path: Path) -> None:
    corpus, inventory, label_file, dates = _fabricate(tmp_path)
    labels = bench.read_span_labels(label_file)
    scores, problems = bench.real_scores(labels, bench.read_dates([str(dates)]), corpus, inventory)
    assert problems == []
    assert scores.n == 2
    assert scores.right == {"found": 2, "value": 2, "interval": 2, "due": 1, "all right": 1}
    assert scores.spurious == 1  # "Sinds 1 juli" has no gold expression
    assert any("wrong due" in m for m in scores.misses)


def test_main_prints_real_beside_written(
    bench: ModuleType, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus, inventory, label_file, dates = _fabricate(tmp_path)
    code = bench.main(
        [
            "--labels",
            str(label_file),
            "--dates",
            str(dates),
            "--corpus",
            str(corpus),
            "--inventory",
            str(inventory),
        ]
    )
    out = capsys.readouterr().out
    assert code == 0
    assert "written cases" in out and "real held-out" in out
    all_right = next(line for line in out.splitlines() if line.startswith("all right"))
    assert "50.0% (1)" in all_right


def test_without_gold_only_the_written_cases(
    bench: ModuleType, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert bench.main(["--labels", str(tmp_path / "none-*.jsonl")]) == 0
    out = capsys.readouterr().out
    assert "no gold span labels yet" in out and "real held-out" not in out


def test_read_dates_accepts_a_list(bench: ModuleType, tmp_path: Path) -> None:
    path = tmp_path / "dates.x.json"
    path.write_text(json.dumps([{"doc": "a", "date": "2020-01-02"}]), encoding="utf-8")
    assert bench.read_dates([str(path)]) == {"a": "2020-01-02"}
