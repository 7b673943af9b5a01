"""The value type of a normalised time expression."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from kamer_nlp.contracts import TimexAttrs

KINDS = ("date", "deadline", "duration", "vague", "set")
MODS = ("BEFORE", "ON_OR_BEFORE", "AFTER", "START", "MID", "END", "APPROX")
TIMEX_LABEL = "TIMEX"


@dataclass(frozen=True)
class Timex:
    """A time expression in a text, normalised against the document date.

    ``start``/``end`` are half-open character offsets (``text == source[start:end]``).
    ``value`` is TIMEX3 style (``2018-02-14``, ``2018-SU``, ``2019-Q2``, ``P6W``,
    ``FUTURE_REF``; ``XXXX-SU`` when a relative expression had no document date).
    ``interval`` is the anchor period ``(first day, last day)``; ``mod`` relates the
    event to it; ``due`` is the latest "done by" date (of a deadline, or of any expression in a
    sentence that states a planned completion) and ``due_source`` where it comes from. ``anchored`` is
    False when the expression is relative and no document date was known.
    ``extra`` holds label-specific extras (``part``, ``freq``, ``window``, …).
    """

    start: int
    end: int
    text: str
    kind: str
    value: str
    mod: str | None = None
    interval: tuple[str, str] | None = None
    due: str | None = None
    anchored: bool = True
    extra: tuple[tuple[str, Any], ...] = ()
    due_source: str | None = None

    def attrs(self) -> TimexAttrs:
        """The span attributes of the output record (no offsets)."""
        return TimexAttrs(
            kind=self.kind,
            value=self.value,
            mod=self.mod,
            interval=self.interval,
            due=self.due,
            due_source=self.due_source,
            anchored=self.anchored,
            extra=self.extra,
        )

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text, **self.attrs().to_record()}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Timex:
        known = {
            "start",
            "end",
            "text",
            "kind",
            "value",
            "mod",
            "interval",
            "due",
            "due_source",
            "anchored",
        }
        interval = data.get("interval")
        return cls(
            start=int(data["start"]),
            end=int(data["end"]),
            text=str(data["text"]),
            kind=str(data["kind"]),
            value=str(data["value"]),
            mod=data.get("mod"),
            interval=(str(interval[0]), str(interval[1])) if interval else None,
            due=data.get("due"),
            due_source=data.get("due_source"),
            anchored=bool(data.get("anchored", True)),
            extra=tuple(sorted((k, v) for k, v in data.items() if k not in known)),
        )
