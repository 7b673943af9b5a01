"""Span labels stored without corpus text: offsets + a hash of the normalised stretch."""

from __future__ import annotations

from kamer_nlp.evaluation.anchors import normalise
from kamer_nlp.evaluation.spans import _sha1, check_stretch


def test_a_stretch_is_checked_by_its_normalised_hash() -> None:
    sentence = "Ik stuur uw Kamer voor de\nzomer een brief."
    start = sentence.index("voor")
    end = sentence.index(" een")
    quote = sentence[start:end]
    item = {
        "start": start,
        "end": end,
        "norm_len": len(normalise(quote)),
        "norm_sha1": _sha1(quote),
    }
    assert check_stretch(sentence, item)
    assert not check_stretch(sentence.replace("zomer", "winter"), item)
