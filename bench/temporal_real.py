"""Time expressions on REAL sentences of held-out documents, beside the written cases.

    python bench/temporal_real.py [--labels 'data/labels/spans/heldout-*.S*.jsonl']
                                  [--dates 'data/labels/spans/dates.*.json'] [--corpus DIR]

The gold: the span labels of held-out sentences (docs/spans-guideline.md), one line per
sentence key with ``timexes`` — ``start``/``end`` relative to the sentence, ``kind``,
``value``, ``mod``, ``interval``, ``due`` — read with
:func:`kamer_nlp.evaluation.spans.read_span_labels`; each key's sentence is found in its
document through the commitments inventory (:func:`kamer_nlp.evaluation.show.resolved_rows`),
and the document dates (the dates the labellers resolved against) come from the dates
files (``{"doc id": "YYYY-MM-DD"}``, or a list of ``{"doc", "date"}``); a label file
``NAME.S1.jsonl`` takes its labeller's ``dates.S1.json`` first. Each label file is scored on
its own and the counts are summed (a sentence two labellers labelled counts twice).

The product: the default pipeline up to ``kamer_temporal`` on the whole document text with
that date (so ``doc.sents`` and the completion cues work as in a run). For each gold
expression the product's TIMEX that overlaps it most is its answer:

- ``found``: some TIMEX overlaps the expression;
- ``value`` / ``interval`` / ``due``: that TIMEX's field equals the gold one;
- ``all right``: value, interval and due all equal (the issue #14 floor: ≥ 95%);
- ``spurious``: TIMEX spans in the labelled sentences that overlap no gold expression.

The same figures for the written case file (tests/temporal/cases.jsonl) are printed
beside. Exits 0 with a message when there is no gold yet or the corpus is absent.
"""

from __future__ import annotations

import argparse
import datetime as dt
import glob
import json
import sys
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kamer_nlp.contracts import DocumentMeta  # noqa: E402
from kamer_nlp.evaluation.corpus import corpus_root, document_text, find_document  # noqa: E402
from kamer_nlp.evaluation.show import read_batch, resolved_rows  # noqa: E402
from kamer_nlp.evaluation.spans import INVENTORY, check_stretch, read_span_labels  # noqa: E402
from kamer_nlp.nlp.extensions import TIMEX_KEY, set_doc_meta, span_attrs_record  # noqa: E402
from kamer_nlp.temporal import find_timexes  # noqa: E402

CASES = ROOT / "tests" / "temporal" / "cases.jsonl"
LABELS = "data/labels/spans/heldout-*.S*.jsonl"
DATES = "data/labels/spans/dates.*.json"
FIELDS = ("found", "value", "interval", "due", "all right")


@dataclass
class Product:
    """A TIMEX of the product: absolute offsets and the compared fields."""

    start: int
    end: int
    value: str | None
    interval: list[str] | None
    due: str | None


@dataclass
class Scores:
    n: int = 0
    right: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FIELDS, 0))
    spurious: int = 0
    misses: list[str] = field(default_factory=list)

    def add(self, gold: Mapping[str, Any], got: Product | None, where: str) -> None:
        self.n += 1
        if got is None:
            self.misses.append(f"{where}: not found")
            return
        interval = list(gold["interval"]) if gold.get("interval") else None
        ok = {
            "found": True,
            "value": got.value == gold.get("value"),
            "interval": got.interval == interval,
            "due": got.due == gold.get("due"),
        }
        ok["all right"] = ok["value"] and ok["interval"] and ok["due"]
        for name, good in ok.items():
            self.right[name] += int(good)
        if not ok["all right"]:
            wrong = [k for k in ("value", "interval", "due") if not ok[k]]
            self.misses.append(f"{where}: wrong {', '.join(wrong)}")

    def merge(self, other: Scores) -> None:
        self.n += other.n
        self.spurious += other.spurious
        self.misses += other.misses
        for name in FIELDS:
            self.right[name] += other.right[name]

    def share(self, name: str) -> str:
        return f"{self.right[name] / self.n:6.1%}" if self.n else "     -"


def best_overlap(start: int, end: int, products: Iterable[Product]) -> Product | None:
    """The product span that overlaps [start, end) most (None when none does)."""
    best: tuple[int, Product] | None = None
    for p in products:
        overlap = min(end, p.end) - max(start, p.start)
        if overlap > 0 and (best is None or overlap > best[0]):
            best = (overlap, p)
    return best[1] if best else None


# --- the written cases ----------------------------------------------------------------


def written_scores(cases_file: Path = CASES) -> Scores:
    scores = Scores()
    with cases_file.open(encoding="utf-8") as fh:
        cases = [json.loads(line) for line in fh if line.strip()]
    for case in cases:
        if case["expect"] is None:
            continue  # negatives: only the real-text spurious count measures those
        date = dt.date.fromisoformat(case["doc_date"]) if case["doc_date"] else None
        start = case["sentence"].index(case["expression"])
        end = start + len(case["expression"])
        found = [
            Product(t.start, t.end, t.value, list(t.interval) if t.interval else None, t.due)
            for t in find_timexes(case["sentence"], doc_date=date)
        ]
        scores.add(case["expect"], best_overlap(start, end, found), case["id"])
    return scores


# --- real sentences -------------------------------------------------------------------


def read_dates(paths: Sequence[str]) -> dict[str, str]:
    """Document id → ISO date from the dates files (a mapping or a list of {doc, date})."""
    dates: dict[str, str] = {}
    for path in paths:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        if isinstance(data, Mapping) and isinstance(data.get("dates"), Mapping | list):
            data = data["dates"]
        if isinstance(data, Mapping):
            dates.update({str(k): str(v) for k, v in data.items() if v})
        else:
            for item in data:
                doc = item.get("doc") or item.get("doc_id")
                if doc and item.get("date"):
                    dates[str(doc)] = str(item["date"])
    return dates


def inventory_rows(inventory: Path, keys: set[str]) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for path in sorted(inventory.glob("*.jsonl")):
        rows += [r for r in read_batch(path) if r["key"] in keys]
    return rows


def product_timexes(text: str, date: str | None) -> list[Product]:
    """The TIMEX spans of the default pipeline (up to kamer_temporal) on ``text``."""
    from kamer_nlp.nlp.pipeline import load_pipeline

    nlp = load_pipeline("default")
    doc = nlp.make_doc(text)
    set_doc_meta(doc, DocumentMeta.from_record({"date": date}))
    for name, pipe in nlp.pipeline:
        doc = pipe(doc)
        if name == "kamer_temporal":
            break
    out = []
    for span in doc.spans[TIMEX_KEY]:
        attrs = span_attrs_record(span)
        start = attrs.get("timex_start", span.start_char)
        end = attrs.get("timex_end", span.end_char)
        out.append(Product(start, end, attrs.get("value"), attrs.get("interval"), attrs.get("due")))
    return out


def real_scores(
    labels: dict[str, dict[str, Any]],
    dates: Mapping[str, str],
    root: Path,
    inventory: Path = INVENTORY,
) -> tuple[Scores, list[str]]:
    """The scores on the labelled sentences, and the problems met (lost sentences, moved
    stretches)."""
    scores = Scores()
    problems: list[str] = []
    rows = inventory_rows(inventory, set(labels))
    cache: dict[str, list[Product]] = {}
    for row in resolved_rows(rows, root):
        key, doc_id = row["key"], row["doc"]
        if row["span"] is None:
            problems.append(f"{key}: sentence not found in {doc_id}")
            continue
        s_start, s_end = row["span"]
        text = document_text(find_document(root, doc_id))
        sentence = text[s_start:s_end]
        if doc_id not in cache:
            cache[doc_id] = product_timexes(text, dates.get(doc_id))
        here = [p for p in cache[doc_id] if p.start < s_end and s_start < p.end]
        gold = labels[key].get("timexes") or []
        for i, item in enumerate(gold):
            if "norm_sha1" in item and not check_stretch(sentence, item):
                problems.append(f"{key}#{i}: the labelled stretch moved")
            start, end = s_start + int(item["start"]), s_start + int(item["end"])
            scores.add(item, best_overlap(start, end, here), f"{key}#{i}")
        spans = [(s_start + int(g["start"]), s_start + int(g["end"])) for g in gold]
        scores.spurious += sum(
            1 for p in here if not any(p.start < e and s < p.end for s, e in spans)
        )
    missing = set(labels) - {r["key"] for r in rows}
    problems += [f"{k}: no such sentence key in the inventory" for k in sorted(missing)]
    return scores, problems


def table(columns: Sequence[tuple[str, Scores]]) -> str:
    lines = [f"{'':12}" + "".join(f"{name:>22}" for name, _ in columns)]
    lines.append(f"{'expressions':12}" + "".join(f"{s.n:>22}" for _, s in columns))
    for name in FIELDS:
        lines.append(
            f"{name:12}"
            + "".join(f"{s.share(name) + f' ({s.right[name]})':>22}" for _, s in columns)
        )
    lines.append(f"{'spurious':12}" + "".join(f"{s.spurious:>22}" for _, s in columns))
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--labels", default=LABELS, help="glob of the gold span label files")
    parser.add_argument("--dates", default=DATES, help="glob of the document date files")
    parser.add_argument("--corpus", default=None, help="default: ../shared/corpus")
    parser.add_argument("--inventory", type=Path, default=INVENTORY)
    parser.add_argument("--cases", type=Path, default=CASES)
    parser.add_argument("--show", type=int, default=0, help="print this many misses")
    parser.add_argument("--name", default="real held-out", help="the real column's heading")
    args = parser.parse_args(argv)
    written = written_scores(args.cases)
    columns: list[tuple[str, Scores]] = [("written cases", written)]
    label_files = sorted(
        glob.glob(str(ROOT / args.labels) if not Path(args.labels).is_absolute() else args.labels)
    )
    root = corpus_root(args.corpus)
    if not label_files:
        print(f"no gold span labels yet ({args.labels}): written cases only")
    elif root is None:
        print("the shared corpus is not here (../shared/corpus or --corpus): written cases only")
    else:
        date_files = sorted(
            glob.glob(str(ROOT / args.dates) if not Path(args.dates).is_absolute() else args.dates)
        )
        real, problems = Scores(), list[str]()
        for path in label_files:
            # each labeller's own document dates first (the dates they resolved against)
            labeller = Path(path).name.split(".")[-2]
            own = [d for d in date_files if Path(d).name.split(".")[-2] == labeller]
            dates = {**read_dates(date_files), **read_dates(own)}
            scores, found = real_scores(read_span_labels(path), dates, root, args.inventory)
            real.merge(scores)
            problems += found
        columns.append((args.name, real))
        for p in problems:
            print(f"problem: {p}")
        for miss in real.misses[: args.show]:
            print(f"miss: {miss}")
    print(table(columns))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
