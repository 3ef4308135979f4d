"""`eventline code`, `ingest`, `export` and `demo`: documents in, event records out (to the terminal or a store).

Exit status (CLI.md): 0 all went well; 1 some input could not be read (reported on stderr with its path and
reason; the rest was done) or the work failed; 2 usage errors (bad options, a store or model that cannot be
opened as asked); 130 interrupted (committed batches are kept: re-run to continue).
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterable, Iterator
from enum import StrEnum
from pathlib import Path
from typing import Any

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from eventline.cli import app

err = Console(stderr=True, highlight=False, soft_wrap=True)

SMALL_INPUT_BYTES = 2_000_000  # below this, ingest parses in one process unless --workers says otherwise


class CodeFormat(StrEnum):
    jsonl = "jsonl"
    tsv = "tsv"
    table = "table"


class ExportFormat(StrEnum):
    jsonl = "jsonl"
    parquet = "parquet"
    gdelt = "gdelt"
    icews = "icews"
    polecat = "polecat"
    plover = "plover"


MODEL_HELP = "spaCy pipeline name or path (default: the one eventline ships)."
ACTORS_HELP = "File of extra actor entries, adding to or overriding the built-in knowledge base."
DICTS_HELP = "Folder of PETRARCH-format dictionaries that replace eventline's own."


def _usage_error(message: str) -> typer.Exit:
    err.print(f"[red]eventline:[/red] {escape(message)}")  # paths and values may hold [brackets]
    return typer.Exit(2)


def _report_problem(line: str) -> None:
    err.print(f"eventline: skipped {line}", markup=False)


def _check_options(model: str | None, actors: Path | None, petrarch_dicts: Path | None) -> None:
    """Exit 2 when --model names no installed spaCy pipeline or folder, or a given file is missing."""
    import spacy.util

    if model is not None and not (Path(model).exists() or spacy.util.is_package(model)):
        raise _usage_error(f"--model {model}: not an installed spaCy pipeline nor a folder")
    for option, path in (("--actors", actors), ("--petrarch-dicts", petrarch_dicts)):
        if path is not None and not path.exists():
            raise _usage_error(f"{option} {path}: no such file or folder")


def _build_pipeline(model: str | None, actors: Path | None, petrarch_dicts: Path | None) -> Any:
    """The Pipeline, or exit 2 (options that name nothing loadable) / 1 (loading failed)."""
    import eventline

    _check_options(model, actors, petrarch_dicts)
    try:
        return eventline.Pipeline(model=model, actors=actors, petrarch_dicts=petrarch_dicts)
    except (OSError, ValueError, RuntimeError, ImportError) as exc:
        err.print(f"[red]eventline:[/red] cannot load the pipeline: {exc}")
        raise typer.Exit(1) from exc


# ------------------------------------------------------------------------------------------------------ code

TSV_COLUMNS = ["doc_id", "date", "actor", "cameo", "event", "recipient", "goldstein", "quad_class", "negated",
               "modality", "said_by", "confidence", "text"]


def _codes(entities: Iterable[dict[str, Any]] | None) -> str:
    return "+".join(str(e.get("code") or "") for e in entities or [])


def _cells(record: dict[str, Any]) -> list[str]:
    out = []
    for col in TSV_COLUMNS:
        value = record.get(col)
        if col in ("actor", "recipient", "said_by"):
            value = _codes(value)
        elif isinstance(value, bool):
            value = "true" if value else "false"
        elif value is None:
            value = ""
        out.append(" ".join(str(value).split()))
    return out


CODE_EPILOG = """Examples:

  eventline code article.txt page.html news.jsonl > events.jsonl

  eventline code ../news/ --format tsv           # folders are walked

  echo "Japan protested to North Korea." | eventline code - -f table

Exit status: 0 all read; 1 an input could not be read (named on stderr);
2 usage error."""


def _events_table(doc_id: str) -> Table:
    """One document's events for people: the codes kept short so that the sentence keeps the width."""
    table = Table(title=doc_id, title_justify="left", title_style="bold", show_lines=True)
    table.add_column("date", no_wrap=True)
    table.add_column("actor")
    table.add_column("event", no_wrap=True)
    table.add_column("recipient")
    table.add_column("sentence", ratio=1, min_width=20)
    return table


def _table_cells(record: dict[str, Any]) -> list[Text]:
    goldstein = record.get("goldstein")
    lines = [f"{record.get('cameo') or ''} {record.get('event') or ''}".strip()]
    if isinstance(goldstein, int | float):
        lines.append(f"{goldstein:+.1f}")
    lines.append(str(record.get("modality") or ""))
    if record.get("negated"):
        lines.append("negated")
    said_by = _codes(record.get("said_by"))
    sentence = " ".join(str(record.get("text") or "").split()) + (f"  (said by {said_by})" if said_by else "")
    cells = [str(record.get("date") or ""), _codes(record.get("actor")), "\n".join(lines),
             _codes(record.get("recipient")), sentence]
    return [Text(c) for c in cells]  # plain text: brackets in a sentence are not Rich markup


@app.command(epilog=CODE_EPILOG)
def code(
    inputs: list[str] = typer.Argument(..., help="Files, folders (walked recursively) or '-' for standard input."),
    fmt: CodeFormat = typer.Option(CodeFormat.jsonl, "--format", "-f", help="jsonl: one event record per line."),
    model: str | None = typer.Option(None, "--model", help=MODEL_HELP),
    petrarch_dicts: Path | None = typer.Option(None, "--petrarch-dicts", help=DICTS_HELP),
    actors: Path | None = typer.Option(None, "--actors", help=ACTORS_HELP),
) -> None:
    """Code documents without a store: event records on standard output, in document order."""
    from eventline.ingest import read

    problems: list[str] = []

    def on_problem(problem: Any) -> None:
        problems.append(str(problem))
        _report_problem(str(problem))

    pipeline = _build_pipeline(model, actors, petrarch_dicts)
    counted = _Counted(read(inputs, on_problem=on_problem))
    records = pipeline.code(counted)
    try:
        if fmt is CodeFormat.jsonl:
            for record in records:
                sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
        elif fmt is CodeFormat.tsv:
            sys.stdout.write("\t".join(TSV_COLUMNS) + "\n")
            for record in records:
                sys.stdout.write("\t".join(_cells(record)) + "\n")
        else:
            out = Console(highlight=False)
            n = 0
            table = None
            for record in records:
                if table is None or table.title != record.get("doc_id"):
                    if table is not None:
                        out.print(table)
                    table = _events_table(str(record.get("doc_id")))
                table.add_row(*_table_cells(record))
                n += 1
            out.print(table if table is not None else "no events coded")
        sys.stdout.flush()
    except BrokenPipeError:  # `eventline code ... | head`
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        raise typer.Exit(0) from None
    if counted.n == 0 and not problems:
        _warn_nothing_read(inputs)
    if problems:
        raise typer.Exit(1)


class _Counted:
    """Passes documents through, counting them."""

    def __init__(self, documents: Iterable[Any]) -> None:
        self.documents, self.n = documents, 0

    def __iter__(self) -> Iterator[Any]:
        for document in self.documents:
            self.n += 1
            yield document


def _warn_nothing_read(inputs: list[str]) -> None:
    """A folder without anything eventline reads is not an error, but it is almost always a mistake."""
    err.print(f"eventline: no documents found in {', '.join(inputs)} (eventline reads .txt, .html, .htm, .jsonl, "
              ".warc and .warc.gz files; README, LICENSE, Markdown and hidden files in folders are skipped)",
              markup=False)


# ---------------------------------------------------------------------------------------------------- ingest


def _auto_workers(inputs: list[str]) -> int:
    """All cores for big inputs; one process when the input is small (starting workers would cost more)."""
    from eventline.ingest import iter_input_files

    cores = os.cpu_count() or 1
    if cores == 1 or "-" in inputs:
        return 1
    total = 0
    for path in iter_input_files(inputs):
        try:
            total += path.stat().st_size
        except OSError:
            continue
        if total >= SMALL_INPUT_BYTES:
            return cores
    return 1


def _open_store(db: Path) -> Any:
    import duckdb

    from eventline.store import Store, StoreError

    try:
        return Store(db)
    except StoreError as exc:
        raise _usage_error(str(exc)) from exc
    except (duckdb.Error, OSError) as exc:
        raise _usage_error(f"cannot open the store {db}: {exc}") from exc


def summary_table(summary: Any, store_counts: dict[str, int] | None = None, db: Path | None = None) -> Table:
    """The end-of-ingest summary as a Rich table."""
    table = Table(title="eventline ingest" + (f": {db}" if db else ""), show_header=False, title_justify="left")
    table.add_column("what")
    table.add_column("count", justify="right")
    table.add_row("documents read", str(summary.read))
    table.add_row("  coded", str(summary.coded))
    table.add_row("  exact duplicates (stored, not coded)", str(summary.exact_duplicates))
    table.add_row("  near duplicates (stored, not coded)", str(summary.near_duplicates))
    for reason, n in sorted(summary.skipped.items()):
        table.add_row(f"  skipped: {reason}", str(n))
    if summary.unreadable:
        table.add_row("unreadable inputs (see stderr)", str(len(summary.unreadable)))
    table.add_row("events coded", str(summary.events))
    table.add_row("time", f"{summary.seconds:.1f} s")
    if store_counts:
        table.add_row(
            "store now",
            f"{store_counts['documents']} documents, {store_counts['events']} events",
        )
    return table


def run_ingest(
    inputs: list[str],
    db: Path,
    model: str | None = None,
    actors: Path | None = None,
    petrarch_dicts: Path | None = None,
    workers: int | None = None,
    batch_size: int = 64,
    from_parquet: Path | None = None,
    quiet: bool = False,
    verbose: bool = False,
    as_json: bool = False,
) -> tuple[Any, Any]:
    """The body of `eventline ingest` (also used by `demo`): returns (summary, open Store). Exits on errors."""
    from eventline.store.ingest import IngestSummary, ingest, read_into

    if workers is not None and workers < 1:
        raise _usage_error("--workers must be at least 1")
    if batch_size < 1:
        raise _usage_error("--batch-size must be at least 1")
    if from_parquet is not None and not from_parquet.is_dir():
        raise _usage_error(f"--from-parquet {from_parquet}: no such folder")
    _check_options(model, actors, petrarch_dicts)
    n_process = workers if workers is not None else _auto_workers(inputs)
    store = _open_store(db)
    summary = IngestSummary()
    if from_parquet is not None:
        from eventline.scale.parquet import load_into_store

        added = load_into_store(store.con, from_parquet)
        err.print(f"eventline: loaded {from_parquet}: {added['documents']} documents, {added['events']} events, "
                  f"{added['claims']} claims added")
        if not inputs:
            return summary, store

    def on_batch(s: IngestSummary) -> None:
        if verbose:
            err.print(f"eventline: batch {s.batches} committed: {s.stored} documents stored, {s.events} events",
                      markup=False)

    show_progress = err.is_terminal and not quiet
    progress = None
    if show_progress:
        from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

        progress = Progress(SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn(), console=err,
                            transient=True)
        task = progress.add_task("reading")
        progress.start()

    def on_document(s: IngestSummary) -> None:
        if progress is not None:
            progress.update(task, description=(
                f"{s.read} read, {s.coded} coded, {s.duplicates} duplicates, "
                f"{sum(s.skipped.values())} skipped, {s.events} events"))

    def build() -> Any:
        if progress is not None:  # loading takes seconds: say so rather than sit at "1 read"
            progress.update(task, description="loading the spaCy pipeline and the actor knowledge base")
        # loaded in the parent even for --workers N: forked workers share the model and the knowledge base
        # copy-on-write (measured on 400 Timeline17 articles, 2 workers: peak 956 MB and 47 s, against 1,072 MB
        # and 84 s when each worker loaded its own)
        return _build_pipeline(model, actors, petrarch_dicts)

    try:
        ingest(read_into(summary, inputs, _report_problem), store, build, inputs=inputs, batch_size=batch_size,
               n_process=n_process, summary=summary, on_document=on_document, on_batch=on_batch)
    except KeyboardInterrupt:
        if progress is not None:
            progress.stop()
        err.print(f"eventline: interrupted; {summary.batches} batches were committed. Run the same command again "
                  "to continue.")
        store.close()
        raise typer.Exit(130) from None
    finally:
        if progress is not None:
            progress.stop()
    if inputs and summary.read == 0 and not summary.unreadable:
        _warn_nothing_read(inputs)
    if as_json:
        sys.stdout.write(json.dumps({**summary.as_dict(), "store": store.counts()}) + "\n")
    elif not quiet:
        Console().print(summary_table(summary, store.counts(), db))
    return summary, store


INGEST_EPILOG = """Examples:

  eventline ingest ../news/ --db news.duckdb     # re-runs skip what is in

  eventline ingest crawl.warc.gz --db news.duckdb --workers 2

  eventline ingest examples/ --db ex.duckdb --json   # summary as JSON

Exit status: 0 all read; 1 an input could not be read (named on stderr);
2 usage error."""


@app.command("ingest", epilog=INGEST_EPILOG)
def ingest_command(
    inputs: list[str] = typer.Argument(None, help="Files, folders (walked recursively) or '-' for standard input."),
    db: Path = typer.Option(..., "--db", help="The store (a DuckDB file; created when missing)."),
    model: str | None = typer.Option(None, "--model", help=MODEL_HELP),
    actors: Path | None = typer.Option(None, "--actors", help=ACTORS_HELP),
    petrarch_dicts: Path | None = typer.Option(None, "--petrarch-dicts", help=DICTS_HELP),
    workers: int | None = typer.Option(
        None, "--workers", "-w", help="Parsing processes (default: all cores; one for small inputs or stdin)."),
    batch_size: int = typer.Option(64, "--batch-size", help="Documents per committed batch."),
    from_parquet: Path | None = typer.Option(
        None, "--from-parquet", help="Also load a folder written by `eventline spark` (see docs/scale.md)."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress and no summary."),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="A line on stderr for each committed batch."),
    as_json: bool = typer.Option(False, "--json", help="Print the summary as one JSON object."),
) -> None:
    """Code documents into a store. Re-running skips what is already in; an interrupted run continues."""
    inputs = list(inputs or [])
    if not inputs and from_parquet is None:
        raise _usage_error("ingest needs INPUT... (files, folders or '-') or --from-parquet DIR")
    summary, store = run_ingest(inputs, db, model, actors, petrarch_dicts, workers, batch_size, from_parquet,
                                quiet, verbose, as_json)
    store.close()
    if summary.unreadable:
        raise typer.Exit(1)


# ---------------------------------------------------------------------------------------------------- export


EXPORT_EPILOG = """Examples:

  eventline export --db news.duckdb --format gdelt --out out/

  eventline export --db news.duckdb --format icews --out out/

  eventline export --db news.duckdb --format jsonl --out - | head

Layouts and columns: docs/analysis.md (Exports)."""


@app.command("export", epilog=EXPORT_EPILOG)
def export_command(
    db: Path = typer.Option(..., "--db", help="The store to export."),
    fmt: ExportFormat = typer.Option(..., "--format", "-f", help="jsonl, parquet (year=/month= folders), or a "
                                     "standard layout: gdelt, icews, polecat, plover."),
    out: str = typer.Option(..., "--out", help="Output folder; for jsonl a file ('-': standard output) or a "
                            "folder (written to FOLDER/eventline.jsonl)."),
    overwrite: bool = typer.Option(False, "--overwrite", help="Replace the contents of a non-empty output folder."),
) -> None:
    """Write the store's event records in a standard layout."""
    import duckdb

    from eventline.store import Store, StoreError
    from eventline.store.export import ExportError, export

    if not db.exists():
        raise _usage_error(f"--db {db}: no such store")
    target = Path(out)
    if fmt is ExportFormat.jsonl and out != "-" and (out.endswith(("/", os.sep)) or target.is_dir()):
        target = target / "eventline.jsonl"  # `--out out/` as for the other formats
    try:
        store = Store(db, read_only=True)
    except StoreError as exc:
        raise _usage_error(str(exc)) from exc
    except duckdb.Error as exc:
        raise _usage_error(f"cannot open the store {db}: {exc}") from exc
    try:
        files = export(store.con, fmt.value, target, overwrite=overwrite)
    except ExportError as exc:
        raise _usage_error(str(exc)) from exc
    except OSError as exc:  # --out under a file, no permission, ...: a bad value for --out
        err.print(f"eventline: --out {out}: cannot write there: {exc}", markup=False)
        raise typer.Exit(2) from exc
    finally:
        store.close()
    if out == "-":
        return
    if not files:
        err.print(f"eventline: the store has no events; nothing written to {out}", markup=False)
    elif len(files) <= 4:
        err.print("eventline: wrote " + ", ".join(str(f) for f in files), markup=False)
    else:
        err.print(f"eventline: wrote {len(files)} files under {target}", markup=False)


# ------------------------------------------------------------------------------------------------------ demo


def program_name(argv0: str | None = None) -> str:
    """How to call eventline again from this shell: `eventline` when that name on PATH is this program, else the
    path it was started by (`make demo` runs `.venv/bin/eventline`, which is not on PATH until the venv is active)."""
    import shutil

    argv0 = argv0 if argv0 is not None else sys.argv[0]
    if Path(argv0).name != "eventline":  # run some other way (python -m, a test runner)
        return "eventline"
    on_path = shutil.which("eventline")
    if on_path and Path(on_path).resolve() == Path(argv0).resolve():
        return "eventline"
    return argv0


def examples_dir() -> Path | None:
    """The bundled example corpus: `examples/` beside the package's source tree, else in the current folder."""
    import eventline

    candidates = [Path(eventline.__file__).resolve().parents[2] / "examples", Path.cwd() / "examples"]
    for candidate in candidates:
        if candidate.is_dir() and any(_files(candidate)):
            return candidate
    return None


def _files(folder: Path) -> Iterator[Path]:
    return (p for p in folder.rglob("*")
            if p.is_file() and not any(part.startswith(".") for part in p.relative_to(folder).parts))


def _demo_report() -> Any:
    try:
        import eventline.analysis as analysis
    except ImportError:
        return None
    report = getattr(analysis, "demo_report", None)
    if report is None:
        try:
            from eventline.analysis.demo import demo_report as report
        except ImportError:
            return None
    return report


DEMO_EPILOG = """Examples:

  eventline demo                          # what `make demo` runs

  eventline demo --db /tmp/demo.duckdb

It ends with the `eventline serve` command that opens the dashboard."""


@app.command(epilog=DEMO_EPILOG)
def demo(
    db: Path = typer.Option(Path("eventline-demo.duckdb"), "--db", help="Store to fill (created when missing)."),
    model: str | None = typer.Option(None, "--model", help=MODEL_HELP),
    workers: int | None = typer.Option(None, "--workers", "-w", help="Parsing processes."),
) -> None:
    """The main job on the bundled examples: code them into a store, show a dyad timeline, say how to browse."""
    folder = examples_dir()
    if folder is None:
        err.print("[red]eventline:[/red] the bundled examples/ folder is missing or empty")
        raise typer.Exit(1)
    out = Console(soft_wrap=True)
    out.print(f"eventline demo: coding the example corpus in {folder} into {db}")
    inputs = [str(p) for p in sorted(_files(folder)) if not p.name.upper().startswith("README")]
    summary, store = run_ingest(inputs, db, model=model, workers=workers)
    try:
        report = _demo_report()
        if report is not None:
            rendered = report(store.con)
            if rendered is not None:
                out.print()
                out.print(rendered, markup=False, highlight=False)  # news text may hold [brackets]
    finally:
        store.close()
    command = escape(f"{program_name()} serve --db {db}")
    out.print(f"\nBrowse the events and the dashboard:  [bold]{command}[/bold]")
    if summary.unreadable:
        raise typer.Exit(1)
