"""Source texts of the sample documents: frozen values loaded from ``documents/*.json``.

A document file holds the metadata, layout-specific header data and the body as a list
of blocks. Block text uses a tiny markup (see :mod:`kamer_samples.markup`):
``[^1]`` places footnote marker 1, ``|`` forces a line break at that point.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

from kamer_samples.markup import MARKER_RE

SOURCE_FORMAT = "kamer-nlp-sample/1"
LAYOUTS = ("kamerstuk", "letterhead")
# kinds a source block may have; head and field blocks are made by the layouts from meta
BLOCK_KINDS = (
    "heading",
    "paragraph",
    "list_item",
    "salutation",
    "closing",
    "signature",
    "address",
    "field",
)


@dataclass(frozen=True)
class SourceBlock:
    kind: str
    text: str  # markup; the lines of address/signature blocks are separated by "\n"
    label: str | None = None  # list item label as drawn ("–", "1.")

    def __post_init__(self) -> None:
        if self.kind not in BLOCK_KINDS:
            raise ValueError(f"unknown block kind {self.kind!r}")
        if self.kind == "list_item" and not self.label:
            raise ValueError("a list_item block needs a label")

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"kind": self.kind, "text": self.text}
        if self.label is not None:
            out["label"] = self.label
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> SourceBlock:
        return cls(kind=data["kind"], text=data["text"], label=data.get("label"))


@dataclass(frozen=True)
class SourceNote:
    label: str
    text: str  # markup (forced breaks allowed, no markers)
    runover: int | None = None  # force a run-over: only this many lines on the anchor page

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"label": self.label, "text": self.text}
        if self.runover is not None:
            out["runover"] = self.runover
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> SourceNote:
        return cls(label=str(data["label"]), text=data["text"], runover=data.get("runover"))


@dataclass(frozen=True)
class SampleDocument:
    stem: str
    layout: str
    meta: dict[str, Any]
    header: dict[str, Any]  # layout-specific: heading line (kamerstuk), sidebar lines (letterhead)
    blocks: tuple[SourceBlock, ...]
    notes: tuple[SourceNote, ...] = field(default_factory=tuple)

    def __post_init__(self) -> None:
        if self.layout not in LAYOUTS:
            raise ValueError(f"unknown layout {self.layout!r}")
        labels = [n.label for n in self.notes]
        markers = [m.group(1) for b in self.blocks for m in MARKER_RE.finditer(b.text)]
        if markers != labels:
            raise ValueError(
                f"{self.stem}: markers {markers} must name each note once, in order {labels}"
            )

    def note(self, label: str) -> SourceNote:
        for note in self.notes:
            if note.label == label:
                return note
        raise KeyError(f"{self.stem}: no footnote {label!r}")

    def to_dict(self) -> dict[str, Any]:
        return {
            "format": SOURCE_FORMAT,
            "stem": self.stem,
            "layout": self.layout,
            "meta": self.meta,
            "header": self.header,
            "blocks": [b.to_dict() for b in self.blocks],
            "notes": [n.to_dict() for n in self.notes],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> SampleDocument:
        if data.get("format") != SOURCE_FORMAT:
            raise ValueError(f"not a {SOURCE_FORMAT} document: {data.get('format')!r}")
        return cls(
            stem=data["stem"],
            layout=data["layout"],
            meta=dict(data["meta"]),
            header=dict(data.get("header", {})),
            blocks=tuple(SourceBlock.from_dict(b) for b in data["blocks"]),
            notes=tuple(SourceNote.from_dict(n) for n in data.get("notes", [])),
        )


def load_documents() -> list[SampleDocument]:
    """All sample documents shipped in ``kamer_samples/documents``, sorted by stem."""
    folder = resources.files("kamer_samples").joinpath("documents")
    docs = [
        SampleDocument.from_dict(json.loads(entry.read_text(encoding="utf-8")))
        for entry in folder.iterdir()
        if entry.name.endswith(".json")
    ]
    return sorted(docs, key=lambda d: d.stem)
