"""The value a cross-reference parser returns."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from kamer_nlp.contracts import ReferenceAttrs

# Contract values of Reference.type (attrs.type of a REFERENCE span).
REFERENCE_TYPES = (
    "kamerstuk",
    "handelingen",
    "aanhangsel",
    "staatsblad",
    "staatscourant",
    "ecli",
    "ljn",
    "eu",
    "url",
    "letter_by_date",
)


@dataclass(frozen=True)
class Reference:
    """One citation: ``text == source[start:end]`` (half-open character offsets).

    ``kb_id`` is the canonical id (``kst-31015-135``, ``stb-2020-118``, a CELEX
    number, an ECLI, …) or None for a letter known only by its date. ``date`` is
    the resolved ISO date of a ``letter_by_date`` reference (None when it cannot
    be resolved). ``details`` holds the parsed parts (dossier, kamer, …).
    """

    start: int
    end: int
    text: str
    type: str
    kb_id: str | None
    url: str | None = None
    date: str | None = None
    details: Mapping[str, Any] = field(default_factory=dict)

    def attrs(self) -> ReferenceAttrs:
        """The span attrs of the output record: ``type``, ``url`` and the parsed parts."""
        return ReferenceAttrs(
            type=self.type, url=self.url, date=self.date, parts=tuple(self.details.items())
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "type": self.type,
            "kb_id": self.kb_id,
            "url": self.url,
            "date": self.date,
            "details": dict(self.details),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Reference:
        return cls(
            start=int(data["start"]),
            end=int(data["end"]),
            text=str(data["text"]),
            type=str(data["type"]),
            kb_id=data.get("kb_id"),
            url=data.get("url"),
            date=data.get("date"),
            details=dict(data.get("details") or {}),
        )
