"""Scorers of the kamer-nlp components, registered with spaCy's ``scorers`` registry.

Each span component names its scorer in its factory config (``scorer =
{"@scorers": "kamer_nlp.spans_scorer.v1"}``) and calls it from ``score``, so
``nlp.evaluate(examples)`` reports for ``doc.spans[KEY]``: ``spans_KEY_p``, ``_r``,
``_f`` and ``spans_KEY_per_type`` (precision, recall and F1 per label), as spaCy's
``spancat`` does. Gold Docs say which keys they annotate by having them in ``doc.spans``
(an empty group is "annotated: nothing"); a key missing from a gold Doc is not scored.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Protocol

from spacy.scorer import Scorer
from spacy.tokens import Doc, Span
from spacy.training import Example
from spacy.util import registry

SPANS_SCORER = "kamer_nlp.spans_scorer.v1"
SENTS_SCORER = "spacy.senter_scorer.v1"  # spaCy's own, for kamer_sentences


class SpansScorer(Protocol):
    def __call__(
        self, examples: Iterable[Example], *, spans_key: str, **cfg: object
    ) -> dict[str, object]: ...


def score_spans(examples: Iterable[Example], *, spans_key: str, **cfg: object) -> dict[str, object]:
    """Labelled P/R/F of the spans in ``doc.spans[spans_key]`` (overlaps allowed)."""

    def getter(doc: Doc, attr: str) -> list[Span]:
        return list(doc.spans.get(spans_key, []))

    def has_annotation(doc: Doc) -> bool:
        return spans_key in doc.spans

    scores: dict[str, object] = Scorer.score_spans(
        examples,
        f"spans_{spans_key}",
        getter=getter,
        has_annotation=has_annotation,
        labeled=True,
        allow_overlap=True,
    )
    return scores


@registry.scorers(SPANS_SCORER)
def make_spans_scorer() -> SpansScorer:
    return score_spans


def score_weights(spans_key: str) -> dict[str, float | None]:
    """``default_score_weights`` of a span component writing to ``spans_key``."""
    return {f"spans_{spans_key}_f": 1.0, f"spans_{spans_key}_p": 0.0, f"spans_{spans_key}_r": 0.0}


# the type of ``scorer`` in a component that uses spaCy's sentence scorer
SentsScorer = Callable[..., dict[str, object]]
