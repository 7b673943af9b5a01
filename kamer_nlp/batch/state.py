"""The output folder of a run: one writer at a time, what the pipeline was, what is done.

OUT holds ``documents.jsonl``, ``commitments.jsonl`` and ``errors.jsonl`` (the results),
``pipeline.json`` (the identity of the pipeline that wrote them: resuming with another one
is refused), ``summary.json`` (the last run's counts and timings) and, while a run writes,
``.kamer-nlp.lock`` with ``.kamer-nlp.owner.json`` naming that run.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import socket
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from kamer_nlp.io.jsonl import read_jsonl, repair_tail, rewrite_jsonl

DOCUMENTS = "documents.jsonl"
COMMITMENTS = "commitments.jsonl"
ERRORS = "errors.jsonl"
PIPELINE = "pipeline.json"
SUMMARY = "summary.json"
LOCK = ".kamer-nlp.lock"
OWNER = ".kamer-nlp.owner.json"
RESULTS = (DOCUMENTS, COMMITMENTS, ERRORS)


class BatchError(Exception):
    """A run that cannot start or go on; the message is one line for the user."""


class OutputLocked(BatchError):
    """Another run is writing the same output folder."""


# -- one writer ---------------------------------------------------------------------------
@contextmanager
def exclusive(out_dir: Path) -> Iterator[None]:
    """Hold OUT's lock for the block; refuse at once when another run holds it."""
    from filelock import FileLock, Timeout

    lock = FileLock(str(out_dir / LOCK), timeout=0, mode=0o644)
    try:
        lock.acquire()
    except Timeout:
        raise OutputLocked(
            f"{out_dir} is being written by another run ({_owner(out_dir)}); "
            "wait for it to end or use another --out"
        ) from None
    owner = {
        "pid": os.getpid(),
        "host": socket.gethostname(),
        "started": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "command": " ".join(sys.argv),
    }
    write_json(out_dir / OWNER, owner)
    try:
        yield
    finally:
        (out_dir / OWNER).unlink(missing_ok=True)
        lock.release()


def _owner(out_dir: Path) -> str:
    try:
        owner = json.loads((out_dir / OWNER).read_text(encoding="utf-8"))
        return (
            f"pid {owner['pid']} on {owner['host']}, started {owner['started']}: {owner['command']}"
        )
    except (OSError, ValueError, KeyError, TypeError):
        return "owner unknown"


def write_json(path: Path, data: dict[str, Any]) -> None:
    """Replace a small JSON file atomically, readable like the rest of OUT."""
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    os.replace(tmp, path)


# -- which pipeline -----------------------------------------------------------------------
def _tree_digest(root: Path, pattern: str) -> str:
    digest = hashlib.sha256()
    for path in sorted(root.rglob(pattern)):
        if "__pycache__" in path.parts or not path.is_file():
            continue
        digest.update(path.relative_to(root).as_posix().encode() + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def _file_digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else "missing"


@cache
def _package_digests() -> tuple[str, str]:
    package = Path(__file__).resolve().parents[1]
    return _tree_digest(package, "*.py"), _tree_digest(package / "resources", "*")


def pipeline_identity(pipeline: str) -> dict[str, Any]:
    """What makes two runs' records comparable: name, versions, config, code, data and models."""
    from importlib import metadata

    import spacy

    from kamer_nlp import __version__
    from kamer_nlp.nlp.pipeline import BUILTIN, config_text, data_files, model_name

    config = config_text(pipeline)
    code, data = _package_digests()
    identity: dict[str, Any] = {
        "name": pipeline if pipeline in BUILTIN else os.path.abspath(pipeline),
        "kamer_nlp": __version__,
        "spacy": spacy.__version__,
        "config_sha256": hashlib.sha256(config.encode()).hexdigest(),
        "code_sha256": code,
        "resources_sha256": data,
    }
    if files := data_files(pipeline):  # a config pointing components at other data
        digest = hashlib.sha256()
        for path in files:
            tree = _tree_digest(path, "*") if path.is_dir() else _file_digest(path)
            digest.update(str(path.resolve()).encode() + b"\0" + tree.encode())
        identity["data_sha256"] = digest.hexdigest()
    model = model_name(pipeline)
    if model:
        try:
            identity["model"] = f"{model} {metadata.version(model)}"
        except metadata.PackageNotFoundError:
            identity["model"] = model
    return identity


def _differences(old: dict[str, Any], new: dict[str, Any]) -> str:
    keys = sorted(k for k in set(old) | set(new) if old.get(k) != new.get(k))
    return ", ".join(keys)


# -- what is done -------------------------------------------------------------------------
@dataclass
class Done:
    """What OUT already holds, keyed by input path and by content."""

    docs: dict[str, tuple[str, str]] = field(default_factory=dict)  # path key -> (sha, id)
    errors: dict[str, tuple[str | None, str]] = field(
        default_factory=dict
    )  # path key -> (sha, kind)
    ids_by_sha: dict[str, str] = field(default_factory=dict)
    paths_by_sha: dict[str, str] = field(default_factory=dict)
    ids: set[str] = field(default_factory=set)


def clear_results(out_dir: Path) -> None:
    for name in (*RESULTS, PIPELINE, SUMMARY):
        (out_dir / name).unlink(missing_ok=True)


def open_output(out_dir: Path, identity: dict[str, Any], *, resume: bool, force: bool) -> None:
    """Check that OUT may take this run's records (same pipeline), or clear it."""
    if not resume:
        clear_results(out_dir)
    for name in RESULTS:
        repair_tail(out_dir / name)
    has_results = any(
        (out_dir / name).exists() and (out_dir / name).stat().st_size
        for name in (DOCUMENTS, ERRORS)
    )
    stored: dict[str, Any] | None = None
    if (out_dir / PIPELINE).exists():
        try:
            stored = json.loads((out_dir / PIPELINE).read_text(encoding="utf-8"))
        except ValueError:
            stored = None
    if has_results and stored != identity:
        if not force:
            why = (
                f"differs in {_differences(stored, identity)}"
                if stored
                else "is not recorded (no pipeline.json)"
            )
            raise BatchError(
                f"{out_dir} holds records of another pipeline (it {why}); "
                "--force annotates everything again with this one, or use another --out"
            )
        clear_results(out_dir)
    write_json(out_dir / PIPELINE, identity)


def read_done(out_dir: Path, *, retry_errors: bool) -> Done:
    """Index OUT's documents and error lines (with --retry-errors, failed inputs are forgotten)."""
    from kamer_nlp.batch.inputs import path_key

    done = Done()
    for rec in read_jsonl(out_dir / DOCUMENTS):
        source = rec.get("source") or {}
        sha, rid = source.get("sha256") or "", rec.get("id") or ""
        if source.get("path"):
            done.docs[path_key(source["path"])] = (sha, rid)
            done.paths_by_sha.setdefault(sha, source["path"])
        for alt in source.get("alternates") or []:  # other forms of the same publication
            if alt.get("path"):
                done.docs[path_key(alt["path"])] = (alt.get("sha256") or "", rid)
        done.ids_by_sha.setdefault(sha, rid)
        done.ids.add(rid)
    errors = list(read_jsonl(out_dir / ERRORS))
    if retry_errors and errors:
        rewrite_jsonl(out_dir / ERRORS, [])
        errors = []
    for err in errors:
        if err.get("path"):
            done.errors[path_key(err["path"])] = (err.get("sha256"), err.get("error") or "")
    return done


def drop_inputs(out_dir: Path, keys: set[str]) -> None:
    """Take the records and error lines of these inputs (path keys) out of OUT."""

    if not keys:
        return
    for name in (DOCUMENTS, ERRORS):
        rows = list(read_jsonl(out_dir / name))
        kept = [row for row in rows if not (_row_paths(row, name) & keys)]
        if len(kept) != len(rows):
            rewrite_jsonl(out_dir / name, kept)


def _row_paths(row: dict[str, Any], name: str) -> set[str]:
    """The input path keys a line of ``name`` stands for (a record: its alternates too)."""
    from kamer_nlp.batch.inputs import path_key

    if name != DOCUMENTS:
        return {path_key(row.get("path") or "")}
    source = row.get("source") or {}
    paths = [source.get("path") or ""] + [
        alt.get("path") or "" for alt in source.get("alternates") or []
    ]
    return {path_key(p) for p in paths}


def rebuild_commitments(out_dir: Path) -> None:
    """Make the commitments table agree with documents.jsonl (a killed run may have left
    rows of a document whose line never made it, or a document without its rows)."""
    from kamer_nlp.commitments.table import commitment_rows

    rows = [row for rec in read_jsonl(out_dir / DOCUMENTS) for row in commitment_rows(rec)]
    current = list(read_jsonl(out_dir / COMMITMENTS))
    if current != rows:
        rewrite_jsonl(out_dir / COMMITMENTS, rows)
