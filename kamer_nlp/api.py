"""The Python API: one function per input kind, each returning a ``kamer-nlp/1`` record.

    >>> import kamer_nlp
    >>> record = kamer_nlp.annotate_text("Ik zal uw Kamer voor de zomer informeren.", date="2024-02-01")

The spaCy pipeline is loaded once per process and reused across calls.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path
from typing import Any

from kamer_nlp.errors import ExtractionError
from kamer_nlp.extract.backends import DEFAULT_BACKEND, get_backend
from kamer_nlp.extract.lines import build_layout
from kamer_nlp.io.digest import sha256_of
from kamer_nlp.io.input_kind import input_kind
from kamer_nlp.io.record import build_record
from kamer_nlp.nlp.extensions import set_doc_meta, set_doc_turns
from kamer_nlp.nlp.pipeline import load_pipeline, model_name, process
from kamer_nlp.repair.document import repair_layout
from kamer_nlp.repair.plaintext import repair_plaintext
from kamer_nlp.repair.text import RepairedText


def repair_pdf(
    path: Path, *, max_bytes: int | None = None, backend: str = DEFAULT_BACKEND
) -> RepairedText:
    """Extract and repair a PDF with the PDF backend ``backend`` (see
    :mod:`kamer_nlp.extract.backends`); raises ExtractionError for input that cannot be
    processed, UnknownNameError for a backend that is not registered."""
    layout = build_layout(get_backend(backend, max_bytes=max_bytes).pages(path))
    if not any(not g.text.isspace() for g in layout.glyphs) and not layout.dropped:
        if layout.unreadable:
            page, why = next(iter(sorted(layout.unreadable.items())))
            raise ExtractionError(
                "corrupt",
                f"no page with text could be read ({len(layout.unreadable)} of "
                f"{len(layout.pages)} damaged; page {page}: {why})",
            )
        raise ExtractionError(
            "no_text_layer",
            f"no text layer on any of {len(layout.pages)} page(s): a scanned document needs OCR first",
        )
    rt = repair_layout(layout)
    if not rt.text.strip():
        raise ExtractionError("no_body_text", "text layer holds only page furniture")
    return rt


def check_length(text: str, pipeline: str) -> None:
    """Refuse text longer than the pipeline takes (for plain text, checked before the repair)."""
    limit = load_pipeline(pipeline).max_length
    if len(text) > limit:
        raise ExtractionError(
            "too_large",
            f"text of {len(text):,} characters exceeds the pipeline's limit of {limit:,}",
        )


def repair_text(text: str) -> RepairedText:
    if not text.strip():
        raise ExtractionError("empty", "text is empty")
    return repair_plaintext(text)


def read_text_file(path: Path) -> str:
    """The text of a .txt file: UTF-8, UTF-16/32 with a BOM, UTF-16 without one, or
    Windows-1252; raises ExtractionError (``empty``, ``not_text``) for empty or binary files."""
    from kamer_nlp.extract.textfile import decode_text_bytes

    return decode_text_bytes(path.read_bytes())


def repair_file(
    path: Path,
    *,
    pipeline: str = "default",
    max_bytes: int | None = None,
    backend: str = DEFAULT_BACKEND,
) -> tuple[RepairedText, str]:
    """The repaired text of any input file and its kind (``source.format``: pdf, text,
    xml, html, vlos — see :func:`kamer_nlp.io.input_kind.input_kind`)."""
    kind = input_kind(path) or "pdf"
    if kind == "text":
        text = read_text_file(path)
        check_length(text, pipeline)
        return repair_text(text), kind
    if kind in ("xml", "vlos", "html"):
        from kamer_nlp.official import read_official

        rt = read_official(path, kind, max_bytes=max_bytes)
        check_length(rt.text, pipeline)
        return rt, kind
    return repair_pdf(path, max_bytes=max_bytes, backend=backend), kind


def annotate_repaired(
    rt: RepairedText,
    *,
    doc_id: str,
    source: dict[str, Any],
    date: str | dt.date | None = None,
    pipeline: str = "default",
) -> dict[str, Any]:
    """Run the spaCy pipeline over a repaired text and build the output record."""
    if date is not None:
        rt.meta.set_date(date, source="argument")
    nlp = load_pipeline(pipeline)
    check_length(rt.text, pipeline)
    doc = nlp.make_doc(rt.text)
    set_doc_meta(doc, rt.meta)
    if rt.turns:
        set_doc_turns(doc, list(rt.turns))
    doc = process(nlp, doc)
    return build_record(
        rt,
        doc,
        doc_id=doc_id,
        source=source,
        pipeline={
            "name": pipeline if pipeline in ("default", "lg") else str(pipeline),
            "model": model_name(pipeline),
        },
    )


def annotate_text(
    text: str, *, date: str | dt.date | None = None, pipeline: str = "default", doc_id: str = "text"
) -> dict[str, Any]:
    """Annotate plain text (e.g. text extracted by another tool)."""
    rt = repair_text(text)
    source = {
        "path": None,
        "sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(),
        "pages": rt.pages,
        "layout": rt.layout,
        "format": "text",
    }
    return annotate_repaired(
        rt, doc_id=rt.meta.id or doc_id, source=source, date=date, pipeline=pipeline
    )


def annotate_file(
    path: str | Path,
    *,
    pipeline: str = "default",
    date: str | None = None,
    max_bytes: int | None = None,
    doc_id: str | None = None,
    backend: str = DEFAULT_BACKEND,
) -> dict[str, Any]:
    """Annotate a PDF (read with the PDF backend ``backend``), a .txt file, or an official
    publication (officielebekendmakingen XML or HTML, VLOS debate XML: see
    :mod:`kamer_nlp.official`); the kind comes from :func:`~kamer_nlp.io.input_kind.input_kind`.
    Raises ExtractionError for unusable input."""
    path = Path(path)
    rt, kind = repair_file(path, pipeline=pipeline, max_bytes=max_bytes, backend=backend)
    source = {
        "path": str(path),
        "sha256": sha256_of(path),
        "pages": rt.pages,
        "layout": rt.layout,
        "format": kind,
    }
    return annotate_repaired(
        rt,
        doc_id=rt.meta.id or doc_id or path.stem,
        source=source,
        date=date,
        pipeline=pipeline,
    )


def annotate_pdf(
    path: str | Path, *, pipeline: str = "default", backend: str = DEFAULT_BACKEND
) -> dict[str, Any]:
    """Annotate one PDF."""
    return annotate_file(path, pipeline=pipeline, backend=backend)
