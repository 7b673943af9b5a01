"""The sentence inventory to label: batch files of anchors, no corpus text.

    python -m kamer_nlp.evaluation.inventory --out data/labels/commitments/inventory [--corpus DIR]

Every document of :mod:`kamer_nlp.evaluation.corpus` is split into sentences by the
product's own splitter (``kamer_sentences`` of the default pipeline, on the document text
the anchors use). Sentences whose normalised form is empty (punctuation only) are left out.

- Letters, fiches, motions, decision lists, older letters: every sentence.
- Debates: every sentence of a government speaker's turn (minister, staatssecretaris), and
  of the member turn nearest before and after each government turn (chair turns in
  between are skipped over), as negatives. A debate is capped at
  :data:`DEBATE_CAP` sentences: when it holds more, government turns are taken in a seeded
  random order (with their member neighbours) while the total stays within the cap, then
  put back in document order.

Batches hold whole documents, in split → group → document order; a batch is closed once it
would go past :data:`BATCH_MAX` with the next document, if it already has
:data:`BATCH_MIN` or the next document alone has that many (so one long document makes a
batch of its own, longer than that, and a batch can be a little short of the minimum). Held-out
documents go into their own batches (``heldout-NNN.jsonl``), the others into
``batch-NNN.jsonl``. Each line: ``key`` (``<batch>-<n>``), the anchor (``doc``, ``start``,
``end``, ``norm_len``, ``norm_sha1``), ``group``, ``split``, ``role`` (debates: the
speaker's role; else null). ``manifest.json`` records, per document, its text's length and
SHA-256, the sentence count and its batch, and the documents left out and why.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import logging
import random
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kamer_nlp.errors import ExtractionError
from kamer_nlp.evaluation.anchors import make_anchor, normalise
from kamer_nlp.evaluation.corpus import (
    CorpusDoc,
    corpus_root_or_say,
    document_text,
    documents,
)
from kamer_nlp.evaluation.debates import Debate, read_debate

__all__ = ["BATCH_MAX", "BATCH_MIN", "DEBATE_CAP", "build_inventory", "sentence_spans"]

log = logging.getLogger(__name__)

DEBATE_CAP = 250
BATCH_MIN = 150
BATCH_MAX = 250
SEED = 11


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each sentence by the product's splitter, whitespace trimmed;
    sentences with no letter or digit are left out."""
    from kamer_nlp.nlp.pipeline import load_pipeline

    nlp = load_pipeline("default")
    doc = nlp.get_pipe("kamer_sentences")(nlp.make_doc(text))
    spans: list[tuple[int, int]] = []
    for sent in doc.sents:
        start, end = sent.start_char, sent.end_char
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if normalise(text[start:end]):
            spans.append((start, end))
    return spans


@dataclass
class DocSentences:
    doc: CorpusDoc
    text: str
    spans: list[tuple[int, int]]
    roles: list[str | None]
    note: str = ""


def debate_selection(
    debate: Debate, spans: Sequence[tuple[int, int]], *, cap: int = DEBATE_CAP, seed: int = SEED
) -> tuple[list[int], list[str], str]:
    """Indices of the debate sentences to label, their speakers' roles, and a note."""
    turn_of = [debate.turn_at(s) for s, _ in spans]
    by_turn: dict[int, list[int]] = {}
    for i, t in enumerate(turn_of):
        if t is not None:
            by_turn.setdefault(t, []).append(i)

    def neighbour(t: int, step: int) -> int | None:
        j = t + step
        while 0 <= j < len(debate.turns) and debate.turns[j].role == "chair":
            j += step
        if 0 <= j < len(debate.turns) and debate.turns[j].role == "member":
            return j
        return None

    gov = [t for t, turn in enumerate(debate.turns) if turn.is_government]
    groups = {
        t: {t} | {n for n in (neighbour(t, -1), neighbour(t, 1)) if n is not None} for t in gov
    }
    total = len({i for g in groups.values() for t in g for i in by_turn.get(t, [])})
    note = ""
    order = list(gov)
    if total > cap:
        random.Random(seed).shuffle(order)
        note = f"capped at {cap}: {total} sentences in government turns and their neighbours"
    chosen: set[int] = set()
    for t in order:
        extra = {i for u in groups[t] for i in by_turn.get(u, [])} - chosen
        if len(chosen) + len(extra) > cap:
            continue
        chosen |= extra
    idx = sorted(chosen)
    roles: list[str] = []
    for i in idx:  # chosen sentences all lie in a turn (they come from the turn groups)
        t = turn_of[i]
        if t is None:
            raise ValueError(f"sentence {i} of a debate lies in no turn")
        roles.append(debate.turns[t].role)
    return idx, roles, note


def doc_sentences(doc: CorpusDoc, *, cap: int = DEBATE_CAP) -> DocSentences:
    text = document_text(doc)
    spans = sentence_spans(text)
    if doc.kind != "debate":
        return DocSentences(doc, text, spans, [None] * len(spans))
    idx, roles, note = debate_selection(read_debate(doc.path), spans, cap=cap)
    return DocSentences(doc, text, [spans[i] for i in idx], list(roles), note)


def make_batches(
    docs: Sequence[DocSentences], prefix: str, *, lo: int = BATCH_MIN, hi: int = BATCH_MAX
) -> list[tuple[str, list[DocSentences]]]:
    batches: list[list[DocSentences]] = []
    current: list[DocSentences] = []
    size = 0
    for d in docs:
        n = len(d.spans)
        if n == 0:
            continue
        if current and size + n > hi and (size >= lo or n >= lo):
            batches.append(current)
            current, size = [], 0
        current.append(d)
        size += n
    if current:
        batches.append(current)
    return [(f"{prefix}-{k:03d}", b) for k, b in enumerate(batches, 1)]


def batch_rows(name: str, docs: Sequence[DocSentences]) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for d in docs:
        for (start, end), role in zip(d.spans, d.roles, strict=True):
            anchor = make_anchor(d.doc.doc_id, d.text, start, end)
            rows.append(
                {
                    "key": f"{name}-{len(rows) + 1:04d}",
                    **anchor.to_dict(),
                    "group": d.doc.group,
                    "split": d.doc.split,
                    "role": role,
                }
            )
    return rows


def build_inventory(root: Path, out: Path, *, cap: int = DEBATE_CAP) -> dict[str, Any]:
    """Write the batch files and ``manifest.json`` under ``out``; returns the manifest."""
    out.mkdir(parents=True, exist_ok=True)
    for old in [*out.glob("batch-*.jsonl"), *out.glob("heldout-*.jsonl")]:
        old.unlink()
    order = {
        g: k
        for k, g in enumerate(("modern_letters", "besluitenlijsten", "older_letters", "debates"))
    }
    all_docs = sorted(documents(root), key=lambda d: (order[d.group], d.doc_id))
    per_split: dict[str, list[DocSentences]] = {"train": [], "heldout": []}
    skipped: dict[str, str] = {}
    for doc in all_docs:
        try:
            ds = doc_sentences(doc, cap=cap)
        except ExtractionError as e:
            skipped[doc.doc_id] = f"{e.kind}: {e.message}"
            continue
        if not ds.spans:
            skipped[doc.doc_id] = (
                "no government speaker turns" if doc.kind == "debate" else "no sentences"
            )
            continue
        per_split[doc.split].append(ds)
    manifest: dict[str, Any] = {
        "debate_cap": cap,
        "batches": {},
        "documents": {},
        "skipped": skipped,
    }
    for split, prefix in (("train", "batch"), ("heldout", "heldout")):
        for name, docs in make_batches(per_split[split], prefix):
            rows = batch_rows(name, docs)
            with open(out / f"{name}.jsonl", "w", encoding="utf-8") as fh:
                fh.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
            manifest["batches"][name] = {
                "sentences": len(rows),
                "documents": len(docs),
                "groups": dict(Counter(r["group"] for r in rows)),
            }
            for d in docs:
                manifest["documents"][d.doc.doc_id] = {
                    "group": d.doc.group,
                    "split": d.doc.split,
                    "batch": name,
                    "sentences": len(d.spans),
                    "text_chars": len(d.text),
                    "text_sha256": hashlib.sha256(d.text.encode("utf-8")).hexdigest(),
                    **({"note": d.note} if d.note else {}),
                }
    totals: Counter[str] = Counter()
    docs_n: Counter[str] = Counter()
    for info in manifest["documents"].values():
        totals[f"{info['group']}/{info['split']}"] += info["sentences"]
        docs_n[f"{info['group']}/{info['split']}"] += 1
    manifest["totals"] = {
        k: {"sentences": totals[k], "documents": docs_n[k]} for k in sorted(totals)
    }
    with open(out / "manifest.json", "w", encoding="utf-8") as fh:
        json.dump(manifest, fh, ensure_ascii=False, indent=1, sort_keys=True)
        fh.write("\n")
    return manifest


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m kamer_nlp.evaluation.inventory")
    parser.add_argument("--out", type=Path, default=Path("data/labels/commitments/inventory"))
    parser.add_argument("--corpus", type=Path, default=None, help="default: ../shared/corpus")
    parser.add_argument("--cap", type=int, default=DEBATE_CAP, help="sentences per debate")
    args = parser.parse_args(argv)
    root = corpus_root_or_say(args.corpus)
    if root is None:
        return 2
    manifest = build_inventory(root, args.out, cap=args.cap)
    for key, t in manifest["totals"].items():
        print(f"{key:32} {t['documents']:4} documents {t['sentences']:6} sentences")
    for name, b in manifest["batches"].items():
        print(f"{name:12} {b['sentences']:4} sentences {b['documents']:3} documents {b['groups']}")
    for doc_id, why in manifest["skipped"].items():
        print(f"skipped {doc_id}: {why}")
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
