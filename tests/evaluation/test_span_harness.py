"""The span harness's pure parts: which gold references are scored, finding a stretch again."""

from __future__ import annotations

from kamer_nlp.evaluation.anchors import normalise
from kamer_nlp.evaluation.span_harness import _scorable, _stretch
from kamer_nlp.evaluation.spans import _sha1


def test_only_explicit_document_ids_of_known_types_are_scored() -> None:
    assert _scorable({"type": "kamerstuk", "id": "kst-31015-135", "explicit": True})
    assert not _scorable({"type": "kamerstuk", "id": "kst-14495", "explicit": True})  # dossier
    assert not _scorable({"type": "tractatenblad", "id": "trb-1994-83", "explicit": True})
    assert not _scorable({"type": "letter_by_date", "id": "2018-02-07", "explicit": False})


def test_a_stretch_is_found_again_when_the_sentence_changed() -> None:
    quote = "voor de zomer"
    item = {"start": 9, "end": 22, "norm_len": len(normalise(quote)), "norm_sha1": _sha1(quote)}
    assert _stretch("Ik stuur voor de zomer een brief.", item) == (9, 22)
    # a line break and a shift: found by its hash
    assert _stretch("Ik stuur u voor de\nzomer een brief.", item) == (11, 24)
    assert _stretch("Ik stuur u na de zomer een brief.", item) is None


def test_ids_are_compared_in_one_form() -> None:
    from kamer_nlp.evaluation.span_harness import comparable_id

    assert comparable_id("COM:2022:546:FIN") == comparable_id("52022PC0546")
    assert comparable_id("SWD:2022:546:FIN") == comparable_id("52022SC0546")
    link = "https://eur-lex.europa.eu/legal-content/NL/TXT/?uri=CELEX%3A52022PC0546&qid=1"
    assert comparable_id(link) == comparable_id("52022PC0546")
    assert comparable_id("https://www.tweedekamer.nl") == comparable_id("www.tweedekamer.nl")
    assert comparable_id("kst-34417-(R2068)-7") == "kst-34417-7"
    assert comparable_id("kst-31015-135") == "kst-31015-135"
