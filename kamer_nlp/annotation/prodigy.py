"""Prodigy: ``spans`` tasks (``spans.manual``) out, corrected tasks (``db-out``) back.

A task is the whole document: ``text``, ``tokens`` (``text``, ``start``, ``end``,
``id``, ``ws``) and ``spans`` (``start``, ``end``, ``token_start``, ``token_end``
inclusive, ``label``). Each span also carries the record's span ``id``, ``text``,
``kb_id`` and ``attrs`` (Prodigy keeps extra span fields); ``meta`` holds the
document id and source; ``kamer`` the text hash, the labels exported and the kb ids
by ``LABEL:start:end`` (for spans that come back without their extra fields).
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Iterable, Mapping
from functools import cache
from typing import Any

import spacy
from spacy.language import Language

from kamer_nlp.annotation.gold import (
    PAYLOAD_KEY,
    AnnotationImportError,
    GoldDocument,
    SkippedTask,
    check_text,
    export_meta,
    exported_spans,
    finish,
    lookup_record,
    meta_kb_ids,
    read_meta,
    span_key,
)

FORMAT = "prodigy"


@cache
def default_tokenizer() -> Language:
    """Blank Dutch with the project's tokenizer additions (what the pipeline tokenizes with)."""
    from kamer_nlp.nlp.tokenizer import customise

    nlp = spacy.blank("nl")
    customise(nlp)
    return nlp


def tokens_for(text: str, boundaries: Iterable[int], nlp: Language) -> list[dict[str, Any]]:
    """spaCy's tokens, with a token split wherever a span boundary falls inside one.

    The pipeline's spans are token-aligned, so the split only happens for spans made
    with ``alignment_mode="expand"`` or a different tokenizer; Prodigy needs every span
    edge on a token edge.
    """
    cuts = sorted(set(boundaries))
    out: list[dict[str, Any]] = []
    doc = nlp.make_doc(text)
    for tok in doc:
        start, end = tok.idx, tok.idx + len(tok.text)
        lo, hi = bisect.bisect_right(cuts, start), bisect.bisect_left(cuts, end)
        edges = [start, *cuts[lo:hi], end]
        for i, (a, b) in enumerate(itertools.pairwise(edges)):
            last = i == len(edges) - 2
            out.append(
                {
                    "text": text[a:b],
                    "start": a,
                    "end": b,
                    "id": len(out),
                    "ws": bool(tok.whitespace_) if last else False,
                }
            )
    return out


def _token_range(tokens: list[dict[str, Any]], start: int, end: int) -> tuple[int, int]:
    """Indices of the first and last token inside ``[start, end)``."""
    inside = [t["id"] for t in tokens if t["start"] < end and t["end"] > start]
    if not inside:
        raise ValueError(f"no token inside [{start}, {end})")
    return inside[0], inside[-1]


def to_prodigy(
    record: Mapping[str, Any],
    *,
    labels: Iterable[str] | None = None,
    nlp: Language | None = None,
) -> dict[str, Any]:
    """One Prodigy task for the record (``labels``: only these; ``nlp``: its tokenizer)."""
    chosen, spans = exported_spans(record, labels)
    text = record["text"]
    tokens = tokens_for(
        text,
        [b for s in spans for b in (s["start"], s["end"])],
        nlp or default_tokenizer(),
    )
    out_spans = []
    for s in spans:
        token_start, token_end = _token_range(tokens, s["start"], s["end"])
        out_spans.append(
            {
                "start": s["start"],
                "end": s["end"],
                "token_start": token_start,
                "token_end": token_end,
                "label": s["label"],
                "text": text[s["start"] : s["end"]],
                "id": s["id"],
                "kb_id": s.get("kb_id"),
                "attrs": s.get("attrs") or {},
            }
        )
    visible, payload = export_meta(record, chosen, spans)
    return {
        "text": text,
        "tokens": tokens,
        "spans": out_spans,
        "meta": visible,
        PAYLOAD_KEY: payload,
    }


def from_prodigy(
    task: Mapping[str, Any], *, records: Mapping[str, Mapping[str, Any]] | None = None
) -> GoldDocument:
    """The gold document of a corrected task (from ``prodigy db-out``).

    Raises :class:`SkippedTask` for a rejected or ignored task, :class:`TextChangedError`
    when the text is not the exported one, :class:`AnnotationImportError` otherwise.
    """
    meta = read_meta(task.get("meta"), task)
    doc_id = meta.get("doc_id")
    answer = task.get("answer")
    if answer is not None and answer != "accept":
        raise SkippedTask(doc_id, f"answer is {answer!r}")
    record = lookup_record(doc_id, records, FORMAT)
    assert doc_id is not None
    text = task.get("text")
    if not isinstance(text, str):
        raise AnnotationImportError(f"{doc_id}: a prodigy task without text")
    check_text(doc_id, text, expected_sha256=meta.get("text_sha256"), record=record, fmt=FORMAT)
    kb_map = meta_kb_ids(meta)
    raw = []
    for s in task.get("spans") or []:
        try:
            start, end, label = int(s["start"]), int(s["end"]), str(s["label"])
        except (KeyError, TypeError, ValueError) as e:
            raise AnnotationImportError(f"{doc_id}: a span without start/end/label: {s}") from e
        if "text" in s and 0 <= start <= end <= len(text) and s["text"] != text[start:end]:
            raise AnnotationImportError(
                f"{doc_id}: span {label} [{start}, {end}) says {s['text']!r} but the text "
                f"there is {text[start:end]!r}"
            )
        if "id" in s and span_key(label, start, end) not in kb_map:
            # an exported span the annotator moved or relabelled: its kb id no longer applies
            raw.append((start, end, label, None, True))
        else:
            raw.append((start, end, label, s.get("kb_id"), "kb_id" in s))
    return finish(doc_id, text, raw, meta=meta, record=record, fmt=FORMAT)
