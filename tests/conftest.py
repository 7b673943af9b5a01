"""Shared fixtures: the reference corpus beside the project, when present."""

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
