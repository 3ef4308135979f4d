"""`eventline timeline`, `eventline shifts` and `eventline claims`: the analysis layer on a store, as a table for
people or JSON for scripts (the same dicts the Python API and the web API return)."""

from __future__ import annotations

import json
import re
from enum import StrEnum
from pathlib import Path
from typing import Any

import typer

from eventline.cli import app


class Output(StrEnum):
    table = "table"
    json = "json"


class By(StrEnum):
    day = "day"
    week = "week"
    month = "month"
    year = "year"


DB_HELP = "The store (a DuckDB file written by `eventline ingest`)."
FORMAT_HELP = "table for people, json for scripts."


def _fail(message: str) -> typer.Exit:
    typer.echo(f"eventline: {message}", err=True)
    return typer.Exit(2)


def _connect(db: Path) -> Any:
    import duckdb

    from eventline.store import StoreError, require_store

    if not db.exists():
        raise _fail(f"--db {db}: no such store")
    try:
        con = duckdb.connect(str(db), read_only=True)
    except duckdb.Error as exc:
        raise _fail(f"cannot open the store {db}: {exc}") from exc
    try:
        require_store(con, db)
    except StoreError as exc:
        con.close()
        raise _fail(str(exc)) from exc
    return con


CODE = re.compile(r"[A-Za-z0-9]{3,15}")


def _code(value: str | None) -> str | None:
    """A country or actor code as typed, or a usage error (exit 2) for anything else."""
    if value is not None and not CODE.fullmatch(value):
        raise typer.BadParameter(f"{value!r} is not a country or actor code (3 to 15 letters or digits: PRK, PRKGOV)")
    return value


def _emit(data: Any, fmt: Output, text: str) -> None:
    if fmt is Output.json:
        typer.echo(json.dumps(data, ensure_ascii=False, indent=2, default=str))
    else:
        typer.echo(text)


TIMELINE_EPILOG = """Examples:

  eventline timeline PRK JPN --db news.duckdb    # by month, both ways

  eventline timeline PRKGOV JPN --db news.duckdb --by year --top 1

  eventline timeline PRK JPN --db news.duckdb --start 2024 --format json

How codes match actors: docs/analysis.md (Actor codes)."""


@app.command(epilog=TIMELINE_EPILOG)
def timeline(
    a: str = typer.Argument(..., callback=_code, help="Country code (PRK) or actor code (PRKGOV)."),
    b: str = typer.Argument(..., callback=_code, help="Country code or actor code of the other side."),
    db: Path = typer.Option(..., "--db", help=DB_HELP),
    by: By = typer.Option(By.month, "--by", help="Period length."),
    fmt: Output = typer.Option(Output.table, "--format", "-f", help=FORMAT_HELP),
    normalise: bool = typer.Option(False, "--normalise", "--normalize",
                                   help="Also give each count as a share of all events coded in the period."),
    start: str | None = typer.Option(None, "--start", help="First date (YYYY, YYYY-MM or YYYY-MM-DD)."),
    end: str | None = typer.Option(None, "--end", help="Last date (YYYY, YYYY-MM or YYYY-MM-DD)."),
    top: int = typer.Option(3, "--top", min=0, help="Top events shown per period."),
    one_a_day: bool = typer.Option(False, "--one-a-day", help="Count one event per date, dyad and CAMEO code."),
) -> None:
    """Both directions of a dyad over time: counts by quad class and PLOVER category, Goldstein, top events."""
    from eventline.analysis.render import series_text
    from eventline.analysis.timeline import dyad_series

    if a.upper() == b.upper():
        raise _fail(f"a dyad needs two different codes, not {a.upper()} twice")
    con = _connect(db)
    try:
        series = dyad_series(con, a, b, by=by.value, normalise=normalise, start=start, end=end, top=top,
                             one_a_day=one_a_day)
    except ValueError as exc:
        raise _fail(str(exc)) from exc
    finally:
        con.close()
    _emit(series, fmt, series_text(series))


SHIFTS_EPILOG = """Examples:

  eventline shifts PRK JPN --db news.duckdb   # North Korea toward Japan

  eventline shifts --db news.duckdb --min-certainty 0.9   # every dyad

  eventline shifts PRK --db news.duckdb --by year --format json

The rule and the certainty: docs/analysis.md (Stance shifts)."""


@app.command(epilog=SHIFTS_EPILOG)
def shifts(
    a: str | None = typer.Argument(None, callback=_code,
                                   help="Acting side: country or actor code (all when omitted)."),
    b: str | None = typer.Argument(None, callback=_code,
                                   help="Receiving side: country or actor code (all when omitted)."),
    db: Path = typer.Option(..., "--db", help=DB_HELP),
    by: By = typer.Option(By.month, "--by", help="Period length compared."),
    fmt: Output = typer.Option(Output.table, "--format", "-f", help=FORMAT_HELP),
    window: int = typer.Option(1, "--window", min=1, help="Non-empty periods compared on each side of a change."),
    min_certainty: float = typer.Option(0.0, "--min-certainty", min=0.0, max=1.0,
                                        help="Leave out shifts less sure than this (0 to 1)."),
) -> None:
    """Where a directed dyad's stance changed, with the evidence before and after."""
    from eventline.analysis.render import shifts_text
    from eventline.analysis.shifts import find_shifts

    con = _connect(db)
    try:
        found = [s for s in find_shifts(con, a, b, by=by.value, window=window) if s["certainty"] >= min_certainty]
    except ValueError as exc:
        raise _fail(str(exc)) from exc
    finally:
        con.close()
    title = "Stance shifts" + (f" {a.upper()} ->" if a else "") + (f" {b.upper()}" if b else "")
    _emit(found, fmt, shifts_text(found, title=title))


CLAIMS_EPILOG = """Examples:

  eventline claims --db news.duckdb

  eventline claims --db news.duckdb --disputed --format json

Grouping and disputes: docs/analysis.md (Numeric claims)."""


@app.command(epilog=CLAIMS_EPILOG)
def claims(
    db: Path = typer.Option(..., "--db", help=DB_HELP),
    fmt: Output = typer.Option(Output.table, "--format", "-f", help=FORMAT_HELP),
    disputed: bool = typer.Option(False, "--disputed", help="Only groups whose claimants disagree."),
) -> None:
    """Numeric claims with who claims them, grouped by what they count; disputed groups first."""
    from eventline.analysis.claims import claim_groups
    from eventline.analysis.render import claims_text

    con = _connect(db)
    try:
        groups = claim_groups(con)
    finally:
        con.close()
    if disputed:
        groups = [g for g in groups if g["disputed"]]
    _emit(groups, fmt, claims_text(groups))
