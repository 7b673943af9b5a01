"""Which files are inputs, and which of them are plain text: one rule for api, batch and cli."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

TEXT_SUFFIXES = frozenset({".txt", ".text"})
PDF_SUFFIXES = frozenset({".pdf"})
INPUT_SUFFIXES = TEXT_SUFFIXES | PDF_SUFFIXES

InputKind = Literal["text", "pdf"]


def input_kind(path: str | Path) -> InputKind | None:
    """``"text"`` for .txt/.text, ``"pdf"`` for .pdf (any case), None for anything else."""
    suffix = Path(path).suffix.lower()
    if suffix in TEXT_SUFFIXES:
        return "text"
    if suffix in PDF_SUFFIXES:
        return "pdf"
    return None


def is_text_file(path: str | Path) -> bool:
    """Whether ``path`` is read as plain text (every other file is read as a PDF)."""
    return input_kind(path) == "text"
