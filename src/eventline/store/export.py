"""Writing a store's event records out: `jsonl` (one record per line, valid against event.schema.json) and
`parquet` (Hive-partitioned `year=YYYY/month=M/`, month 0 when the event date gives only a year; the same layout
as `eventline.scale.parquet`). The standard layouts of other tools (gdelt, icews, polecat, plover) are written by
`eventline.analysis.exports.EXPORTERS`; `export()` dispatches to them.

Every exporter has the shape `(con, out) -> list of files written`.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path

import duckdb

from eventline.store.store import iter_event_records

Exporter = Callable[[duckdb.DuckDBPyConnection, Path], list[Path]]

OWN_FORMATS = ("jsonl", "parquet")
ANALYSIS_FORMATS = ("gdelt", "icews", "polecat", "plover")
FORMATS = OWN_FORMATS + ANALYSIS_FORMATS


class ExportError(Exception):
    """The export cannot be done as asked; the message says why."""


def export_jsonl(con: duckdb.DuckDBPyConnection, out: Path) -> list[Path]:
    """One event record per line, in document order. `out` '-' writes to standard output."""
    if str(out) == "-":
        for record in iter_event_records(con):
            sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
        return []
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(out.name + ".part")
    with tmp.open("w", encoding="utf-8") as f:
        for record in iter_event_records(con):
            f.write(json.dumps(record, ensure_ascii=False) + "\n")
    tmp.replace(out)
    return [out]


def export_parquet(con: duckdb.DuckDBPyConnection, out: Path, overwrite: bool = False) -> list[Path]:
    """Event rows as Parquet under `out/year=YYYY/month=M/`. Nested fields stay nested (actor, recipient and
    said_by are lists of structs), CAMEO codes are strings, `extra` is a JSON string. `out` must be absent or
    empty unless `overwrite` (which replaces its contents)."""
    if out.exists() and not out.is_dir():
        raise ExportError(f"{out} is a file; parquet export writes a folder")
    if out.is_dir() and any(out.iterdir()) and not overwrite:
        raise ExportError(f"{out} is not empty; choose an empty folder or pass --overwrite")
    out.mkdir(parents=True, exist_ok=True)
    if con.execute("SELECT count(*) FROM events").fetchone()[0] == 0:
        return []
    target = str(out).replace("'", "''")
    con.execute(
        f"""COPY (
            SELECT * EXCLUDE (run_id, extra), CAST(extra AS VARCHAR) AS extra,
                   CAST(substr(date, 1, 4) AS INTEGER) AS year,
                   CASE WHEN length(date) >= 7 THEN CAST(substr(date, 6, 2) AS INTEGER) ELSE 0 END AS month
            FROM events ORDER BY date, doc_id, sentence_index, id
        ) TO '{target}' (FORMAT parquet, PARTITION_BY (year, month), OVERWRITE_OR_IGNORE true,
                         FILENAME_PATTERN 'events_{{i}}')"""
    )
    return sorted(out.glob("year=*/month=*/*.parquet"))


def analysis_exporter(fmt: str) -> Exporter:
    """The exporter `eventline.analysis.exports.EXPORTERS[fmt]`, or ExportError saying what is missing."""
    try:
        from eventline.analysis.exports import EXPORTERS
    except ModuleNotFoundError as exc:
        if exc.name != "eventline.analysis.exports":
            raise
        raise ExportError(f"export format {fmt!r} is not available in this version (no analysis.exports)") from None
    if fmt not in EXPORTERS:
        raise ExportError(f"export format {fmt!r} is not available; known: {', '.join(sorted(EXPORTERS))}")
    return EXPORTERS[fmt]


def export(con: duckdb.DuckDBPyConnection, fmt: str, out: Path, overwrite: bool = False) -> list[Path]:
    """Writes the store in format `fmt` to `out`; returns the files written."""
    if fmt == "jsonl":
        return export_jsonl(con, out)
    if fmt == "parquet":
        return export_parquet(con, out, overwrite=overwrite)
    if fmt in ANALYSIS_FORMATS:
        return analysis_exporter(fmt)(con, out)
    raise ExportError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")


__all__ = ["ANALYSIS_FORMATS", "FORMATS", "ExportError", "export", "export_jsonl", "export_parquet"]
