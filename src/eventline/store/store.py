"""The DuckDB file: opening it (creating or upgrading the schema), writing batches of documents with their events
and claims in one transaction, bookkeeping of ingest runs, and reading event records back as dicts valid against
event.schema.json.

Writers: one process holds the only write connection (DuckDB locks the file). Every batch is one transaction,
so a writer killed at any moment leaves whole batches only; DuckDB's write-ahead log is replayed on the next open.
Readers (API, analysis, exports) open with `read_only=True` and use `event_records` / `iter_event_records`, which
turn DuckDB rows back into plain JSON-ready records.

Knows nothing about parsing or coding: it stores what it is given.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from eventline.ingest import Document
from eventline.store.schema import (
    DDL,
    ENTITY_FIELDS,
    ENTITY_MARKS,
    MIGRATIONS,
    SCHEMA_VERSION,
    apply_entity_marks,
    split_entity_marks,
)

# Columns of `events` that hold fields of the event record; any other field of a record goes to `extra` (JSON).
EVENT_COLUMNS = [
    "id", "doc_id", "url", "publisher", "pub_date", "date", "date_basis", "actor", "recipient", "cameo", "event",
    "mode", "context", "goldstein", "quad_class", "negated", "modality", "said_by", "text", "sentence_index",
    "span", "trigger", "confidence", "location", "coder",
]
# Fields event.schema.json requires: always present in records read back, even when null.
REQUIRED_EVENT_FIELDS = frozenset({
    "id", "doc_id", "date", "date_basis", "actor", "recipient", "cameo", "event", "goldstein", "quad_class",
    "negated", "modality", "said_by", "text", "span", "confidence",
})
# Optional fields whose value may be null in the schema; other optional fields are left out when null.
NULLABLE_EVENT_FIELDS = frozenset({"url", "publisher", "pub_date", "mode", "location"})

CLAIM_COLUMNS = [
    "id", "doc_id", "sentence_index", "text", "span", "value", "qualifier", "counted", "subject_key", "claimant",
    "date",
]

DOCUMENT_ORDER = "doc_id, sentence_index NULLS LAST, span[1] NULLS LAST, id"


WRITER_MEMORY_LIMIT = "64MB"


class StoreError(Exception):
    """The store cannot be used as asked (newer schema, missing file, ...); the message says why."""


STORE_TABLES = ("documents", "events")  # what a file needs to be read as a store


def require_store(con: duckdb.DuckDBPyConnection, path: str | Path) -> None:
    """StoreError unless `con` holds an eventline store (a DuckDB file `eventline ingest` wrote), so that readers
    say so instead of failing on a missing table later."""
    names = {row[0] for row in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
    missing = [table for table in STORE_TABLES if table not in names]
    if missing:
        raise StoreError(f"{path} is a DuckDB file but not an eventline store (no {' or '.join(missing)} table); "
                         f"`eventline ingest INPUT... --db {path}` creates a store")


class Store:
    """A DuckDB store. `read_only=True` for the API and analysis; writers hold the only write connection.

    Writing:   write_batch(items, run_id, run_counts)   documents + events + claims (+ run counters), one transaction
               start_run(...) / finish_run(...)          the `runs` table
    Reading:   event_records(where, params, ...)        schema-valid dicts; iter_event_records streams them
               known_documents(), counts(), document(doc_id), claim_records(...)
    `con` is the DuckDB connection, for queries of your own.
    """

    def __init__(self, path: str | Path, read_only: bool = False) -> None:
        self.path = Path(path)
        self.read_only = read_only
        if read_only and not self.path.exists():
            raise FileNotFoundError(f"no eventline store at {self.path}")
        if not read_only and self.path.parent and not self.path.parent.exists():
            self.path.parent.mkdir(parents=True, exist_ok=True)
        # A writer only appends batches: a small buffer pool is enough, and DuckDB's default (most of the
        # machine's memory) would keep every page it touched while coding processes need the memory.
        config = {} if read_only else {"memory_limit": WRITER_MEMORY_LIMIT}
        self.con = duckdb.connect(str(self.path), read_only=read_only, config=config)
        self._arrow_schemas: dict[str, pa.Schema] = {}
        if not read_only:
            self._create_or_upgrade()
        else:
            try:
                require_store(self.con, self.path)
            except StoreError:
                self.con.close()
                raise

    def _create_or_upgrade(self) -> None:
        for stmt in DDL:
            self.con.execute(stmt)
        found = self.schema_version
        if found is not None and found > SCHEMA_VERSION:
            self.con.close()
            raise StoreError(
                f"{self.path} was written by a newer eventline (store schema {found}, this one knows "
                f"{SCHEMA_VERSION}); upgrade eventline to write to it"
            )
        for stmt in MIGRATIONS:
            self.con.execute(stmt)
        self.con.execute("INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", [str(SCHEMA_VERSION)])

    @property
    def schema_version(self) -> int | None:
        """The schema version recorded in the file (None for a file without one)."""
        try:
            row = self.con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        except duckdb.CatalogException:
            return None
        return int(row[0]) if row else None

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.con.close()

    # ----------------------------------------------------------------------------------------------- writing

    def insert_documents(
        self,
        documents: Iterable[Document],
        run_id: str | None = None,
        minhashes: Mapping[str, Sequence[int] | None] | None = None,
        n_sentences: Mapping[str, int | None] | None = None,
        duplicate_kinds: Mapping[str, str] | None = None,
    ) -> int:
        """Adds documents not yet stored (by id); returns how many rows were given. Not a transaction by itself:
        use `write_batch` to write a batch atomically."""
        now = datetime.now()
        rows = []
        for d in _unique_by_id(documents, key=lambda d: d.id):
            rows.append({
                "id": d.id, "title": d.title, "publisher": d.publisher, "url": d.url, "pub_date": _as_date(d.pub_date),
                "source": d.source, "content_hash": d.content_hash, "duplicate_of": d.duplicate_of, "text": d.text,
                "minhash": list(minhashes[d.id]) if minhashes and minhashes.get(d.id) is not None else None,
                "n_sentences": n_sentences.get(d.id) if n_sentences else None,
                "run_id": run_id, "ingested_at": now,
                "duplicate_kind": (duplicate_kinds or {}).get(d.id) or ("exact" if d.duplicate_of else None),
            })
        self._insert_rows("documents", rows)
        return len(rows)

    def insert_events(self, records: Iterable[dict[str, Any]], run_id: str | None = None) -> int:
        """Adds event records (dicts per event.schema.json; fields beyond the columns are kept in `extra`).
        A record whose id is already stored is ignored. Returns how many rows were given."""
        rows = [_event_row(r, run_id) for r in _unique_by_id(records, key=lambda r: r["id"])]
        self._insert_rows("events", rows)
        return len(rows)

    def insert_claims(self, claims: Iterable[dict[str, Any]], run_id: str | None = None) -> int:
        """Adds numeric claims (dicts with the `claims` columns; other keys go to `extra`)."""
        rows = []
        for c in _unique_by_id(claims, key=lambda c: c["id"]):
            row = {k: c.get(k) for k in CLAIM_COLUMNS}
            extra = {k: v for k, v in c.items() if k not in CLAIM_COLUMNS}
            row["extra"] = json.dumps(extra, default=str) if extra else None
            row["run_id"] = run_id
            rows.append(row)
        self._insert_rows("claims", rows)
        return len(rows)

    def write_batch(
        self,
        items: Iterable[Any],
        run_id: str | None = None,
        minhashes: Mapping[str, Sequence[int] | None] | None = None,
        duplicate_kinds: Mapping[str, str] | None = None,
        run_counts: Mapping[str, Any] | None = None,
    ) -> tuple[int, int]:
        """Writes one batch in ONE transaction: all of it or (if anything fails or the process dies) none of it.

        items: CodedDocument (from `Pipeline.process`: its document, events and claims are written) or a plain
        Document (written without events, e.g. a duplicate). minhashes: document id -> MinHash hash values.
        run_counts: columns of this run's `runs` row to set in the same transaction, so the row always agrees
        with what is stored. Returns (documents, events) written.
        """
        documents: list[Document] = []
        events: list[dict[str, Any]] = []
        claims: list[dict[str, Any]] = []
        n_sentences: dict[str, int | None] = {}
        for item in items:
            document = getattr(item, "document", item)
            documents.append(document)
            events.extend(getattr(item, "events", None) or [])
            claims.extend(getattr(item, "claims", None) or [])
            if getattr(item, "n_sentences", None) is not None:
                n_sentences[document.id] = item.n_sentences
        self.con.begin()
        try:
            n_docs = self.insert_documents(documents, run_id, minhashes, n_sentences, duplicate_kinds)
            n_events = self.insert_events(events, run_id)
            self.insert_claims(claims, run_id)
            if run_id is not None and run_counts:
                self._update_run(run_id, run_counts)
            self.con.commit()
        except BaseException:
            self.con.rollback()
            raise
        return n_docs, n_events

    def _insert_rows(self, table: str, rows: list[dict[str, Any]]) -> None:
        if not rows:
            return
        batch = pa.Table.from_pylist(rows, schema=self._arrow_schema(table))
        name = f"_eventline_{table}_batch"
        self.con.register(name, batch)
        try:
            self.con.execute(f"INSERT OR IGNORE INTO {table} BY NAME SELECT * FROM {name}")
        finally:
            self.con.unregister(name)

    def _arrow_schema(self, table: str) -> pa.Schema:
        if table not in self._arrow_schemas:
            schema = self.con.sql(f"SELECT * FROM {table} LIMIT 0").to_arrow_table().schema
            # Strip DuckDB's extension types (JSON) to plain strings so rows can be built from Python values.
            fields = [pa.field(f.name, pa.string()) if table_json_column(table, f.name) else f for f in schema]
            self._arrow_schemas[table] = pa.schema(fields)
        return self._arrow_schemas[table]

    # -------------------------------------------------------------------------------------------------- runs

    def start_run(self, inputs: Sequence[str], coder: str | None = None, workers: int | None = None) -> str:
        """Records a new ingest run and returns its id. Runs left 'running' by a writer that died are marked
        'interrupted' (only one writer can hold the file, so they cannot still be running)."""
        run_id = f"{datetime.now():%Y%m%dT%H%M%S}-{uuid.uuid4().hex[:8]}"
        self.con.begin()
        self.con.execute("UPDATE runs SET status = 'interrupted' WHERE status = 'running'")
        self.con.execute(
            "INSERT INTO runs (run_id, started_at, inputs, documents_read, documents_skipped, duplicates, "
            "near_duplicates, unreadable, events, coder, status, workers) "
            "VALUES (?, now(), ?, 0, 0, 0, 0, 0, 0, ?, 'running', ?)",
            [run_id, [str(i) for i in inputs], coder, workers],
        )
        self.con.commit()
        return run_id

    def finish_run(self, run_id: str, status: str = "finished", counts: Mapping[str, Any] | None = None) -> None:
        """Closes a run: its status ('finished', 'interrupted', 'failed') and final counters."""
        values = dict(counts or {})
        values["status"] = status
        self._update_run(run_id, values, finished=True)

    def _update_run(self, run_id: str, values: Mapping[str, Any], finished: bool = False) -> None:
        allowed = {"documents_read", "documents_skipped", "duplicates", "near_duplicates", "unreadable", "events",
                   "status", "skipped", "workers", "coder"}
        unknown = set(values) - allowed
        if unknown:
            raise ValueError(f"not run columns: {sorted(unknown)}")
        cols = list(values)
        params = [json.dumps(values[c]) if c == "skipped" else values[c] for c in cols]
        sets = ", ".join(f"{c} = ?" for c in cols)
        if finished:
            sets += ", finished_at = now()"
        self.con.execute(f"UPDATE runs SET {sets} WHERE run_id = ?", [*params, run_id])

    def runs(self) -> list[dict[str, Any]]:
        """Ingest runs, oldest first, as dicts (timestamps as ISO strings, `skipped` as a dict)."""
        cur = self.con.execute("SELECT * FROM runs ORDER BY started_at, run_id")
        out = []
        for row in _dict_rows(cur):
            row["skipped"] = json.loads(row["skipped"]) if row.get("skipped") else {}
            for k in ("started_at", "finished_at"):
                row[k] = row[k].isoformat() if row[k] else None
            out.append(row)
        return out

    # ----------------------------------------------------------------------------------------------- reading

    def known_documents(self) -> dict[str, str]:
        """Stored document ids with their content hashes."""
        return dict(self.con.execute("SELECT id, content_hash FROM documents").fetchall())

    def known_hashes(self) -> set[str]:
        """Content hashes of stored documents."""
        return {h for (h,) in self.con.execute("SELECT DISTINCT content_hash FROM documents").fetchall()}

    def originals(self) -> Iterator[tuple[str, str, list[int] | None]]:
        """(id, content_hash, minhash) of stored documents that are not duplicates, in ingest order: what a
        Deduplicator must remember to find copies across runs."""
        cur = self.con.execute(
            "SELECT id, content_hash, minhash FROM documents WHERE duplicate_of IS NULL "
            "ORDER BY ingested_at, id"
        )
        while rows := cur.fetchmany(10_000):
            yield from rows

    def counts(self) -> dict[str, int]:
        """Rows per kind: documents (all), originals, exact and near duplicates, events, claims, runs."""
        row = self.con.execute(
            """SELECT
                (SELECT count(*) FROM documents),
                (SELECT count(*) FROM documents WHERE duplicate_of IS NULL),
                (SELECT count(*) FROM documents
                 WHERE duplicate_of IS NOT NULL AND coalesce(duplicate_kind, 'exact') = 'exact'),
                (SELECT count(*) FROM documents WHERE duplicate_of IS NOT NULL AND duplicate_kind = 'near'),
                (SELECT count(*) FROM events),
                (SELECT count(*) FROM claims),
                (SELECT count(*) FROM runs)"""
        ).fetchone()
        keys = ("documents", "originals", "exact_duplicates", "near_duplicates", "events", "claims", "runs")
        return dict(zip(keys, (int(v) for v in row), strict=True))

    def document(self, doc_id: str) -> dict[str, Any] | None:
        """One stored document as a dict (pub_date ISO, no minhash), or None."""
        cur = self.con.execute("SELECT * EXCLUDE (minhash) FROM documents WHERE id = ?", [doc_id])
        rows = _dict_rows(cur)
        if not rows:
            return None
        d = rows[0]
        d["pub_date"] = d["pub_date"].isoformat() if d["pub_date"] else None
        d["ingested_at"] = d["ingested_at"].isoformat() if d["ingested_at"] else None
        return d

    def event_records(
        self,
        where: str | None = None,
        params: Sequence[Any] | Mapping[str, Any] | None = None,
        order_by: str = DOCUMENT_ORDER,
        limit: int | None = None,
        offset: int | None = None,
    ) -> list[dict[str, Any]]:
        """Event records valid against event.schema.json. `where` and `order_by` are SQL over the `events`
        columns (trusted text: put values in `params`, e.g. where="cameo LIKE ? AND date >= ?")."""
        return list(self.iter_event_records(where, params, order_by, limit, offset))

    def iter_event_records(
        self,
        where: str | None = None,
        params: Sequence[Any] | Mapping[str, Any] | None = None,
        order_by: str = DOCUMENT_ORDER,
        limit: int | None = None,
        offset: int | None = None,
        chunk: int = 2_000,
    ) -> Iterator[dict[str, Any]]:
        """As `event_records`, streamed in chunks so memory stays flat on big stores."""
        return iter_event_records(self.con, where, params, order_by, limit, offset, chunk)

    def claim_records(self, where: str | None = None, params: Sequence[Any] | None = None) -> list[dict[str, Any]]:
        """Stored claims as dicts (`extra` merged back), in document order."""
        sql = "SELECT * EXCLUDE (run_id) FROM claims"
        if where:
            sql += f" WHERE {where}"
        sql += " ORDER BY doc_id, sentence_index NULLS FIRST, id"
        out = []
        for row in _dict_rows(self.con.execute(sql, params or [])):
            extra = json.loads(row.pop("extra")) if row.get("extra") else {}
            out.append({**{k: v for k, v in row.items() if v is not None}, **extra})
        return out


# --------------------------------------------------------------------------------------- rows <-> records


def iter_event_records(
    con: duckdb.DuckDBPyConnection,
    where: str | None = None,
    params: Sequence[Any] | Mapping[str, Any] | None = None,
    order_by: str = DOCUMENT_ORDER,
    limit: int | None = None,
    offset: int | None = None,
    chunk: int = 2_000,
) -> Iterator[dict[str, Any]]:
    """Event records valid against event.schema.json from any connection to a store (see
    `Store.event_records`), streamed in chunks on a cursor of their own."""
    sql = "SELECT * FROM events"
    if where:
        sql += f" WHERE {where}"
    if order_by:
        sql += f" ORDER BY {order_by}"
    if limit is not None:
        sql += f" LIMIT {int(limit)}"
    if offset is not None:
        sql += f" OFFSET {int(offset)}"
    cur = con.cursor()
    try:
        cur.execute(sql, params or [])
        names = [d[0] for d in cur.description]
        while rows := cur.fetchmany(chunk):
            for row in rows:
                yield event_record_from_row(dict(zip(names, row, strict=True)))
    finally:
        cur.close()


def table_json_column(table: str, column: str) -> bool:
    return column == "extra" or (table == "runs" and column == "skipped")


def _unique_by_id(items: Iterable[Any], key: Any) -> list[Any]:
    seen: set[str] = set()
    out = []
    for item in items:
        k = key(item)
        if k not in seen:
            seen.add(k)
            out.append(item)
    return out


def _as_date(value: Any) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


def _event_row(record: Mapping[str, Any], run_id: str | None) -> dict[str, Any]:
    record, marks = split_entity_marks(dict(record))
    if marks:
        record[ENTITY_MARKS] = marks
    row = {c: record.get(c) for c in EVENT_COLUMNS}
    row["pub_date"] = _as_date(row["pub_date"])
    for field in ENTITY_FIELDS:
        row[field] = list(row[field] or [])
    if row["span"] is not None:
        row["span"] = [int(x) for x in row["span"]]
    extra = {k: v for k, v in record.items() if k not in EVENT_COLUMNS}
    row["extra"] = json.dumps(extra, default=str, ensure_ascii=False) if extra else None
    row["run_id"] = run_id
    return row


def _entity(value: Mapping[str, Any]) -> dict[str, Any]:
    # start/end are integers in the schema, never null: leave them out when unknown.
    return {k: v for k, v in value.items() if v is not None or k not in ("start", "end")}


def event_record_from_row(row: Mapping[str, Any]) -> dict[str, Any]:
    """A row of `events` (column -> DuckDB Python value) as an event record valid against event.schema.json:
    dates as ISO strings, structs as dicts, null optional fields left out where the schema forbids null,
    and the fields kept in `extra` merged back."""
    record: dict[str, Any] = {}
    for col in EVENT_COLUMNS:
        value = row.get(col)
        if col == "pub_date" and value is not None:
            value = value.isoformat()
        elif col in ENTITY_FIELDS:
            value = [_entity(e) for e in value or []]
        elif col == "quad_class" and value is not None:
            value = int(value)
        elif col == "span" and value is not None:
            value = list(value)
        elif col == "trigger" and value is not None and any(value.get(k) is None for k in ("text", "start", "end")):
            value = None
        elif col == "location" and value is not None:
            value = {k: v for k, v in value.items() if v is not None or k in ("country", "lat", "lon")} or None
        if value is None and col not in REQUIRED_EVENT_FIELDS and col not in NULLABLE_EVENT_FIELDS:
            continue
        record[col] = value
    extra = row.get("extra")
    if extra:
        for k, v in json.loads(extra).items():
            record.setdefault(k, v)
        apply_entity_marks(record)
    return record


def _dict_rows(cur: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    names = [d[0] for d in cur.description]
    return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]


__all__ = ["EVENT_COLUMNS", "Store", "StoreError", "event_record_from_row", "iter_event_records"]
