"""Compare two `kamer-nlp run` output folders document by document.

    python bench/compare_runs.py OUT_A OUT_B [--show 5]

For refactors that must not change behaviour: prints, per document id, which parts of the
record differ (text, paragraphs, sentences, footnotes, spans per label, commitments, meta
fields, repairs, warnings), the first differing spans, and the error lines that differ.
Exit code 0 when the records, commitment rows and error lines are the same (order and
run-specific files such as summary.json aside), 1 otherwise.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any


def _load(path: Path) -> list[dict[str, Any]]:
    if not path.exists():
        return []
    return [
        json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()
    ]


def _span_key(span: dict[str, Any]) -> tuple[Any, ...]:
    return (
        span["start"],
        span["end"],
        span["label"],
        span.get("kb_id"),
        json.dumps(span.get("attrs"), sort_keys=True),
    )


def compare(a: Path, b: Path, show: int) -> int:
    docs_a = {r["id"]: r for r in _load(a / "documents.jsonl")}
    docs_b = {r["id"]: r for r in _load(b / "documents.jsonl")}
    differ = 0
    for doc_id in sorted(set(docs_a) | set(docs_b)):
        ra, rb = docs_a.get(doc_id), docs_b.get(doc_id)
        if ra is None or rb is None:
            print(f"{doc_id}: only in {'B' if ra is None else 'A'}")
            differ += 1
            continue
        parts = []
        for key in sorted(set(ra) | set(rb)):
            if key in ("spans", "source"):
                continue
            if ra.get(key) != rb.get(key):
                if key == "meta":
                    fields = sorted(
                        k
                        for k in set(ra["meta"]) | set(rb["meta"])
                        if ra["meta"].get(k) != rb["meta"].get(k)
                    )
                    parts.append(f"meta{fields}")
                else:
                    parts.append(key)
        sa = {_span_key(s): s for s in ra["spans"]}
        sb = {_span_key(s): s for s in rb["spans"]}
        only_a = [sa[k] for k in sa.keys() - sb.keys()]
        only_b = [sb[k] for k in sb.keys() - sa.keys()]
        if only_a or only_b:
            la = Counter(s["label"] for s in only_a)
            lb = Counter(s["label"] for s in only_b)
            parts.append(f"spans(-{dict(la)} +{dict(lb)})")
        if parts:
            differ += 1
            print(f"{doc_id}: {', '.join(parts)}")
            for s in sorted(only_a, key=lambda s: s["start"])[:show]:
                print(
                    f"   - {s['label']} {s['start']}-{s['end']} {s['text'][:60]!r} {s.get('kb_id')} {json.dumps(s.get('attrs'), ensure_ascii=False)[:160]}"
                )
            for s in sorted(only_b, key=lambda s: s["start"])[:show]:
                print(
                    f"   + {s['label']} {s['start']}-{s['end']} {s['text'][:60]!r} {s.get('kb_id')} {json.dumps(s.get('attrs'), ensure_ascii=False)[:160]}"
                )
    for name in ("commitments.jsonl", "errors.jsonl"):
        la = sorted(json.dumps(r, sort_keys=True) for r in _load(a / name))
        lb = sorted(json.dumps(r, sort_keys=True) for r in _load(b / name))
        if la != lb:
            differ += 1
            print(
                f"{name}: {len(set(la) - set(lb))} lines only in A, {len(set(lb) - set(la))} only in B"
            )
    print(f"{len(set(docs_a) | set(docs_b))} documents compared, {differ} differences")
    return 1 if differ else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("a", type=Path)
    parser.add_argument("b", type=Path)
    parser.add_argument("--show", type=int, default=5)
    args = parser.parse_args()
    return compare(args.a, args.b, args.show)


if __name__ == "__main__":
    sys.exit(main())
