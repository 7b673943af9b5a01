"""Cross-references: kamer-nlp against nllegalcit on the project's case file.

The case file was written next to the code (plus paraphrased real forms): these figures are
a regression pin and a comparison of coverage, not evidence of accuracy. Accuracy on real
text, on held-out documents never tuned on, is ``kamer-nlp evaluate spans``.

    python bench/references_vs_nllegalcit.py

Runs every case of ``tests/references/cases.jsonl`` through nllegalcit (PyPI) and
through ``kamer_nlp.references.find_references`` and prints precision and recall
side by side, per reference type and overall.

Scoring: a reference is the pair (type, id); for a letter cited by date the id is
its resolved date. Matching is per case, as a multiset. nllegalcit returns no
offsets, so the id-level score is the only one both tools get; kamer-nlp's
offset-exact score (start, end, type, id) is printed beside it.
Skips with a message (exit 0) when nllegalcit is not installed.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import json
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
CASES = ROOT / "tests" / "references" / "cases.jsonl"
sys.path.insert(0, str(ROOT))

Item = tuple[str, str]  # (type, id)


def load_cases() -> list[dict[str, Any]]:
    with CASES.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def gold_items(case: dict[str, Any]) -> Counter[Item]:
    return Counter((e["type"], e["kb_id"] or str(e.get("date"))) for e in case["expect"])


def gold_spans(case: dict[str, Any]) -> Counter[tuple[int, int, str, str]]:
    out: Counter[tuple[int, int, str, str]] = Counter()
    pos = 0
    for e in case["expect"]:
        start = case["text"].find(e["text"], pos)
        pos = start + len(e["text"])
        out[(start, pos, e["type"], e["kb_id"] or str(e.get("date")))] += 1
    return out


def kamer_nlp_run(case: dict[str, Any]) -> tuple[Counter[Item], Counter[tuple[int, int, str, str]]]:
    from kamer_nlp.references import find_references

    date = dt.date.fromisoformat(case["doc_date"]) if case.get("doc_date") else None
    refs = find_references(case["text"], doc_date=date)
    items = Counter((r.type, r.kb_id or str(r.date)) for r in refs)
    spans = Counter((r.start, r.end, r.type, r.kb_id or str(r.date)) for r in refs)
    return items, spans


def nllegalcit_item(citation: Any) -> Item | None:
    """nllegalcit's citation objects -> (type, canonical id) in the kamer-nlp scheme."""
    name = type(citation).__name__
    if name == "KamerstukCitation":
        return "kamerstuk", f"kst-{citation.dossiernummer}-{citation.ondernummer}"
    if name == "HandelingCitation":
        kamer = {"II": "tk", "I": "ek"}.get(str(citation.kamer), str(citation.kamer).lower())
        years = str(citation.vergaderjaar).replace("-", "")
        base = f"h-{kamer}-{years}-{citation.vergaderingnummer}"
        item = int(citation.itemnummer)
        return "handelingen", f"{base}-{item}" if item != -1 else base
    if name == "EcliCitation":
        return "ecli", str(citation)
    return None


def nllegalcit_run(case: dict[str, Any], parse: Any) -> tuple[Counter[Item], bool]:
    sink = io.StringIO()
    try:
        with contextlib.redirect_stdout(sink):  # nllegalcit prints its parse trees
            citations = parse(case["text"])
    except Exception:  # a parse error counts as "nothing found"
        return Counter(), False
    items = [nllegalcit_item(c) for c in citations]
    return Counter(i for i in items if i is not None), True


def score(gold: Counter[Any], found: Counter[Any]) -> tuple[int, int, int]:
    tp = sum((gold & found).values())
    return tp, sum(found.values()) - tp, sum(gold.values()) - tp


def pr(tp: int, fp: int, fn: int) -> str:
    p = f"{tp / (tp + fp):6.1%}" if tp + fp else "     —"  # nothing predicted
    r = f"{tp / (tp + fn):6.1%}" if tp + fn else "     —"
    return f"P {p}  R {r}"


def main() -> int:
    try:
        import nllegalcit
    except ImportError:
        print("nllegalcit is not installed (pip install nllegalcit); skipping the benchmark.")
        return 0

    cases = load_cases()
    per_type: dict[str, dict[str, list[int]]] = {}
    totals = {"nllegalcit": [0, 0, 0], "kamer-nlp": [0, 0, 0], "kamer-nlp offsets": [0, 0, 0]}
    errors = 0
    timing = {"nllegalcit": 0.0, "kamer-nlp": 0.0}

    for case in cases:
        gold = gold_items(case)
        t0 = time.perf_counter()
        theirs, ok = nllegalcit_run(case, nllegalcit.parse_citations)
        t1 = time.perf_counter()
        ours, our_spans = kamer_nlp_run(case)
        t2 = time.perf_counter()
        timing["nllegalcit"] += t1 - t0
        timing["kamer-nlp"] += t2 - t1
        errors += not ok
        for tool, found in (("nllegalcit", theirs), ("kamer-nlp", ours)):
            s = score(gold, found)
            totals[tool] = [a + b for a, b in zip(totals[tool], s, strict=True)]
            types = {t for t, _ in gold} | {t for t, _ in found}
            for t in types:
                g = Counter({k: v for k, v in gold.items() if k[0] == t})
                f = Counter({k: v for k, v in found.items() if k[0] == t})
                row = per_type.setdefault(t, {}).setdefault(tool, [0, 0, 0])
                for i, v in enumerate(score(g, f)):
                    row[i] += v
        s = score(gold_spans(case), our_spans)
        totals["kamer-nlp offsets"] = [
            a + b for a, b in zip(totals["kamer-nlp offsets"], s, strict=True)
        ]

    n_gold = sum(sum(gold_items(c).values()) for c in cases)
    n_neg = sum(1 for c in cases if not c["expect"])
    print(
        f"Cross-references: {len(cases)} cases ({n_neg} negatives), {n_gold} gold references "
        "(written cases: a regression pin; real held-out text: kamer-nlp evaluate spans)"
    )
    print(f"{'type':16} {'gold':>5}   {'nllegalcit':^24}   {'kamer-nlp':^24}")
    for t in sorted(per_type):
        rows = per_type[t]
        nl = rows.get("nllegalcit", [0, 0, 0])
        km = rows.get("kamer-nlp", [0, 0, 0])
        gold_n = km[0] + km[2]
        print(f"{t:16} {gold_n:5}   {pr(*nl):24}   {pr(*km):24}")
    print(
        f"{'overall (id)':16} {n_gold:5}   {pr(*totals['nllegalcit']):24}   {pr(*totals['kamer-nlp']):24}"
    )
    print(
        f"{'overall (offsets)':16}        {'n/a (no offsets)':24}   {pr(*totals['kamer-nlp offsets']):24}"
    )
    print(
        f"nllegalcit parse errors: {errors}; time: nllegalcit {timing['nllegalcit']:.2f}s, kamer-nlp {timing['kamer-nlp']:.2f}s"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
