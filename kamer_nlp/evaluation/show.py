"""Print a batch's sentences for a labeller, read from the corpus at run time.

    python -m kamer_nlp.evaluation.show data/labels/commitments/inventory/batch-001.jsonl [--context]

Each sentence: its key, the speaker's role in a debate, and the text (white space
collapsed to single spaces); with ``--context`` the sentence before it in the document is
printed first, indented and marked ``…``, unless it is the batch's own previous line. A header line names each document. A sentence
whose anchor can no longer be found is printed as ``[LOST]``.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Iterator, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

from kamer_nlp.evaluation.anchors import Anchor, NormalisedText, resolve
from kamer_nlp.evaluation.corpus import (
    CorpusDoc,
    corpus_root_or_say,
    document_text,
    documents,
)

__all__ = ["read_batch", "resolved_rows"]

_SPACES = re.compile(r"\s+")


def read_batch(path: str | Path) -> list[dict[str, Any]]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


@lru_cache(maxsize=2)
def _registry(root: Path) -> dict[str, CorpusDoc]:
    return {d.doc_id: d for d in documents(root)}


@lru_cache(maxsize=8)
def _sentences(doc: CorpusDoc) -> list[tuple[int, int]]:
    from kamer_nlp.evaluation.inventory import sentence_spans

    return sentence_spans(document_text(doc))


def resolved_rows(
    rows: Sequence[dict[str, Any]], root: Path, *, context: bool = False
) -> Iterator[dict[str, Any]]:
    """Each row with ``text`` (``None`` when lost), ``span`` and, with ``context``, ``previous``."""
    registry = _registry(root)
    index: dict[str, NormalisedText] = {}
    last: dict[str, tuple[int, int]] = {}  # the last printed sentence of each document
    for row in rows:
        doc = registry[row["doc"]]
        text = document_text(doc)
        nt = index.setdefault(doc.doc_id, NormalisedText(text))
        span = resolve(Anchor.from_dict(row), text, normalised=nt)
        out = {**row, "span": span, "text": None, "previous": None}
        if span is not None:
            out["text"] = _SPACES.sub(" ", text[span[0] : span[1]])
            if context:
                before = [s for s in _sentences(doc) if s[1] <= span[0]]
                if before and before[-1] != last.get(doc.doc_id):
                    s, e = before[-1]
                    out["previous"] = _SPACES.sub(" ", text[s:e])
            last[doc.doc_id] = span
        yield out


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m kamer_nlp.evaluation.show")
    parser.add_argument("batch", type=Path)
    parser.add_argument("--context", action="store_true", help="print the previous sentence too")
    parser.add_argument("--corpus", type=Path, default=None, help="default: ../shared/corpus")
    args = parser.parse_args(argv)
    root = corpus_root_or_say(args.corpus)
    if root is None:
        return 2
    current = None
    lost = 0
    for row in resolved_rows(read_batch(args.batch), root, context=args.context):
        if row["doc"] != current:
            current = row["doc"]
            print(f"\n=== {current}  ({row['group']}, {row['split']})")
        role = f" [{row['role']}]" if row.get("role") else ""
        if row["text"] is None:
            lost += 1
            print(f"{row['key']}{role} [LOST]")
            continue
        if args.context and row["previous"]:
            print(f"    … {row['previous']}")
        print(f"{row['key']}{role} {row['text']}")
    if lost:
        print(f"\n{lost} sentence(s) could not be found in the current text", file=sys.stderr)
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
