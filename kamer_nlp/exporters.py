"""The exporters behind ``kamer-nlp export``: one table of formats, each a function from a
run's ``documents.jsonl`` to the bytes of the file it makes.

    commitments-csv|jsonl|parquet  export commitments -f FMT  commitments.FMT (parquet: pyarrow)
    prodigy                        export prodigy             annotation/prodigy.jsonl
    labelstudio                    export labelstudio         annotation/labelstudio.json + config
    doccano                        export doccano             annotation/doccano.jsonl

The command line finds an exporter by command and format (:func:`find_exporter`),
checks the destination, and writes :attr:`Export.data` (to the file or standard
output) and, for a file, :attr:`Export.beside` next to it. An exporter raises
:class:`~kamer_nlp.errors.ExportError` with a one-line message for records it cannot
read or an optional package that is missing.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from kamer_nlp.errors import ExportError, UnknownNameError

COMMITMENTS = "commitments"
LABELSTUDIO_CONFIG = "labelstudio-config.xml"  # = kamer_nlp.annotation.files.LABELSTUDIO_CONFIG


@dataclass(frozen=True)
class Export:
    """What an exporter made: the file content, how many items, and files for beside it."""

    data: bytes
    count: int
    beside: Mapping[str, bytes] = field(default_factory=dict)  # file name -> content


ExportFunction = Callable[[Path, Sequence[str] | None], Export]  # (documents.jsonl, labels)


@dataclass(frozen=True)
class Exporter:
    """One row of the table."""

    name: str
    command: str  # the ``kamer-nlp export`` sub-command
    format: str  # its ``--format`` value (for a one-format command: the command)
    default_file: str  # relative to the run folder
    noun: str  # what the items are, for "N <noun> → FILE"
    help: str
    export: ExportFunction
    binary: bool = False
    takes_labels: bool = False
    beside: tuple[str, ...] = ()  # names of the files written next to the main one
    stdout_note: str | None = None  # said when writing to standard output


def _commitments(fmt: str) -> ExportFunction:
    def export(docs: Path, labels: Sequence[str] | None) -> Export:
        from kamer_nlp.commitments.table import commitment_rows, rows_bytes
        from kamer_nlp.io.jsonl import read_jsonl

        try:
            rows = [row for record in read_jsonl(docs) for row in commitment_rows(record)]
            return Export(rows_bytes(rows, fmt), len(rows))
        except (ImportError, RuntimeError) as e:  # Parquet without pyarrow
            raise ExportError(str(e)) from e
        except (ValueError, KeyError, TypeError, AttributeError) as e:
            raise ExportError(f"{docs}: cannot read the records ({type(e).__name__}: {e})") from e

    return export


def _tasks(fmt: str) -> ExportFunction:
    def export(docs: Path, labels: Sequence[str] | None) -> Export:
        from kamer_nlp.annotation.files import render_tasks
        from kamer_nlp.annotation.labelstudio import labelstudio_config
        from kamer_nlp.io.jsonl import read_jsonl

        chosen = list(labels) if labels is not None else None
        try:
            text, n = render_tasks(read_jsonl(docs), fmt, labels=chosen)
        except ValueError as e:
            raise ExportError(str(e)) from e
        except (KeyError, TypeError, AttributeError) as e:
            raise ExportError(f"{docs}: cannot read the records ({type(e).__name__}: {e})") from e
        beside = (
            {LABELSTUDIO_CONFIG: labelstudio_config(chosen).encode("utf-8")}
            if fmt == "labelstudio"
            else {}
        )
        return Export(text.encode("utf-8"), n, beside)

    return export


def _table() -> dict[str, Exporter]:
    rows = [
        Exporter(
            f"{COMMITMENTS}-{fmt}",
            COMMITMENTS,
            fmt,
            f"{COMMITMENTS}.{fmt}",
            COMMITMENTS,
            "Write the flat commitments table for dashboards.",
            _commitments(fmt),
            binary=fmt == "parquet",
        )
        for fmt in ("csv", "jsonl", "parquet")
    ]
    rows += [
        Exporter(
            "prodigy",
            "prodigy",
            "prodigy",
            "annotation/prodigy.jsonl",
            "prodigy task(s)",
            "Prodigy tasks (JSONL with tokens and spans) for `prodigy db-in` / spans.manual.",
            _tasks("prodigy"),
            takes_labels=True,
        ),
        Exporter(
            "labelstudio",
            "labelstudio",
            "labelstudio",
            "annotation/labelstudio.json",
            "labelstudio task(s)",
            "Label Studio tasks with predictions, plus the labeling config beside them.",
            _tasks("labelstudio"),
            takes_labels=True,
            beside=(LABELSTUDIO_CONFIG,),
            stdout_note=(
                f"the labeling config ({LABELSTUDIO_CONFIG}) was not written: "
                "use --to FILE to get it beside the tasks"
            ),
        ),
        Exporter(
            "doccano",
            "doccano",
            "doccano",
            "annotation/doccano.jsonl",
            "doccano task(s)",
            "doccano sequence-labeling JSONL.",
            _tasks("doccano"),
            takes_labels=True,
        ),
    ]
    return {row.name: row for row in rows}


EXPORTERS: dict[str, Exporter] = _table()


def commands() -> dict[str, list[Exporter]]:
    """The export sub-commands, in table order, each with its exporters (one per format)."""
    out: dict[str, list[Exporter]] = {}
    for exporter in EXPORTERS.values():
        out.setdefault(exporter.command, []).append(exporter)
    return out


def formats(command: str) -> tuple[str, ...]:
    return tuple(e.format for e in commands().get(command, []))


def find_exporter(command: str, fmt: str | None = None) -> Exporter:
    """The exporter of ``command`` for ``fmt`` (or its only one); UnknownNameError if none."""
    choices = commands().get(command)
    if not choices:
        raise UnknownNameError("export", command, tuple(commands()))
    if fmt is None and len(choices) == 1:
        return choices[0]
    for exporter in choices:
        if exporter.format == fmt:
            return exporter
    raise UnknownNameError(f"{command} format", str(fmt), formats(command))
