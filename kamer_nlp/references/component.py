"""The spaCy component ``kamer_references``: REFERENCE spans with kb_id and attrs."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import replace
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.training import Example

from kamer_nlp.nlp.data import read_data
from kamer_nlp.nlp.extensions import (
    ATTRS_EXT,
    REFERENCES_KEY,
    doc_date,
    doc_meta,
    set_span_attrs,
)
from kamer_nlp.nlp.scoring import SPANS_SCORER, SpansScorer, score_weights
from kamer_nlp.nlp.serial import TextFilesState
from kamer_nlp.references.parse import find_references
from kamer_nlp.references.reference import REFERENCE_TYPES, Reference
from kamer_nlp.references.rules import (
    ABBREVIATIONS_FILE,
    PATTERNS_FILE,
    ReferenceRules,
    read_resource,
)

REFERENCE_LABEL = "REFERENCE"


def load_rules(
    patterns_path: str | Path | None,
    abbreviations_path: str | Path | None,
    name: str = "kamer_references",
) -> ReferenceRules:
    """The rules from these files (``None``: the package's own ``patterns.toml`` and
    ``abbreviations.toml``)."""
    if patterns_path is None and abbreviations_path is None:
        return ReferenceRules.default()
    return ReferenceRules(
        read_resource(PATTERNS_FILE)
        if patterns_path is None
        else read_data(patterns_path, component=name, setting="patterns_path"),
        read_resource(ABBREVIATIONS_FILE)
        if abbreviations_path is None
        else read_data(abbreviations_path, component=name, setting="abbreviations_path"),
    )


class ReferenceRecognizer(TextFilesState):
    """Finds citations with :func:`find_references` and writes them to ``doc.spans[spans_key]``.

    Each span has label ``REFERENCE``, ``kb_id`` the canonical id (empty for a
    letter known only by its date) and attrs ``{"type", "url", …}`` stored with
    :func:`set_span_attrs`. Letters cited by date resolve against ``doc_date(doc)``.
    The patterns and abbreviations come from ``patterns_path`` and
    ``abbreviations_path`` (``None``: the package's own).
    """

    def __init__(
        self,
        nlp: Language,
        name: str = "kamer_references",
        *,
        spans_key: str = REFERENCES_KEY,
        types: Iterable[str] | None = None,
        overwrite: bool = True,
        patterns_path: str | Path | None = None,
        abbreviations_path: str | Path | None = None,
        scorer: SpansScorer | None = None,
    ) -> None:
        self.nlp = nlp
        self.name = name
        self.spans_key = spans_key
        self.types = frozenset(types) if types is not None else None
        unknown = (self.types or frozenset()) - set(REFERENCE_TYPES)
        if unknown:
            raise ValueError(f"unknown reference types {sorted(unknown)}; known: {REFERENCE_TYPES}")
        self.overwrite = overwrite
        self.rules = load_rules(patterns_path, abbreviations_path, name)
        self.scorer = scorer

    def initialize(
        self,
        get_examples: Callable[[], Iterable[Example]] | None = None,
        *,
        nlp: Language | None = None,
        patterns_path: str | None = None,
        abbreviations_path: str | None = None,
    ) -> None:
        """Load other rules (``[initialize.components.NAME]``); without a path nothing
        changes, so initializing a loaded pipeline keeps what it has."""
        if patterns_path is not None or abbreviations_path is not None:
            current = self.rules
            self.rules = ReferenceRules(
                current.patterns_text
                if patterns_path is None
                else read_data(patterns_path, component=self.name, setting="patterns_path"),
                current.abbreviations_text
                if abbreviations_path is None
                else read_data(
                    abbreviations_path, component=self.name, setting="abbreviations_path"
                ),
            )

    def score(self, examples: Iterable[Example], **kwargs: object) -> dict[str, object]:
        """P/R/F of the REFERENCE spans (``spans_<spans_key>_p/_r/_f/_per_type``)."""
        if self.scorer is None:
            return {}
        return self.scorer(examples, spans_key=self.spans_key, **kwargs)

    def __call__(self, doc: Doc) -> Doc:
        meta = doc_meta(doc)
        refs = find_references(
            doc.text,
            doc_date=doc_date(doc),
            rules=self.rules,
            types=self.types,
            dossier=meta.dossier,
        )
        own = _own_references(refs, meta.id, meta.dossier)
        spans = [
            span for span in (self._span(doc, ref, ref in own) for ref in refs) if span is not None
        ]
        if self.overwrite or self.spans_key not in doc.spans:
            doc.spans[self.spans_key] = spans
        else:
            doc.spans[self.spans_key] = list(doc.spans[self.spans_key]) + spans
        return doc

    @staticmethod
    def _span(doc: Doc, ref: Reference, own: bool = False) -> Span | None:
        kb_id = ref.kb_id or ""
        span = doc.char_span(
            ref.start, ref.end, label=REFERENCE_LABEL, kb_id=kb_id, alignment_mode="strict"
        )
        if span is None:
            span = doc.char_span(
                ref.start, ref.end, label=REFERENCE_LABEL, kb_id=kb_id, alignment_mode="expand"
            )
        if span is None:
            return None
        attrs = ref.attrs()
        if (span.start_char, span.end_char) != (ref.start, ref.end):
            # Token boundaries widened the span: keep the citation's own extent in attrs.
            attrs = replace(attrs, ref_start=ref.start, ref_end=ref.end)
        if own:
            attrs = replace(attrs, self_reference=True)  # the document's own footer or colophon
        set_span_attrs(span, attrs)
        return span

    # --- serialisation: the rules travel with the pipeline -------------------
    def state_files(self) -> dict[str, str]:
        return {
            PATTERNS_FILE: self.rules.patterns_text,
            ABBREVIATIONS_FILE: self.rules.abbreviations_text,
        }

    def load_state_files(self, files: Mapping[str, str]) -> None:
        self.rules = ReferenceRules(files[PATTERNS_FILE], files[ABBREVIATIONS_FILE])


FOOTER_REACH = 120  # characters after the own id that belong to the same footer line


def _own_references(
    refs: list[Reference], own_id: str | None, dossier: str | None
) -> list[Reference]:
    """The document citing itself: its own id, and the other numbers of the same footer
    ("…, 22 738 (R 1446), nrs. 373 en 1": both are this document's numbers)."""
    if own_id is None:
        return []
    own = [r for r in refs if r.kb_id == own_id]
    for anchor in list(own):
        own += [
            r
            for r in refs
            if r not in own
            and r.details.get("dossier") == dossier
            and anchor.start <= r.start <= anchor.end + FOOTER_REACH
        ]
    return own


@Language.factory(
    "kamer_references",
    assigns=["doc.spans", f"doc._.{ATTRS_EXT}"],
    default_config={
        "spans_key": REFERENCES_KEY,
        "types": None,
        "overwrite": True,
        "patterns_path": None,
        "abbreviations_path": None,
        "scorer": {"@scorers": SPANS_SCORER},
    },
    default_score_weights=score_weights(REFERENCES_KEY),
)
def make_reference_recognizer(
    nlp: Language,
    name: str,
    spans_key: str,
    types: list[str] | None,
    overwrite: bool,
    patterns_path: str | None,
    abbreviations_path: str | None,
    scorer: SpansScorer | None,
) -> ReferenceRecognizer:
    return ReferenceRecognizer(
        nlp,
        name,
        spans_key=spans_key,
        types=types,
        overwrite=overwrite,
        patterns_path=patterns_path,
        abbreviations_path=abbreviations_path,
        scorer=scorer,
    )
