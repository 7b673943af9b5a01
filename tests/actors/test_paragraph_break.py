from kamer_nlp.actors import find_actors


def test_a_name_after_a_cue_does_not_cross_a_paragraph_break() -> None:
    mentions = find_actors(
        "Besluit: een brief aan de gemeente\n\nZaak: brief van de gemeente Den Haag."
    )
    texts = [m.text for m in mentions]
    assert "gemeente\n\nZaak" not in texts
    assert "gemeente Den Haag" in texts
