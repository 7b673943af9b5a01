"""Anchors: offsets plus a hash of the normalised sentence, re-anchored after text changes."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kamer_nlp.evaluation.anchors import (
    Anchor,
    NormalisedText,
    make_anchor,
    normalise,
    resolve,
    resolve_all,
)

TEXT = (
    "Ik zal uw Kamer voor de zomer informeren over de voort-\ngang. "
    "De gemeenten voeren de regeling uit. Ik zal uw Kamer voor de zomer informeren."
)


def test_normalise_drops_case_spacing_and_punctuation() -> None:
    assert normalise("Voort-\ngang,  EU-landen!") == "voortgangeulanden"
    assert normalise("ΟΔΟΣ") == normalise("οδοσ")  # per character: no final-sigma rule


def test_anchor_round_trip_and_exact_match() -> None:
    a = make_anchor("d", TEXT, 0, 61)
    assert Anchor.from_dict(a.to_dict()) == a
    assert a.matches(TEXT)
    assert resolve(a, TEXT) == (0, 61)
    assert "text" not in a.to_dict()


def test_reanchors_after_hyphenation_repair_and_shift() -> None:
    a = make_anchor("d", TEXT, 0, 61)
    repaired = "Kop\n\n" + TEXT.replace("voort-\ngang", "voortgang")
    start, end = resolve(a, repaired)  # type: ignore[misc]
    assert repaired[start:end] == "Ik zal uw Kamer voor de zomer informeren over de voortgang."


def test_nearest_candidate_wins() -> None:
    second = TEXT.rindex("Ik zal")
    a = make_anchor("d", TEXT, second, len(TEXT))
    shifted = "X " + TEXT
    assert resolve(a, shifted) == (second + 2, len(shifted))
    first = make_anchor("d", TEXT, 0, TEXT.index("over") - 1)  # "Ik zal … informeren"
    assert resolve(first, shifted) == (2, 2 + TEXT.index("over") - 1)


def test_word_start_only_and_lost() -> None:
    a = make_anchor("d", "Het plan komt.", 4, 14)
    assert resolve(a, "Het bestemmingsplan komt.") is None  # "plan komt" inside a word
    found, lost = resolve_all([a, make_anchor("d", TEXT, 0, 5)], TEXT + " Het plan komt.")
    assert lost == [] and set(found) == {0, 1}
    found, lost = resolve_all([a], "Iets anders.")
    assert lost == [0] and found == {}


def test_offsets_outside_the_text() -> None:
    with pytest.raises(ValueError):
        make_anchor("d", "abc", 2, 5)
    assert not Anchor("d", 10, 20, 3, "x").matches("short")


words = st.lists(
    st.text(alphabet="abcdeÉëïçΣß0123", min_size=1, max_size=6), min_size=3, max_size=12
)
separators = st.sampled_from([" ", "\n", "-\n", ", ", "  ", ". "])


@given(words, st.data())
@settings(max_examples=60, deadline=None)
def test_property_survives_separator_changes(ws: list[str], data: st.DataObject) -> None:
    """Changing only the non-alphanumeric characters between words never loses an anchor
    that starts at a word, and the stretch found normalises the same."""
    seps1 = [data.draw(separators) for _ in ws]
    seps2 = [data.draw(separators) for _ in ws]
    text1 = "".join(w + s for w, s in zip(ws, seps1, strict=True))
    text2 = "Voorwoord: " + "".join(w + s for w, s in zip(ws, seps2, strict=True))
    i = data.draw(st.integers(0, len(ws) - 1))
    j = data.draw(st.integers(i, len(ws) - 1))
    start = sum(len(w) + len(s) for w, s in zip(ws[:i], seps1[:i], strict=True))
    end = sum(len(w) + len(s) for w, s in zip(ws[:j], seps1[:j], strict=True)) + len(ws[j])
    a = make_anchor("d", text1, start, end)
    span = resolve(a, text2)
    assert span is not None
    assert normalise(text2[span[0] : span[1]]) == normalise(text1[start:end])


@given(st.text(max_size=80))
@settings(max_examples=80, deadline=None)
def test_property_normalised_index_maps_back(text: str) -> None:
    nt = NormalisedText(text)
    assert nt.norm == normalise(text)
    for k in range(len(nt.norm)):
        s, e = nt.raw_span(k, 1)
        assert nt.norm[k] in normalise(text[s:e])
