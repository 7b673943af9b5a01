"""Regenerate the regression pins in ``tests/pins.json``.

    python tests/regen_pins.py           # run the product, write tests/pins.json
    python tests/regen_pins.py --check   # run the product, print what differs, write nothing

A pin is a figure the product produced the last time this script ran: the commitment
counts (right / missed / spurious against the hand-checked case files) per sample,
corpus letter and besluitenlijst, the cross-validated figures of the commitment
classifier, and the clause facts of the sentences in ``tests/nlp/clause_sentences.txt``
(``kamer_nlp.nlp.clauses`` over the default pipeline's parse). Tests compare the product with them exactly, so every change of these
figures shows up in a test and, once regenerated, in the diff of ``tests/pins.json``.

Pins are not evidence that the product is right: the evidence is the hand-checked cases
themselves (``tests/commitments/*_cases.jsonl``, one test each). Regenerate after a
deliberate change and read the diff; never edit the file by hand.

Sections that need the reference corpus (``../shared/corpus``) are kept as they are,
with a warning, where it is absent. Training needs the ``train`` extra.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
PINS = ROOT / "tests" / "pins.json"
ABOUT = (
    "Regression pins, not evidence: what the product produced when `python "
    "tests/regen_pins.py` last ran. Tests compare with them exactly; regenerate after a "
    "deliberate change and review the diff. Never edit by hand. The evidence is the "
    "hand-checked case files (tests/commitments/*_cases.jsonl)."
)


def load_pins() -> dict[str, Any]:
    """The pins as the tests read them."""
    pins: dict[str, Any] = json.loads(PINS.read_text(encoding="utf-8"))
    return pins


def _counts(path: Path, cases: list[dict[str, Any]]) -> dict[str, int]:
    from tests.commitments.handcheck import annotate, counts

    right, missed, spurious = counts(annotate(path), cases)
    return {"right": right, "missed": missed, "spurious": spurious}


def _per_document(case_file: str, base: Path, suffix: str = "") -> dict[str, dict[str, int]]:
    from tests.commitments.handcheck import load_cases

    cases = load_cases(case_file)
    docs = sorted({c["doc"] for c in cases})
    return {
        doc: _counts(base / f"{doc}{suffix}", [c for c in cases if c["doc"] == doc]) for doc in docs
    }


def _training(corpus: Path) -> dict[str, Any]:
    from kamer_nlp.commitments.training import train_commitments

    data = ROOT / "data" / "annotated" / "commitments" / "sentences.jsonl"
    with tempfile.TemporaryDirectory() as tmp:
        result = train_commitments(data, Path(tmp) / "model.json", seed=0)
    return {
        "n": result["n"],
        "labels": result["labels"],
        "sources": result["sources"],
        "commitment": {k: result[k] for k in ("precision", "recall", "f1")},
        "link": {k: result["link"][k] for k in ("precision", "recall", "f1")},
    }


def _clauses() -> dict[str, Any]:
    from tests.nlp.test_clauses import _sentences, clause_facts

    return {text: clause_facts(text) for text in _sentences()}


def generate(old: dict[str, Any]) -> dict[str, Any]:
    from tests.conftest import CORPUS

    pins: dict[str, Any] = {"_about": ABOUT, "_generated_by": "python tests/regen_pins.py"}
    commitments = {"samples": _per_document("sample_cases.jsonl", ROOT / "data" / "raw", ".pdf")}
    if CORPUS.is_dir():
        commitments["corpus"] = _per_document("corpus_cases.jsonl", CORPUS)
        commitments["besluitenlijsten"] = _per_document("besluitenlijst_cases.jsonl", CORPUS)
        pins["training"] = _training(CORPUS)
    else:
        print(f"warning: no corpus at {CORPUS}: its pins are kept as they are", file=sys.stderr)
        for key in ("corpus", "besluitenlijsten"):
            commitments[key] = old.get("commitments", {}).get(key, {})
        pins["training"] = old.get("training", {})
    pins["commitments"] = commitments
    pins["clauses"] = _clauses()
    return pins


def _diff(old: Any, new: Any, path: str = "") -> list[str]:
    if isinstance(old, dict) and isinstance(new, dict):
        out = []
        for key in sorted(set(old) | set(new)):
            out += _diff(old.get(key), new.get(key), f"{path}/{key}")
        return out
    return [] if old == new else [f"{path}: {old!r} -> {new!r}"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="print differences, write nothing")
    args = parser.parse_args(argv)
    old = load_pins() if PINS.is_file() else {}
    new = generate(old)
    changes = [line for line in _diff(old, new) if not line.startswith("/_")]
    for line in changes:
        print(line)
    if args.check:
        print(f"{len(changes)} pin(s) differ" if changes else "pins are current")
        return 1 if changes else 0
    PINS.write_text(json.dumps(new, indent=1, sort_keys=True, ensure_ascii=False) + "\n", "utf-8")
    print(f"wrote {PINS.relative_to(ROOT)} ({len(changes)} change(s))")
    return 0


if __name__ == "__main__":
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    sys.exit(main())
