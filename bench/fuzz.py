"""A batch over seeded, damaged copies of the sample PDFs: nothing may break it.

    python bench/fuzz.py [--n 500] [--seed 13] [--workers 2] [--keep DIR]

Writes N mutants of ``data/raw/*.pdf`` (byte flips, truncation, duplicated and deleted
chunks, xref and stream damage: ``kamer_samples.mutants``), runs ``kamer-nlp run`` over
them in a new process with the default limits, and checks: exit code 0, no traceback, every
mutant exactly once in documents.jsonl or errors.jsonl, and a record for every mutant that
pdfplumber itself opens and reads text from. Prints the error kinds and the timings.
"""

from __future__ import annotations

import argparse
import collections
import json
import logging
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kamer_samples.mutants import pdfplumber_reads, write_mutants  # noqa: E402

logging.getLogger("pdfminer").setLevel(logging.ERROR)  # its warnings on damaged files


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=500)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--keep", type=Path, default=None, help="keep the mutants and OUT here")
    args = parser.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="kamer-fuzz-"))
    in_dir, out = work / "in", work / "out"
    mutants = write_mutants(
        sorted((ROOT / "data" / "raw").glob("*.pdf")), in_dir, args.n, args.seed
    )
    started = time.perf_counter()
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "kamer_nlp.cli",
            "run",
            str(in_dir),
            "--out",
            str(out),
            "--no-resume",
            "--workers",
            str(args.workers),
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    seconds = time.perf_counter() - started
    docs = [json.loads(x) for x in (out / "documents.jsonl").read_text().splitlines()]
    errors = [json.loads(x) for x in (out / "errors.jsonl").read_text().splitlines()]
    seen = collections.Counter([d["source"]["path"] for d in docs] + [e["path"] for e in errors])
    expected = {str(m) for m in mutants}
    once = set(seen) == expected and all(n == 1 for n in seen.values())
    recorded = {d["source"]["path"] for d in docs}
    readable = [m for m in mutants if pdfplumber_reads(m)]
    rejected = [str(m) for m in readable if str(m) not in recorded]
    kinds = collections.Counter(e["error"] for e in errors)
    print(
        f"mutants: {len(mutants)} (seed {args.seed}), run: {seconds:.1f} s, exit {proc.returncode}"
    )
    print(f"records: {len(docs)}, error lines: {len(errors)}: {dict(sorted(kinds.items()))}")
    print(f"every input exactly once: {once}")
    print(f"traceback printed: {'Traceback' in proc.stderr}")
    print(f"pdfplumber reads {len(readable)}; of those without a record: {len(rejected)}")
    for path in rejected[:20]:
        print(
            "   ",
            path,
            next((e["error"] + ": " + e["message"] for e in errors if e["path"] == path), ""),
        )
    by_kind: dict[str, list[str]] = collections.defaultdict(list)
    for e in errors:
        by_kind[e["error"]].append(Path(e["path"]).name.split("-", 1)[-1].removesuffix(".pdf"))
    for kind, names in sorted(by_kind.items()):
        print(f"  {kind}: mutations {dict(collections.Counter(n.split('-')[0] for n in names))}")
    ok = proc.returncode == 0 and once and "Traceback" not in proc.stderr and not rejected
    print("PASS" if ok else "FAIL")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
