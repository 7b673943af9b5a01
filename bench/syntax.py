"""What the syntax model costs: pages/s of the full default pipeline with and without it.

    python bench/syntax.py [--repeat 3] [--corpus DIR] [--pipeline default]

Real corpus text: the PDFs of ``../shared/corpus/letters`` (read and repaired, their
real page count) and the letters of ``sgd/minister-letters-dev.jsonl`` (pages of about
3,000 characters). Each document runs through the pipeline twice per round, interleaved,
in the same process: once with every pipe, once with the syntax pipes (tok2vec, tagger,
morphologizer, parser) disabled. Two ratios are printed: the NLP stage alone, and the
whole ``annotate`` path (PDF extraction + repair, timed once per document, added to
both). Acceptance: the parser costs at most half the throughput (ratio >= 0.5).
Skips, with a message, when the corpus is absent.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kamer_nlp.contracts import DocumentMeta  # noqa: E402
from kamer_nlp.errors import ExtractionError  # noqa: E402
from kamer_nlp.nlp.extensions import set_doc_meta  # noqa: E402
from kamer_nlp.nlp.pipeline import load_pipeline, process  # noqa: E402

CHARS_PER_PAGE = 3000
SYNTAX_PIPES = ("tok2vec", "tagger", "morphologizer", "parser")
ACCEPT_RATIO = 0.5


def documents(corpus: Path) -> list[tuple[str, str, float, float]]:
    """(name, repaired text, pages, seconds to extract + repair) per usable document."""
    from kamer_nlp.api import repair_pdf, repair_text

    out: list[tuple[str, str, float, float]] = []
    for path in sorted((corpus / "letters").glob("*.pdf")):
        t0 = time.perf_counter()
        try:
            rt = repair_pdf(path)
        except ExtractionError as e:
            print(f"  skip {path.name}: {e.kind}", file=sys.stderr)
            continue
        out.append((path.name, rt.text, float(rt.pages), time.perf_counter() - t0))
    for path in sorted((corpus / "sgd").glob("*.jsonl")):
        with path.open(encoding="utf-8") as fh:
            for n, line in enumerate(fh):
                text = json.loads(line).get("text") if line.strip() else None
                if isinstance(text, str) and text.strip():
                    t0 = time.perf_counter()
                    repaired = repair_text(text).text
                    pages = max(1.0, len(repaired) / CHARS_PER_PAGE)
                    out.append((f"{path.name}:{n}", repaired, pages, time.perf_counter() - t0))
    return out


def run(nlp, text: str, disable: tuple[str, ...]) -> float:  # type: ignore[no-untyped-def]
    t0 = time.perf_counter()
    doc = nlp.make_doc(text)
    set_doc_meta(doc, DocumentMeta.from_record({"date": "2018-02-14"}))
    with nlp.select_pipes(disable=list(disable)):
        process(nlp, doc)  # as annotate does: the syntax pipes sentence by sentence
    return time.perf_counter() - t0


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--pipeline", default="default")
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    args = parser.parse_args()
    if not args.corpus.is_dir():
        print(f"skipped: the shared corpus is not at {args.corpus}")
        return 0
    docs = documents(args.corpus)
    if not docs:
        print(f"skipped: no usable text in {args.corpus}")
        return 0
    nlp = load_pipeline(args.pipeline)
    syntax = tuple(p for p in SYNTAX_PIPES if p in nlp.pipe_names)
    if not syntax:
        print(f"skipped: the {args.pipeline} pipeline has no syntax pipes")
        return 0
    pages = sum(d[2] for d in docs)
    extract = sum(d[3] for d in docs)
    run(nlp, docs[0][1], ())  # warm-up
    best = {"with": float("inf"), "without": float("inf")}
    for _ in range(args.repeat):
        totals = {"with": 0.0, "without": 0.0}
        for _name, text, _pages, _t in docs:
            totals["with"] += run(nlp, text, ())
            totals["without"] += run(nlp, text, syntax)
        best = {k: min(best[k], totals[k]) for k in best}
    chars = sum(len(d[1]) for d in docs)
    print(f"{len(docs)} documents, {pages:.0f} pages, {chars:,} characters, best of {args.repeat}")
    print(f"extract + repair (once)       {pages / extract:7.1f} pages/s")
    for key, label in (("without", "NLP without syntax"), ("with", "NLP with syntax")):
        print(f"{label:29s} {pages / best[key]:7.1f} pages/s")
    for key, label in (("without", "annotate without syntax"), ("with", "annotate with syntax")):
        print(f"{label:29s} {pages / (extract + best[key]):7.1f} pages/s")
    nlp_ratio = best["without"] / best["with"]
    full_ratio = (extract + best["without"]) / (extract + best["with"])
    print(f"ratio with/without syntax: NLP stage {nlp_ratio:.2f}, annotate {full_ratio:.2f}")
    status = "ok" if full_ratio >= ACCEPT_RATIO else "over budget"
    print(f"acceptance (annotate ratio >= {ACCEPT_RATIO}): {status}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
