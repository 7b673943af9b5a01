"""PDF backends by name: each makes a :class:`~kamer_nlp.extract.glyphs.GlyphSource`.

Everything downstream of a backend works from its glyphs only, so a backend is chosen
by name (``kamer-nlp run --backend NAME``, ``annotate_file(..., backend=NAME)``) and
held to producing the same repaired text. ``pdfplumber`` is built in; another backend
registers itself with :func:`register_backend` in the module that defines it, which
this module imports below the registry (one line per built-in backend).
"""

from __future__ import annotations

from typing import Protocol

from kamer_nlp.errors import UnknownNameError
from kamer_nlp.extract.glyphs import GlyphSource

DEFAULT_BACKEND = "pdfplumber"


class BackendFactory(Protocol):
    """Makes a backend for one run; ``max_bytes`` is the largest PDF it may open."""

    def __call__(self, *, max_bytes: int | None = None) -> GlyphSource: ...


_BACKENDS: dict[str, BackendFactory] = {}


def register_backend(name: str, factory: BackendFactory) -> None:
    """Make ``factory`` the backend called ``name`` (a name registered again is replaced)."""
    _BACKENDS[name] = factory


def backend_names() -> tuple[str, ...]:
    """The registered backends, the default first."""
    return tuple(sorted(_BACKENDS, key=lambda name: (name != DEFAULT_BACKEND, name)))


def check_backend(name: str) -> str:
    """``name`` when a backend of that name is registered; else :class:`UnknownNameError`."""
    if name not in _BACKENDS:
        raise UnknownNameError("PDF backend", name, backend_names())
    return name


def get_backend(name: str = DEFAULT_BACKEND, *, max_bytes: int | None = None) -> GlyphSource:
    """A new backend ``name`` that refuses PDFs larger than ``max_bytes``."""
    return _BACKENDS[check_backend(name)](max_bytes=max_bytes)


# the built-in backends (each module's import is cheap: the PDF library loads on first use)
from kamer_nlp.extract.pdfplumber_source import PdfplumberSource  # noqa: E402

register_backend("pdfplumber", PdfplumberSource)
