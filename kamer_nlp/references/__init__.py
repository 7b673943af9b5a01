"""Cross-references: citations of Kamerstukken, Handelingen, Staatsblad, EU acts, … with offsets and ids.

``find_references(text, doc_date=...)`` is the plain-function API; the spaCy
component ``kamer_references`` (:mod:`kamer_nlp.references.component`) writes the
same results as ``REFERENCE`` spans.
"""

from __future__ import annotations

from kamer_nlp.references.parse import find_references
from kamer_nlp.references.reference import REFERENCE_TYPES, Reference
from kamer_nlp.references.rules import ReferenceRules

REFERENCE_LABEL = "REFERENCE"

__all__ = ["REFERENCE_LABEL", "REFERENCE_TYPES", "Reference", "ReferenceRules", "find_references"]
