"""NLP scaling: seconds per page of the default pipeline on one document of 1 to 500 pages.

    python bench/scaling.py [--sizes 1 10 100 500] [--repeat 5] [--text-only] [--corpus DIR]

The pages are real text from ../shared/corpus: the repaired text of its PDFs, the
``.txt`` files and the letters of ``sgd/minister-letters-dev.jsonl``, cut into pages of
about 3,000 characters (at a line end or a space). A document of N pages takes N pages
spread evenly over that pool (all of it, repeated, when N is larger), so every size has
about the same mix of letters, statute text and decision lists. Each stage is timed on
its own: the tokenizer (``nlp.make_doc``), then every pipe of ``nlp.pipeline`` in order.
Sizes up to 10 pages take the median of ``--repeat`` runs, 100 pages of 3.

A linear pipeline costs the same per page at every size. Two ratios are printed:
s/page of the largest document over s/page of the 10-page one (what the table shows;
the two documents hold different pages), and s/page of the largest document over the
same pages run as separate 10-page documents (same text: any difference is the cost of
length). Acceptance: within 1.3x. Skips, with a message, when the corpus is absent.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kamer_nlp.contracts import DocumentMeta  # noqa: E402
from kamer_nlp.errors import ExtractionError  # noqa: E402
from kamer_nlp.nlp.extensions import set_doc_meta  # noqa: E402
from kamer_nlp.nlp.pipeline import load_pipeline  # noqa: E402

CHARS_PER_PAGE = 3000
DOC_DATE = "2018-02-14"  # relative times resolve against a fixed date
ACCEPT_RATIO = 1.3
SIZES = (1, 10, 100, 500)


def source_texts(corpus: Path, *, pdfs: bool) -> list[tuple[str, str]]:
    """(name, repaired text) of every usable document in the corpus, in a stable order."""
    from kamer_nlp.api import read_text_file, repair_pdf, repair_text

    out: list[tuple[str, str]] = []
    if pdfs:
        for path in sorted(corpus.rglob("*.pdf")):
            try:
                out.append((path.name, repair_pdf(path).text))
            except ExtractionError as e:
                print(f"  skip {path.name}: {e.kind}", file=sys.stderr)
    for path in sorted(corpus.rglob("*.txt")):
        try:
            out.append((path.name, repair_text(read_text_file(path)).text))
        except ExtractionError as e:
            print(f"  skip {path.name}: {e.kind}", file=sys.stderr)
    for path in sorted((corpus / "sgd").glob("*.jsonl")):
        with path.open(encoding="utf-8") as fh:
            for n, line in enumerate(fh):
                text = json.loads(line).get("text") if line.strip() else None
                if isinstance(text, str) and text.strip():
                    out.append((f"{path.name}:{n}", repair_text(text).text))
    return out


def paginate(pool: str) -> list[str]:
    """The pool cut into pages of about 3,000 characters: after a line end when one follows
    soon, else after a space."""
    pages: list[str] = []
    pos = 0
    while pos < len(pool):
        at = pos + CHARS_PER_PAGE
        cut = pool.find("\n", at, at + 300)
        if cut == -1:
            cut = pool.find(" ", at)
        cut = len(pool) if cut == -1 else cut + 1
        pages.append(pool[pos:cut])
        pos = cut
    return pages


def pick(pages: list[str], n: int) -> list[str]:
    """``n`` pages spread evenly over ``pages`` (all of them, repeated, for a larger ``n``)."""
    whole, rest = divmod(n, len(pages))
    return pages * whole + [pages[i * len(pages) // rest] for i in range(rest)]


def time_stages(nlp, text: str) -> dict[str, float]:  # type: ignore[no-untyped-def]
    """Seconds per stage for one run of the pipeline over ``text`` as one document."""
    times: dict[str, float] = {}
    t0 = time.perf_counter()
    doc = nlp.make_doc(text)
    times["tokenizer"] = time.perf_counter() - t0
    set_doc_meta(doc, DocumentMeta.from_record({"date": DOC_DATE}))
    for name, proc in nlp.pipeline:
        t0 = time.perf_counter()
        doc = proc(doc)
        times[name] = time.perf_counter() - t0
    times["total"] = sum(times.values())
    return times


def _ratio(a: float, b: float) -> float:
    return a / b if b else 0.0


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", type=int, nargs="+", default=list(SIZES), help="pages")
    parser.add_argument("--repeat", type=int, default=5, help="runs for sizes up to 10 pages")
    parser.add_argument("--pipeline", default="default")
    parser.add_argument("--text-only", action="store_true", help="skip the PDFs (faster setup)")
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    args = parser.parse_args()
    if not args.corpus.is_dir():
        print(f"skipped: the shared corpus is not at {args.corpus}")
        return 0

    t0 = time.perf_counter()
    texts = source_texts(args.corpus, pdfs=not args.text_only)
    if not texts:
        print(f"skipped: no usable text in {args.corpus}")
        return 0
    pool = "\n\n".join(text.strip() for _, text in texts) + "\n"
    pool_pages = paginate(pool)
    print(
        f"source: {len(texts)} documents, {len(pool):,} characters, {len(pool_pages)} pages, "
        f"read in {time.perf_counter() - t0:.0f} s"
    )

    nlp = load_pipeline(args.pipeline)
    nlp.max_length = max(nlp.max_length, (max(args.sizes) + 1) * 2 * CHARS_PER_PAGE)
    # warm-up: lazy resources, regex compilation, and every word of the pool in the vocab
    # (a word's first sighting costs more; the first document timed should not pay for all)
    nlp.make_doc(pool)
    time_stages(nlp, pool_pages[0])

    per_page: dict[int, dict[str, float]] = {}
    split: dict[int, dict[str, float]] = {}  # the same pages as separate 10-page documents
    for size in sorted(args.sizes):
        pages = pick(pool_pages, size)
        text = "".join(pages)
        n_pages = len(text) / CHARS_PER_PAGE
        runs = args.repeat if size <= 10 else 3 if size <= 100 else 1
        samples = [time_stages(nlp, text) for _ in range(runs)]
        per_page[size] = {
            stage: statistics.median(s[stage] for s in samples) / n_pages for stage in samples[0]
        }
        note = ""
        if size > 10:
            parts = [time_stages(nlp, "".join(pages[i : i + 10])) for i in range(0, size, 10)]
            split[size] = {stage: sum(p[stage] for p in parts) / n_pages for stage in parts[0]}
            note = (
                f"; as {len(parts)} documents of 10 pages: {split[size]['total'] * n_pages:.2f} s"
            )
        print(
            f"  {size:>4} pages ({len(text):,} characters): "
            f"{per_page[size]['total'] * n_pages:.2f} s (median of {runs}){note}",
            flush=True,
        )

    sizes = sorted(per_page)
    stages = list(per_page[sizes[0]])
    width = max(len(s) for s in stages)
    base = 10 if 10 in per_page else sizes[0]
    top = sizes[-1]
    print(f"\nms per page, one document per size (pipeline {args.pipeline!r})")
    header = (
        f"{'stage':<{width}}"
        + "".join(f"{s:>9}" for s in sizes)
        + (f"{f'{top} as 10s':>13}" if top in split else "")
        + f"{f'{top}/{base}':>9}"
        + (f"{f'{top}/10s':>9}" if top in split else "")
    )
    print(header)
    print("-" * len(header))
    for stage in stages:
        row = f"{stage:<{width}}" + "".join(f"{per_page[s][stage] * 1000:>9.2f}" for s in sizes)
        if top in split:
            row += f"{split[top][stage] * 1000:>13.2f}"
        row += f"{_ratio(per_page[top][stage], per_page[base][stage]):>9.2f}"
        if top in split:
            row += f"{_ratio(per_page[top][stage], split[top][stage]):>9.2f}"
        print(row)
    print()
    verdicts = [("10-page document", per_page[base]["total"], base)]
    if top in split:
        verdicts.append((f"same {top} pages as 10-page documents", split[top]["total"], 10))
    for label, reference, _ in verdicts:
        ratio = _ratio(per_page[top]["total"], reference)
        verdict = "ok" if ratio <= ACCEPT_RATIO else "NOT LINEAR"
        print(
            f"s/page of the {top}-page document / s/page of the {label}: {ratio:.2f} "
            f"(acceptance <= {ACCEPT_RATIO}): {verdict}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
