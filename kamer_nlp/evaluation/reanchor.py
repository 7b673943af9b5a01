"""Write re-anchored offsets back into the inventory files after the product's text changed.

    python -m kamer_nlp.evaluation.reanchor [--corpus DIR]

Anchors re-anchor on the fly (:func:`kamer_nlp.evaluation.anchors.resolve`), but the
committed files should point at the current text exactly (the inventory test checks it):
every row of ``data/labels/commitments/inventory/*.jsonl`` and
``data/labels/clauses/inventory/*.jsonl`` gets the offsets its normalised hash has in the
current document text, and the manifest the current text digests. Rows that cannot be found
are reported and left as they are (exit 1). The hash never changes, so labels stay attached.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from kamer_nlp.evaluation.anchors import Anchor, resolve_all
from kamer_nlp.evaluation.corpus import corpus_root_or_say, document_text, documents
from kamer_nlp.evaluation.show import read_batch
from kamer_nlp.evaluation.spans import INVENTORY

FOLDERS = (INVENTORY, INVENTORY.parents[1] / "clauses" / "inventory")


def reanchor(root: Path, folders: Sequence[Path] = FOLDERS) -> list[str]:
    registry = {d.doc_id: d for d in documents(root)}
    texts: dict[str, str] = {}
    lost: list[str] = []
    for folder in folders:
        for path in sorted(folder.glob("*.jsonl")):
            rows = read_batch(path)
            for doc_id in {r["doc"] for r in rows}:
                if doc_id not in texts:
                    texts[doc_id] = document_text(registry[doc_id])
            by_doc: dict[str, list[int]] = {}
            for i, r in enumerate(rows):
                by_doc.setdefault(r["doc"], []).append(i)
            for doc_id, idx in by_doc.items():
                found, missing = resolve_all(
                    [Anchor.from_dict(rows[i]) for i in idx], texts[doc_id]
                )
                for j, (start, end) in found.items():
                    rows[idx[j]]["start"], rows[idx[j]]["end"] = start, end
                lost += [rows[idx[j]]["key"] for j in missing]
            path.write_text(
                "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8"
            )
        manifest_path = folder / "manifest.json"
        if manifest_path.is_file():
            manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
            for doc_id, entry in manifest.get("documents", {}).items():
                if doc_id in texts:
                    entry["text_sha256"] = hashlib.sha256(texts[doc_id].encode("utf-8")).hexdigest()
                    if "text_length" in entry:
                        entry["text_length"] = len(texts[doc_id])
            manifest_path.write_text(
                json.dumps(manifest, ensure_ascii=False, indent=1, sort_keys=True) + "\n",
                encoding="utf-8",
            )
    return lost


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m kamer_nlp.evaluation.reanchor")
    parser.add_argument("--corpus", type=Path, default=None)
    args = parser.parse_args(argv)
    root = corpus_root_or_say(args.corpus)
    if root is None:
        return 2
    lost = reanchor(root)
    for key in lost:
        print(f"not found: {key}", file=sys.stderr)
    print(f"re-anchored; {len(lost)} rows not found")
    return 1 if lost else 0


if __name__ == "__main__":
    raise SystemExit(main())
