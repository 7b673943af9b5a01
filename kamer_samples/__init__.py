"""Sample documents with ground truth, typeset as PDFs for tests and demos.

A development package beside ``kamer_nlp``, not part of the wheel (pyproject's
``packages.find`` includes ``kamer_nlp*`` only): run it from the repository root,
``python -m kamer_samples data/raw``. reportlab and pyphen are dev-only dependencies:
they are imported inside functions.
"""

from __future__ import annotations

from kamer_samples.bad_inputs import generate_bad_inputs
from kamer_samples.generate import generate_samples

__all__ = ["generate_bad_inputs", "generate_samples"]
