"""The ``kamer_actors`` spaCy component: ACTOR spans resolved to stable actor ids."""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterable, Mapping
from dataclasses import replace
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.training import Example

from kamer_nlp.contracts import DocumentMeta
from kamer_nlp.errors import PipelineError
from kamer_nlp.nlp.data import data_path, read_data
from kamer_nlp.nlp.extensions import (
    ACTORS_KEY,
    META_EXT,
    add_warning,
    doc_date,
    doc_meta,
    doc_turns,
    set_doc_meta,
    set_doc_turns,
    set_span_attrs,
)
from kamer_nlp.nlp.scoring import SPANS_SCORER, SpansScorer, score_weights
from kamer_nlp.nlp.serial import TextFilesState

from .cues import Cues
from .gazetteer import Gazetteer
from .mentions import ActorAnalysis
from .resolution import ActorResolver

logger = logging.getLogger(__name__)

LABEL = "ACTOR"


def load_gazetteer(path: str | Path | None, name: str = "kamer_actors") -> Gazetteer:
    """The gazetteer in the folder ``path`` (see :meth:`Gazetteer.from_folder`; ``None``:
    the package's own)."""
    if path is None:
        return Gazetteer.default()
    folder = data_path(path, component=name, setting="gazetteer_path", folder=True)
    try:
        return Gazetteer.from_folder(folder)
    except FileNotFoundError as e:
        raise PipelineError(f"{name}: gazetteer_path {str(path)!r}: {e}") from e


def load_cues(path: str | Path | None, name: str = "kamer_actors") -> Cues:
    """The cue words of the ``cues.json`` at ``path`` (``None``: the package's own)."""
    if path is None:
        return Cues.default()
    return Cues.from_text(read_data(path, component=name, setting="cues_path"))


@Language.factory(
    "kamer_actors",
    assigns=["doc.spans", "doc._.kamer_attrs", "doc._.kamer_meta", "doc._.kamer_turns"],
    default_config={
        "spans_key": ACTORS_KEY,
        "use_model_entities": True,
        "gazetteer_path": None,
        "cues_path": None,
        "scorer": {"@scorers": SPANS_SCORER},
    },
    default_score_weights=score_weights(ACTORS_KEY),
)
def make_actors(
    nlp: Language,
    name: str,
    spans_key: str,
    use_model_entities: bool,
    gazetteer_path: str | None,
    cues_path: str | None,
    scorer: SpansScorer | None,
) -> ActorRecognizer:
    return ActorRecognizer(
        nlp,
        name,
        spans_key=spans_key,
        use_model_entities=use_model_entities,
        gazetteer_path=gazetteer_path,
        cues_path=cues_path,
        scorer=scorer,
    )


class ActorRecognizer(TextFilesState):
    """Writes ``ACTOR`` spans (``kb_id`` = actor_id) with attrs via ``set_span_attrs``.

    Signatories come from the document's ``DocumentMeta`` (``doc_meta(doc)``); their
    resolved ``actor_id`` is written back into it, and co-senders go to ``meta.co_senders``.
    With ``use_model_entities`` the Doc's PER/ORG entities that the gazetteer does not
    cover become ``person``/``organisation`` actors. The gazetteer and cue words are
    ``gazetteer``/``cues`` when given, else read from ``gazetteer_path`` (a folder) and
    ``cues_path`` (``None``: the package's own).
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
        gazetteer_path: str | Path | None = None,
        cues_path: str | Path | None = None,
        scorer: SpansScorer | None = None,
    ) -> None:
        self.name = name
        self.spans_key = spans_key
        self.use_model_entities = use_model_entities
        self.scorer = scorer
        self.resolver = ActorResolver(
            gazetteer or load_gazetteer(gazetteer_path, name), cues or load_cues(cues_path, name)
        )

    def initialize(
        self,
        get_examples: Callable[[], Iterable[Example]] | None = None,
        *,
        nlp: Language | None = None,
        gazetteer_path: str | None = None,
        cues_path: str | None = None,
    ) -> None:
        """Load another gazetteer or cue list (``[initialize.components.NAME]``); without
        a path nothing changes, so initializing a loaded pipeline keeps what it has."""
        if gazetteer_path is not None or cues_path is not None:
            self.resolver = ActorResolver(
                self.gazetteer
                if gazetteer_path is None
                else load_gazetteer(gazetteer_path, self.name),
                self.resolver.cues if cues_path is None else load_cues(cues_path, self.name),
            )

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
            signatories=meta.signatories or None,
            kamer=meta.kamer,
            entities=entities,
            turns=doc_turns(doc),
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
        turns = doc_turns(doc)
        if turns and analysis.turn_actors:
            set_doc_turns(
                doc,
                [
                    replace(turn, actor_id=actor_id)
                    for turn, actor_id in zip(turns, analysis.turn_actors, strict=False)
                ],
            )
        return doc

    @staticmethod
    def _update_meta(doc: Doc, analysis: ActorAnalysis) -> None:
        """The signatories' resolved ids and the co-senders go into the document's metadata."""
        meta = doc._.get(META_EXT)
        if isinstance(meta, DocumentMeta):
            for item, sig in zip(meta.signatories, analysis.signatories, strict=False):
                item.actor_id, item.resolved = sig.actor_id, True
        if analysis.co_senders:
            if not isinstance(meta, DocumentMeta):
                meta = DocumentMeta()
                set_doc_meta(doc, meta)
            meta.co_senders = list(analysis.co_senders)

    def pipe(self, stream: Iterable[Doc], *, batch_size: int = 128) -> Iterable[Doc]:
        for doc in stream:
            yield self(doc)

    # -- serialisation ----------------------------------------------------------------------
    def state_files(self) -> dict[str, str]:
        cfg = {"spans_key": self.spans_key, "use_model_entities": self.use_model_entities}
        files = {f"gazetteer/{k}": v for k, v in self.gazetteer.to_files().items()}
        return {**files, "cues.json": self.resolver.cues.to_text(), "cfg.json": json.dumps(cfg)}

    def load_state_files(self, files: Mapping[str, str]) -> None:
        prefix = "gazetteer/"
        gazetteer = Gazetteer.from_files(
            {k[len(prefix) :]: v for k, v in files.items() if k.startswith(prefix)}
        )
        cfg = json.loads(files["cfg.json"])
        self.spans_key = cfg["spans_key"]
        self.use_model_entities = cfg["use_model_entities"]
        self.resolver = ActorResolver(gazetteer, Cues.from_text(files["cues.json"]))

    def score(self, examples: Iterable[Example], **kwargs: object) -> dict[str, object]:
        """P/R/F of the ACTOR spans (``spans_<spans_key>_p/_r/_f/_per_type``)."""
        if self.scorer is None:
            return {}
        return self.scorer(examples, spans_key=self.spans_key, **kwargs)
