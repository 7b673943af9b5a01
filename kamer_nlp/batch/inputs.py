"""Which files a run reads, what they are called, and what identifies their content."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from kamer_nlp.io.digest import sha256_of
from kamer_nlp.io.input_kind import INPUT_SUFFIXES

SUFFIXES = INPUT_SUFFIXES  # the input-kind rule of kamer_nlp.io.input_kind: .pdf, .txt, .text


@dataclass(frozen=True)
class Input:
    """One input file: the path as found below IN_DIR, its content hash, size and fallback id."""

    path: str
    sha256: str
    size: int
    fallback_id: str


def _inside(path: Path, folder: Path) -> bool:
    try:
        path.relative_to(folder)
    except ValueError:
        return False
    return True


def find_inputs(in_dir: Path, *, exclude: Path | None = None) -> list[Path]:
    """PDF and text (.txt, .text) files under ``in_dir``, recursively, in a stable order.

    Symbolic links to folders and files are followed (a folder reached twice is read once,
    so link cycles end); ``exclude`` (the output folder, when it lies inside the input
    folder) and hidden folders are not read.
    """
    root = Path(in_dir)  # paths as the user named them (records keep "data/raw/x.pdf")
    skip = Path(os.path.realpath(exclude)) if exclude is not None else None
    seen: set[str] = set()
    found: list[Path] = []
    for dirpath, dirnames, filenames in os.walk(root, followlinks=True):
        real = os.path.realpath(dirpath)
        if real in seen or (skip is not None and _inside(Path(real), skip)):
            dirnames[:] = []
            continue
        seen.add(real)
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in filenames:
            if Path(name).suffix.lower() in SUFFIXES and not name.startswith("."):
                path = Path(dirpath) / name
                if path.is_file():
                    found.append(path)
    return sorted(found)


def fallback_id(path: Path, in_dir: Path) -> str:
    """The document id when the document does not say its own: the path below IN_DIR, as
    found (links not resolved), without suffix, so "a/brief.txt" and "b/brief.txt" stay apart."""
    try:
        rel = Path(os.path.abspath(path)).relative_to(os.path.abspath(in_dir))
    except ValueError:
        rel = Path(path.name)
    return rel.with_suffix("").as_posix()


def path_key(path: str | Path) -> str:
    """What names an input across runs: its absolute, normalised path ("in/../in/x" == "in/x")."""
    return os.path.abspath(path)


def describe_inputs(paths: list[Path], in_dir: Path) -> tuple[list[Input], list[tuple[Path, str]]]:
    """Hash every input; the ones that cannot be read come back with the reason."""
    inputs: list[Input] = []
    unreadable: list[tuple[Path, str]] = []
    for path in paths:
        try:
            size = path.stat().st_size
            digest = sha256_of(path)
        except OSError as err:
            unreadable.append((path, err.strerror or str(err)))
            continue
        inputs.append(Input(str(path), digest, size, fallback_id(path, in_dir)))
    return inputs, unreadable
