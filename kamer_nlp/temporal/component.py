"""The spaCy component ``kamer_temporal``: TIMEX spans with kind/value/mod/interval/due."""

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
    TIMEX_KEY,
    WARNINGS_EXT,
    add_warning,
    doc_date,
    set_span_attrs,
)
from kamer_nlp.nlp.scoring import SPANS_SCORER, SpansScorer, score_weights
from kamer_nlp.nlp.serial import TextFilesState
from kamer_nlp.temporal.finder import TimexFinder
from kamer_nlp.temporal.resources import CONVENTIONS_FILE, LEXICON_FILE, TemporalResources
from kamer_nlp.temporal.timex import TIMEX_LABEL, Timex

NO_DATE_WARNING = (
    "kamer_temporal: no document date; {n} relative time expression(s) keep value and mod "
    "but have no interval or due date"
)


def load_resources(
    lexicon_path: str | Path | None,
    conventions_path: str | Path | None,
    name: str = "kamer_temporal",
    base: TemporalResources | None = None,
) -> TemporalResources:
    """The lexicon and conventions from these files; a ``None`` path keeps ``base``'s
    file (the package's own when ``base`` is None)."""
    base = base or TemporalResources.default()
    if lexicon_path is None and conventions_path is None:
        return base
    return TemporalResources(
        base.lexicon_text
        if lexicon_path is None
        else read_data(lexicon_path, component=name, setting="lexicon_path"),
        base.conventions_text
        if conventions_path is None
        else read_data(conventions_path, component=name, setting="conventions_path"),
    )


class TemporalTagger(TextFilesState):
    """Finds time expressions with :func:`~kamer_nlp.temporal.find_timexes` and writes
    ``TIMEX`` spans to ``doc.spans[spans_key]`` (``kb_id`` = the TIMEX3 value) with attrs
    ``{"kind", "value", "mod", "interval", "due", "anchored", …}`` via :func:`set_span_attrs`.

    Relative expressions resolve against ``doc_date(doc)``; when it is None they keep
    their value and mod, get no interval, and the Doc gets a warning. The lexicon and
    calendar conventions come from ``lexicon_path`` and ``conventions_path`` (``None``:
    the package's own).
    """

    def __init__(
        self,
        nlp: Language,
        name: str = "kamer_temporal",
        *,
        spans_key: str = TIMEX_KEY,
        overwrite: bool = True,
        lexicon_path: str | Path | None = None,
        conventions_path: str | Path | None = None,
        scorer: SpansScorer | None = None,
    ) -> None:
        self.nlp = nlp
        self.name = name
        self.spans_key = spans_key
        self.overwrite = overwrite
        self.scorer = scorer
        self._use(load_resources(lexicon_path, conventions_path, name))

    def initialize(
        self,
        get_examples: Callable[[], Iterable[Example]] | None = None,
        *,
        nlp: Language | None = None,
        lexicon_path: str | None = None,
        conventions_path: str | None = None,
    ) -> None:
        """Load another lexicon or conventions (``[initialize.components.NAME]``); without
        a path nothing changes, so initializing a loaded pipeline keeps what it has."""
        if lexicon_path is not None or conventions_path is not None:
            self._use(load_resources(lexicon_path, conventions_path, self.name, self.resources))

    def score(self, examples: Iterable[Example], **kwargs: object) -> dict[str, object]:
        """P/R/F of the TIMEX spans (``spans_<spans_key>_p/_r/_f/_per_type``)."""
        if self.scorer is None:
            return {}
        return self.scorer(examples, spans_key=self.spans_key, **kwargs)

    def __call__(self, doc: Doc) -> Doc:
        sentences = (
            [(s.start_char, s.end_char) for s in doc.sents]
            if doc.has_annotation("SENT_START")
            else None
        )
        timexes = self.finder.find(doc.text, doc_date(doc), sentences)
        spans = [span for span in (self._span(doc, t) for t in timexes) if span is not None]
        if self.overwrite or self.spans_key not in doc.spans:
            doc.spans[self.spans_key] = spans
        else:
            doc.spans[self.spans_key] = list(doc.spans[self.spans_key]) + spans
        unanchored = sum(1 for t in timexes if not t.anchored)
        if unanchored:
            add_warning(doc, NO_DATE_WARNING.format(n=unanchored))
        return doc

    @staticmethod
    def _span(doc: Doc, timex: Timex) -> Span | None:
        kb_id = timex.value
        span = doc.char_span(
            timex.start, timex.end, label=TIMEX_LABEL, kb_id=kb_id, alignment_mode="strict"
        )
        if span is None:
            span = doc.char_span(
                timex.start, timex.end, label=TIMEX_LABEL, kb_id=kb_id, alignment_mode="expand"
            )
        if span is None:
            return None
        attrs = timex.attrs()
        if (span.start_char, span.end_char) != (timex.start, timex.end):
            # token boundaries widened the span: keep the expression's own extent
            attrs = replace(attrs, timex_start=timex.start, timex_end=timex.end)
        set_span_attrs(span, attrs)
        return span

    # --- serialisation: the lexicon and conventions travel with the pipeline ----

    def _use(self, resources: TemporalResources) -> TemporalTagger:
        self.resources = resources
        self.finder = TimexFinder(resources)
        return self

    def state_files(self) -> dict[str, str]:
        return {
            LEXICON_FILE: self.resources.lexicon_text,
            CONVENTIONS_FILE: self.resources.conventions_text,
        }

    def load_state_files(self, files: Mapping[str, str]) -> None:
        self._use(TemporalResources(files[LEXICON_FILE], files[CONVENTIONS_FILE]))


@Language.factory(
    "kamer_temporal",
    assigns=["doc.spans", f"doc._.{ATTRS_EXT}", f"doc._.{WARNINGS_EXT}"],
    default_config={
        "spans_key": TIMEX_KEY,
        "overwrite": True,
        "lexicon_path": None,
        "conventions_path": None,
        "scorer": {"@scorers": SPANS_SCORER},
    },
    default_score_weights=score_weights(TIMEX_KEY),
)
def make_temporal_tagger(
    nlp: Language,
    name: str,
    spans_key: str,
    overwrite: bool,
    lexicon_path: str | None,
    conventions_path: str | None,
    scorer: SpansScorer | None,
) -> TemporalTagger:
    return TemporalTagger(
        nlp,
        name,
        spans_key=spans_key,
        overwrite=overwrite,
        lexicon_path=lexicon_path,
        conventions_path=conventions_path,
        scorer=scorer,
    )
