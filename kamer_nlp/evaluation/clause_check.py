"""The clause API against the clause check set (issue #10).

    kamer-nlp evaluate clauses [--corpus DIR] [--json FILE]

The check set (``data/labels/clauses/``, labelled from ``docs/clauses-guideline.md`` before
and without the clause API) gives, for 160 real sentences of letters and debates, every
clause with a finite verb: the finite verb, the subject, the voice, the "door" agent,
main or subordinate, and the kind. Each sentence is re-anchored in the document text (the
product's, as for the other harnesses), parsed by the default pipeline as one sentence, and
``kamer_nlp.nlp.clauses.clauses`` is read.

Per gold clause with a finite verb (om-te items have none and are counted apart):

- *finite verb*: an API clause has that token as its finite verb;
- *subject*: that clause's subject overlaps the gold subject (both none counts as right);
- *voice*: the same voice;
- *main/subordinate*: the API clause is ``main`` exactly when the gold clause is.

A gold clause whose finite verb no API clause has counts as wrong for every fact.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from kamer_nlp.evaluation.anchors import Anchor, resolve_all
from kamer_nlp.evaluation.corpus import document_text, documents
from kamer_nlp.evaluation.show import read_batch
from kamer_nlp.evaluation.span_harness import _stretch

BASE = Path(__file__).resolve().parents[2] / "data" / "labels" / "clauses"
FACTS = ("finite verb", "subject", "voice", "main/subordinate")


def load_clause_gold(base: Path = BASE) -> tuple[list[dict[str, Any]], dict[str, dict[str, Any]]]:
    rows = [r for p in sorted((base / "inventory").glob("*.jsonl")) for r in read_batch(p)]
    gold: dict[str, dict[str, Any]] = {}
    for path in sorted((base / "labels").glob("*.jsonl")):
        for line in read_batch(path):
            gold.setdefault(line["key"], line)
    return rows, gold


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def evaluate_clauses(
    root: Path,
    *,
    base: Path = BASE,
    pipeline: str = "default",
    detail: list[dict[str, Any]] | None = None,
) -> dict[str, Any]:
    """Per-fact agreement of the clause API with the check set; with ``detail``, the clauses it
    gets wrong are appended there (for the sentences of training documents only, please: the
    ones of held-out documents are the measurement)."""
    from kamer_nlp.nlp.clauses import clauses
    from kamer_nlp.nlp.pipeline import load_pipeline

    t0 = time.perf_counter()
    nlp = load_pipeline(pipeline)
    rows, gold = load_clause_gold(base)
    right: Counter[str] = Counter()
    total = 0
    om_te = Counter[str]()
    lost: list[str] = []
    per_group: dict[str, Counter[str]] = {}
    registry = {d.doc_id: d for d in documents(root)}
    by_doc: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        by_doc.setdefault(row["doc"], []).append(row)
    for doc_id, doc_rows in by_doc.items():
        text = document_text(registry[doc_id])
        spans, lost_i = resolve_all([Anchor.from_dict(r) for r in doc_rows], text)
        lost += [doc_rows[i]["key"] for i in lost_i]
        for i, row in enumerate(doc_rows):
            if i not in spans:
                continue
            sentence = text[spans[i][0] : spans[i][1]]
            doc = nlp(sentence)
            found = clauses(doc)
            group = per_group.setdefault(row["group"], Counter())
            part = per_group.setdefault(f"split:{row['split']}", Counter())
            for item in gold.get(row["key"], {}).get("clauses") or []:
                if not isinstance(item.get("finite"), Mapping):
                    om_te["gold"] += 1
                    om_te["found"] += any(c.kind == "om_te" for c in found)
                    continue
                where = _stretch(sentence, item["finite"])
                if where is None:
                    continue
                total += 1
                group["clauses"] += 1
                part["clauses"] += 1
                match = next(
                    (
                        c
                        for c in found
                        if c.finite_verb is not None
                        and _overlap(
                            where, (c.finite_verb.idx, c.finite_verb.idx + len(c.finite_verb))
                        )
                    ),
                    None,
                )
                if match is None:
                    if detail is not None:
                        detail.append(
                            {"key": row["key"], "split": row["split"], "wrong": ["finite verb"]}
                        )
                    continue
                facts = {"finite verb": True}
                subj = item.get("subject")
                gold_subject = _stretch(sentence, subj) if isinstance(subj, Mapping) else None
                api_subject = (
                    None
                    if match.subject is None
                    else (match.subject.start_char, match.subject.end_char)
                )
                facts["subject"] = (gold_subject is None and api_subject is None) or (
                    gold_subject is not None
                    and api_subject is not None
                    and _overlap(gold_subject, api_subject)
                )
                facts["voice"] = match.voice == item.get("voice")
                facts["main/subordinate"] = (match.kind == "main") == bool(item.get("main"))
                for fact, ok in facts.items():
                    right[fact] += ok
                    group[fact] += ok
                    part[fact] += ok
                if detail is not None and not all(facts.values()):
                    detail.append(
                        {
                            "key": row["key"],
                            "split": row["split"],
                            "wrong": [f for f, ok in facts.items() if not ok],
                            "gold": {k: item.get(k) for k in ("voice", "main", "type")},
                            "api": {"voice": match.voice, "kind": match.kind},
                        }
                    )
    return {
        "sentences": len(rows),
        "gold_clauses": total,
        "anchors_lost": lost,
        "accuracy": {f: round(right[f] / total, 3) if total else None for f in FACTS},
        "per_group": {
            g: {"clauses": c["clauses"], **{f: round(c[f] / c["clauses"], 3) for f in FACTS}}
            for g, c in per_group.items()
            if c["clauses"]
        },
        "om_te": dict(om_te),
        "seconds": round(time.perf_counter() - t0, 1),
    }


def format_clause_report(result: Mapping[str, Any]) -> str:
    acc = result["accuracy"]
    lines = [
        f"clause check set: {result['sentences']} sentences, {result['gold_clauses']} clauses with "
        f"a finite verb, {len(result['anchors_lost'])} anchors lost, {result['seconds']} s",
        "overall: " + ", ".join(f"{f} {acc[f]}" for f in FACTS),
    ]
    for group, g in result["per_group"].items():
        lines.append(f"  {group} ({g['clauses']}): " + ", ".join(f"{f} {g[f]}" for f in FACTS))
    lines.append(f"om-te items: {result['om_te']}")
    return "\n".join(lines)
