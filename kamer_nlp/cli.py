"""The ``kamer-nlp`` command line. Each command checks its arguments and calls the library."""

from __future__ import annotations

import json
import os
import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table
from rich.text import Text

from kamer_nlp import __version__
from kamer_nlp.exporters import COMMITMENTS, Exporter, find_exporter
from kamer_nlp.exporters import commands as export_commands
from kamer_nlp.exporters import formats as export_formats
from kamer_nlp.extract.backends import DEFAULT_BACKEND, backend_names

if TYPE_CHECKING:
    from kamer_nlp.batch import BatchSummary, Outcome

app = typer.Typer(
    name="kamer-nlp",
    help="Dutch parliamentary documents (Kamerstukken, ministers' letters) to annotated JSONL.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
export_app = typer.Typer(
    help="Export results for dashboards and annotation tools.", no_args_is_help=True
)
train_app = typer.Typer(help="Retrain the project's statistical parts.", no_args_is_help=True)
import_app = typer.Typer(
    help="Bring annotators' corrections back as gold data.", no_args_is_help=True
)
app.add_typer(export_app, name="export")
app.add_typer(train_app, name="train")
app.add_typer(import_app, name="import")

err = Console(stderr=True)
PipelineOpt = Annotated[
    str, typer.Option("--pipeline", "-p", help="default | lg | path to a spaCy .cfg")
]
BackendOpt = Annotated[
    str,
    typer.Option(
        "--backend", help=f"The PDF backend that reads PDFs: {' | '.join(backend_names())}."
    ),
]


def _version(value: bool) -> None:
    if value:
        typer.echo(f"kamer-nlp {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version.")
    ] = False,
) -> None:
    """kamer-nlp: extract, repair and annotate Dutch parliamentary documents."""


def say(label: str, style: str, message: str) -> None:
    """One line on standard error: a styled label, then plain text (never read as markup)."""
    err.print(Text.assemble((label, style), " ", message.strip()), soft_wrap=True)


def fail(message: str, code: int = 2) -> NoReturn:
    """A one-line error and the exit code (2: usage)."""
    say("error:", "red", message)
    raise typer.Exit(code)


def _check_pipeline(pipeline: str) -> None:
    from kamer_nlp.errors import PipelineError
    from kamer_nlp.nlp.pipeline import load_pipeline

    try:
        load_pipeline(pipeline)
    except PipelineError as e:
        fail(str(e))
    except Exception as e:  # a malformed config file: say what spaCy said, in one line
        first = " ".join(str(e).split())[:300]
        fail(f"the pipeline {pipeline!r} cannot be built: {type(e).__name__}: {first}")


def _check_backend(backend: str) -> None:
    from kamer_nlp.errors import UnknownNameError
    from kamer_nlp.extract.backends import check_backend

    try:
        check_backend(backend)
    except UnknownNameError as e:
        fail(str(e))


def _unwritable(folder: Path) -> str | None:
    """Why ``folder`` cannot take the output files, or None (nothing is created)."""
    probe = folder
    while not probe.exists():
        probe = probe.parent
    if not probe.is_dir():
        return f"{probe} is not a folder"
    if not os.access(probe, os.W_OK | os.X_OK):
        return "permission denied"
    return None


def _size(value: str) -> int | None:
    """'2GiB', '512M', '1.5G', '0' (no limit) → bytes."""
    match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([kKmMgGtT]?)(i?[bB])?\s*", value)
    if not match:
        raise typer.BadParameter(f"{value!r} is not a size such as 2GiB or 512M")
    number = float(match.group(1))
    unit = {"": 1, "k": 1024, "m": 1024**2, "g": 1024**3, "t": 1024**4}[match.group(2).lower()]
    return int(number * unit) or None


def _setup_logging(log_file: Path | None, verbose: bool) -> None:
    import logging

    logger = logging.getLogger("kamer_nlp")
    logger.setLevel(logging.DEBUG if (log_file or verbose) else logging.WARNING)
    if log_file is not None:
        handler = logging.FileHandler(log_file, encoding="utf-8")
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        logger.addHandler(handler)


@app.command()
def run(
    in_dir: Annotated[
        Path, typer.Argument(help="Folder with PDFs and .txt files (searched recursively).")
    ],
    out: Annotated[
        Path,
        typer.Option("--out", "-o", help="Output folder for documents/commitments/errors.jsonl."),
    ],
    pipeline: PipelineOpt = "default",
    backend: BackendOpt = DEFAULT_BACKEND,
    workers: Annotated[int, typer.Option("--workers", "-w", min=1, help="Worker processes.")] = 1,
    resume: Annotated[
        bool, typer.Option("--resume/--no-resume", help="Skip inputs already in OUT.")
    ] = True,
    retry_errors: Annotated[
        bool, typer.Option("--retry-errors", help="Process inputs that failed before again.")
    ] = False,
    force: Annotated[
        bool,
        typer.Option(
            "--force", help="OUT holds another pipeline's records: annotate everything again."
        ),
    ] = False,
    timeout: Annotated[
        float,
        typer.Option(min=0, help="Wall seconds allowed per document (0: no limit)."),
    ] = 120.0,
    max_memory: Annotated[
        str, typer.Option(help="Memory per worker process, e.g. 2GiB, 512M (0: no limit).")
    ] = "2GiB",
    max_file_size: Annotated[
        str, typer.Option(help="Largest input file, e.g. 200M (0: no limit).")
    ] = "200M",
    dask: Annotated[
        str | None,
        typer.Option(help="Run on Dask: a scheduler address (tcp://host:8786) or 'local'."),
    ] = None,
    strict: Annotated[bool, typer.Option("--strict", help="Exit 1 when any input failed.")] = False,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="Print only what stops the run.")
    ] = False,
    verbose: Annotated[
        bool, typer.Option("--verbose", "-v", help="A line for every document, and debug logs.")
    ] = False,
    log_file: Annotated[
        Path | None, typer.Option("--log", help="Write a log of the run (every document) here.")
    ] = None,
) -> None:
    """Annotate every PDF and .txt under IN_DIR into OUT_DIR."""
    from kamer_nlp.batch import BatchError, Limits, run_batch

    if quiet and verbose:
        fail("--quiet and --verbose exclude each other")
    if not in_dir.is_dir():
        fail(f"{in_dir} is not a folder" if in_dir.exists() else f"no such folder: {in_dir}")
    if problem := _unwritable(out):
        fail(f"cannot write to {out}: {problem}")
    try:
        limits = Limits(
            timeout=timeout or None, max_memory=_size(max_memory), max_bytes=_size(max_file_size)
        )
    except (ValueError, typer.BadParameter) as e:
        fail(str(e))
    _check_backend(backend)
    _check_pipeline(pipeline)
    _setup_logging(log_file, verbose)
    import logging

    log = logging.getLogger("kamer_nlp.cli")
    progress = Progress(
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=err,
        transient=False,
        disable=quiet,
    )
    task = progress.add_task("annotating", total=None)

    def on_start(total: int) -> None:  # the run has its lock and its plan: show the bar
        progress.update(task, total=total)
        progress.start()

    def on_result(outcome: Outcome) -> None:
        progress.advance(task)
        if outcome.error:
            kind, message = outcome.error["error"], outcome.error["message"]
            log.info("%s %s: %s", kind, outcome.path, message)
            if not quiet and (kind != "duplicate" or verbose):
                progress.console.print(
                    Text.assemble((kind, "yellow"), f" {outcome.path}: {message}"),
                    soft_wrap=True,
                )
        else:
            log.info("ok %s (%.1f s)", outcome.path, outcome.seconds)
            if verbose:
                progress.console.print(
                    Text.assemble(("ok", "green"), f" {outcome.path} ({outcome.seconds:.1f} s)"),
                    soft_wrap=True,
                )

    try:
        summary = run_batch(
            in_dir,
            out,
            pipeline=pipeline,
            backend=backend,
            workers=workers,
            resume=resume,
            retry_errors=retry_errors,
            force=force,
            limits=limits,
            dask=dask,
            on_start=on_start,
            on_result=on_result,
        )
    except BatchError as e:
        progress.stop()
        fail(str(e))
    except KeyboardInterrupt:
        progress.stop()
        say(
            "interrupted:",
            "yellow",
            f"every line in {out} is complete; run the same command again to resume",
        )
        raise typer.Exit(130) from None
    progress.stop()
    if not quiet:
        err.print(_summary_table(summary, out))
    if strict and summary.failed:
        raise typer.Exit(1)


def _summary_table(summary: BatchSummary, out: Path) -> Table:
    table = Table(title=Text(f"kamer-nlp run → {out}"))
    table.add_column("")
    table.add_column("count", justify="right")
    table.add_row("documents written", str(summary.processed))
    for layout, n in sorted(summary.layouts.items()):
        table.add_row(f"  layout {layout}", str(n))
    table.add_row("pages", str(summary.pages))
    table.add_row("commitments", str(summary.commitments))
    table.add_row("skipped (already done)", str(summary.skipped))
    if summary.changed:
        table.add_row("changed since the last run (redone)", str(summary.changed))
    table.add_row("duplicates (same content as a record)", str(summary.duplicates))
    table.add_row("failed (see errors.jsonl)", str(summary.failed))
    for kind, n in sorted(summary.errors.items()):
        table.add_row(f"  {kind}", str(n))
    table.add_row("seconds", f"{summary.seconds:.1f}")
    return table


@app.command()
def annotate(
    file: Annotated[str, typer.Argument(help="A PDF or .txt file, or - to read text from stdin.")],
    date: Annotated[
        str | None, typer.Option(help="Document date YYYY-MM-DD for relative times.")
    ] = None,
    pipeline: PipelineOpt = "default",
    backend: BackendOpt = DEFAULT_BACKEND,
) -> None:
    """Print one JSON record for a PDF or plain text."""
    import datetime as dt

    from kamer_nlp.api import annotate_file, annotate_text
    from kamer_nlp.errors import ExtractionError

    if date is not None:
        try:
            dt.date.fromisoformat(date)
        except ValueError:
            fail(f"--date must be YYYY-MM-DD, got {date!r}")
    if file != "-":
        _check_input_file(Path(file))
    _check_backend(backend)
    _check_pipeline(pipeline)
    try:
        if file == "-":
            record = annotate_text(sys.stdin.read(), date=date, pipeline=pipeline, doc_id="stdin")
        else:
            record = annotate_file(Path(file), pipeline=pipeline, date=date, backend=backend)
    except ExtractionError as e:
        say(f"{e.kind}:", "red", e.message)
        raise typer.Exit(1) from None
    typer.echo(json.dumps(record, ensure_ascii=False))


def _check_input_file(path: Path) -> None:
    if path.is_dir():
        fail(f"{path} is a folder: use `kamer-nlp run {path} --out OUT` for folders")
    if not path.is_file():
        fail(f"no such file: {path}")


@app.command()
def extract(
    file: Annotated[Path, typer.Argument(help="A PDF, .txt, official XML/HTML or VLOS file.")],
    as_json: Annotated[
        bool, typer.Option("--json", help="Print the full record instead of the text.")
    ] = False,
    pipeline: PipelineOpt = "default",
    backend: BackendOpt = DEFAULT_BACKEND,
) -> None:
    """Print the repaired text of a document (body, then the footnotes)."""
    from kamer_nlp.api import annotate_file, repair_file
    from kamer_nlp.errors import ExtractionError

    _check_input_file(file)
    _check_backend(backend)
    try:
        if as_json:
            record = annotate_file(file, pipeline=pipeline, backend=backend)
            typer.echo(json.dumps(record, ensure_ascii=False))
            return
        rt, _ = repair_file(file, pipeline=pipeline, backend=backend)
    except ExtractionError as e:
        say(f"{e.kind}:", "red", e.message)
        raise typer.Exit(1) from None
    typer.echo(rt.text)


DEFAULT_TRAINING_DATA = Path("data/annotated/commitments/sentences.jsonl")


@train_app.command("commitments")
def train_commitments_cmd(
    data: Annotated[Path, typer.Option(help="Labelled sentences (JSONL).")] = DEFAULT_TRAINING_DATA,
    model: Annotated[
        Path | None,
        typer.Option(help="Where to save the model; default: where the pipeline loads it."),
    ] = None,
    seed: int = 0,
) -> None:
    """Retrain the commitment classifier; print cross-validated precision, recall and F1."""
    from importlib import resources

    from kamer_nlp.commitments.model import MODEL_RESOURCE
    from kamer_nlp.commitments.training import train_commitments, train_extra_missing

    missing = train_extra_missing()
    if missing:
        fail(missing)
    if not data.is_file():
        fail(f"{data} not found (run from the project folder or pass --data)")
    target = model or Path(str(resources.files("kamer_nlp.resources").joinpath(*MODEL_RESOURCE)))
    scores = train_commitments(data, target, seed=seed)
    table = Table(
        title=f"commitment classifier, {scores['folds']}-fold cross-validation, {scores['n']} sentences"
    )
    for column in ("label", "precision", "recall", "F1"):
        table.add_column(column)
    table.add_row(
        "commitment", f"{scores['precision']:.3f}", f"{scores['recall']:.3f}", f"{scores['f1']:.3f}"
    )
    link = scores["link"]
    table.add_row("link", f"{link['precision']:.3f}", f"{link['recall']:.3f}", f"{link['f1']:.3f}")
    Console().print(table)
    Console().print(Text(f"model saved to {scores['model_path']}"))


@train_app.command("syntax")
def train_syntax_cmd(
    treebanks: Annotated[
        Path, typer.Option(help="The UD Dutch treebanks (Alpino, LassySmall dev+test .conllu).")
    ] = Path("../shared/treebanks"),
    out: Annotated[
        Path | None,
        typer.Option(help="Where to write the model; default: where the pipeline loads it."),
    ] = None,
    config: Annotated[
        Path | None, typer.Option(help="A spaCy training config; default: the package's.")
    ] = None,
) -> None:
    """Retrain the syntax model (tagger, morphologizer, parser) on UD Dutch; print the
    held-out scores (the split is fixed by document: docs/syntax.md)."""
    from kamer_nlp.nlp.pipeline import syntax_model_path
    from kamer_nlp.syntax.split import treebank_files
    from kamer_nlp.syntax.train import train_syntax

    try:
        treebank_files(treebanks)
    except FileNotFoundError as e:
        fail(f"{e} (pass --treebanks DIR)")
    if config is not None and not config.is_file():
        fail(f"{config} not found")
    target = out or syntax_model_path()
    scores = train_syntax(treebanks, target, config=config)
    for mode, title in (
        ("gold_tokens", "gold tokens"),
        ("project_tokenizer", "kamer-nlp tokenizer"),
    ):
        table = Table(title=f"syntax model, held-out split, {title}")
        for column in ("treebank", "UPOS", "XPOS", "morph", "UAS", "LAS"):
            table.add_column(column)
        for tb, row in scores[mode].items():
            table.add_row(tb, *(f"{row[m]:.3f}" for m in ("upos", "xpos", "morph", "uas", "las")))
        Console().print(table)
    rates = ", ".join(f"{k} {v['rate']:.4f}" for k, v in scores["alignment"].items())
    Console().print(Text(f"tokenizer alignment (gold tokens one-to-one): {rates}"))
    size = scores["size_bytes"] / 1e6
    Console().print(Text(f"model saved to {target} ({size:.1f} MB)"))


# ---------------------------------------------------------------- exports and imports
# Their files go to --to/--out, or to standard output for "-" (the file content only:
# every message goes to standard error). An existing file is only replaced with --force.
# Messages hold paths and exception text: they go out through fail/say/_note, which never
# read them as rich markup.

STDOUT = "-"
ForceOpt = Annotated[bool, typer.Option("--force", help="Overwrite an existing output file.")]


def _note(message: str) -> None:
    """A plain line on standard error (escaped: paths and ids are never read as markup)."""
    from rich.markup import escape

    err.print(escape(message), soft_wrap=True)


def _is_stdout(dest: Path | None) -> bool:
    return dest is not None and str(dest) == STDOUT


def _check_destination(targets: list[Path], force: bool, *, inputs: tuple[Path, ...] = ()) -> None:
    """Refuse to write over a folder, an input file, or (without --force) any existing file."""
    for target in targets:
        if target.is_dir():
            fail(f"{target} is a folder; give a file name")
        if not (target.exists() or target.is_symlink()):
            continue
        for source in inputs:
            try:
                same = source.exists() and os.path.samefile(source, target)
            except OSError:
                same = False
            if same:
                what = "" if str(source) == str(target) else f" ({source})"
                fail(f"{target} is an input file of this command{what}; choose another output file")
        if not force:
            fail(f"{target} exists; use --force to overwrite it")


def _write_stdout(data: bytes) -> None:
    """Write the file content to standard output (bytes: UTF-8 text or Parquet)."""
    try:
        sys.stdout.flush()
        buffer = getattr(sys.stdout, "buffer", None)
        if buffer is None:
            sys.stdout.write(data.decode("utf-8"))
        else:
            buffer.write(data)
            buffer.flush()
    except BrokenPipeError:
        # the reader stopped early (`| head`): stop quietly, and keep Python from
        # reporting the broken pipe again when it flushes standard output at exit
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
        except (OSError, ValueError, AttributeError):
            pass
        raise typer.Exit(1) from None


def _run_documents(out_dir: Path) -> Path:
    docs = out_dir / "documents.jsonl"
    if not docs.is_file():
        fail(f"{docs} not found: run `kamer-nlp run` first")
    return docs


LabelsOpt = Annotated[
    str | None, typer.Option("--labels", help="Only these labels, comma-separated.")
]
ExportToOpt = Annotated[
    Path | None,
    typer.Option("--to", help="Output file, or - for standard output."),
]
RunFolderArg = Annotated[Path, typer.Argument(help="A `kamer-nlp run` output folder.")]


def _labels(value: str | None) -> list[str] | None:
    return [v.strip().upper() for v in value.split(",") if v.strip()] if value else None


def _export(
    exporter: Exporter, out_dir: Path, dest: Path | None, labels: str | None, force: bool
) -> None:
    """Run one exporter of the table in kamer_nlp.exporters: check, make, write, tell."""
    from kamer_nlp.errors import ExportError
    from kamer_nlp.io.atomic import write_atomic

    docs = _run_documents(out_dir)
    to_stdout = _is_stdout(dest)
    if to_stdout and exporter.binary and sys.stdout.isatty():
        fail("Parquet is binary: redirect standard output to a file, or use --to FILE")
    target = dest or out_dir / exporter.default_file
    if not to_stdout:
        beside = [target.with_name(name) for name in exporter.beside]
        _check_destination([target, *beside], force, inputs=(docs,))
    try:
        made = exporter.export(docs, _labels(labels))
    except ExportError as e:
        fail(str(e))
    if to_stdout:
        _write_stdout(made.data)
        _note(f"{made.count} {exporter.noun} → standard output")
        if exporter.stdout_note:
            _note(exporter.stdout_note)
        return
    try:
        write_atomic(target, made.data)
        for name, data in made.beside.items():
            write_atomic(target.with_name(name), data)
    except OSError as e:
        fail(f"cannot write {target}: {e.strerror or e}", 1)
    _note(f"{made.count} {exporter.noun} → {target}")


@export_app.command(COMMITMENTS)
def export_commitments_cmd(
    out_dir: RunFolderArg,
    fmt: Annotated[
        str, typer.Option("--format", "-f", help=" | ".join(export_formats(COMMITMENTS)))
    ] = "csv",
    dest: Annotated[
        Path | None,
        typer.Option(
            "--to",
            help="Output file, or - for standard output; default OUT_DIR/commitments.<format>.",
        ),
    ] = None,
    force: ForceOpt = False,
) -> None:
    """Write the flat commitments table for dashboards."""
    from kamer_nlp.errors import UnknownNameError

    try:
        exporter = find_exporter(COMMITMENTS, fmt)
    except UnknownNameError:
        known = export_formats(COMMITMENTS)
        fail(f"--format must be {', '.join(known[:-1])} or {known[-1]}, not {fmt!r}")
    _export(exporter, out_dir, dest, None, force)


def _add_labelled_export(exporter: Exporter) -> None:
    """``kamer-nlp export NAME OUT_DIR [--to FILE|-] [--labels …] [--force]`` for one exporter."""

    def command(
        out_dir: RunFolderArg,
        dest: ExportToOpt = None,
        labels: LabelsOpt = None,
        force: ForceOpt = False,
    ) -> None:
        _export(exporter, out_dir, dest, labels, force)

    command.__doc__ = exporter.help
    command.__name__ = f"export_{exporter.command}_cmd"
    export_app.command(exporter.command)(command)


# every single-format exporter of the table is a command of its own (prodigy, labelstudio,
# doccano); the multi-format ones have theirs above, with --format
for _exporters in export_commands().values():
    if len(_exporters) == 1 and _exporters[0].takes_labels:
        _add_labelled_export(_exporters[0])


@app.command()
def review(
    out_dir: Annotated[Path, typer.Argument(help="A `kamer-nlp run` output folder.")],
    to: Annotated[
        Path | None,
        typer.Option(
            "--to", help="HTML file (default OUT_DIR/review.html), or - for standard output."
        ),
    ] = None,
    force: ForceOpt = False,
) -> None:
    """Write the annotators' review page (one self-contained HTML file)."""
    from kamer_nlp.annotation.review import DEFAULT_NAME, review_page
    from kamer_nlp.io.atomic import write_atomic

    docs = _run_documents(out_dir)
    to_stdout = _is_stdout(to)
    target = to or out_dir / DEFAULT_NAME
    if not to_stdout:
        _check_destination([target], force, inputs=(docs,))
    try:
        page, n = review_page(out_dir)
    except FileNotFoundError as e:
        fail(str(e))
    except (ValueError, KeyError, TypeError, AttributeError) as e:
        fail(f"{docs}: cannot read the records ({type(e).__name__}: {e})")
    if to_stdout:
        _write_stdout(page.encode("utf-8"))
        _note(f"review page of {n} document(s) → standard output")
        return
    try:
        write_atomic(target, page)
    except OSError as e:
        fail(f"cannot write {target}: {e.strerror or e}", 1)
    _note(f"review page → {target}")


@import_app.command("corrections")
def import_corrections_cmd(
    file: Annotated[Path, typer.Argument(help="The tool's export of the corrected tasks.")],
    fmt: Annotated[
        str, typer.Option("--format", "-f", help="prodigy | labelstudio | doccano | review")
    ],
    out: Annotated[
        Path, typer.Option("--out", "-o", help="Gold JSONL to write, or - for standard output.")
    ],
    records: Annotated[
        Path | None, typer.Option(help="The run folder (or documents.jsonl) the tasks came from.")
    ] = None,
    use_predictions: Annotated[
        bool, typer.Option(help="Label Studio: take untouched predictions as accepted.")
    ] = False,
    force: ForceOpt = False,
) -> None:
    """Turn corrected annotation tasks into gold data (refused where the text was changed)."""
    from kamer_nlp.annotation import AnnotationImportError, read_corrections
    from kamer_nlp.annotation.files import gold_jsonl, load_records
    from kamer_nlp.io.atomic import write_atomic

    if not file.is_file():
        fail(f"no such file: {file}")
    if records is not None and not (records.is_file() or (records / "documents.jsonl").is_file()):
        fail(f"--records {records}: no documents.jsonl there")
    to_stdout = _is_stdout(out)
    if not to_stdout:
        inputs = (file,) + ((records,) if records is not None and records.is_file() else ())
        _check_destination([out], force, inputs=inputs)
    try:
        originals = load_records(records) if records is not None else None
        result = read_corrections(file, fmt, records=originals, use_predictions=use_predictions)
    except (AnnotationImportError, ValueError, FileNotFoundError) as e:
        fail(str(e))
    except (KeyError, TypeError, AttributeError) as e:
        fail(f"cannot read the corrections ({type(e).__name__}: {e})")
    except OSError as e:
        fail(f"cannot read {e.filename or file}: {e.strerror or e}")
    text = gold_jsonl(result.gold)
    if to_stdout:
        _write_stdout(text.encode("utf-8"))
    else:
        try:
            write_atomic(out, text)
        except OSError as e:
            fail(f"cannot write {out}: {e.strerror or e}", 1)
    _note(f"{len(result.gold)} gold document(s) → {'standard output' if to_stdout else out}")
    for doc_id, reason in result.skipped:
        say("skipped", "yellow", f"{doc_id}: {reason}")


COMMITMENTS_HARNESS = "commitments"
SPANS_HARNESS = "spans"
CLAUSES_HARNESS = "clauses"


@app.command()
def evaluate(
    gold: Annotated[
        str,
        typer.Argument(
            help="Gold JSONL (from `kamer-nlp import corrections`), or `commitments` for the "
            "commitments harness on the labelled real-text sentences, or `spans` for references "
            "and time expressions on them, or `clauses` for the clause API on the clause check "
            "set."
        ),
    ],
    predicted: Annotated[
        Path | None, typer.Argument(help="documents.jsonl or a run folder (not for `commitments`).")
    ] = None,
    labels: LabelsOpt = None,
    corpus: Annotated[
        Path | None,
        typer.Option(help="commitments: the reference corpus (default ../shared/corpus)."),
    ] = None,
    split: Annotated[
        str, typer.Option(help="commitments: heldout | train (the documents the product runs on).")
    ] = "heldout",
    json_out: Annotated[
        Path | None, typer.Option("--json", help="commitments: also write every figure here.")
    ] = None,
    cv: Annotated[
        int | None,
        typer.Option(
            "--cv",
            help="commitments: instead, K-fold document-grouped cross-validation of the "
            "classifier on the labelled training part (needs the train extra).",
        ),
    ] = None,
) -> None:
    """Per-label precision, recall and F1 of a run against gold data; or, with
    `commitments`, the commitments harness on the labelled real sentences."""
    if gold == COMMITMENTS_HARNESS and predicted is None:
        _evaluate_commitments(corpus, split, json_out, cv)
        return
    if gold == SPANS_HARNESS and predicted is None:
        _evaluate_spans(corpus, split, json_out)
        return
    if gold == CLAUSES_HARNESS and predicted is None:
        from kamer_nlp.evaluation.clause_check import evaluate_clauses, format_clause_report

        result = evaluate_clauses(_corpus_and_split(corpus, "heldout"))
        for line in format_clause_report(result).splitlines():
            typer.echo(line)
        if json_out is not None:
            json_out.write_text(
                json.dumps(result, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
            )
        return
    if predicted is None:
        fail("give the predicted documents.jsonl or run folder after the gold file")
    from kamer_nlp.annotation import AnnotationImportError, evaluate_files, format_table

    try:
        result = evaluate_files(Path(gold), predicted, labels=_labels(labels))
    except (AnnotationImportError, FileNotFoundError) as e:
        fail(str(e))
    typer.echo(format_table(result))


def _corpus_and_split(corpus: Path | None, split: str) -> Path:
    from kamer_nlp.evaluation.corpus import corpus_root

    root = corpus_root(corpus)
    if root is None:
        fail("no reference corpus found (--corpus DIR, $KAMER_NLP_CORPUS or ../shared/corpus)")
    if split not in ("heldout", "train"):
        fail(f"--split must be heldout or train, not {split!r}")
    return root


def _evaluate_spans(corpus: Path | None, split: str, json_out: Path | None) -> None:
    from kamer_nlp.evaluation.span_harness import evaluate_spans, format_span_report

    result = evaluate_spans(_corpus_and_split(corpus, split), split=split)
    for line in format_span_report(result).splitlines():
        typer.echo(line)
    if json_out is not None:
        json_out.write_text(
            json.dumps(result, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
        )


def _evaluate_commitments(
    corpus: Path | None, split: str, json_out: Path | None, folds: int | None
) -> None:
    root = _corpus_and_split(corpus, split)
    if folds is not None:
        from kamer_nlp.commitments.training import train_extra_missing
        from kamer_nlp.evaluation.cv import cross_validate_real, format_cv

        missing = train_extra_missing()
        if missing:
            fail(missing)
        if folds < 2:
            fail("--cv needs at least 2 folds")
        result = cross_validate_real(root, folds=folds)
        typer.echo(format_cv(result))
    else:
        from kamer_nlp.evaluation.harness import evaluate_commitments, report_rows, summary_lines

        result = evaluate_commitments(root, split=split)
        rows = report_rows(result)
        table = Table(title=f"commitments on the labelled {split} sentences (real text)")
        for column in rows[0]:
            table.add_column(column)
        for row in rows[1:]:
            table.add_row(*row)
        console = Console(width=200)
        console.print(table)
        for line in summary_lines(result):
            console.print(Text(line))
    if json_out is not None:
        json_out.write_text(
            json.dumps(result, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
        )


if __name__ == "__main__":  # pragma: no cover
    app()
