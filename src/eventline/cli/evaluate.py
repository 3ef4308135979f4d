"""`eventline eval`: functional suites from the command line.

    eventline eval petrarch-suite DIR [--format table|json] [--failures] [--limit N]
        codes a PETRARCH / UD-PETRARCH validation suite (its records and dictionaries in DIR) with eventline's
        own parser and the suite's dictionaries, and scores it as the suite's harness does: recall, precision,
        crashes, per category. Exits 1 when a record crashed.
"""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path

import typer

from eventline.cli import app

eval_app = typer.Typer(name="eval", help="Score eventline on functional validation suites.", no_args_is_help=True)
app.add_typer(eval_app, name="eval")

PEERS = {"UD-PETRARCH": (0.856, 0.88), "PETRARCH-2": (0.50, 0.68)}


class Fmt(StrEnum):
    table = "table"
    json = "json"


@eval_app.command("petrarch-suite")
def petrarch_suite(
    folder: Path = typer.Argument(..., help="Folder with the suite's records XML and its PETRARCH dictionaries."),
    fmt: Fmt = typer.Option(Fmt.table, "--format", "-f"),
    failures: bool = typer.Option(False, "--failures", help="Also list the records coded wrongly."),
    limit: int | None = typer.Option(None, "--limit", help="Only the first N records."),
) -> None:
    """Recall, precision, crashes and per-category results on a PETRARCH validation suite."""
    from eventline.coding.petrarch.suite import run

    if not folder.is_dir():
        typer.echo(f"error: {folder} is not a folder", err=True)
        raise typer.Exit(2)
    result = run(folder, limit=limit)
    if fmt is Fmt.json:
        data = result.as_dict()
        if failures:
            data["failures"] = result.failures
        typer.echo(json.dumps(data, ensure_ascii=False))
    else:
        from rich.console import Console
        from rich.table import Table

        table = Table("category", "records", "correct", "not coded", "extra", "recall", "precision",
                      title=f"PETRARCH suite: {folder.name}")
        for cat, v in result.as_dict()["categories"].items():
            table.add_row(cat, str(v["records"]), str(v["correct"]), str(v["not_coded"]), str(v["extra"]),
                          _pct(v["recall"]), _pct(v["precision"]))
        table.add_row("all", str(result.records), str(result.correct), str(result.not_coded), str(result.extra),
                      _pct(result.recall), _pct(result.precision))
        out = Console()
        out.print(table)
        out.print(f"crashes: {result.crashes}; unreachable (codes outside CAMEO): {result.unreachable}; peers: "
                  + ", ".join(f"{k} {r:.1%} recall / {p:.0%} precision" for k, (r, p) in PEERS.items()))
        if failures:
            for f in result.failures:
                out.print(f"{f['id']}: missed {f['missed']} extra {f['extra']}  {f['text'][:100]}")
    if result.crashes:
        raise typer.Exit(1)


def _pct(v: float | None) -> str:
    return "-" if v is None else f"{v:.1%}"
