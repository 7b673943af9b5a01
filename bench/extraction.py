"""Extraction throughput: pdfplumber's own extract_text (the baseline) vs kamer-nlp extract + repair.

    python bench/extraction.py [FOLDER ...] [--repeat N]

Both are timed in the same run, on the same files, interleaved per file, so the
ratio holds on a shared, noisy machine even when the absolute pages/s do not.
Defaults to data/raw and, when present, ../shared/corpus.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kamer_nlp.api import repair_pdf  # noqa: E402
from kamer_nlp.errors import ExtractionError  # noqa: E402


def baseline(path: Path) -> int:
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            page.extract_text()
        return len(pdf.pages)


def kamer(path: Path) -> int:
    return repair_pdf(path).pages


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("folders", nargs="*", type=Path)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    folders = args.folders or [ROOT / "data" / "raw", ROOT.parent / "shared" / "corpus"]
    files = sorted(p for f in folders if f.is_dir() for p in f.rglob("*.pdf"))
    usable = []
    for f in files:
        try:
            kamer(f)
            usable.append(f)
        except ExtractionError as e:
            print(f"skip {f.name}: {e.kind}")
    if not usable:
        print("no usable PDFs found")
        return 0
    times: dict[str, list[float]] = {"pdfplumber extract_text": [], "kamer-nlp extract+repair": []}
    pages = 0
    for _ in range(args.repeat):
        totals = dict.fromkeys(times, 0.0)
        pages = 0
        for f in usable:
            for name, fn in (
                ("pdfplumber extract_text", baseline),
                ("kamer-nlp extract+repair", kamer),
            ):
                t = time.perf_counter()
                n = fn(f)
                totals[name] += time.perf_counter() - t
            pages += n
        for name in times:
            times[name].append(totals[name])
    print(f"{len(usable)} PDFs, {pages} pages, best of {args.repeat} runs")
    base = min(times["pdfplumber extract_text"])
    for name, ts in times.items():
        best = min(ts)
        print(
            f"{name:28s} {pages / best:8.1f} pages/s   (median {pages / statistics.median(ts):.1f})   ratio {base / best:.2f}x of baseline"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
