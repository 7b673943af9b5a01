"""kamer-nlp: Dutch parliamentary documents to annotated, machine-readable data."""

from __future__ import annotations

from typing import Any

__version__ = "0.1.0"
__all__ = ["__version__", "annotate_pdf", "annotate_text"]


def __getattr__(name: str) -> Any:
    # The API pulls in spaCy; import it on first use so `kamer_nlp.extract` stays light.
    if name in ("annotate_pdf", "annotate_text"):
        from kamer_nlp import api

        return getattr(api, name)
    raise AttributeError(name)
