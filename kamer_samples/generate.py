"""Generate the sample PDFs and their ground truth (``<stem>.pdf`` + ``<stem>.truth.json``)."""

from __future__ import annotations

import hashlib
import json
import logging
from pathlib import Path
from typing import Any

from kamer_samples.source import SampleDocument, load_documents
from kamer_samples.truth import LaidOut, build_truth, dump_truth

log = logging.getLogger(__name__)

MANIFEST = "manifest.json"
GENERATOR_VERSION = "1"


def layout_document(doc: SampleDocument, pdf_path: Path) -> LaidOut:
    """Draw ``doc`` into ``pdf_path`` with the layout it asks for."""
    if doc.layout == "kamerstuk":
        from kamer_samples.typeset import layout_kamerstuk

        return layout_kamerstuk(doc, pdf_path)
    from kamer_samples.letterhead import layout_letterhead

    return layout_letterhead(doc, pdf_path)


def generate_document(doc: SampleDocument, out_dir: Path) -> tuple[Path, dict[str, Any]]:
    """Write one sample and its truth file; returns the PDF path and the truth record."""
    out_dir.mkdir(parents=True, exist_ok=True)
    pdf_path = out_dir / f"{doc.stem}.pdf"
    truth = build_truth(layout_document(doc, pdf_path))
    dump_truth(truth, out_dir / f"{doc.stem}.truth.json")
    log.info(
        "%s: %d pages, %d hyphens, %d notes",
        doc.stem,
        truth["pages"],
        len(truth["hyphenation"]),
        len(truth["footnotes"]),
    )
    return pdf_path, truth


def generate_samples(out_dir: Path, documents: list[SampleDocument] | None = None) -> list[Path]:
    """Generate every sample document (default: all shipped ones) into ``out_dir``.

    Also writes ``manifest.json`` with the sha256 of each file and the versions of
    reportlab and pyphen (byte-identical output is only promised for the same versions).
    """
    import pyphen
    import reportlab

    out_dir = Path(out_dir)
    docs = load_documents() if documents is None else documents
    paths = []
    files: dict[str, str] = {}
    for doc in docs:
        pdf_path, _ = generate_document(doc, out_dir)
        paths.append(pdf_path)
        for path in (pdf_path, out_dir / f"{doc.stem}.truth.json"):
            files[path.name] = hashlib.sha256(path.read_bytes()).hexdigest()
    manifest = {
        "generator": GENERATOR_VERSION,
        "reportlab": reportlab.Version,
        "pyphen": getattr(pyphen, "__version__", "unknown"),
        "files": files,
    }
    (out_dir / MANIFEST).write_text(
        json.dumps(manifest, indent=1, sort_keys=True) + "\n", encoding="utf-8"
    )
    return paths
