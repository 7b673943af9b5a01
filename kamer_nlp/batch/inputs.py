"""Which files a run reads, what they are called, and what identifies their content."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from kamer_nlp.io.digest import sha256_of
from kamer_nlp.io.input_kind import INPUT_SUFFIXES, input_kind, is_metadata_file

#: the input-kind rule of kamer_nlp.io.input_kind: .pdf, .txt, .text, .xml, .html, .htm
SUFFIXES = INPUT_SUFFIXES
#: which form of a publication is annotated when several lie side by side (the rest
#: are its alternates): the official XML, else the HTML, else the PDF
PREFERENCE = ("xml", "vlos", "html", "pdf", "text")


@dataclass(frozen=True)
class Input:
    """One input file: the path as found below IN_DIR, its content hash, size and fallback id."""

    path: str
    sha256: str
    size: int
    fallback_id: str
    #: other forms of the same publication (path, sha256, format), annotated only through this one
    alternates: tuple[tuple[str, str, str], ...] = ()


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
                if path.is_file() and not is_metadata_file(path):
                    found.append(path)
    return sorted(found)


def publication_groups(paths: list[Path]) -> list[list[Path]]:
    """The inputs grouped by publication: files of one folder with one stem
    (``kst-32545-143.pdf``/``.xml``/``.html``) are one publication when one of them is
    official XML or HTML; each group is in :data:`PREFERENCE` order, the first being the
    one to annotate. Every other file is a group of its own."""
    by_key: dict[tuple[str, str], list[Path]] = {}
    order: list[tuple[str, str]] = []
    for path in paths:
        key = (str(path.parent), path.stem.lower())
        if key not in by_key:
            by_key[key] = []
            order.append(key)
        by_key[key].append(path)
    groups: list[list[Path]] = []
    for key in order:
        members = by_key[key]
        if len(members) == 1:
            groups.append(members)
            continue
        kinds = {p: input_kind(p) or "pdf" for p in members}
        if not any(kinds[p] in ("xml", "vlos", "html") for p in members):
            groups.extend([p] for p in members)
            continue
        groups.append(sorted(members, key=lambda p: (PREFERENCE.index(kinds[p]), str(p))))
    return groups


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
    """Hash every input; the ones that cannot be read come back with the reason. Files
    of one publication (:func:`publication_groups`) become one input with alternates."""
    inputs: list[Input] = []
    unreadable: list[tuple[Path, str]] = []
    for group in publication_groups(paths):
        described: list[tuple[Path, int, str]] = []
        for path in group:
            try:
                described.append((path, path.stat().st_size, sha256_of(path)))
            except OSError as err:
                unreadable.append((path, err.strerror or str(err)))
        if not described:
            continue
        (path, size, digest), rest = described[0], described[1:]
        alternates = tuple((str(p), d, input_kind(p) or "pdf") for p, _, d in rest)
        inputs.append(Input(str(path), digest, size, fallback_id(path, in_dir), alternates))
    return inputs, unreadable
