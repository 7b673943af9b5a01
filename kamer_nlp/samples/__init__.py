"""Sample documents with ground truth, typeset as PDFs for tests and demos.

reportlab and pyphen are dev-only dependencies: they are imported inside functions.
"""

from __future__ import annotations

from kamer_nlp.samples.bad_inputs import generate_bad_inputs
from kamer_nlp.samples.generate import generate_samples

__all__ = ["generate_bad_inputs", "generate_samples"]
