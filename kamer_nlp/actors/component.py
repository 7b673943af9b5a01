"""The ``kamer_actors`` spaCy component: ACTOR spans resolved to stable actor ids."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import ensure_path

from kamer_nlp.nlp.extensions import (
    ACTORS_KEY,
    META_EXT,
    add_warning,
    doc_date,
    doc_meta,
    set_span_attrs,
)

from .cues import Cues
from .gazetteer import Gazetteer
from .mentions import ActorAnalysis
from .resolution import ActorResolver

logger = logging.getLogger(__name__)

LABEL = "ACTOR"


@Language.factory(
    "kamer_actors",
    assigns=["doc.spans", "doc._.kamer_attrs", "doc._.kamer_meta"],
    default_config={"spans_key": ACTORS_KEY, "use_model_entities": True},
)
def make_actors(
    nlp: Language, name: str, spans_key: str, use_model_entities: bool
) -> ActorRecognizer:
    return ActorRecognizer(nlp, name, spans_key=spans_key, use_model_entities=use_model_entities)


class ActorRecognizer:
    """Writes ``ACTOR`` spans (``kb_id`` = actor_id) with attrs via ``set_span_attrs``.

    Signatories come from ``doc._.kamer_meta["signatories"]``; their resolved ``actor_id``
    is written back into those dicts, and co-senders go to ``meta["co_senders"]``.
    With ``use_model_entities`` the Doc's PER/ORG entities that the gazetteer does not
    cover become ``person``/``organisation`` actors.
    """

    def __init__(
        self,
        nlp: Language | None = None,
        name: str = "kamer_actors",
        *,
        spans_key: str = ACTORS_KEY,
        use_model_entities: bool = True,
        gazetteer: Gazetteer | None = None,
        cues: Cues | None = None,
    ) -> None:
        self.name = name
        self.spans_key = spans_key
        self.use_model_entities = use_model_entities
        self.resolver = ActorResolver(gazetteer or Gazetteer.default(), cues or Cues.default())

    @property
    def gazetteer(self) -> Gazetteer:
        return self.resolver.gazetteer

    def analyse(self, doc: Doc) -> ActorAnalysis:
        meta = doc_meta(doc)
        entities: Iterable[tuple[int, int, str]] = ()
        if self.use_model_entities:
            entities = [(e.start_char, e.end_char, e.label_) for e in doc.ents]
        return self.resolver.analyse(
            doc.text,
            doc_date=doc_date(doc),
            signatories=meta.get("signatories") or None,
            kamer=meta.get("kamer"),
            entities=entities,
        )

    def __call__(self, doc: Doc) -> Doc:
        analysis = self.analyse(doc)
        spans: list[Span] = []
        for mention in analysis.mentions:
            span = doc.char_span(
                mention.start,
                mention.end,
                label=LABEL,
                kb_id=mention.actor_id,
                alignment_mode="strict",
            )
            if span is None:
                span = doc.char_span(
                    mention.start,
                    mention.end,
                    label=LABEL,
                    kb_id=mention.actor_id,
                    alignment_mode="expand",
                )
            if span is None:
                add_warning(
                    doc, f"kamer_actors: could not align {mention.text!r} at {mention.start}"
                )
                continue
            set_span_attrs(span, mention.attrs())
            spans.append(span)
        doc.spans[self.spans_key] = spans
        self._update_meta(doc, analysis)
        return doc

    @staticmethod
    def _update_meta(doc: Doc, analysis: ActorAnalysis) -> None:
        meta = doc._.get(META_EXT)
        if meta is not None and meta.get("signatories"):
            for item, sig in zip(meta["signatories"], analysis.signatories, strict=False):
                if isinstance(item, dict):
                    item["actor_id"] = sig.actor_id
        if analysis.co_senders:
            if meta is None:
                meta = {}
                doc._.set(META_EXT, meta)
            meta["co_senders"] = [dict(c) for c in analysis.co_senders]

    def pipe(self, stream: Iterable[Doc], *, batch_size: int = 128) -> Iterable[Doc]:
        for doc in stream:
            yield self(doc)

    # -- serialisation ----------------------------------------------------------------------
    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        path = ensure_path(path)
        path.mkdir(parents=True, exist_ok=True)
        self.gazetteer.to_disk(path / "gazetteer")
        (path / "cues.json").write_text(self.resolver.cues.to_text(), encoding="utf-8")
        cfg = {"spans_key": self.spans_key, "use_model_entities": self.use_model_entities}
        (path / "cfg.json").write_text(json.dumps(cfg), encoding="utf-8")

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> ActorRecognizer:
        path = ensure_path(path)
        gazetteer = Gazetteer.from_disk(path / "gazetteer")
        cues = Cues.from_text((path / "cues.json").read_text(encoding="utf-8"))
        cfg = json.loads((path / "cfg.json").read_text(encoding="utf-8"))
        self.spans_key = cfg["spans_key"]
        self.use_model_entities = cfg["use_model_entities"]
        self.resolver = ActorResolver(gazetteer, cues)
        return self

    def score(self, examples: Iterable[Any], **kwargs: Any) -> dict[str, Any]:
        from spacy.scorer import Scorer

        return Scorer.score_spans(examples, attr=self.spans_key, **kwargs)
