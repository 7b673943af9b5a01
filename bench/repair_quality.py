"""Text-repair quality on ../shared/corpus, against pdfplumber's extract_text as the baseline.

    python bench/repair_quality.py [CORPUS]

For the officielebekendmakingen pairs it prints the word error rate of the body
text against the official XML (kamer-nlp vs pdfplumber's plain extraction with its
line-end hyphens naively removed, as PyMuPDF/docling do) and how many line-end
hyphens were decided as in the XML; for the letters, footnotes found and linked and
whether sidebar text leaked into the body. Exits 0 with a message without the corpus.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kamer_nlp.api import repair_pdf  # noqa: E402
from kamer_nlp.repair.text_evaluation import official_body_text, word_error_rate  # noqa: E402


def naive(pdf: Path) -> str:
    """pdfplumber's text with every line-end hyphen deleted (the peers' behaviour)."""
    import pdfplumber

    with pdfplumber.open(pdf) as doc:
        text = "\n".join(page.extract_text() or "" for page in doc.pages)
    return re.sub(r"(\w)-\n(\w)", r"\1\2", text)


def main() -> int:
    corpus = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "corpus"
    if not corpus.is_dir():
        print(f"corpus not found at {corpus}: nothing to measure")
        return 0
    print(f"{'document':28s} {'WER kamer-nlp':>14s} {'WER pdfplumber':>15s} {'hyphens ok':>11s}")
    for xml in sorted((corpus / "officielebekendmakingen").glob("*/*.xml")):
        if xml.name == "metadata.xml":
            continue
        pdf = xml.with_suffix(".pdf")
        gold = official_body_text(xml)
        rt = repair_pdf(pdf)
        body = " ".join(rt.text[p.start : p.end] for p in rt.paragraphs if p.kind != "head")
        hyph = [r for r in rt.repairs if r.kind == "dehyphenate"]
        ok = 0
        for r in hyph:
            left, right = r.source.split("-\n")
            right = right.strip(".,;:)")
            ok += (left + right if r.decision == "join" else f"{left}-{right}") in gold
        # the baseline's WER is measured on the same span of text: drop its head and furniture lines
        base = naive(pdf)
        first = body.split()[0]
        base = base[base.find(first) :] if first in base else base
        print(
            f"{xml.stem:28s} {word_error_rate(gold, body):14.4f} {word_error_rate(gold, base):15.4f} {ok:>5d}/{len(hyph):<5d}"
        )
    print()
    print(
        f"{'letter':38s} {'notes':>5s} {'linked':>6s} {'date':>11s} {'kenmerk':>24s} sidebar-in-body"
    )
    for pdf in sorted((corpus / "letters").glob("*.pdf")):
        rt = repair_pdf(pdf)
        body = rt.text[: rt.body_end]
        leaked = [s for s in rt.meta.to_record().get("sidebar", []) if len(s) > 6 and s in body]
        linked = sum(f.marker is not None for f in rt.footnotes)
        print(
            f"{pdf.name:38s} {len(rt.footnotes):5d} {linked:6d} {rt.meta.to_record().get('date')!s:>11s} {rt.meta.to_record().get('kenmerk')!s:>24s} {len(leaked)}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
