"""The DuckDB file: opening it, creating the schema, writing documents with their events in one transaction.

Minimal first version; the foundation issue completes it (runs, resume, duplicates, exports).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import duckdb

from eventline.ingest import Document
from eventline.store.schema import DDL, SCHEMA_VERSION

EVENT_COLUMNS = [
    "id", "doc_id", "url", "publisher", "pub_date", "date", "date_basis", "actor", "recipient", "cameo", "event",
    "mode", "context", "goldstein", "quad_class", "negated", "modality", "said_by", "text", "sentence_index",
    "span", "trigger", "confidence", "location", "coder",
]


class Store:
    """A DuckDB store. `read_only=True` for the API and analysis; writers hold the only write connection."""

    def __init__(self, path: str | Path, read_only: bool = False) -> None:
        self.path = Path(path)
        if read_only and not self.path.exists():
            raise FileNotFoundError(f"no eventline store at {self.path}")
        self.con = duckdb.connect(str(self.path), read_only=read_only)
        if not read_only:
            for stmt in DDL:
                self.con.execute(stmt)
            self.con.execute(
                "INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", [str(SCHEMA_VERSION)]
            )

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.con.close()

    def insert_documents(self, documents: Iterable[Document], run_id: str | None = None) -> None:
        rows = [
            (d.id, d.title, d.publisher, d.url, d.pub_date, d.source, d.content_hash, d.duplicate_of, d.text,
             None, None, run_id)
            for d in documents
        ]
        if rows:
            self.con.executemany(
                "INSERT OR IGNORE INTO documents VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, now())", rows
            )

    def insert_events(self, records: Iterable[dict[str, Any]], run_id: str | None = None) -> None:
        rows = []
        for r in records:
            extra = {k: v for k, v in r.items() if k not in EVENT_COLUMNS}
            rows.append([r.get(c) for c in EVENT_COLUMNS] + [json.dumps(extra) if extra else None, run_id])
        if rows:
            marks = ", ".join("?" * (len(EVENT_COLUMNS) + 2))
            self.con.executemany(f"INSERT OR IGNORE INTO events VALUES ({marks})", rows)
