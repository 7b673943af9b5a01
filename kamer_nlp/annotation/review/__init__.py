"""The annotators' review page: one self-contained HTML file, and its corrections back.

``render_review`` puts the records (slimmed: no sentences, boxes reduced to page
numbers) as JSON into a static page; the page's own script (vanilla JS, no network)
draws each document with its spans highlighted, lets the annotator accept, reject,
relabel and add spans, and downloads the corrections as JSONL gold documents in the
shape of :meth:`GoldDocument.to_dict` plus a ``kamer`` object (doc id, text SHA-256,
labels) so that :func:`from_review` can refuse a changed text.

The template, style sheet and script are data files beside this module
(``kamer_nlp/annotation/review/``).
All text reaches the page as JSON inside a ``<script type="application/json">`` with
``<``, ``>`` and ``&`` escaped, and the script puts it into the DOM as text nodes
only, so a PDF containing ``<script>`` shows as text.
"""

from __future__ import annotations

import html
import json
import logging
import re
from collections.abc import Iterable, Mapping
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from kamer_nlp.annotation.gold import (
    PAYLOAD_KEY,
    AnnotationImportError,
    GoldDocument,
    SkippedTask,
    check_text,
    contract_labels,
    finish,
    lookup_record,
    text_sha256,
)
from kamer_nlp.io.atomic import write_atomic
from kamer_nlp.io.jsonl import read_jsonl
from kamer_nlp.io.record import META_FIELDS

logger = logging.getLogger(__name__)

FORMAT = "review"
REVIEW_VERSION = 1  # of the embedded data and the downloaded corrections
DEFAULT_NAME = "review.html"

# what the page needs from a record; everything else (sentences, boxes) stays out
_META_KEYS = (*META_FIELDS, "co_senders")
_PLACEHOLDER = re.compile(r"/\*KAMER:(TITLE|CSS|JS|DATA|VERSION)\*/")


@cache
def _resource(name: str) -> str:
    return resources.files(__name__).joinpath(name).read_text(encoding="utf-8")


def _script_json(data: Any) -> str:
    """JSON that cannot end its ``<script>`` element or open a comment in it."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return (
        text.replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


def _pages(span: Mapping[str, Any]) -> list[int]:
    return sorted({int(b["page"]) for b in span.get("boxes") or [] if b.get("page") is not None})


def page_record(record: Mapping[str, Any]) -> dict[str, Any]:
    """The part of a ``kamer-nlp/1`` record the review page shows."""
    text = record["text"]
    meta = record.get("meta") or {}
    return {
        "id": str(record["id"]),
        "schema": record.get("schema"),
        "text": text,
        "text_sha256": text_sha256(text),
        "source": record.get("source") or {},
        "meta": {k: meta[k] for k in _META_KEYS if meta.get(k) is not None},
        "paragraphs": record.get("paragraphs") or [],
        "footnotes": record.get("footnotes") or [],
        "turns": record.get("turns") or [],
        "spans": [
            {
                "id": str(s.get("id") or f"s{i}"),
                "start": s["start"],
                "end": s["end"],
                "label": s["label"],
                "kb_id": s.get("kb_id"),
                "attrs": s.get("attrs") or {},
                "pages": _pages(s),
            }
            for i, s in enumerate(record.get("spans") or [], start=1)
        ],
        "commitments": record.get("commitments") or [],
        "repairs": record.get("repairs") or [],
        "warnings": record.get("warnings") or [],
        "pipeline": record.get("pipeline"),
    }


def render_review(
    records: Iterable[Mapping[str, Any]],
    *,
    title: str = "kamer-nlp review",
    errors: Iterable[Mapping[str, Any]] = (),
) -> str:
    """One self-contained HTML page (no network: style, script and data inline).

    ``errors`` are lines of a run's ``errors.jsonl``, listed under the documents.
    """
    data = {
        "version": REVIEW_VERSION,
        "title": title,
        "labels": list(contract_labels()),
        "documents": [page_record(r) for r in records],
        "errors": [
            {k: e.get(k) for k in ("path", "error", "message") if e.get(k) is not None}
            for e in errors
        ],
    }
    script = _resource("review.js")
    css = _resource("review.css")
    # the inline script and style are ours; make sure no edit ever ends them early
    if "</script" in script.lower() or "</style" in css.lower():
        raise ValueError("review.js / review.css must not contain a closing tag")
    values = {
        "TITLE": html.escape(title),
        "CSS": css,
        "JS": script,
        "DATA": _script_json(data),
        "VERSION": str(REVIEW_VERSION),
    }
    # one pass, so that nothing inserted is itself read as a placeholder
    return _PLACEHOLDER.sub(lambda m: values[m.group(1)], _resource("page.html"))


def review_page(
    out_dir: Path,
    *,
    title: str | None = None,
    ids: Iterable[str] | None = None,
) -> tuple[str, int]:
    """The review page of a run folder (``OUT_DIR/documents.jsonl``) and how many
    documents it shows; ``ids`` keeps only those documents."""
    docs = out_dir / "documents.jsonl"
    if not docs.is_file():
        raise FileNotFoundError(f"{docs} not found: run `kamer-nlp run` first")
    wanted = set(ids) if ids is not None else None
    records = [r for r in read_jsonl(docs) if wanted is None or r["id"] in wanted]
    if wanted is not None:
        missing = wanted - {r["id"] for r in records}
        if missing:
            raise KeyError(f"no record with id {', '.join(sorted(missing))} in {docs}")
    errors = list(read_jsonl(out_dir / "errors.jsonl")) if wanted is None else []
    page = render_review(records, title=title or f"kamer-nlp review: {out_dir.name}", errors=errors)
    return page, len(records)


def write_review(
    out_dir: Path,
    dest: Path | None = None,
    *,
    title: str | None = None,
    ids: Iterable[str] | None = None,
) -> Path:
    """Write the review page of a run folder (``OUT_DIR/documents.jsonl``); returns its path.

    ``dest`` defaults to ``OUT_DIR/review.html``; ``ids`` keeps only those documents
    (the page holds every record it shows, so pick a few from a large run).
    """
    page, n = review_page(out_dir, title=title, ids=ids)
    target = dest or out_dir / DEFAULT_NAME
    write_atomic(target, page)
    logger.info("review page of %d document(s) → %s", n, target)
    return target


def from_review(
    line: Mapping[str, Any], *, records: Mapping[str, Mapping[str, Any]] | None = None
) -> GoldDocument:
    """The gold document of one line of the page's "Download corrections" file.

    The line is a gold document (``id``, ``text``, ``labels``, ``spans`` with
    ``start``, ``end``, ``label``, ``text``, ``kb_id``) with ``kamer.text_sha256``;
    the text must be the exported one, and each span's ``text`` must be
    ``text[start:end]`` (a check on the page's UTF-16 to code point conversion).
    """
    payload = line.get(PAYLOAD_KEY)
    meta: dict[str, Any] = dict(payload) if isinstance(payload, Mapping) else {}
    doc_id = line.get("id", meta.get("doc_id"))
    review = line.get("review")
    if isinstance(review, Mapping) and review.get("status") == "skipped":
        raise SkippedTask(None if doc_id is None else str(doc_id), "skipped in the review page")
    record = lookup_record(None if doc_id is None else str(doc_id), records, FORMAT)
    doc_id = str(doc_id)
    text = line.get("text")
    if not isinstance(text, str):
        raise AnnotationImportError(f"{doc_id}: a review line without text")
    check_text(doc_id, text, expected_sha256=meta.get("text_sha256"), record=record, fmt=FORMAT)
    raw: list[tuple[int, int, str, str | None, bool]] = []
    for s in line.get("spans") or []:
        try:
            start, end, label = int(s["start"]), int(s["end"]), str(s["label"])
        except (KeyError, TypeError, ValueError) as e:
            raise AnnotationImportError(
                f"{doc_id}: a review span without start, end and label: {s}"
            ) from e
        if "text" in s and s["text"] != text[start:end]:
            raise AnnotationImportError(
                f"{doc_id}: span {label} [{start}, {end}) says {s['text']!r} but the text "
                f"there is {text[start:end]!r}; the offsets are not code points into the text"
            )
        raw.append((start, end, label, s.get("kb_id"), "kb_id" in s))
    if "labels" in line and "labels" not in meta:
        meta["labels"] = line["labels"]
    return finish(doc_id, text, raw, meta=meta, record=record, fmt=FORMAT)
