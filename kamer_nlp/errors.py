"""The exception types shared across kamer-nlp's layers.

Each carries a message that is one line for the user; the command line prints it after
``error:`` (or after the ``kind`` of an :class:`ExtractionError`). Kept apart from the
modules that raise them, so that the API, the batch runner and the command line can
catch them without importing a PDF backend or spaCy.
"""

from __future__ import annotations


class ExtractionError(Exception):
    """A document that cannot be extracted; ``kind`` is the errors.jsonl code."""

    def __init__(self, kind: str, message: str) -> None:
        super().__init__(message)
        self.kind = kind
        self.message = message


class PipelineError(Exception):
    """A pipeline that cannot be built here; the message is one line for the user."""


class UnknownNameError(LookupError):
    """A name that no registry of kamer-nlp holds (a PDF backend, an export format).

    ``str()`` gives one line naming what is known, which :class:`LookupError`'s
    ``KeyError`` cousin would wrap in quotes.
    """

    def __init__(self, what: str, name: str, known: tuple[str, ...]) -> None:
        message = (
            f"unknown {what} {name!r}: use {', '.join(known)}"
            if known
            else (f"unknown {what} {name!r}: none is registered")
        )
        super().__init__(message)
        self.what = what
        self.name = name
        self.known = known


class ExportError(Exception):
    """An export that cannot be made (unreadable records, a missing optional package)."""
