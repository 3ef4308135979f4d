"""`eventline spark`: the Spark runner on the command line."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.console import Console

from eventline.cli import app

err = Console(stderr=True)


@app.command()
def spark(
    inputs: list[str] = typer.Argument(..., help="Files or folders to code (each file is one Spark task)."),
    out: Path = typer.Option(..., "--out", help="Output folder: Hive-partitioned Parquet (year=/month=)."),
    master: str = typer.Option("local[2]", "--master", help="Spark master URL, e.g. local[2], yarn, spark://..."),
    model: str | None = typer.Option(None, "--model", help="spaCy pipeline name or path (default: shipped)."),
    actors: Path | None = typer.Option(None, "--actors", help="Extra actor entries (see docs/actors.md)."),
) -> None:
    """Code a corpus on Spark: one task per input file, deterministic Parquet output, finished inputs skipped."""
    from eventline.scale.spark import require_pyspark, run_spark

    try:
        require_pyspark()
    except RuntimeError as exc:
        err.print(f"[red]eventline spark:[/red] {exc}")
        raise typer.Exit(2) from exc
    missing = [i for i in inputs if i != "-" and not Path(i).exists()]
    for m in missing:
        err.print(f"eventline: skipped {m}: no such file or folder")
    present = [i for i in inputs if i not in missing]
    run = run_spark(present, out, master=master, model=model, actors=str(actors) if actors else None)
    problems = [r for r in run.coded if r.get("problems")]
    for r in problems:
        err.print(f"eventline: {r['problems']}")
    err.print(
        f"coded {len(run.coded)} input(s): {run.documents} documents, {run.events} events; "
        f"{len(run.skipped_done)} already done; output in {run.out_dir}"
    )
    if missing or problems:
        raise typer.Exit(1)
