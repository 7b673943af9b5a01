"""Write a file all at once: a sibling temp file, then a rename over the target.

The temp file is created with mode ``0o666`` so the kernel applies the umask,
giving the file the mode a plain ``open(path, "w")`` gives a new file (typically
``0644``). ``tempfile.mkstemp`` would give ``0600``, and after the rename the
output could not be read by, say, a dashboard running as another user.

The target's old mode is not kept: a file left ``0600`` by an earlier version
gets the normal mode back the next time it is written.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO


def _create_temp(path: Path) -> tuple[int, Path]:
    """An exclusively created, empty temp file beside ``path`` (fd, path)."""
    for _ in range(100):
        tmp = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
        try:
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        except FileExistsError:
            continue
        return fd, tmp
    raise FileExistsError(f"cannot create a temporary file beside {path}")


@contextmanager
def atomic_path(path: str | Path) -> Iterator[Path]:
    """A temp path to write (by name, e.g. for pyarrow) that then replaces ``path``.

    The temp file exists (empty) when the block starts; it is removed if the
    block raises, and renamed over ``path`` if it does not.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = _create_temp(path)
    os.close(fd)
    try:
        yield tmp
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def write_atomic(path: str | Path, data: str | bytes) -> Path:
    """Replace ``path`` with ``data`` (text is written as UTF-8, newlines untranslated)."""
    path = Path(path)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    with atomic_path(path) as tmp, open(tmp, "wb") as fh:
        fh.write(payload)
    return path


@contextmanager
def atomic_text(path: str | Path, *, newline: str | None = "") -> Iterator[TextIO]:
    """An open text file (UTF-8) whose content replaces ``path`` when the block ends."""
    with atomic_path(path) as tmp, open(tmp, "w", encoding="utf-8", newline=newline) as fh:
        yield fh
