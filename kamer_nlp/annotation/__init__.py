"""Annotation tooling around the output: exporters to annotation tools (Prodigy, Label
Studio, doccano), importers of the annotators' corrections as gold data
(:mod:`gold`, :mod:`files`), span evaluation against that gold data
(:mod:`span_evaluation`: per-label precision / recall / F1) and the project's own review
page (:mod:`review`, with its template, style sheet and script beside it).

See docs/annotation.md for loading the exports into each tool, docs/review.md for the
review page.
"""

from kamer_nlp.annotation.doccano import from_doccano, to_doccano
from kamer_nlp.annotation.files import (
    FORMATS,
    ImportResult,
    evaluate_files,
    export_records,
    export_run,
    import_corrections,
    read_corrections,
    read_gold,
    write_gold,
)
from kamer_nlp.annotation.gold import (
    AnnotationImportError,
    GoldDocument,
    GoldSpan,
    SkippedTask,
    TextChangedError,
)
from kamer_nlp.annotation.labelstudio import from_labelstudio, labelstudio_config, to_labelstudio
from kamer_nlp.annotation.prodigy import from_prodigy, to_prodigy
from kamer_nlp.annotation.span_evaluation import evaluate, format_table

__all__ = [
    "FORMATS",
    "AnnotationImportError",
    "GoldDocument",
    "GoldSpan",
    "ImportResult",
    "SkippedTask",
    "TextChangedError",
    "evaluate",
    "evaluate_files",
    "export_records",
    "export_run",
    "format_table",
    "from_doccano",
    "from_labelstudio",
    "from_prodigy",
    "import_corrections",
    "labelstudio_config",
    "read_corrections",
    "read_gold",
    "to_doccano",
    "to_labelstudio",
    "to_prodigy",
    "write_gold",
]
