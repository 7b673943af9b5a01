"""Property tests of the canonical text and its char map."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from kamer_nlp.extract.glyphs import Glyph
from kamer_nlp.repair.text import RepairedText, TextBuilder

PAGE_W, PAGE_H = 595.0, 842.0

chunk = st.tuples(st.text(min_size=0, max_size=12), st.booleans())


def _glyph(i: int, ch: str) -> Glyph:
    page = 1 + i % 3
    x0 = 50.0 + (i * 7) % 400
    top = 60.0 + (i * 13) % 700
    return Glyph(ch, page, i, x0, top, x0 + 5.0, top + 9.0, 9.0, "Helvetica")


@given(st.lists(chunk, max_size=30))
def test_builder_keeps_one_ref_per_character(chunks: list[tuple[str, bool]]) -> None:
    builder = TextBuilder()
    glyphs: list[Glyph] = []
    expected: list[int | None] = []
    for text, from_pdf in chunks:
        if from_pdf:
            refs: list[int | None] = []
            for ch in text:
                refs.append(len(glyphs))
                glyphs.append(_glyph(len(glyphs), ch))
            start, end = builder.append(text, refs)
        else:
            refs = [None] * len(text)
            start, end = builder.synth(text)
        assert end - start == len(text)
        expected.extend(refs)
    rt = RepairedText(text=builder.text(), char_map=builder.char_map(), glyphs=glyphs)
    assert rt.text == "".join(t for t, _ in chunks)
    assert rt.char_map == expected
    for i, gid in enumerate(rt.char_map):
        if gid is None:
            assert rt.source(i) is None
        else:
            assert glyphs[gid].text == rt.text[i]
            assert rt.source(i) == (glyphs[gid].page, glyphs[gid].index)


@given(st.lists(chunk, min_size=1, max_size=20), st.data())
def test_boxes_lie_inside_their_page_and_cover_only_sourced_chars(chunks, data) -> None:  # type: ignore[no-untyped-def]
    builder = TextBuilder()
    glyphs: list[Glyph] = []
    for text, from_pdf in chunks:
        if from_pdf:
            refs = []
            for ch in text:
                refs.append(len(glyphs))
                glyphs.append(_glyph(len(glyphs), ch))
            builder.append(text, refs)
        else:
            builder.synth(text)
    rt = RepairedText(text=builder.text(), char_map=builder.char_map(), glyphs=glyphs)
    n = len(rt.text)
    start = data.draw(st.integers(0, n))
    end = data.draw(st.integers(start, n))
    boxes = rt.boxes(start, end)
    pages = {glyphs[g].page for g in rt.char_map[start:end] if g is not None}
    assert {b.page for b in boxes} == pages
    for b in boxes:
        assert 0 <= b.x0 <= b.x1 <= PAGE_W
        assert 0 <= b.top <= b.bottom <= PAGE_H


@given(st.text(max_size=40))
def test_drop_last_and_tail_agree_with_the_text(text: str) -> None:
    builder = TextBuilder()
    for ch in text:
        builder.synth(ch)
    assert builder.tail(5) == text[-5:]
    if text:
        builder.drop_last()
        assert builder.text() == text[:-1]
        assert len(builder.char_map()) == len(text) - 1


def test_char_map_must_match_text() -> None:
    import pytest

    with pytest.raises(ValueError):
        RepairedText(text="abc", char_map=[None])


def test_signatures_are_function_and_name_not_any_line_pair() -> None:
    from kamer_nlp.repair.metadata import _signatories
    from kamer_nlp.repair.plaintext import repair_plaintext

    rt = repair_plaintext(
        "Hierbij informeer ik uw Kamer.\n\nDe Minister voor Rechtsbescherming,\n\nS. Dekker\n"
    )
    assert rt.meta.to_record()["signatories"] == [
        {"name": "S. Dekker", "function": "Minister voor Rechtsbescherming"}
    ]
    assert [
        s.to_record()
        for s in _signatories("M.A.M. Adriaansens\nMinister van Economische Zaken en Klimaat")
    ] == [{"name": "M.A.M. Adriaansens", "function": "Minister van Economische Zaken en Klimaat"}]
    # a decision list's "Besluit:" line followed by a sentence about a minister is not a signature
    assert (
        _signatories(
            "Besluit:\nMinister BZK rappel sturen, aangezien toezegging was deze voor maart aan"
        )
        == []
    )
