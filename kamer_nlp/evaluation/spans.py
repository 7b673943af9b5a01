"""Span labels inside labelled sentences (time expressions, references), stored without
corpus text.

A labeller writes a working file (kept OUT of the repository) that quotes the stretch:

    {"key": "heldout-001-0042", "timexes": [{"find": "voor de zomer", "nth": 0, "kind": "deadline",
      "value": "2023-SU", "mod": "BEFORE", "interval": ["2023-06-01", "2023-08-31"],
      "due": "2023-07-06"}], "references": [{"find": "Kamerstuk 31 015, nr. 135",
      "type": "kamerstuk", "id": "kst-31015-135", "explicit": true}]}

and converts it:

    python -m kamer_nlp.evaluation.spans convert WORKING.jsonl OUT.jsonl

which resolves every ``find`` (its ``nth`` occurrence, default 0) inside the sentence the key
points at, and writes the same items with ``start``/``end`` (offsets relative to the
sentence start) and ``norm_len``/``norm_sha1`` of the stretch instead of the quote. Keys
whose sentence has no item may be left out. ``read_span_labels`` gives the stretches back
as absolute offsets in a document text (re-anchored like the sentences).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from kamer_nlp.evaluation.anchors import NormalisedText, normalise
from kamer_nlp.evaluation.corpus import corpus_root_or_say
from kamer_nlp.evaluation.show import read_batch, resolved_rows

ITEM_KINDS = ("timexes", "references", "clauses")
#: the stretches inside a clause item, each written as {"find": quote, "nth": n} or null
CLAUSE_PARTS = ("finite", "subject", "agent")
INVENTORY = Path(__file__).resolve().parents[2] / "data" / "labels" / "commitments" / "inventory"


def _sha1(text: str) -> str:
    import hashlib

    return hashlib.sha1(normalise(text).encode("utf-8")).hexdigest()


def _doc_text(root: Path, doc_id: str) -> str:
    from kamer_nlp.evaluation.corpus import document_text, find_document

    return document_text(find_document(root, doc_id))


def _inventory_rows(inventory: Path) -> dict[str, dict[str, Any]]:
    rows: dict[str, dict[str, Any]] = {}
    for path in sorted(inventory.glob("*.jsonl")):
        if path.stem.startswith("double"):
            continue
        for row in read_batch(path):
            rows[row["key"]] = row
    return rows


def convert(
    working: Sequence[dict[str, Any]], root: Path, inventory: Path = INVENTORY
) -> tuple[list[dict[str, Any]], list[str]]:
    """The working lines with quotes replaced by offsets; plus the problems found."""
    rows = _inventory_rows(inventory)
    wanted = [rows[w["key"]] for w in working if w["key"] in rows]
    problems = [f"{w['key']}: no such sentence key" for w in working if w["key"] not in rows]
    sentences = {r["key"]: r for r in resolved_rows(wanted, root)}
    out: list[dict[str, Any]] = []
    for w in working:
        row = sentences.get(w["key"])
        if row is None:
            continue
        if row["span"] is None:
            problems.append(f"{w['key']}: sentence not found in the corpus text")
            continue
        start, end = row["span"]
        text = _doc_text(root, row["doc"])[start:end]  # raw: offsets are into the raw sentence
        line: dict[str, Any] = {"key": w["key"]}
        for kind in ITEM_KINDS:
            items = []
            for item in w.get(kind) or []:
                if kind == "clauses":
                    clause = dict(item)
                    for part in CLAUSE_PARTS:
                        if isinstance(item.get(part), dict):
                            clause[part] = _locate(text, item[part], w["key"], part, problems)
                    items.append(clause)
                    continue
                where = _locate(text, item, w["key"], kind, problems)
                if where is not None:
                    rest = {k: v for k, v in item.items() if k not in ("find", "nth")}
                    items.append({**where, **rest})
            if kind in w:
                line[kind] = items
        out.append(line)
    return out, problems


def _locate(
    text: str, item: dict[str, Any], key: str, what: str, problems: list[str]
) -> dict[str, Any] | None:
    """The offsets and hash of ``item["find"]`` (its ``nth`` occurrence) in ``text``."""
    quote = str(item["find"])
    # white space in the quote matches any white space (the viewer collapses it)
    body = r"\s+".join(re.escape(w) for w in quote.split())
    # whole words: "heb" is not found inside "hebben" (nth counts word occurrences)
    left = r"(?<!\w)" if quote[:1].isalnum() else ""
    right = r"(?!\w)" if quote[-1:].isalnum() else ""
    pattern = re.compile(left + body + right)
    found = list(pattern.finditer(text))
    nth = int(item.get("nth", 0))
    if nth >= len(found):
        problems.append(f"{key}: {what} quote not in the sentence: {quote!r}")
        return None
    m = found[nth]
    return {
        "start": m.start(),
        "end": m.end(),
        "norm_len": len(normalise(m.group(0))),
        "norm_sha1": _sha1(m.group(0)),
    }


def read_span_labels(path: str | Path) -> dict[str, dict[str, Any]]:
    with open(path, encoding="utf-8") as fh:
        return {d["key"]: d for d in (json.loads(line) for line in fh if line.strip())}


def check_stretch(sentence: str, item: dict[str, Any]) -> bool:
    """Whether the stored offsets still point at the labelled stretch of ``sentence``."""
    quote = sentence[item["start"] : item["end"]]
    return len(normalise(quote)) == item["norm_len"] and _sha1(quote) == item["norm_sha1"]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m kamer_nlp.evaluation.spans")
    sub = parser.add_subparsers(dest="command", required=True)
    conv = sub.add_parser("convert", help="quotes → offsets (no corpus text in the output)")
    conv.add_argument("working")
    conv.add_argument("out")
    conv.add_argument("--corpus", default=None)
    conv.add_argument(
        "--inventory", type=Path, default=INVENTORY, help="the folder of the batch files"
    )
    args = parser.parse_args(argv)
    root = corpus_root_or_say(args.corpus)
    if root is None:
        return 2
    working = [
        json.loads(line)
        for line in Path(args.working).read_text("utf-8").splitlines()
        if line.strip()
    ]
    out, problems = convert(working, root, args.inventory)
    with open(args.out, "w", encoding="utf-8") as fh:
        for line in out:
            fh.write(json.dumps(line, ensure_ascii=False) + "\n")
    for p in problems:
        print(p, file=sys.stderr)
    n = sum(len(line.get(k) or []) for line in out for k in ITEM_KINDS)
    print(f"{len(out)} sentences, {n} stretches written to {args.out}; {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())


__all__ = ["NormalisedText", "check_stretch", "convert", "read_span_labels"]
