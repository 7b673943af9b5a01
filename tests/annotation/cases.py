"""Shared by the annotation and review tests: records built from the JSON case files
(span positions written as ``find``/``in``/``nth``, never as offsets)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any


def locate(text: str, where: dict[str, Any]) -> tuple[int, int]:
    """Offsets of the nth ``find`` (inside the first ``in`` when given)."""
    base = text.index(where["in"]) if "in" in where else 0
    hay = where.get("in", text)
    pos = -1
    for _ in range(where.get("nth", 0) + 1):
        pos = hay.index(where["find"], pos + 1)
    return base + pos, base + pos + len(where["find"])


def case_spans(
    text: str, specs: list[dict[str, Any]], boxes: Callable[[dict[str, Any]], list[Any]]
) -> list[dict[str, Any]]:
    """The record spans of a case (ids s1, s2, … in case order)."""
    spans = []
    for i, s in enumerate(specs, 1):
        start, end = locate(text, s)
        spans.append(
            {
                "id": f"s{i}",
                "start": start,
                "end": end,
                "label": s["label"],
                "text": text[start:end],
                "kb_id": s["kb_id"],
                "attrs": s["attrs"],
                "boxes": boxes(s),
            }
        )
    return spans
