"""The embedded store: a DuckDB file with documents, event records, claims and ingest runs."""

from eventline.store.schema import SCHEMA_VERSION

__all__ = ["SCHEMA_VERSION"]
