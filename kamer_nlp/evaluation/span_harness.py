"""References and time expressions of the product against span labels on real sentences.

    kamer-nlp evaluate spans [--corpus DIR] [--split heldout] [--json FILE]

The gold (``data/labels/spans/<batch>.<labeller>.jsonl``, written by labellers from
``docs/spans-guideline.md``) marks every time expression and reference inside the labelled
sentences of the commitments inventory, as offsets relative to the sentence plus a hash of
the stretch (``kamer_nlp.evaluation.spans``). Each document goes through the product as a
user would run it (:func:`kamer_nlp.evaluation.harness.run_product`); every sentence is
re-anchored in the product's text, every gold stretch inside it (by offsets, else by its
hash).

References, per labelled sentence, as multisets of ids:

- *explicit* gold references whose type the product knows (``REFERENCE_TYPES``) and whose id
  names one document are scored: precision and recall of the product's ids;
- gold references the product's scheme has no id for (dossier-only citations such as
  "kamerstuk 14 495", Tractatenblad, committee Handelingen) and implicit ones ("mijn brief
  van vorige week") are counted apart;
- product references flagged ``self_reference`` (a document's own footer or colophon,
  which the guideline does not mark) are left out;
- ids are compared in one form (:func:`comparable_id`): a URL without its scheme, an EU
  Commission document by series, year and number whether written as an EUR-Lex uri
  (``COM:2022:546:FIN``) or a CELEX number (``52022PC0546``) or a EUR-Lex link holding it, a
  Kamerstuk id without the rijkswet part the labellers wrote in (``kst-34417-(R2068)-7``).

Time expressions: a gold expression is *found* when a product TIMEX overlaps it; *value*,
*interval* and *due* are compared for the found ones, and *all right* needs all three.
Product TIMEX spans overlapping no gold expression are counted as extra (precision).
"""

from __future__ import annotations

import datetime as dt
import re
import time
from collections import Counter
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from kamer_nlp.evaluation.anchors import Anchor, NormalisedText, normalise, resolve_all
from kamer_nlp.evaluation.corpus import documents
from kamer_nlp.evaluation.harness import run_product
from kamer_nlp.evaluation.show import read_batch
from kamer_nlp.evaluation.spans import INVENTORY, check_stretch
from kamer_nlp.references.reference import REFERENCE_TYPES

SPANS = Path(__file__).resolve().parents[2] / "data" / "labels" / "spans"
#: an id that names one document (a dossier alone does not)
_DOCUMENT_ID = re.compile(r"^(?!kst-\d+$)(?!kst-\d+-[A-Z]+$)(?!kst-\d+-\(R\d+\)$)")
#: the ids of a type that name one published document in the product's scheme
_TYPE_ID = {"handelingen": re.compile(r"^h-(?:tk|ek)-\d{8}-\d+(?:-\d+)?$")}
_CELEX_DOC = re.compile(r"^5(\d{4})(PC|DC|SC)(\d{4})$")
_EU_URI = re.compile(r"^(COM|SWD|SEC|JOIN):(\d{4}):(\d+)(?::FIN)?$", re.I)
_SERIES = {"PC": "COM", "DC": "COM", "SC": "SWD"}


def comparable_id(kb_id: str) -> str:
    """One form for ids that name the same document in different spellings."""
    if m := re.search(r"CELEX%3A(\w+)", kb_id):
        kb_id = m.group(1)
    if m := _CELEX_DOC.match(kb_id):
        return f"{_SERIES[m.group(2)]}:{m.group(1)}:{int(m.group(3))}"
    if m := _EU_URI.match(kb_id):
        return f"{m.group(1).upper()}:{m.group(2)}:{int(m.group(3))}"
    if re.match(r"^(?:https?://|www\.)", kb_id, re.I):
        return re.sub(r"^https?://", "", kb_id, flags=re.I).rstrip("/").lower()
    return re.sub(r"-\(R\d+\)", "", kb_id)


def load_span_gold(split: str = "heldout", base: Path = SPANS) -> dict[str, dict[str, Any]]:
    """Sentence key → its gold line (``timexes``, ``references``), over every labeller's file
    of the split's batches (the first file of a batch wins where two labellers overlap)."""
    gold: dict[str, dict[str, Any]] = {}
    prefix = "heldout-" if split == "heldout" else "batch-"
    for path in sorted(base.glob(f"{prefix}*.jsonl")):
        for line in read_batch(path):
            gold.setdefault(line["key"], line)
    return gold


def _stretch(sentence: str, item: Mapping[str, Any]) -> tuple[int, int] | None:
    """Where a gold item is in the (possibly changed) sentence: its offsets, else its hash."""
    if item["end"] <= len(sentence) and check_stretch(sentence, dict(item)):
        return int(item["start"]), int(item["end"])
    nt = NormalisedText(sentence)
    found = nt.find(int(item["norm_len"]), str(item["norm_sha1"]))
    return nt.raw_span(found[0], int(item["norm_len"])) if found else None


def _scorable(ref: Mapping[str, Any]) -> bool:
    return (
        bool(ref.get("explicit", True))
        and ref.get("type") in REFERENCE_TYPES
        and ref.get("id") is not None
        and bool(_DOCUMENT_ID.match(str(ref["id"])))
        and (ref["type"] not in _TYPE_ID or bool(_TYPE_ID[ref["type"]].match(str(ref["id"]))))
    )


def _prf(tp: int, fp: int, fn: int) -> dict[str, Any]:
    p = tp / (tp + fp) if tp + fp else None
    r = tp / (tp + fn) if tp + fn else None
    f = 2 * p * r / (p + r) if p and r else None
    return {"tp": tp, "fp": fp, "fn": fn, "precision": p, "recall": r, "f1": f}


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def evaluate_spans(root: Path, *, split: str = "heldout", base: Path = SPANS) -> dict[str, Any]:
    """Run the product on the split's documents and score references and time expressions."""
    t0 = time.perf_counter()
    gold = load_span_gold(split, base)
    prefix = "heldout-" if split == "heldout" else "batch-"
    rows = [r for p in sorted(INVENTORY.glob(f"{prefix}*.jsonl")) for r in read_batch(p)]
    by_doc: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        by_doc.setdefault(row["doc"], []).append(row)
    ref_counts = Counter[str]()
    ref_types: dict[str, Counter[str]] = {}
    apart = Counter[str]()
    tx = Counter[str]()
    lost: list[str] = []
    misses: list[dict[str, Any]] = []
    for doc in documents(root):
        doc_rows = by_doc.get(doc.doc_id)
        if not doc_rows:
            continue
        run = run_product(doc)
        text = run.text
        spans, lost_i = resolve_all([Anchor.from_dict(r) for r in doc_rows], text)
        lost += [doc_rows[i]["key"] for i in lost_i]
        product_refs = [
            s
            for s in run.record["spans"]
            if s["label"] == "REFERENCE" and not s["attrs"].get("self_reference")
        ]
        product_tx = [s for s in run.record["spans"] if s["label"] == "TIMEX"]
        for i, row in enumerate(doc_rows):
            if i not in spans:
                continue
            s0, s1 = spans[i]
            sentence = text[s0:s1]
            line = gold.get(row["key"], {})
            # references: ids in this sentence, multiset
            want: Counter[str] = Counter()
            for ref in line.get("references") or []:
                if _scorable(ref):
                    want[comparable_id(str(ref["id"]))] += 1
                else:
                    apart["implicit" if not ref.get("explicit", True) else "not in scheme"] += 1
            got = Counter(
                comparable_id(str(s["kb_id"]))
                for s in product_refs
                if s["kb_id"] and s0 <= s["start"] < s1
            )
            tp = sum((want & got).values())
            ref_counts["tp"] += tp
            ref_counts["fp"] += sum(got.values()) - tp
            ref_counts["fn"] += sum(want.values()) - tp
            for kb in want - got:
                misses.append({"key": row["key"], "kind": "reference missed", "id": kb})
            for kb in got - want:
                misses.append({"key": row["key"], "kind": "reference extra", "id": kb})
            for ref in line.get("references") or []:
                if _scorable(ref):
                    t = ref_types.setdefault(str(ref["type"]), Counter())
                    t["gold"] += 1
                    t["found"] += int(got[comparable_id(str(ref["id"]))] > 0)
            # time expressions
            matched: set[int] = set()
            for item in line.get("timexes") or []:
                where = _stretch(sentence, item)
                if where is None:
                    tx["gold lost"] += 1
                    continue
                g = (s0 + where[0], s0 + where[1])
                tx["gold"] += 1
                hits = [j for j, s in enumerate(product_tx) if _overlap(g, (s["start"], s["end"]))]
                if not hits:
                    misses.append(
                        {"key": row["key"], "kind": "timex missed", "value": item.get("value")}
                    )
                    continue
                j = hits[0]
                matched.add(j)
                attrs = product_tx[j]["attrs"]
                tx["found"] += 1
                ok_value = attrs.get("value") == item.get("value")
                ok_interval = _same_interval(attrs.get("interval"), item.get("interval"))
                ok_due = attrs.get("due") == item.get("due")
                tx["value"] += ok_value
                tx["interval"] += ok_interval
                tx["due"] += ok_due
                tx["all"] += ok_value and ok_interval and ok_due
                if not (ok_value and ok_interval and ok_due):
                    misses.append(
                        {
                            "key": row["key"],
                            "kind": "timex wrong",
                            "gold": {k: item.get(k) for k in ("value", "interval", "due")},
                            "product": {k: attrs.get(k) for k in ("value", "interval", "due")},
                        }
                    )
            tx["product"] += sum(1 for s in product_tx if s0 <= s["start"] < s1)
            tx["product matched"] += sum(1 for j in matched if s0 <= product_tx[j]["start"] < s1)
    n = tx["gold"]
    return {
        "split": split,
        "date": dt.date.today().isoformat(),
        "seconds": round(time.perf_counter() - t0, 1),
        "sentences": len(rows),
        "anchors_lost": lost,
        "references": {
            **_prf(ref_counts["tp"], ref_counts["fp"], ref_counts["fn"]),
            "per_type": {t: dict(c) for t, c in sorted(ref_types.items())},
            "apart": dict(apart),
        },
        "timexes": {
            "gold": n,
            "found": _share(tx["found"], n),
            "value": _share(tx["value"], n),
            "interval": _share(tx["interval"], n),
            "due": _share(tx["due"], n),
            "all_right": _share(tx["all"], n),
            "precision": _share(tx["product matched"], tx["product"]),
            "gold_lost": tx["gold lost"],
        },
        "misses": misses,
    }


def _same_interval(a: Iterable[str] | None, b: Iterable[str] | None) -> bool:
    return (list(a) if a else None) == (list(b) if b else None)


def _share(k: int, n: int) -> dict[str, Any]:
    return {"n": k, "of": n, "share": round(k / n, 3) if n else None}


def format_span_report(result: Mapping[str, Any]) -> str:
    refs, tx = result["references"], result["timexes"]

    def f(x: Any) -> str:
        return "–" if x is None else f"{x:.3f}"

    lines = [
        f"split {result['split']}: {result['sentences']} labelled sentences, "
        f"{len(result['anchors_lost'])} anchors lost, {result['seconds']} s",
        f"references (explicit, in scheme): P {f(refs['precision'])}  R {f(refs['recall'])}  "
        f"F1 {f(refs['f1'])}  (tp {refs['tp']}, fp {refs['fp']}, fn {refs['fn']})",
        "  per type (gold/found): "
        + ", ".join(
            f"{t} {c.get('gold', 0)}/{c.get('found', 0)}" for t, c in refs["per_type"].items()
        ),
        f"  counted apart: {refs['apart']}",
        f"time expressions: {tx['gold']} gold; found {f(tx['found']['share'])}, value "
        f"{f(tx['value']['share'])}, interval {f(tx['interval']['share'])}, due "
        f"{f(tx['due']['share'])}, all right {f(tx['all_right']['share'])}; precision "
        f"{f(tx['precision']['share'])}",
    ]
    return "\n".join(lines)


__all__ = ["evaluate_spans", "format_span_report", "load_span_gold", "normalise"]
