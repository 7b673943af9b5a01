"""The commitments harness: the product, end to end, against the labelled real sentences.

    kamer-nlp evaluate commitments [--corpus DIR] [--split heldout|train] [--json FILE]

Each document of the split that has labelled sentences goes through the product as a user
would run it (:func:`run_product`):

- PDFs and ``.txt`` files: :func:`kamer_nlp.api.annotate_file` (the date the product finds);
- older letters (``sgd-<id>``, a line of a JSON-lines file): :func:`kamer_nlp.api.annotate_text`
  on the JSON ``text``, with ``date=`` the date the letter states on its place-and-date line
  ("'s-Gravenhage, 21 juni 1983", also the OCR-glued "14februari 1990") when there is one,
  as a user who reads the letter would pass it; else no date (the product looks itself);
- debates (official and VLOS XML): :func:`kamer_nlp.api.annotate_file`, the product's own
  XML reader (its turns give each commitment's speaker); the sentences were anchored on the
  text of the earlier temporary reader (:mod:`kamer_nlp.evaluation.debates`) and re-anchor
  by their normalised hash.

Every labelled sentence's anchor is resolved in the product's own text (``record["text"]``,
:func:`kamer_nlp.evaluation.anchors.resolve_all`); anchors not found are reported as lost.
A labelled sentence counts as *found as a commitment* when a product commitment record
overlaps it by at least one character, and as *found as a link* when a product link record
does; so precision and recall are counted per labelled sentence. Product records that overlap
no labelled sentence (in debates only a selection of sentences is labelled) are *unjudged*
and counted separately.

Figures (:func:`metrics`), per source group and overall:

- promise P/R/F1 (product commitment vs gold promise), plan recall (gold plan found as a
  commitment), promise+plan P/R/F1 (product commitment vs gold promise ∪ plan);
- link P/R/F1 (product link vs gold mention ∪ fulfils) and fulfils recall;
- the hard-negative rate: of the gold-``not`` sentences that *look like* commitments, the
  share found as a commitment. A sentence looks like a commitment when a cue of kind
  ``commitment`` of the product's cue set (``resources/commitments/cues.json``) matches it,
  or when it holds the word "zal", "zullen" or "gaan" (whole word, any case);
- due dates: of the gold promises with a deadline text, how many are found as a
  commitment, how many of those carry a product ``deadline`` whose span overlaps the gold
  deadline text (located in the sentence by its normalised form), and, for those with a
  hand-written gold due date (``due/<split>.jsonl``), how many have the product ``due``
  equal to it (both null counts as equal);
- debates: of all product commitments in the debate texts, the share in turns of members,
  government speakers, the chair.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
import time
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kamer_nlp.evaluation.anchors import NormalisedText, make_anchor, normalise, resolve_all
from kamer_nlp.evaluation.corpus import GROUPS, CorpusDoc, _sgd_texts, documents
from kamer_nlp.evaluation.gold import GoldSentence, load_gold
from kamer_nlp.evaluation.labels import BASE

__all__ = [
    "DocRun",
    "Outcome",
    "evaluate_commitments",
    "format_report",
    "letter_date",
    "looks_like_commitment",
    "match_document",
    "metrics",
    "run_product",
]

log = logging.getLogger(__name__)

FUTURE_WORDS = re.compile(r"\b(?:zal|zullen|gaan)\b", re.IGNORECASE)


# ------------------------------------------------------------------ running the product


@dataclass
class DocRun:
    """One document as the product sees it: its record and how it was run."""

    doc: CorpusDoc
    record: dict[str, Any]
    how: str  # "annotate_file" | "annotate_text(date=…)" …
    date_passed: str | None = None
    debate_text: str | None = None  # the temporary reader's text (debates)
    turn_roles: list[tuple[int, int, str]] = field(default_factory=list)

    @property
    def text(self) -> str:
        return str(self.record["text"])


def letter_date(text: str) -> dt.date | None:
    """The date an older letter states on its place-and-date line ("'s-Gravenhage, 21 juni
    1983", "Zoetermeer, 4 juli 1990"; OCR often glues day and month: "14februari 1990"), in
    the first 1,500 characters."""
    from kamer_nlp.lang.dates import date_from_parts, month_alternation

    pattern = re.compile(  # a capitalised place name (not "van 3 juni 1990"), then the date
        rf"(?:^|\s)(?:[’'`]s[- ]?)?[A-Z][a-z]+(?:[- ][A-Z][a-z]+)?,?[ \t]*(\d{{1,2}})[ \t]*"
        rf"(?i:({month_alternation()}))[ \t]*(\d{{4}})",
        re.MULTILINE,
    )
    m = pattern.search(text[:1500])
    return date_from_parts(m[1], m[2], m[3]) if m else None


def run_product(doc: CorpusDoc) -> DocRun:
    """The product's record of one document (see the module doc for how each kind is run)."""
    from kamer_nlp import api

    if doc.kind in ("pdf", "txt"):
        return DocRun(doc, api.annotate_file(doc.path), "annotate_file")
    if doc.kind == "sgd":
        assert doc.sgd_id is not None
        text = _sgd_texts(doc.path)[doc.sgd_id]
        date = letter_date(text)
        iso = date.isoformat() if date else None
        record = api.annotate_text(text, date=iso, doc_id=doc.doc_id)
        return DocRun(doc, record, "annotate_text(JSON text, stated date)", iso)
    # debates: the product reads official and VLOS XML itself (issue #15)
    record = api.annotate_file(doc.path)
    roles = [(t["start"], t["end"], t["role"]) for t in record.get("turns") or []]
    return DocRun(
        doc, record, "annotate_file (XML)", record["meta"].get("date"), record["text"], roles
    )


# ------------------------------------------------------------------ matching


@dataclass(frozen=True)
class Outcome:
    """One labelled sentence against the product's output."""

    key: str
    doc: str
    group: str
    gold: str  # promise | plan | not
    link: str  # none | mention | fulfils
    commitment: bool  # a product commitment overlaps the sentence
    product_link: bool  # a product link overlaps the sentence
    looks_like: bool  # cue or future modal present (for the hard-negative rate)
    deadline: str = ""  # gold deadline text
    deadline_found: bool = False  # the gold deadline text was located in the sentence
    deadline_overlap: bool = False  # a product deadline overlaps the gold deadline text
    has_due: bool = False
    gold_due: str | None = None
    product_due: str | None = None


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _cues() -> Any:
    from kamer_nlp.commitments.cues import CueSet

    return CueSet.default()


def looks_like_commitment(sentence: str, cues: Any = None) -> bool:
    """A commitment-kind cue of the product's cue set matches, or "zal/zullen/gaan" is there."""
    from kamer_nlp.commitments.cues import COMMITMENT

    cues = cues or _cues()
    if FUTURE_WORDS.search(sentence):
        return True
    return any(m.kind == COMMITMENT for m in cues.match(sentence))


def locate(needle: str, text: str, start: int, end: int) -> tuple[int, int] | None:
    """Raw offsets of ``needle`` (compared in normalised form) inside ``text[start:end]``."""
    target = normalise(needle)
    if not target:
        return None
    nt = NormalisedText(text[start:end])
    i = nt.norm.find(target)
    if i < 0:
        return None
    s, e = nt.raw_span(i, len(target))
    return start + s, start + e


def match_document(
    text: str,
    record: Mapping[str, Any],
    gold: Sequence[GoldSentence],
    *,
    cues: Any = None,
) -> tuple[list[Outcome], list[str], int, int]:
    """Outcomes of the labelled sentences of one document; the keys of lost anchors; the
    numbers of product commitments and links that overlap no labelled sentence."""
    cues = cues or _cues()
    found, lost_idx = resolve_all([g.anchor for g in gold], text)
    commitments = [c for c in record.get("commitments", []) if c.get("start") is not None]
    links = [c for c in record.get("commitment_links", []) if c.get("start") is not None]
    spans = list(found.values())
    outcomes: list[Outcome] = []
    for i, g in enumerate(gold):
        if i not in found:
            continue
        span = found[i]
        hits = [c for c in commitments if _overlaps(span, (c["start"], c["end"]))]
        link_hit = any(_overlaps(span, (c["start"], c["end"])) for c in links)
        sentence = text[span[0] : span[1]]
        gold_dl = locate(g.deadline, text, *span) if g.deadline else None
        deadlines = [c["deadline"] for c in hits if c.get("deadline")]
        overlap = gold_dl is not None and any(
            _overlaps(gold_dl, (d["start"], d["end"])) for d in deadlines
        )
        product_due = next((d.get("due") for d in deadlines if d.get("due")), None)
        outcomes.append(
            Outcome(
                key=g.key,
                doc=g.doc,
                group=g.group,
                gold=g.label,
                link=g.link,
                commitment=bool(hits),
                product_link=link_hit,
                looks_like=looks_like_commitment(sentence, cues),
                deadline=g.deadline,
                deadline_found=gold_dl is not None,
                deadline_overlap=overlap,
                has_due=g.has_due,
                gold_due=g.due,
                product_due=product_due,
            )
        )
    unjudged_c = sum(
        1 for c in commitments if not any(_overlaps((c["start"], c["end"]), s) for s in spans)
    )
    unjudged_l = sum(
        1 for c in links if not any(_overlaps((c["start"], c["end"]), s) for s in spans)
    )
    return outcomes, [gold[i].key for i in lost_idx], unjudged_c, unjudged_l


# ------------------------------------------------------------------ figures


def prf(tp: int, fp: int, fn: int) -> dict[str, float | int | None]:
    """Precision, recall, F1 (``None`` where undefined: nothing predicted / nothing gold)."""
    p = tp / (tp + fp) if tp + fp else None
    r = tp / (tp + fn) if tp + fn else None
    f = 2 * p * r / (p + r) if p is not None and r is not None and p + r else None
    if p is not None and r is not None and not p + r:
        f = 0.0
    return {"precision": p, "recall": r, "f1": f, "tp": tp, "fp": fp, "fn": fn}


def _ratio(k: int, n: int) -> dict[str, float | int | None]:
    return {"n": n, "k": k, "rate": k / n if n else None}


def metrics(outcomes: Iterable[Outcome]) -> dict[str, Any]:
    """The figures of the module doc over a set of outcomes."""
    rows = list(outcomes)

    def count(pred: str, gold: set[str]) -> dict[str, float | int | None]:
        tp = sum(1 for o in rows if getattr(o, pred) and o.gold in gold)
        fp = sum(1 for o in rows if getattr(o, pred) and o.gold not in gold)
        fn = sum(1 for o in rows if not getattr(o, pred) and o.gold in gold)
        return prf(tp, fp, fn)

    def is_link(o: Outcome) -> bool:
        return o.link != "none"

    link_tp = sum(1 for o in rows if o.product_link and is_link(o))
    link_fp = sum(1 for o in rows if o.product_link and not is_link(o))
    link_fn = sum(1 for o in rows if not o.product_link and is_link(o))
    plans = [o for o in rows if o.gold == "plan"]
    fulfils = [o for o in rows if o.link == "fulfils"]
    hard = [o for o in rows if o.gold == "not" and o.looks_like]
    with_deadline = [o for o in rows if o.gold == "promise" and o.deadline]
    found = [o for o in with_deadline if o.commitment]
    with_due = [o for o in with_deadline if o.has_due]
    dated = [o for o in with_due if o.gold_due is not None]
    undated = [o for o in with_due if o.gold_due is None]
    return {
        "sentences": len(rows),
        "documents": len({o.doc for o in rows}),
        "gold": dict(Counter(o.gold for o in rows)),
        "gold_link": dict(Counter(o.link for o in rows if o.link != "none")),
        "product_commitments": sum(o.commitment for o in rows),
        "product_links": sum(o.product_link for o in rows),
        "promise": count("commitment", {"promise"}),
        "plan_recall": _ratio(sum(o.commitment for o in plans), len(plans)),
        "promise_plan": count("commitment", {"promise", "plan"}),
        "link": prf(link_tp, link_fp, link_fn),
        "fulfils_recall": _ratio(sum(o.product_link for o in fulfils), len(fulfils)),
        "hard_negative": _ratio(sum(o.commitment for o in hard), len(hard)),
        "not_flagged": _ratio(
            sum(o.commitment for o in rows if o.gold == "not"),
            sum(1 for o in rows if o.gold == "not"),
        ),
        "due": {
            "promises_with_deadline": len(with_deadline),
            "found_as_commitment": len(found),
            "gold_deadline_located": sum(o.deadline_found for o in with_deadline),
            "deadline_overlap": _ratio(sum(o.deadline_overlap for o in found), len(found)),
            "deadline_overlap_of_all": _ratio(
                sum(o.deadline_overlap for o in with_deadline), len(with_deadline)
            ),
            "with_gold_due": len(with_due),
            "due_correct": _ratio(
                sum(o.commitment and o.product_due == o.gold_due for o in with_due), len(with_due)
            ),
            "due_correct_dated": _ratio(
                sum(o.commitment and o.product_due == o.gold_due for o in dated), len(dated)
            ),
            "due_spurious": _ratio(
                sum(o.commitment and o.product_due is not None for o in undated), len(undated)
            ),
            "due_correct_of_found": _ratio(
                sum(o.product_due == o.gold_due for o in with_due if o.commitment),
                sum(o.commitment for o in with_due),
            ),
        },
    }


def _speaker_shares(runs: Sequence[DocRun]) -> dict[str, Any]:
    """Who spoke the product's debate commitments: each commitment's sentence is re-anchored
    in the reader's text and looked up in the turn table."""
    roles: Counter[str] = Counter()
    for run in runs:
        if run.debate_text is None:
            continue
        raw = run.debate_text
        nt = NormalisedText(raw)
        from kamer_nlp.evaluation.anchors import resolve

        for c in run.record.get("commitments", []):
            if c.get("start") is None:
                continue
            anchor = make_anchor(run.doc.doc_id, run.text, c["start"], c["end"])
            span = resolve(anchor, raw, normalised=nt)
            role = "unplaced"
            if span is not None:
                role = next((r for s, e, r in run.turn_roles if s <= span[0] < e), "unplaced")
            roles[role] += 1
    total = sum(roles.values())
    gov = roles["minister"] + roles["minister-president"] + roles["staatssecretaris"]
    return {
        "product_commitments": total,
        "by_role": dict(roles),
        "member_share": roles["member"] / total if total else None,
        "government_share": gov / total if total else None,
    }


# ------------------------------------------------------------------ the whole run


def _contaminated_keys(base: Path) -> set[str]:
    """Held-out labelled keys whose sentence the shipped model was trained on
    (``contaminated.json``, :mod:`kamer_nlp.evaluation.contamination`)."""
    import json

    path = base / "contaminated.json"
    if not path.is_file():
        return set()
    data = json.loads(path.read_text(encoding="utf-8"))
    return {k for info in data["documents"].values() for k in info["labelled_keys_overlapping"]}


def evaluate_commitments(
    root: Path, *, split: str = "heldout", base: Path = BASE
) -> dict[str, Any]:
    """Run the product on the split's labelled documents and compute every figure."""
    t0 = time.perf_counter()
    gold = load_gold(split, base)
    by_doc: dict[str, list[GoldSentence]] = {}
    for g in gold.sentences:
        by_doc.setdefault(g.doc, []).append(g)
    docs = [d for d in documents(root) if d.doc_id in by_doc]
    missing_docs = sorted(set(by_doc) - {d.doc_id for d in docs})
    cues = _cues()
    outcomes: list[Outcome] = []
    lost: list[str] = []
    unjudged: Counter[str] = Counter()
    runs: list[DocRun] = []
    how: Counter[str] = Counter()
    dates: Counter[str] = Counter()
    for doc in docs:
        run = run_product(doc)
        runs.append(run)
        how[run.how] += 1
        if doc.kind == "sgd":
            dates["sgd: stated date passed" if run.date_passed else "sgd: no date line"] += 1
        o, lost_keys, uc, ul = match_document(run.text, run.record, by_doc[doc.doc_id], cues=cues)
        outcomes += o
        lost += lost_keys
        unjudged[f"{doc.group}/commitments"] += uc
        unjudged[f"{doc.group}/links"] += ul
    seen = _contaminated_keys(base) & {o.key for o in outcomes}
    clean = metrics(o for o in outcomes if o.group == "debates" and o.key not in seen)
    groups = {g: metrics(o for o in outcomes if o.group == g) for g in GROUPS}
    groups = {g: m for g, m in groups.items() if m["sentences"]}
    return {
        "split": split,
        "date": dt.date.today().isoformat(),
        "seconds": round(time.perf_counter() - t0, 1),
        "labelled_sentences": len(gold.sentences),
        "unlabelled_sentences": gold.unlabelled,
        "unlabelled_batches": list(gold.unlabelled_batches),
        "adjudicated": sum(g.adjudicated for g in gold.sentences),
        "anchors_lost": lost,
        "documents_missing": missing_docs,
        "runs": dict(how),
        "dates": dict(dates),
        "unjudged": dict(unjudged),
        "groups": groups,
        "overall": metrics(outcomes),
        "debate_speakers": _speaker_shares(runs),
        "debates_without_contaminated": {"excluded": len(seen), **clean},
        "outcomes": [o.__dict__ for o in outcomes],
    }


# ------------------------------------------------------------------ report


def _f(x: Any) -> str:
    return "–" if x is None else f"{x:.2f}"


def _p(m: Mapping[str, Any]) -> str:
    return f"{_f(m['precision'])} / {_f(m['recall'])} / {_f(m['f1'])}"


def _r(m: Mapping[str, Any]) -> str:
    return f"{_f(m['rate'])} ({m['k']}/{m['n']})"


def report_rows(result: Mapping[str, Any]) -> list[tuple[str, ...]]:
    """The per-group table as rows of strings (header first)."""
    header = (
        "group",
        "docs",
        "sent.",
        "promise/plan/link",
        "promise P/R/F1",
        "plan R",
        "promise+plan P/R/F1",
        "link P/R/F1",
        "fulfils R",
        "hard-neg",
    )
    rows: list[tuple[str, ...]] = [header]
    for name, m in [*result["groups"].items(), ("overall", result["overall"])]:
        gold = m["gold"]
        n_link = sum(m["gold_link"].values())
        rows.append(
            (
                name,
                str(m["documents"]),
                str(m["sentences"]),
                f"{gold.get('promise', 0)}/{gold.get('plan', 0)}/{n_link}",
                _p(m["promise"]),
                _r(m["plan_recall"]),
                _p(m["promise_plan"]),
                _p(m["link"]),
                _r(m["fulfils_recall"]),
                _r(m["hard_negative"]),
            )
        )
    return rows


def format_report(result: Mapping[str, Any]) -> str:
    """A plain-text report (the CLI renders the same rows as a table)."""
    rows = report_rows(result)
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    lines = ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)) for r in rows]
    return "\n".join([*lines, *summary_lines(result)])


def summary_lines(result: Mapping[str, Any]) -> list[str]:
    o = result["overall"]
    due = o["due"]
    sp = result["debate_speakers"]
    lines = [
        f"split {result['split']}: {o['documents']} documents, {result['labelled_sentences']} "
        f"labelled sentences ({result['adjudicated']} adjudicated), "
        f"{result['unlabelled_sentences']} not labelled yet"
        + (f" ({', '.join(result['unlabelled_batches'])})" if result["unlabelled_batches"] else ""),
        f"anchors lost: {len(result['anchors_lost'])}"
        + (f" ({', '.join(result['anchors_lost'][:10])})" if result["anchors_lost"] else ""),
        f"due dates: {due['promises_with_deadline']} gold promises with a deadline, "
        f"{due['found_as_commitment']} found as a commitment; product deadline overlaps the "
        f"gold deadline in {_r(due['deadline_overlap'])} of those found "
        f"({_r(due['deadline_overlap_of_all'])} of all); due equal to the gold due in "
        f"{_r(due['due_correct'])} of those with a gold due "
        f"({_r(due['due_correct_of_found'])} of those found; "
        f"{_r(due['due_correct_dated'])} where the gold due is a date; a product due where the "
        f"gold has none: {_r(due['due_spurious'])})",
    ]
    if sp["product_commitments"]:
        lines.append(
            f"debates: {sp['product_commitments']} product commitments, by speaker role "
            f"{sp['by_role']}; member share {_f(sp['member_share'])}"
        )
    clean = result["debates_without_contaminated"]
    if clean["excluded"] and clean["sentences"]:
        lines.append(
            f"debates without the {clean['excluded']} labelled sentences the shipped model was "
            f"trained on: promise P/R/F1 {_p(clean['promise'])}, promise+plan "
            f"{_p(clean['promise_plan'])}"
        )
    lines.append(
        f"unjudged product records (overlapping no labelled sentence): {result['unjudged']}"
    )
    lines.append(f"runs: {result['runs']}; dates: {result['dates']}; {result['seconds']} s")
    return lines
