"""One reader per input kind. `read_file(path)` picks one from the file name, or from the content when the
name says nothing. Adding a kind (WARC, ...) is one new module and one line in READERS."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

from eventline.ingest.document import Document
from eventline.ingest.reading import ReadError

Reader = Callable[[Path], Iterator[Document]]


def read_file(path: Path) -> Iterator[Document]:
    raise ReadError("readers not implemented yet")
