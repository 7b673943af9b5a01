"""The ``kamer-nlp`` command line. Each command checks its arguments and calls the library."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table

from kamer_nlp import __version__

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


def _check_pipeline(pipeline: str) -> None:
    from kamer_nlp.nlp.pipeline import PipelineError, load_pipeline

    try:
        load_pipeline(pipeline)
    except PipelineError as e:
        err.print(f"[red]error:[/red] {e}")
        raise typer.Exit(2) from None


def _unwritable(folder: Path) -> str | None:
    """Why ``folder`` cannot take the output files, or None."""
    import tempfile

    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=folder, prefix=".kamer-nlp-probe-"):
            pass
    except OSError as e:
        return e.strerror or str(e)
    return None


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
    workers: Annotated[int, typer.Option("--workers", "-w", min=1, help="Worker processes.")] = 1,
    resume: Annotated[
        bool, typer.Option("--resume/--no-resume", help="Skip inputs already in OUT.")
    ] = True,
    retry_errors: Annotated[
        bool, typer.Option("--retry-errors", help="Process inputs that failed before again.")
    ] = False,
    timeout: Annotated[
        float, typer.Option(help="Seconds allowed per document (0: no limit).")
    ] = 600.0,
    dask: Annotated[
        str | None,
        typer.Option(help="Run on Dask: a scheduler address (tcp://host:8786) or 'local'."),
    ] = None,
) -> None:
    """Annotate every PDF and .txt under IN_DIR into OUT_DIR."""
    from kamer_nlp.batch import run_batch

    if not in_dir.is_dir():
        err.print(f"[red]error:[/red] {in_dir} is not a folder")
        raise typer.Exit(2)
    if problem := _unwritable(out):
        err.print(f"[red]error:[/red] cannot write to {out}: {problem}")
        raise typer.Exit(2)
    _check_pipeline(pipeline)
    with Progress(
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=err,
        transient=False,
    ) as progress:
        task = progress.add_task("annotating", total=None)

        def on_start(total: int) -> None:
            progress.update(task, total=total)

        def on_result(outcome) -> None:  # type: ignore[no-untyped-def]
            progress.advance(task)
            if outcome.error:
                progress.console.print(
                    f"[yellow]{outcome.error['error']}[/yellow] {outcome.path}: {outcome.error['message']}"
                )

        try:
            summary = run_batch(
                in_dir,
                out,
                pipeline=pipeline,
                workers=workers,
                resume=resume,
                retry_errors=retry_errors,
                timeout=timeout or None,
                dask=dask,
                on_start=on_start,
                on_result=on_result,
            )
        except KeyboardInterrupt:
            progress.stop()
            err.print(
                f"[yellow]interrupted[/yellow]: every line in {out} is complete; run the same command again to resume"
            )
            raise typer.Exit(130) from None
    table = Table(title=f"kamer-nlp run → {out}")
    table.add_column("")
    table.add_column("count", justify="right")
    table.add_row("documents written", str(summary.processed))
    for layout, n in sorted(summary.layouts.items()):
        table.add_row(f"  layout {layout}", str(n))
    table.add_row("pages", str(summary.pages))
    table.add_row("commitments", str(summary.commitments))
    table.add_row("skipped (already done)", str(summary.skipped))
    table.add_row("failed (see errors.jsonl)", str(summary.failed))
    for kind, n in sorted(summary.errors.items()):
        table.add_row(f"  {kind}", str(n))
    table.add_row("seconds", f"{summary.seconds:.1f}")
    err.print(table)


@app.command()
def annotate(
    file: Annotated[str, typer.Argument(help="A PDF or .txt file, or - to read text from stdin.")],
    date: Annotated[
        str | None, typer.Option(help="Document date YYYY-MM-DD for relative times.")
    ] = None,
    pipeline: PipelineOpt = "default",
) -> None:
    """Print one JSON record for a PDF or plain text."""
    import datetime as dt

    from kamer_nlp.api import annotate_file, annotate_text
    from kamer_nlp.extract.glyphs import ExtractionError

    if date is not None:
        try:
            dt.date.fromisoformat(date)
        except ValueError:
            err.print(f"[red]error:[/red] --date must be YYYY-MM-DD, got {date!r}")
            raise typer.Exit(2) from None
    _check_pipeline(pipeline)
    try:
        if file == "-":
            record = annotate_text(sys.stdin.read(), date=date, pipeline=pipeline, doc_id="stdin")
        else:
            path = Path(file)
            if not path.is_file():
                err.print(f"[red]error:[/red] no such file: {file}")
                raise typer.Exit(2)
            record = annotate_file(path, pipeline=pipeline, date=date)
    except ExtractionError as e:
        err.print(f"[red]{e.kind}:[/red] {e.message}")
        raise typer.Exit(1) from None
    typer.echo(json.dumps(record, ensure_ascii=False))


@app.command()
def extract(
    file: Annotated[Path, typer.Argument(help="A PDF (or .txt) file.")],
    as_json: Annotated[
        bool, typer.Option("--json", help="Print the full record instead of the text.")
    ] = False,
    pipeline: PipelineOpt = "default",
) -> None:
    """Print the repaired text of a PDF (body, then the footnotes)."""
    from kamer_nlp.api import annotate_file, read_text_file, repair_pdf, repair_text
    from kamer_nlp.extract.glyphs import ExtractionError

    if not file.is_file():
        err.print(f"[red]error:[/red] no such file: {file}")
        raise typer.Exit(2)
    try:
        if as_json:
            typer.echo(json.dumps(annotate_file(file, pipeline=pipeline), ensure_ascii=False))
            return
        rt = (
            repair_text(read_text_file(file)) if file.suffix.lower() == ".txt" else repair_pdf(file)
        )
    except ExtractionError as e:
        err.print(f"[red]{e.kind}:[/red] {e.message}")
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
    from kamer_nlp.commitments.training import train_commitments

    if not data.is_file():
        err.print(
            f"[red]error:[/red] {data} not found (run from the project folder or pass --data)"
        )
        raise typer.Exit(2)
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
    Console().print(f"model saved to {scores['model_path']}")


@export_app.command("commitments")
def export_commitments_cmd(
    out_dir: Annotated[Path, typer.Argument(help="A `kamer-nlp run` output folder.")],
    fmt: Annotated[str, typer.Option("--format", "-f", help="jsonl | csv | parquet")] = "csv",
    dest: Annotated[
        Path | None, typer.Option("--to", help="Output file; default OUT_DIR/commitments.<format>.")
    ] = None,
) -> None:
    """Write the flat commitments table for dashboards."""
    from kamer_nlp.commitments.table import commitment_rows, write_rows
    from kamer_nlp.io.jsonl import read_jsonl

    if fmt not in ("jsonl", "csv", "parquet"):
        err.print(f"[red]error:[/red] --format must be jsonl, csv or parquet, not {fmt!r}")
        raise typer.Exit(2)
    docs = out_dir / "documents.jsonl"
    if not docs.is_file():
        err.print(f"[red]error:[/red] {docs} not found: run `kamer-nlp run` first")
        raise typer.Exit(2)
    rows = [row for record in read_jsonl(docs) for row in commitment_rows(record)]
    target = dest or out_dir / f"commitments.{fmt}"
    try:
        write_rows(rows, target, fmt)
    except ImportError as e:
        err.print(f"[red]error:[/red] {e}")
        raise typer.Exit(2) from None
    err.print(f"{len(rows)} commitments → {target}")


LabelsOpt = Annotated[
    str | None, typer.Option("--labels", help="Only these labels, comma-separated.")
]


def _labels(value: str | None) -> list[str] | None:
    return [v.strip().upper() for v in value.split(",") if v.strip()] if value else None


def _export_annotation(fmt: str, out_dir: Path, dest: Path | None, labels: str | None) -> None:
    from kamer_nlp.io.annotation import export_run

    try:
        target = export_run(out_dir, fmt, dest=dest, labels=_labels(labels))
    except (FileNotFoundError, ValueError) as e:
        err.print(f"[red]error:[/red] {e}")
        raise typer.Exit(2) from None
    err.print(f"{fmt} tasks → {target}")


@export_app.command("prodigy")
def export_prodigy_cmd(
    out_dir: Annotated[Path, typer.Argument(help="A `kamer-nlp run` output folder.")],
    dest: Annotated[Path | None, typer.Option("--to", help="Output file.")] = None,
    labels: LabelsOpt = None,
) -> None:
    """Prodigy tasks (JSONL with tokens and spans) for `prodigy db-in` / spans.manual."""
    _export_annotation("prodigy", out_dir, dest, labels)


@export_app.command("labelstudio")
def export_labelstudio_cmd(
    out_dir: Annotated[Path, typer.Argument(help="A `kamer-nlp run` output folder.")],
    dest: Annotated[Path | None, typer.Option("--to", help="Output file.")] = None,
    labels: LabelsOpt = None,
) -> None:
    """Label Studio tasks with predictions, plus the labeling config beside them."""
    _export_annotation("labelstudio", out_dir, dest, labels)


@export_app.command("doccano")
def export_doccano_cmd(
    out_dir: Annotated[Path, typer.Argument(help="A `kamer-nlp run` output folder.")],
    dest: Annotated[Path | None, typer.Option("--to", help="Output file.")] = None,
    labels: LabelsOpt = None,
) -> None:
    """doccano sequence-labeling JSONL."""
    _export_annotation("doccano", out_dir, dest, labels)


@app.command()
def review(
    out_dir: Annotated[Path, typer.Argument(help="A `kamer-nlp run` output folder.")],
    to: Annotated[
        Path | None, typer.Option("--to", help="HTML file (default OUT_DIR/review.html).")
    ] = None,
) -> None:
    """Write the annotators' review page (one self-contained HTML file)."""
    from kamer_nlp.io.review import write_review

    try:
        path = write_review(out_dir, to)
    except FileNotFoundError as e:
        err.print(f"[red]error:[/red] {e}")
        raise typer.Exit(2) from None
    err.print(f"review page → {path}")


@import_app.command("corrections")
def import_corrections_cmd(
    file: Annotated[Path, typer.Argument(help="The tool's export of the corrected tasks.")],
    fmt: Annotated[
        str, typer.Option("--format", "-f", help="prodigy | labelstudio | doccano | review")
    ],
    out: Annotated[Path, typer.Option("--out", "-o", help="Gold JSONL to write.")],
    records: Annotated[
        Path | None, typer.Option(help="The run folder (or documents.jsonl) the tasks came from.")
    ] = None,
    use_predictions: Annotated[
        bool, typer.Option(help="Label Studio: take untouched predictions as accepted.")
    ] = False,
) -> None:
    """Turn corrected annotation tasks into gold data (refused where the text was changed)."""
    from kamer_nlp.io.annotation import AnnotationImportError, import_corrections

    if not file.is_file():
        err.print(f"[red]error:[/red] no such file: {file}")
        raise typer.Exit(2)
    try:
        result = import_corrections(
            file, fmt, out=out, records_path=records, use_predictions=use_predictions
        )
    except (AnnotationImportError, ValueError, FileNotFoundError) as e:
        err.print(f"[red]error:[/red] {e}")
        raise typer.Exit(2) from None
    err.print(f"{len(result.gold)} gold document(s) → {out}")
    for doc_id, reason in result.skipped:
        err.print(f"[yellow]skipped[/yellow] {doc_id}: {reason}")


@app.command()
def evaluate(
    gold: Annotated[Path, typer.Argument(help="Gold JSONL (from `kamer-nlp import corrections`).")],
    predicted: Annotated[Path, typer.Argument(help="documents.jsonl or a run folder.")],
    labels: LabelsOpt = None,
) -> None:
    """Per-label precision, recall and F1 of a run against gold data."""
    from kamer_nlp.io.annotation import AnnotationImportError, evaluate_files, format_table

    try:
        result = evaluate_files(gold, predicted, labels=_labels(labels))
    except (AnnotationImportError, FileNotFoundError) as e:
        err.print(f"[red]error:[/red] {e}")
        raise typer.Exit(2) from None
    typer.echo(format_table(result))


if __name__ == "__main__":  # pragma: no cover
    app()
