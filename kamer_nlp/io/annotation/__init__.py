"""Exporters to annotation tools (Prodigy, Label Studio, doccano), importers of the
annotators' corrections as gold data, and span evaluation against that gold data.

See docs/annotation.md for loading the exports into each tool.
"""

from kamer_nlp.io.annotation.doccano import from_doccano, to_doccano
from kamer_nlp.io.annotation.evaluate import evaluate, format_table
from kamer_nlp.io.annotation.files import (
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
from kamer_nlp.io.annotation.gold import (
    AnnotationImportError,
    GoldDocument,
    GoldSpan,
    SkippedTask,
    TextChangedError,
)
from kamer_nlp.io.annotation.labelstudio import from_labelstudio, labelstudio_config, to_labelstudio
from kamer_nlp.io.annotation.prodigy import from_prodigy, to_prodigy

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
