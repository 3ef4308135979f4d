"""The embedded store: a DuckDB file with documents, event records, claims and ingest runs."""

from eventline.store.schema import SCHEMA_VERSION
from eventline.store.store import Store

__all__ = ["SCHEMA_VERSION", "Store"]
