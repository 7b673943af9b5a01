"""Commitments (toezeggingen): what the government promises, by whom, to whom, by when."""

from __future__ import annotations
