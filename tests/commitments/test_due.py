"""Due dates of commitments, through the whole default pipeline."""

from __future__ import annotations

import pytest

import kamer_nlp

CASES = [
    (
        "Ik zal uw Kamer uiterlijk eind 2023 informeren over de evaluatie.",
        "2023-03-01",
        "2023-12-31",
        "timex",
    ),
    (
        "Over de uitkomsten wordt uw Kamer in het najaar van 2023 geïnformeerd.",
        "2023-03-01",
        "2023-11-30",
        "interval_end",
    ),
    (
        "Ik zal uw Kamer voor de zomer informeren over de uitwerking.",
        "2023-03-01",
        "2023-07-06",
        "recess_calendar",  # the zomerreces 2023 is a known date (7 July)
    ),
    (
        "Ik verwacht het wetsvoorstel na de zomer van 2025 bij uw Kamer in te dienen.",
        "2025-02-01",
        "2025-11-30",  # "na de zomer" of a planned completion: 30 November
        "convention",
    ),
    (
        "Ik zal uw Kamer de komende maanden informeren over de voortgang.",
        "2018-02-14",
        "2018-05-14",  # the window's end (3 months)
        "window",
    ),
    ("Ik zal uw Kamer binnenkort informeren over de voortgang.", "2018-02-14", None, None),
    (
        "Ik zal uw Kamer medio 2024 informeren over de voortgang.",
        "2023-09-01",
        "2024-07-01",
        "convention",
    ),
    (
        "Ik zal uw Kamer begin 2025 informeren over de voortgang.",
        "2024-09-01",
        "2025-03-31",
        "interval_end",
    ),
]


@pytest.mark.parametrize(("sentence", "date", "due", "source"), CASES)
def test_due_date_of_a_commitment(
    sentence: str, date: str, due: str | None, source: str | None
) -> None:
    record = kamer_nlp.annotate_text(sentence, date=date)
    (commitment,) = record["commitments"]
    deadline = commitment["deadline"]
    assert deadline is not None
    assert deadline["due"] == due
    assert deadline.get("due_source") == source


@pytest.mark.parametrize(
    ("sentence", "deadline_text", "due"),
    [
        # the year of the action is the deadline, the goal year is not
        (
            "Het kabinet zal in 2025 een wetsvoorstel indienen om de uitstoot in 2050 te halveren.",
            "2025",
            "2025-12-31",
        ),
        (
            "We werken toe naar een circulaire economie in 2050 en zullen daarvoor in 2024 een "
            "programma opstellen.",
            "2024",
            "2024-12-31",
        ),
        # only target years in the sentence: no deadline
        (
            "Het kabinet zal een circulaire economie in 2050 realiseren met als doel het gebruik "
            "van grondstoffen in 2030 te halveren.",
            None,
            None,
        ),
        ("Ik zal de regeling in 2026 herzien.", "2026", "2026-12-31"),
    ],
)
def test_target_years_are_not_deadlines(
    sentence: str, deadline_text: str | None, due: str | None
) -> None:
    (commitment,) = kamer_nlp.annotate_text(sentence, date="2023-03-01")["commitments"]
    deadline = commitment["deadline"] or {}
    assert deadline.get("text") == deadline_text
    assert deadline.get("due") == due


@pytest.mark.parametrize(
    ("text", "actor_id", "ministry", "via"),
    [
        # a ministry's own promise: the ministry is its own ministry
        (
            "Het ministerie van Financiën zal uw Kamer voor de zomer informeren.",
            "ministerie-fin",
            "ministerie-fin",
            None,
        ),
        # no signatory: "wij" is the cabinet, "ik" the one bewindspersoon the text names
        ("Wij zullen uw Kamer voor de zomer informeren.", "kabinet", None, "wij"),
        (
            "Antwoord van minister Koolmees (Sociale Zaken en Werkgelegenheid). "
            "Ik zal uw Kamer voor de zomer informeren.",
            "minister-szw",
            "ministerie-szw",
            "ik",
        ),
        # nobody to resolve "ik" to: the actor says so instead of being null
        ("Ik zal uw Kamer voor de zomer informeren.", None, None, "ik"),
    ],
)
def test_actor_and_ministry(
    text: str, actor_id: str | None, ministry: str | None, via: str | None
) -> None:
    (commitment,) = kamer_nlp.annotate_text(text, date="2021-03-01")["commitments"]
    actor = commitment["actor"]
    assert actor is not None
    assert (actor["actor_id"], actor["ministry"], actor["via"]) == (actor_id, ministry, via)


def test_action_offsets_are_the_source_region_of_the_action() -> None:
    """``action_start:action_end`` is the contiguous stretch the action was cut from (it may hold
    the deadline); ``action`` is that stretch without the deadline (docs/commitments.md)."""
    record = kamer_nlp.annotate_text(
        "Over de uitkomsten zal ik uw Kamer uiterlijk aanstaande zomer berichten.",
        date="2018-02-14",
    )
    (commitment,) = record["commitments"]
    region = record["text"][commitment["action_start"] : commitment["action_end"]]
    assert region == "uw Kamer uiterlijk aanstaande zomer berichten"
    assert commitment["action"] == "uw Kamer berichten"
    assert commitment["deadline"]["text"] in region
