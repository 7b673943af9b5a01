"""Shared fixtures: the reference corpus beside the project, when present.

Test tiers: ``pytest -m "not slow"`` is the quick tier (under a minute on two cores; it
still runs every stage end to end on a generated document,
``tests/integration/test_end_to_end.py``); ``pytest`` runs everything (CI). Tests that
read the reference corpus (the ``corpus_dir`` fixture, or marked ``corpus``) are marked
``corpus`` and ``slow`` here: real documents belong to the full suite.
"""

from __future__ import annotations

from pathlib import Path

import pytest

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    """``../shared/corpus``; tests that need it skip cleanly where it is absent."""
    if not CORPUS.is_dir():
        pytest.skip("reference corpus ../shared/corpus not present")
    return CORPUS


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "corpus_dir" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.corpus)
        if item.get_closest_marker("corpus"):
            item.add_marker(pytest.mark.slow)
