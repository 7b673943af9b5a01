"""Scoring predicted records against gold documents, per label.

Three ways a predicted span can be right:

- ``exact``: same start, end and label as a gold span (each gold span matched once);
- ``overlap``: it overlaps a gold span with the same label; recall counts the gold
  spans overlapped by some prediction, precision the predictions overlapping some
  gold span (lenient: one long prediction can cover two gold spans);
- ``kb``: exact, and the same ``kb_id`` as well.

Only the labels a gold document was reviewed for are scored in that document.
An undefined ratio (nothing predicted, nothing gold) is reported as 0.0.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from typing import Any

from kamer_nlp.annotation.gold import GoldDocument, GoldSpan, TextChangedError, first_difference

MODES = ("exact", "overlap", "kb")


def _ratio(num: float, den: float) -> float:
    return num / den if den else 0.0


def _scores(found_gold: int, correct_pred: int, n_gold: int, n_pred: int) -> dict[str, Any]:
    precision = _ratio(correct_pred, n_pred)
    recall = _ratio(found_gold, n_gold)
    f1 = _ratio(2 * precision * recall, precision + recall) if precision + recall else 0.0
    return {
        "tp": found_gold,
        "fp": n_pred - correct_pred,
        "fn": n_gold - found_gold,
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "f1": round(f1, 4),
    }


def _exact(gold: list[GoldSpan], pred: list[GoldSpan], with_kb: bool) -> int:
    def key(s: GoldSpan) -> tuple[Any, ...]:
        return (s.start, s.end, s.label, s.kb_id) if with_kb else (s.start, s.end, s.label)

    return sum((Counter(map(key, gold)) & Counter(map(key, pred))).values())


def _overlapping(spans: list[GoldSpan], others: list[GoldSpan]) -> int:
    return sum(any(o.start < s.end and s.start < o.end for o in others) for s in spans)


def _predicted_spans(record: Mapping[str, Any], labels: Iterable[str]) -> list[GoldSpan]:
    wanted = set(labels)
    return [
        GoldSpan(int(s["start"]), int(s["end"]), str(s["label"]), s.get("kb_id"))
        for s in record.get("spans") or []
        if s["label"] in wanted
    ]


def evaluate(
    gold: list[GoldDocument],
    predicted_records: list[dict[str, Any]],
    *,
    labels: Iterable[str] | None = None,
) -> dict[str, Any]:
    """Per-label and micro precision/recall/F1 of ``predicted_records`` against ``gold``.

    A gold document without a prediction counts all its spans as missed and is listed
    under ``missing``; a prediction whose text differs from the gold text raises
    :class:`TextChangedError` (its offsets cannot be compared).
    """
    by_id = {r["id"]: r for r in predicted_records}
    only = set(labels) if labels is not None else None
    counts: dict[str, Counter[str]] = {}
    missing: list[str] = []
    for doc in gold:
        record = by_id.get(doc.doc_id)
        scored = [lab for lab in doc.labels if only is None or lab in only]
        if record is None:
            missing.append(doc.doc_id)
            pred_all: list[GoldSpan] = []
        else:
            if record["text"] != doc.text:
                i = first_difference(record["text"], doc.text)
                raise TextChangedError(
                    f"{doc.doc_id}: the predicted record's text differs from the gold text "
                    f"at character {i}; re-annotate or re-run with the same repair version"
                )
            pred_all = _predicted_spans(record, scored)
        for label in scored:
            g = [s for s in doc.spans if s.label == label]
            p = [s for s in pred_all if s.label == label]
            c = counts.setdefault(label, Counter())
            c["gold"] += len(g)
            c["predicted"] += len(p)
            c["exact"] += _exact(g, p, with_kb=False)
            c["kb"] += _exact(g, p, with_kb=True)
            c["overlap_gold"] += _overlapping(g, p)
            c["overlap_pred"] += _overlapping(p, g)

    def row(c: Counter[str]) -> dict[str, Any]:
        n_gold, n_pred = c["gold"], c["predicted"]
        return {
            "gold": n_gold,
            "predicted": n_pred,
            "exact": _scores(c["exact"], c["exact"], n_gold, n_pred),
            "overlap": _scores(c["overlap_gold"], c["overlap_pred"], n_gold, n_pred),
            "kb": _scores(c["kb"], c["kb"], n_gold, n_pred),
        }

    total: Counter[str] = Counter()
    for c in counts.values():
        total.update(c)
    return {
        "documents": len(gold),
        "missing": missing,
        "labels": {label: row(counts[label]) for label in sorted(counts)},
        "micro": row(total),
    }


def format_table(result: Mapping[str, Any]) -> str:
    """The scores as a plain-text table (one row per label, then the micro total)."""
    head = f"{'label':<12}{'gold':>6}{'pred':>6}"
    for mode in MODES:
        head += f"  {mode + ' P':>9}{'R':>7}{'F1':>7}"
    lines = [head, "-" * len(head)]
    rows = [*result["labels"].items(), ("micro", result["micro"])]
    for name, r in rows:
        line = f"{name:<12}{r['gold']:>6}{r['predicted']:>6}"
        for mode in MODES:
            s = r[mode]
            line += f"  {s['precision']:>9.3f}{s['recall']:>7.3f}{s['f1']:>7.3f}"
        lines.append(line)
    footer = f"{result['documents']} document(s)"
    if result["missing"]:
        footer += f"; no prediction for {len(result['missing'])}: {', '.join(result['missing'])}"
    lines.append(footer)
    return "\n".join(lines) + "\n"
