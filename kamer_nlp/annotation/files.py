"""File-level export, import and evaluation (what the CLI commands call).

- ``export_run(OUT_DIR, fmt)``: ``OUT_DIR/documents.jsonl`` → ``OUT_DIR/annotation/``
  ``prodigy.jsonl`` | ``labelstudio.json`` (+ ``labelstudio-config.xml``) | ``doccano.jsonl``;
- ``import_corrections(FILE, fmt, out=gold.jsonl)``: a tool's export (or the review
  page's downloaded corrections, ``fmt="review"``) → gold JSONL;
- ``evaluate_files(GOLD, PRED)``: gold JSONL against a ``documents.jsonl``.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kamer_nlp.annotation.doccano import from_doccano, to_doccano
from kamer_nlp.annotation.gold import AnnotationImportError, GoldDocument, SkippedTask
from kamer_nlp.annotation.labelstudio import from_labelstudio, labelstudio_config, to_labelstudio
from kamer_nlp.annotation.prodigy import from_prodigy, to_prodigy
from kamer_nlp.annotation.span_evaluation import evaluate
from kamer_nlp.io.atomic import write_atomic
from kamer_nlp.io.jsonl import dumps, read_jsonl

logger = logging.getLogger(__name__)

FORMATS = ("prodigy", "labelstudio", "doccano")
IMPORT_FORMATS = (*FORMATS, "review")  # the review page (kamer_nlp.annotation.review) only imports
EXPORTERS: dict[str, Callable[..., dict[str, Any]]] = {
    "prodigy": to_prodigy,
    "labelstudio": to_labelstudio,
    "doccano": to_doccano,
}


def _from_review(line: Mapping[str, Any], **kwargs: Any) -> GoldDocument:
    # imported here: kamer_nlp.annotation.review itself imports this package's gold module
    from kamer_nlp.annotation.review import from_review

    return from_review(line, **kwargs)


IMPORTERS: dict[str, Callable[..., GoldDocument]] = {
    "prodigy": from_prodigy,
    "labelstudio": from_labelstudio,
    "doccano": from_doccano,
    "review": _from_review,
}
FILENAMES = {
    "prodigy": "prodigy.jsonl",
    "labelstudio": "labelstudio.json",
    "doccano": "doccano.jsonl",
}
LABELSTUDIO_CONFIG = "labelstudio-config.xml"


def _check_format(fmt: str, formats: tuple[str, ...] = FORMATS) -> None:
    if fmt not in formats:
        raise ValueError(f"unknown annotation format {fmt!r}: use {', '.join(formats)}")


def _write_atomic(path: Path, text: str) -> None:
    write_atomic(path, text)


def render_tasks(
    records: Iterable[Mapping[str, Any]], fmt: str, *, labels: Iterable[str] | None = None
) -> tuple[str, int]:
    """The content of a ``fmt`` task file for the records, and the number of tasks.

    Label Studio gets one JSON array (its import dialog takes a list), the others JSONL.
    """
    _check_format(fmt)
    chosen = list(labels) if labels is not None else None
    tasks = [EXPORTERS[fmt](record, labels=chosen) for record in records]
    if fmt == "labelstudio":
        return json.dumps(tasks, ensure_ascii=False, indent=1) + "\n", len(tasks)
    return "".join(dumps(t) + "\n" for t in tasks), len(tasks)


def export_records(
    records: Iterable[Mapping[str, Any]],
    fmt: str,
    dest: Path,
    *,
    labels: Iterable[str] | None = None,
) -> int:
    """Write the records as ``fmt`` tasks to ``dest``; returns the number of tasks.

    Label Studio gets one JSON array (its import dialog takes a list) and the
    labeling config beside it as ``labelstudio-config.xml``; the others JSONL.
    """
    chosen = list(labels) if labels is not None else None
    text, n = render_tasks(records, fmt, labels=chosen)
    _write_atomic(dest, text)
    if fmt == "labelstudio":
        _write_atomic(dest.with_name(LABELSTUDIO_CONFIG), labelstudio_config(chosen))
    return n


def export_run(
    out_dir: Path,
    fmt: str,
    *,
    dest: Path | None = None,
    labels: Iterable[str] | None = None,
) -> Path:
    """Export ``out_dir/documents.jsonl`` (a ``kamer-nlp run`` folder); returns the file written."""
    _check_format(fmt)
    docs = out_dir / "documents.jsonl"
    if not docs.is_file():
        raise FileNotFoundError(f"{docs} not found: run `kamer-nlp run` first")
    target = dest or out_dir / "annotation" / FILENAMES[fmt]
    n = export_records(read_jsonl(docs), fmt, target, labels=labels)
    logger.info("%d %s task(s) → %s", n, fmt, target)
    return target


def read_tasks(path: Path) -> Iterator[Any]:
    """Tasks from a JSON array (Label Studio's JSON / JSON-MIN export), a single JSON
    object, or a JSONL file. A file that is not JSON raises AnnotationImportError."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as e:
        raise AnnotationImportError(
            f"{path}: not UTF-8 text ({e.reason} at byte {e.start})"
        ) from None
    head = text.lstrip()[:1]
    if head in ("[", "{"):
        try:
            data = json.loads(text)
        except json.JSONDecodeError as e:
            if head == "[":
                raise AnnotationImportError(f"{path}: not valid JSON ({e})") from None
        else:  # one JSON document: a list of tasks or a single task
            yield from data if isinstance(data, list) else [data]
            return
    # split on newlines only, not splitlines(): a JSON string may hold a raw U+2028
    for n, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        try:
            yield json.loads(line)
        except json.JSONDecodeError as e:
            raise AnnotationImportError(f"{path}: line {n} is not JSON ({e})") from None


def _task_label(task: Any, n: int) -> str:
    """How an error names task ``n`` of a file: its document id when it has one."""
    if isinstance(task, Mapping):
        for holder in (task, task.get("data"), task.get("meta")):
            if isinstance(holder, Mapping) and isinstance(holder.get("doc_id"), str):
                return f"task {n} ({holder['doc_id']})"
    return f"task {n}"


def load_records(path: Path) -> dict[str, dict[str, Any]]:
    """Records by id from a ``documents.jsonl`` or a run folder holding one."""
    if path.is_dir():
        path = path / "documents.jsonl"
    return {r["id"]: r for r in read_jsonl(path)}


@dataclass
class ImportResult:
    gold: list[GoldDocument] = field(default_factory=list)
    skipped: list[tuple[str | None, str]] = field(default_factory=list)  # (doc_id, reason)
    replaced: list[str] = field(default_factory=list)  # ids seen twice: the last one is kept


def read_corrections(
    path: Path,
    fmt: str,
    *,
    records: Mapping[str, Mapping[str, Any]] | None = None,
    use_predictions: bool = False,
) -> ImportResult:
    """Gold documents from a tool's export. Errors (changed text, bad offsets) raise;
    tasks that are not gold (rejected, ignored, unannotated) are listed as skipped."""
    _check_format(fmt, IMPORT_FORMATS)
    result = ImportResult()
    by_id: dict[str, GoldDocument] = {}
    stamps: dict[str, str] = {}
    for n, task in enumerate(read_tasks(path), 1):
        if not isinstance(task, Mapping):
            raise AnnotationImportError(
                f"{path}: task {n} is {type(task).__name__}, not a JSON object"
            )
        kwargs: dict[str, Any] = {"records": records}
        if fmt == "labelstudio":
            kwargs["use_predictions"] = use_predictions
        try:
            doc = IMPORTERS[fmt](task, **kwargs)
        except SkippedTask as skip:
            result.skipped.append((skip.doc_id, skip.reason))
            continue
        except AnnotationImportError:
            raise
        except (KeyError, TypeError, ValueError, AttributeError, IndexError) as e:
            raise AnnotationImportError(
                f"{path}: {_task_label(task, n)} is not a {fmt} task this importer can read "
                f"({type(e).__name__}: {e})"
            ) from None
        # Label Studio's JSON-MIN export has a line per annotation, newest first: keep
        # the latest; tasks without a time stamp: the last one in the file
        stamp = ""
        if isinstance(task, Mapping):
            stamp = str(task.get("updated_at") or task.get("created_at") or "")
        if doc.doc_id in by_id:
            result.replaced.append(doc.doc_id)
            if stamp < stamps[doc.doc_id]:
                continue
        by_id[doc.doc_id] = doc
        stamps[doc.doc_id] = stamp
    result.gold = list(by_id.values())
    return result


def gold_jsonl(docs: Iterable[GoldDocument]) -> str:
    """Gold documents as JSONL text (what :func:`write_gold` writes)."""
    return "".join(dumps(d.to_dict()) + "\n" for d in docs)


def write_gold(docs: Iterable[GoldDocument], path: Path) -> int:
    docs = list(docs)
    _write_atomic(path, gold_jsonl(docs))
    return len(docs)


def read_gold(path: Path) -> list[GoldDocument]:
    """Gold JSONL (from :func:`import_corrections`), or records taken as gold."""
    return [GoldDocument.from_dict(line) for line in read_jsonl(path)]


def import_corrections(
    path: Path,
    fmt: str,
    *,
    out: Path,
    records_path: Path | None = None,
    use_predictions: bool = False,
) -> ImportResult:
    """Read a tool's export of corrections and write them as gold JSONL to ``out``."""
    records = load_records(records_path) if records_path is not None else None
    result = read_corrections(path, fmt, records=records, use_predictions=use_predictions)
    write_gold(result.gold, out)
    for doc_id, reason in result.skipped:
        logger.info("skipped %s: %s", doc_id, reason)
    return result


def evaluate_files(
    gold_path: Path, predicted_path: Path, *, labels: Iterable[str] | None = None
) -> dict[str, Any]:
    """Score a ``documents.jsonl`` (or run folder) against gold JSONL."""
    gold = read_gold(gold_path)
    if not gold:
        raise AnnotationImportError(f"{gold_path} holds no gold documents")
    predicted = list(load_records(predicted_path).values())
    return evaluate(gold, predicted, labels=labels)
