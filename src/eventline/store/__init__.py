"""The embedded store: a DuckDB file with documents, event records, claims and ingest runs.

    Store(path, read_only=False)         the file; write_batch, start_run/finish_run, event_records, counts
    require_store(con, path)             StoreError unless the connection holds an eventline store
    iter_event_records(con, where, ...)  schema-valid event records from any connection to a store
    eventline.store.ingest.ingest(...)   the ingest loop (skip stored, dedup, code, write in batches)
    eventline.store.export.export(...)   jsonl / parquet, and the analysis layouts
"""

from eventline.store.schema import SCHEMA_VERSION
from eventline.store.store import Store, StoreError, event_record_from_row, iter_event_records, require_store

__all__ = ["SCHEMA_VERSION", "Store", "StoreError", "event_record_from_row", "iter_event_records", "require_store"]
