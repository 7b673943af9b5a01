"""How well a tokenizer agrees with the UD tokenisation of the treebanks.

spaCy's ``Example`` aligns the tokenizer's tokens with the gold tokens by characters; a
gold token counts as *aligned* when exactly one predicted token covers exactly it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc
from spacy.training import Example

__all__ = ["AlignmentReport", "measure_alignment"]


@dataclass(frozen=True)
class AlignmentReport:
    gold_tokens: int
    one_to_one: int
    sentences: int
    sentences_identical: int
    examples: tuple[tuple[str, str], ...]  # most frequent (gold token, predicted tokens) misses

    @property
    def rate(self) -> float:
        return self.one_to_one / self.gold_tokens if self.gold_tokens else 1.0

    def to_dict(self) -> dict[str, object]:
        return {
            "gold_tokens": self.gold_tokens,
            "one_to_one": self.one_to_one,
            "rate": round(self.rate, 4),
            "sentences": self.sentences,
            "sentences_identical": self.sentences_identical,
            "frequent_misses": [list(e) for e in self.examples],
        }


def measure_alignment(nlp: Language, gold_docs: Iterable[Doc], top: int = 15) -> AlignmentReport:
    total = aligned = sents = identical = 0
    misses: Counter[tuple[str, str]] = Counter()
    for gold in gold_docs:
        predicted = nlp.make_doc(gold.text)
        eg = Example(predicted, gold)
        y2x = eg.alignment.y2x
        lengths = y2x.lengths
        ok_sentence = len(predicted) == len(gold)
        for i, token in enumerate(gold):
            total += 1
            if lengths[i] == 1:
                j = int(y2x.data[y2x.lengths[:i].sum()])
                if eg.alignment.x2y.lengths[j] == 1:
                    aligned += 1
                    continue
            ok_sentence = False
            covering = " ".join(
                t.text
                for t in predicted.char_span(
                    token.idx, token.idx + len(token), alignment_mode="expand"
                )
                or []
            )
            misses[(token.text, covering)] += 1
        sents += 1
        identical += ok_sentence
    return AlignmentReport(
        total, aligned, sents, identical, tuple(k for k, _ in misses.most_common(top))
    )
