"""Line breaking: forced breaks, hyphenation decisions, widths, no-break spaces."""

from __future__ import annotations

import itertools

import pytest
import reportlab  # noqa: F401  (a dev dependency: fail loudly when missing)

from kamer_samples.linebreak import (
    JOIN,
    KEEP,
    KEEP_SPACE,
    TextStyle,
    break_lines,
    natural_width,
)
from kamer_samples.markup import Segment, parse_words, plain_text, split_segments

STYLE = TextStyle("Helvetica", 9.1, 10.7, marker_size=6.0, marker_rise=3.3)
TEXT = (
    "In het rapport zijn de ervaringen van slachtoffers uit verschillende landen opgenomen en "
    "ook de aanbevelingen voor de andere EU-|landen die specifiek zien op het zorg-| en "
    "veiligheidsdomein. Op 6 november 2017 heeft de Minister deze aanbevelingen ontvangen "
    "(zie bijlage)[^1]. Zie ook Kamerstuk 31 015, nr. 135 over de rechtspositie van slacht|offers "
    "en de verdere uitwerking daarvan."
)


def test_markup_words_markers_and_forced_breaks() -> None:
    words = parse_words("de EU-|landen (zie bijlage)[^1]. zorg-| en")
    assert [w.plain for w in words] == ["de", "EU-landen", "(zie", "bijlage).", "zorg-", "en"]
    assert words[1].forced_inside == 3
    assert words[3].markers == ("1",)
    assert words[4].forced_after and not words[5].forced_after
    assert plain_text("a[^2] slacht|offer") == "a slachtoffer"


def test_split_segments_keeps_marker_left_of_cut() -> None:
    segs = (Segment("bijlage"), Segment("1", marker=True), Segment("n"))
    assert split_segments(segs, [7]) == [
        (Segment("bijlage"), Segment("1", marker=True)),
        (Segment("n"),),
    ]


@pytest.mark.parametrize("justify", [True, False], ids=["justified", "ragged"])
def test_forced_breaks_end_lines_with_their_decision(justify: bool) -> None:
    lines = break_lines(parse_words(TEXT), STYLE, 319.0, justify=justify, hyphenate=True)
    ends = {line.pieces[-1].plain: line.end for line in lines if line.end}
    assert ends["EU-"] == KEEP
    assert ends["zorg-"] == KEEP_SPACE
    assert ends["slacht"] == JOIN


def test_lines_fit_and_text_is_preserved() -> None:
    lines = break_lines(parse_words(TEXT), STYLE, 319.0, justify=True, hyphenate=True)
    assert lines[-1].last and not any(line.last for line in lines[:-1])
    for line in lines:
        assert natural_width(line, STYLE) <= 319.0 + 1e-6
    joined = ""
    for line in lines:
        joined += line.plain + ("" if line.end in (JOIN, KEEP) else " ")
    assert joined.strip() == plain_text(TEXT)


def test_dossier_number_is_not_broken() -> None:
    for width in range(120, 330, 7):
        lines = break_lines(parse_words(TEXT), STYLE, float(width), justify=True, hyphenate=True)
        for a, b in itertools.pairwise(lines):
            assert not (a.pieces[-1].plain == "31" and b.pieces[0].plain.startswith("015"))
            assert a.pieces[-1].plain != "nr."


def test_no_hyphenation_when_disabled() -> None:
    text = TEXT.replace("|", "")
    lines = break_lines(parse_words(text), STYLE, 200.0, justify=False, hyphenate=False)
    assert all(line.end in (None, KEEP_SPACE) for line in lines)
