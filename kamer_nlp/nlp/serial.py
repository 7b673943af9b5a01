"""One serialisation for the project's components: their state is a few text files.

A component subclasses :class:`TextFilesState` and says what its files are
(``state_files() -> {relative path: text}``) and how to take them back
(``load_state_files(files)``). ``to_disk``/``from_disk`` write and read those files in the
component's folder of a saved pipeline; ``to_bytes``/``from_bytes`` carry the same mapping as
msgpack. So a saved pipeline holds the data files a user can read and edit, and a
component's four serialisation methods cannot drift apart.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Self

import srsly


class TextFilesState:
    """Mixin: spaCy's ``to_disk``/``from_disk``/``to_bytes``/``from_bytes`` over text files."""

    def state_files(self) -> dict[str, str]:
        """The component's state: relative file path → text."""
        raise NotImplementedError

    def load_state_files(self, files: Mapping[str, str]) -> None:
        """Take the state back from what :meth:`state_files` gave."""
        raise NotImplementedError

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        folder = Path(path)
        for name, text in self.state_files().items():
            target = folder / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> Self:
        folder = Path(path)
        files = {
            p.relative_to(folder).as_posix(): p.read_text(encoding="utf-8")
            for p in sorted(folder.rglob("*"))
            if p.is_file()
        }
        self.load_state_files(files)
        return self

    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        data: bytes = srsly.msgpack_dumps(self.state_files())
        return data

    def from_bytes(self, data: bytes, *, exclude: Iterable[str] = ()) -> Self:
        files = srsly.msgpack_loads(data)
        self.load_state_files({str(k): str(v) for k, v in dict(files).items()})
        return self
