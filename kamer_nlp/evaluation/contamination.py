"""Old training sentences that come from a held-out document.

    python -m kamer_nlp.evaluation.contamination [--corpus DIR] [--out data/labels/commitments/contaminated.json]

The project's self-written training set (``data/annotated/commitments/sentences.jsonl``)
holds sentences read from the VLOS debate, which issue #11 holds out. Each training
sentence (its text as the training loader reads it) is looked for, in normalised form
(:func:`kamer_nlp.evaluation.anchors.normalise`), in the text of every held-out debate as the
temporary reader gives it; the ids found (plus any row whose ``corpus_ref`` points into a held-out debate but whose
text the reader does not hold) are written out with the held-out labelled keys whose
sentence overlaps one of them. The shipped model saw these sentences: held-out debate
figures for it are optimistic. Part 2 must drop them from training.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from kamer_nlp.evaluation.anchors import NormalisedText, normalise, resolve
from kamer_nlp.evaluation.corpus import corpus_root_or_say, documents
from kamer_nlp.evaluation.debates import read_debate
from kamer_nlp.evaluation.gold import load_gold

__all__ = ["find_contaminated"]

TRAINING = Path("data/annotated/commitments/sentences.jsonl")
OUT = Path("data/labels/commitments/contaminated.json")


def find_contaminated(root: Path, training: Path = TRAINING) -> dict[str, Any]:
    from kamer_nlp.commitments.training import load_examples

    examples = load_examples(training, corpus_dir=root)
    heldout_debates = [d for d in documents(root) if d.kind == "debate" and d.split == "heldout"]
    gold = [g for g in load_gold("heldout").sentences if g.group == "debates"]
    result: dict[str, Any] = {"training_file": training.as_posix(), "documents": {}}
    all_ids: list[str] = []
    for doc in heldout_debates:
        text = read_debate(doc.path).text
        nt = NormalisedText(text)
        found: dict[str, tuple[int, int]] = {}
        for ex in examples:
            norm = normalise(ex.text)
            if len(norm) < 20:  # too short to be evidence of a shared sentence
                continue
            i = nt.norm.find(norm)
            if i >= 0:
                found[ex.id] = nt.raw_span(i, len(norm))
        keys = []
        for g in gold:
            if g.doc != doc.doc_id:
                continue
            span = resolve(g.anchor, text, normalised=nt)
            if span and any(s < span[1] and span[0] < e for s, e in found.values()):
                keys.append(g.key)
        if found:
            result["documents"][doc.doc_id] = {
                "training_ids": sorted(found),
                "labelled_keys_overlapping": sorted(keys),
            }
            all_ids += found
    by_path = _rows_by_path(training, {d.doc_id for d in heldout_debates})
    result["found_by_text"] = len(set(all_ids))
    result["by_path_only"] = sorted(set(by_path) - set(all_ids))
    result["ids"] = sorted(set(all_ids) | set(by_path))
    result["count"] = len(result["ids"])
    return result


def _rows_by_path(training: Path, docs: set[str]) -> list[str]:
    """Ids of training rows whose ``corpus_ref`` points into one of ``docs`` (rows that the
    reader's text does not hold, such as the chair's closing words, are caught here)."""
    ids: list[str] = []
    for line in training.read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            if (row.get("corpus_ref") or {}).get("path") in docs:
                ids.append(str(row["id"]))
    return ids


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m kamer_nlp.evaluation.contamination")
    parser.add_argument("--corpus", type=Path, default=None)
    parser.add_argument("--training", type=Path, default=TRAINING)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    root = corpus_root_or_say(args.corpus)
    if root is None:
        return 2
    result = find_contaminated(root, args.training)
    args.out.write_text(json.dumps(result, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    for doc, info in result["documents"].items():
        print(
            f"{doc}: {len(info['training_ids'])} training sentences found in the text; "
            f"{len(info['labelled_keys_overlapping'])} labelled held-out sentences overlap them"
        )
    print(
        f"{result['found_by_text']} found by text, {len(result['by_path_only'])} more by their "
        f"corpus_ref path only ({', '.join(result['by_path_only'])})"
    )
    print(f"{result['count']} contaminated training ids written to {args.out}")
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
