"""Reading the data files a component's config points at (``patterns_path``,
``lexicon_path``, ``gazetteer_path``, …). A path of ``None`` means the package's own
file; a relative path is taken from the working folder, as spaCy does for config paths.
"""

from __future__ import annotations

from pathlib import Path

from kamer_nlp.errors import PipelineError


def data_path(path: str | Path, *, component: str, setting: str, folder: bool = False) -> Path:
    """``path`` as a Path; PipelineError (one line) when it is not there."""
    found = Path(path)
    if not (found.is_dir() if folder else found.is_file()):
        kind = "folder" if folder else "file"
        raise PipelineError(f"{component}: {setting} {str(path)!r} is not a {kind}")
    return found


def read_data(path: str | Path, *, component: str, setting: str) -> str:
    """The UTF-8 text of the file ``path`` that ``setting`` of ``component`` names."""
    return data_path(path, component=component, setting=setting).read_text(encoding="utf-8")
