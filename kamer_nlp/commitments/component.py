"""The ``kamer_commitments`` spaCy component.

Candidate sentences come from the cue patterns; the classifier decides
commitment / link / none; each commitment is structured (actor, addressee,
action, deadline). Output: COMMITMENT spans in ``doc.spans[COMMITMENTS_KEY]``
(kb_id = "c1", "c2", …) and the records in ``doc._.kamer_commitment_records``:
commitments (``kind`` "commitment") and links to earlier commitments
(``kind`` "link"), in text order.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.training import Example

from kamer_nlp.commitments.cues import COMMITMENT, LINK, CueSet
from kamer_nlp.commitments.model import CommitmentModel, allowed_labels, decide
from kamer_nlp.commitments.structure import (
    DocView,
    choose_anchor,
    find_action,
    find_actor,
    find_addressee,
    find_deadline,
    find_link_target,
)
from kamer_nlp.contracts import Commitment, CommitmentLink, CommitmentSpanAttrs
from kamer_nlp.nlp.data import data_path, read_data
from kamer_nlp.nlp.extensions import COMMITMENT_RECORDS_EXT, COMMITMENTS_KEY, set_span_attrs
from kamer_nlp.nlp.scoring import SPANS_SCORER, SpansScorer, score_weights
from kamer_nlp.nlp.serial import TextFilesState

LABEL = "COMMITMENT"
DEFAULT_THRESHOLD = 0.5


def load_cues(path: str | Path | None, name: str = "kamer_commitments") -> CueSet:
    """The cue patterns of the ``cues.json`` at ``path`` (``None``: the package's own)."""
    if path is None:
        return CueSet.default()
    return CueSet.from_dict(json.loads(read_data(path, component=name, setting="cues_path")))


def load_model(path: str | Path | None, name: str = "kamer_commitments") -> CommitmentModel:
    """The classifier in the ``model.json`` at ``path`` (``None``: the package's own)."""
    if path is None:
        return CommitmentModel.default()
    return CommitmentModel.from_path(data_path(path, component=name, setting="model_path"))


def _sentences(doc: Doc, text: str | None = None) -> list[tuple[int, int]]:
    """The Doc's sentences as character offsets, surrounding whitespace trimmed.

    ``text`` is ``doc.text`` when the caller has it already.
    """
    if text is None:
        text = doc.text
    out: list[tuple[int, int]] = []
    for sent in doc.sents:
        sent_text = text[sent.start_char : sent.end_char]
        start = sent.start_char + len(sent_text) - len(sent_text.lstrip())
        end = sent.start_char + len(sent_text.rstrip())
        if end > start:
            out.append((start, end))
    return out


class CommitmentFinder(TextFilesState):
    """Finds commitments and links (see the module docstring).

    The cue patterns and the classifier are ``cues``/``model`` when given, else read
    from ``cues_path`` and ``model_path`` (``None``: the package's own); a candidate
    sentence is a commitment when the classifier gives it at least ``threshold``.
    """

    def __init__(
        self,
        nlp: Language,
        name: str = "kamer_commitments",
        *,
        threshold: float = DEFAULT_THRESHOLD,
        spans_key: str = COMMITMENTS_KEY,
        cues: CueSet | None = None,
        model: CommitmentModel | None = None,
        cues_path: str | Path | None = None,
        model_path: str | Path | None = None,
        scorer: SpansScorer | None = None,
    ) -> None:
        self.name = name
        self.threshold = threshold
        self.spans_key = spans_key
        self.scorer = scorer
        self.cues = cues or load_cues(cues_path, name)
        self.model = model or load_model(model_path, name)
        self.model.check_cues(self.cues)

    def initialize(
        self,
        get_examples: Callable[[], Iterable[Example]] | None = None,
        *,
        nlp: Language | None = None,
        cues_path: str | None = None,
        model_path: str | None = None,
    ) -> None:
        """Load other cues or another classifier (``[initialize.components.NAME]``);
        without a path nothing changes, so initializing a loaded pipeline keeps what it has."""
        if cues_path is not None or model_path is not None:
            cues = self.cues if cues_path is None else load_cues(cues_path, self.name)
            model = self.model if model_path is None else load_model(model_path, self.name)
            model.check_cues(cues)
            self.cues, self.model = cues, model

    def score(self, examples: Iterable[Example], **kwargs: object) -> dict[str, object]:
        """P/R/F of the COMMITMENT spans (``spans_<spans_key>_p/_r/_f/_per_type``)."""
        if self.scorer is None:
            return {}
        return self.scorer(examples, spans_key=self.spans_key, **kwargs)

    def __call__(self, doc: Doc) -> Doc:
        if len(doc) and not doc.has_annotation("SENT_START"):
            raise ValueError(
                f"{self.name} needs sentence boundaries: add 'kamer_sentences' (or another "
                "sentence splitter) before it in the pipeline"
            )
        # the text and span groups are read once: doc.text per sentence is quadratic
        view = DocView(doc)
        text = view.text
        candidates = []
        for start, end in _sentences(doc, text):
            matches = self.cues.match(text[start:end])
            if self.cues.is_candidate(matches):
                candidates.append((start, end, matches))
        proba = self.model.predict_proba([text[s:e] for s, e, _ in candidates], self.cues)
        spans: list[Span] = []
        records: list[Commitment | CommitmentLink] = []
        n_commit = n_link = 0
        for (start, end, matches), row in zip(candidates, proba, strict=True):
            label, confidence = decide(
                row, self.model.classes, self.threshold, allowed_labels(matches)
            )
            if label == "commitment":
                n_commit += 1
                cid = f"c{n_commit}"
                span = self._span(doc, start, end, cid)
                if span is None:
                    continue
                spans.append(span)
                set_span_attrs(span, CommitmentSpanAttrs(cid))
                records.append(self._commitment(view, span, matches, cid, confidence))
            elif label == "link":
                n_link += 1
                records.append(self._link(view, start, end, matches, f"l{n_link}", confidence))
        doc.spans[self.spans_key] = spans
        doc._.set(COMMITMENT_RECORDS_EXT, records)
        return doc

    def _span(self, doc: Doc, start: int, end: int, cid: str) -> Span | None:
        span = doc.char_span(start, end, label=LABEL, kb_id=cid, alignment_mode="strict")
        if span is None:
            span = doc.char_span(start, end, label=LABEL, kb_id=cid, alignment_mode="expand")
        return span

    def _commitment(
        self, view: DocView, span: Span, matches: list[Any], cid: str, confidence: float
    ) -> Commitment:
        start, end = span.start_char, span.end_char
        anchor = choose_anchor(matches, start, self.cues, (COMMITMENT,))
        deadline = find_deadline(view, start, end, anchor, self.cues)
        action, action_region = find_action(view, start, end, anchor, deadline, self.cues)
        return Commitment(
            id=cid,
            start=start,
            end=end,
            text=span.text,
            actor=find_actor(view, start, end, anchor),
            addressee=find_addressee(view, start, end, self.cues),
            action=action,
            action_start=action_region[0] if action_region else None,
            action_end=action_region[1] if action_region else None,
            deadline=deadline,
            confidence=round(confidence, 3),
        )

    def _link(
        self, view: DocView, start: int, end: int, matches: list[Any], lid: str, confidence: float
    ) -> CommitmentLink:
        anchor = choose_anchor(matches, start, self.cues, (LINK, COMMITMENT))
        date, meeting = find_link_target(view, start, end, self.cues)
        return CommitmentLink(
            id=lid,
            start=start,
            end=end,
            text=view.text[start:end],
            actor=find_actor(view, start, end, anchor),
            date=date,
            meeting=meeting,
            confidence=round(confidence, 3),
        )

    # serialisation: cue data + model + settings
    def state_files(self) -> dict[str, str]:
        cfg = {"threshold": self.threshold, "spans_key": self.spans_key}
        return {
            "cues.json": json.dumps(self.cues.to_dict(), ensure_ascii=False, indent=1),
            "model.json": self.model.to_json(),
            "cfg.json": json.dumps(cfg),
        }

    def load_state_files(self, files: Mapping[str, str]) -> None:
        cues = CueSet.from_dict(json.loads(files["cues.json"]))
        model = CommitmentModel.from_dict(json.loads(files["model.json"]))
        model.check_cues(cues)
        cfg = json.loads(files["cfg.json"])
        self.cues, self.model = cues, model
        self.threshold = float(cfg["threshold"])
        self.spans_key = cfg["spans_key"]


@Language.factory(
    "kamer_commitments",
    assigns=["doc.spans", f"doc._.{COMMITMENT_RECORDS_EXT}"],
    requires=["token.is_sent_start"],
    default_config={
        "threshold": DEFAULT_THRESHOLD,
        "spans_key": COMMITMENTS_KEY,
        "cues_path": None,
        "model_path": None,
        "scorer": {"@scorers": SPANS_SCORER},
    },
    default_score_weights=score_weights(COMMITMENTS_KEY),
)
def make_commitment_finder(
    nlp: Language,
    name: str,
    *,
    threshold: float,
    spans_key: str,
    cues_path: str | None,
    model_path: str | None,
    scorer: SpansScorer | None,
) -> CommitmentFinder:
    return CommitmentFinder(
        nlp,
        name,
        threshold=threshold,
        spans_key=spans_key,
        cues_path=cues_path,
        model_path=model_path,
        scorer=scorer,
    )
