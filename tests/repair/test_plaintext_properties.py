"""Property tests of the repair invariants on plain-text input."""

from __future__ import annotations

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from kamer_nlp.repair.plaintext import repair_plaintext

WORDS = [
    "de",
    "Minister",
    "zal",
    "uw",
    "Kamer",
    "informeren",
    "over",
    "slacht-",
    "offer",
    "EU-",
    "landen",
    "zorg-",
    "en",
    "veiligheid",
    "1.",
    "2",
    "Kamerstuk",
    "31",
    "015,",
    "nr.",
    "135.",
    "(zie",
    "bijlage)1.",
    "brief.2",
    "–",
]

line = st.lists(st.sampled_from(WORDS), min_size=1, max_size=12).map(" ".join)
document = st.lists(st.one_of(line, st.just(""), st.just(" \f")), min_size=1, max_size=30).map(
    "\n".join
)


@settings(max_examples=150, deadline=None)
@given(document)
def test_every_character_maps_back_to_the_same_character_of_the_input(text: str) -> None:
    if not text.strip():
        return
    rt = repair_plaintext(text)
    assert len(rt.char_map) == len(rt.text)
    for i, ch in enumerate(rt.text):
        src = rt.source(i)
        if src is not None:
            # identical, or a trema restored at a line-end hyphen ("ge-/informeerd")
            assert text[src[1]] == ch or unicodedata.normalize("NFD", ch)[0] == text[src[1]]
    for fn in rt.footnotes:
        assert 0 <= fn.start <= fn.end <= len(rt.text)
        if fn.marker is not None:
            assert fn.marker <= rt.body_end
    for p in rt.paragraphs:
        assert rt.text[p.start : p.end].strip() == rt.text[p.start : p.end]
    for r in rt.repairs:
        assert 0 <= r.start <= r.end <= len(rt.text)


@settings(max_examples=100, deadline=None)
@given(document)
def test_repair_only_removes_soft_hyphens_markers_and_whitespace(text: str) -> None:
    if not text.strip():
        return
    rt = repair_plaintext(text)
    removed = sum(1 for r in rt.repairs if r.kind == "dehyphenate" and r.decision == "join")
    removed += sum(len(r.source) for r in rt.repairs if r.kind == "footnote_marker")
    source_chars = "".join(text.split())
    kept = "".join(rt.text.split())
    assert len(kept) == len(source_chars) - removed
