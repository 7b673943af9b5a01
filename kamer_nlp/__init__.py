"""kamer-nlp: Dutch parliamentary documents to annotated, machine-readable data."""

from __future__ import annotations

__version__ = "0.1.0"

from kamer_nlp.api import annotate_pdf, annotate_text

__all__ = ["__version__", "annotate_pdf", "annotate_text"]
