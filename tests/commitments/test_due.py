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
        "timex",
    ),
    (
        "Ik verwacht het wetsvoorstel na de zomer van 2025 bij uw Kamer in te dienen.",
        "2025-02-01",
        None,
        None,
    ),
    ("Ik zal uw Kamer de komende maanden informeren over de voortgang.", "2018-02-14", None, None),
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
