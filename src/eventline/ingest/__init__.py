"""Documents in: readers for scraped plain text, HTML, JSONL and WARC, the plain-text cleaner, and
duplicate detection. Knows nothing about parsing, coding or the store."""

from __future__ import annotations

from eventline.ingest.document import Document, content_hash
from eventline.ingest.reading import ReadError, ReadProblem, iter_input_files, read

__all__ = ["Document", "ReadError", "ReadProblem", "content_hash", "iter_input_files", "read"]
