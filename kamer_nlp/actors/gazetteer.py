"""The curated actor gazetteer: entries, validity periods and surface forms.

Data lives in ``kamer_nlp/resources/actors/*.jsonl`` (one entry per line, one file per
kind) with a ``manifest.json`` carrying the version. Ministries that list
``"functions"`` generate their bewindspersoon entries here ("minister-<key>",
"staatssecretaris-<key>"), so a renamed ministry renames its functions with it.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import logging
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

from .matching import SurfaceForm, SurfaceIndex, tokenize

logger = logging.getLogger(__name__)

RESOURCE_PACKAGE = "kamer_nlp"
RESOURCE_DIR = "resources/actors"

#: types of bewindspersoon functions (what resolve_function returns)
FUNCTION_TYPES = frozenset({"minister", "staatssecretaris", "minister-president"})

Period = tuple[dt.date | None, dt.date | None]


def _date(value: Any) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))


def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


@dataclass(frozen=True)
class ActorEntry:
    """One actor with a stable id. ``periods`` are half-open ``[from, to)`` date ranges."""

    actor_id: str
    type: str
    name: str
    aliases: tuple[str, ...] = ()
    abbreviations: tuple[str, ...] = ()
    valid_from: dt.date | None = None
    valid_to: dt.date | None = None
    ministry: str | None = None
    function: str | None = None
    parent: str | None = None
    category: str | None = None
    periods: tuple[Period, ...] = ((None, None),)
    cs_aliases: tuple[str, ...] = ()  # aliases matched case-sensitively
    name_cs: bool = False  # match the name itself case-sensitively
    index_name: bool = True  # False: the name is resolved by cue rules, not the matcher
    abbreviation_forms: tuple[str, ...] = field(default=(), compare=False)  # generated

    def is_valid(self, on: dt.date | None, grace_days: int = 0) -> bool:
        """Whether the actor existed on ``on`` (allowing ``grace_days`` after a period ends)."""
        if on is None:
            return True
        grace = dt.timedelta(days=grace_days)
        for start, end in self.periods:
            if (start is None or on >= start) and (end is None or on < end + grace):
                return True
        return False

    def distance(self, on: dt.date) -> int:
        """Days between ``on`` and the nearest valid period (0 when valid)."""
        best = None
        for start, end in self.periods:
            if start is not None and on < start:
                d = (start - on).days
            elif end is not None and on >= end:
                d = (on - end).days + 1
            else:
                return 0
            best = d if best is None else min(best, d)
        return best or 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "actor_id": self.actor_id,
            "type": self.type,
            "name": self.name,
            "aliases": list(self.aliases),
            "abbreviations": list(self.abbreviations),
            "valid_from": _iso(self.valid_from),
            "valid_to": _iso(self.valid_to),
            "ministry": self.ministry,
            "function": self.function,
            "parent": self.parent,
            "category": self.category,
            "periods": [[_iso(a), _iso(b)] for a, b in self.periods],
            "cs_aliases": list(self.cs_aliases),
            "name_cs": self.name_cs,
            "index_name": self.index_name,
            "abbreviation_forms": list(self.abbreviation_forms),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ActorEntry:
        periods = tuple((_date(a), _date(b)) for a, b in data.get("periods") or [[None, None]])
        starts = [a for a, _ in periods]
        ends = [b for _, b in periods]
        return cls(
            actor_id=data["actor_id"],
            type=data["type"],
            name=data["name"],
            aliases=tuple(data.get("aliases") or ()),
            abbreviations=tuple(data.get("abbreviations") or ()),
            valid_from=None if None in starts else min(s for s in starts if s),
            valid_to=None if None in ends else max(e for e in ends if e),
            ministry=data.get("ministry"),
            function=data.get("function"),
            parent=data.get("parent"),
            category=data.get("category"),
            periods=periods,
            cs_aliases=tuple(data.get("cs_aliases") or ()),
            name_cs=bool(data.get("name_cs", False)),
            index_name=bool(data.get("index_name", True)),
            abbreviation_forms=tuple(data.get("abbreviation_forms") or ()),
        )

    def surface_forms(self) -> Iterator[SurfaceForm]:
        """Every string this entry is recognised by, with how it should be reported."""
        if self.index_name:
            yield SurfaceForm(self.name, self.actor_id, None, self.name_cs)
        for alias in self.aliases:
            yield SurfaceForm(alias, self.actor_id, None, False)
        for alias in self.cs_aliases:
            yield SurfaceForm(alias, self.actor_id, None, True)
        for abbr in self.abbreviations:
            yield SurfaceForm(abbr, self.actor_id, "abbreviation", True)
        for form in self.abbreviation_forms:
            yield SurfaceForm(form, self.actor_id, "abbreviation", False)


def _ministry_entries(row: dict[str, Any]) -> list[dict[str, Any]]:
    """A ministry row → the ministry entry plus its generated function entries."""
    key = row["actor_id"].removeprefix("ministerie-")
    short = row["short"]
    shorts = [short, *row.get("short_aliases", [])]
    abbrs = row.get("abbreviations", [])
    ministry = {
        "actor_id": row["actor_id"],
        "type": "ministry",
        "name": row["name"],
        "aliases": [f"Ministerie van {s}" for s in shorts[1:]]
        + [f"Departement van {s}" for s in shorts],
        # bare short names ("Sociale Zaken en Werkgelegenheid") only when capitalised as a name
        "cs_aliases": [s for s in shorts if " " in s or row.get("short_is_name")],
        "abbreviations": abbrs,
        "abbreviation_forms": [f"Ministerie van {a}" for a in abbrs],
        "periods": row["periods"],
    }
    out = [ministry]
    for kind in row.get("functions", []):
        title = "Minister" if kind == "minister" else "Staatssecretaris"
        name = f"{title} van {short}"
        out.append(
            {
                "actor_id": f"{kind}-{key}",
                "type": kind,
                "name": name,
                # "voor" for "van" is a frequent slip; accept it
                "aliases": [f"{title} van {s}" for s in shorts[1:]]
                + [f"{title} voor {s}" for s in shorts],
                "abbreviation_forms": [f"{title} van {a}" for a in abbrs],
                "ministry": row["actor_id"],
                "function": name,
                "periods": row["periods"],
            }
        )
    return out


def _function_row(row: dict[str, Any]) -> dict[str, Any]:
    row = dict(row)
    row.setdefault("function", row["name"])
    name = row["name"]
    # accept the van/voor slip for functions without portfolio too
    if " voor " in name:
        row["aliases"] = [*row.get("aliases", []), name.replace(" voor ", " van ", 1)]
    return row


class Gazetteer:
    """The actor gazetteer: lookup by id, surface-form index, date-aware resolution."""

    def __init__(
        self, entries: Iterable[ActorEntry], *, version: str = "unversioned", grace_days: int = 0
    ) -> None:
        self.version = version
        self.grace_days = grace_days
        self._entries: dict[str, ActorEntry] = {}
        for entry in entries:
            if entry.actor_id in self._entries:
                raise ValueError(f"duplicate actor_id {entry.actor_id!r}")
            self._entries[entry.actor_id] = entry
        self.index = SurfaceIndex()
        for entry in self._entries.values():
            for form in entry.surface_forms():
                self.index.add(form)

    # -- construction -------------------------------------------------------------------
    @classmethod
    def default(cls) -> Gazetteer:
        """The packaged gazetteer (loaded once, cached)."""
        return _default_gazetteer()

    @classmethod
    def from_rows(
        cls, rows: Iterable[dict[str, Any]], *, version: str, grace_days: int = 0
    ) -> Gazetteer:
        """Build from raw data-file rows (ministry rows expand into their functions)."""
        dicts: list[dict[str, Any]] = []
        for row in rows:
            if "short" in row:
                dicts.extend(_ministry_entries(row))
            elif row.get("type") in FUNCTION_TYPES:
                dicts.append(_function_row(row))
            else:
                dicts.append(row)
        return cls((ActorEntry.from_dict(d) for d in dicts), version=version, grace_days=grace_days)

    @classmethod
    def from_resources(cls) -> Gazetteer:
        return cls.from_manifest(resources.files(RESOURCE_PACKAGE).joinpath(RESOURCE_DIR))

    @classmethod
    def from_folder(cls, path: str | Path) -> Gazetteer:
        """A gazetteer folder: the package's layout (``manifest.json`` naming the data
        files, as in ``kamer_nlp/resources/actors``) or what :meth:`to_disk` writes."""
        folder = Path(path)
        if (folder / "manifest.json").is_file():
            return cls.from_manifest(folder)
        if (folder / "meta.json").is_file() and (folder / "entries.jsonl").is_file():
            return cls.from_disk(folder)
        raise FileNotFoundError(f"{folder}: neither manifest.json nor entries.jsonl + meta.json")

    @classmethod
    def from_manifest(cls, base: Traversable) -> Gazetteer:
        """The folder ``base`` with ``manifest.json`` and the data files it names."""
        manifest = json.loads(base.joinpath("manifest.json").read_text(encoding="utf-8"))
        rows: list[dict[str, Any]] = []
        for name in manifest["files"]:
            text = base.joinpath(name).read_text(encoding="utf-8")
            rows.extend(json.loads(line) for line in text.splitlines() if line.strip())
        gaz = cls.from_rows(
            rows, version=manifest["version"], grace_days=manifest.get("grace_days_after_end", 0)
        )
        logger.debug("loaded actor gazetteer %s: %d entries", gaz.version, len(gaz))
        return gaz

    def to_files(self) -> dict[str, str]:
        """The expanded entries (``entries.jsonl``) and ``meta.json``, as file texts."""
        entries = "".join(
            json.dumps(entry.to_dict(), ensure_ascii=False) + "\n"
            for entry in self._entries.values()
        )
        meta = {"version": self.version, "grace_days": self.grace_days}
        return {"entries.jsonl": entries, "meta.json": json.dumps(meta)}

    @classmethod
    def from_files(cls, files: Mapping[str, str]) -> Gazetteer:
        meta = json.loads(files["meta.json"])
        lines = files["entries.jsonl"].splitlines()
        entries = [ActorEntry.from_dict(json.loads(line)) for line in lines if line.strip()]
        return cls(entries, version=meta["version"], grace_days=meta["grace_days"])

    def to_disk(self, path: Path) -> None:
        """Write :meth:`to_files` into the folder ``path``."""
        path.mkdir(parents=True, exist_ok=True)
        for name, text in self.to_files().items():
            (path / name).write_text(text, encoding="utf-8")

    @classmethod
    def from_disk(cls, path: Path) -> Gazetteer:
        return cls.from_files(
            {
                name: (path / name).read_text(encoding="utf-8")
                for name in ("entries.jsonl", "meta.json")
            }
        )

    # -- lookup ---------------------------------------------------------------------------
    def __len__(self) -> int:
        return len(self._entries)

    def __iter__(self) -> Iterator[ActorEntry]:
        return iter(self._entries.values())

    def __contains__(self, actor_id: object) -> bool:
        return actor_id in self._entries

    def get(self, actor_id: str) -> ActorEntry:
        """The entry with ``actor_id`` (KeyError when unknown)."""
        return self._entries[actor_id]

    def with_entries(self, extra: Iterable[ActorEntry]) -> Gazetteer:
        """A copy with ``extra`` entries added (or replacing those with the same id)."""
        merged = dict(self._entries)
        for entry in extra:
            merged[entry.actor_id] = entry
        return Gazetteer(merged.values(), version=self.version, grace_days=self.grace_days)

    def choose(
        self, actor_ids: Iterable[str], on: dt.date | None
    ) -> tuple[ActorEntry, bool] | None:
        """Pick among candidate ids: the one valid on ``on`` (else the nearest in time).

        Returns ``(entry, anachronistic)``; None when there are no candidates.
        """
        entries = [self._entries[a] for a in dict.fromkeys(actor_ids) if a in self._entries]
        if not entries:
            return None
        if on is None:
            # without a date prefer what exists now, then the most recently ended
            current = [e for e in entries if any(end is None for _, end in e.periods)]
            if current:
                return current[0], False
            return max(entries, key=lambda e: e.valid_to or dt.date.max), False
        valid = [e for e in entries if e.is_valid(on)]
        if valid:
            return valid[0], False
        valid = [e for e in entries if e.is_valid(on, self.grace_days)]
        if valid:
            return valid[0], False
        return min(entries, key=lambda e: e.distance(on)), True

    def resolve_function(self, text: str, date: dt.date | str | None = None) -> ActorEntry | None:
        """The bewindspersoon function named by ``text`` ("De Minister voor Rechtsbescherming,").

        Leading articles, trailing punctuation, line breaks and case are ignored; when a
        name existed in several periods the one valid on ``date`` wins.
        """
        on = _date(date)
        tokens = tokenize(text)
        while tokens and tokens[0].key in {"de", "het"}:
            tokens = tokens[1:]
        while tokens and tokens[-1].key in {",", ".", ":", ";"}:
            tokens = tokens[:-1]
        if not tokens:
            return None
        forms = self.index.lookup(tokens)
        ids = [f.actor_id for f in forms if self._entries[f.actor_id].type in FUNCTION_TYPES]
        chosen = self.choose(ids, on)
        return chosen[0] if chosen else None


@functools.cache
def _default_gazetteer() -> Gazetteer:
    return Gazetteer.from_resources()
