"""One reader per input kind. `read_file(path)` picks one from the file name, or from the content when the
name says nothing. Adding a kind (WARC, ...) is one new module and one `register(...)` line here.

A reader is a function `(path, on_problem) -> iterator of Document`; it raises ReadError when the whole input
is unreadable and reports single bad records (a JSONL line) through `on_problem` and goes on."""

from __future__ import annotations

import shutil
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

from eventline.ingest.decoding import SNIFF_BYTES, encoding_of_bom, looks_binary
from eventline.ingest.document import Document
from eventline.ingest.reading import OnProblem, ReadError

Reader = Callable[[Path, OnProblem | None], Iterator[Document]]
Sniffer = Callable[[bytes], bool]

READERS: dict[str, Reader] = {}
# Content tests for names that say nothing, tried in order; each names a key of READERS.
SNIFFERS: list[tuple[str, Sniffer]] = []


def register(suffixes: str | list[str], reader: Reader, sniff: Sniffer | None = None) -> None:
    """Adds a reader for file names ending in `suffixes` ('.warc.gz' works) and, optionally, a content test."""
    names = [suffixes] if isinstance(suffixes, str) else suffixes
    for suffix in names:
        READERS[suffix.lower()] = reader
    if sniff is not None:
        SNIFFERS.insert(max(0, len(SNIFFERS) - 1), (names[0].lower(), sniff))  # before the plain-text catch-all


def _read_text(path: Path, on_problem: OnProblem | None) -> Iterator[Document]:
    from eventline.ingest.readers.text import read_text_file

    return read_text_file(path)


def _read_html(path: Path, on_problem: OnProblem | None) -> Iterator[Document]:
    from eventline.ingest.readers.html import read_html_file

    return read_html_file(path)


def _read_jsonl(path: Path, on_problem: OnProblem | None) -> Iterator[Document]:
    from eventline.ingest.readers.jsonl import read_jsonl_file

    return read_jsonl_file(path, on_problem)


def _read_warc(path: Path, on_problem: OnProblem | None) -> Iterator[Document]:
    from eventline.ingest.readers.warc import read_warc_file

    return read_warc_file(path, on_problem)


def _text_head(head: bytes) -> str:
    bom = encoding_of_bom(head)
    return head.decode(bom or "utf-8", errors="replace").lstrip("\ufeff").lstrip()


def sniff_jsonl(head: bytes) -> bool:
    return _text_head(head).startswith("{")


def sniff_html(head: bytes) -> bool:
    start = _text_head(head)[:1024].lower()
    return start.startswith(("<!doctype html", "<html", "<?xml")) or "<html" in start or "<body" in start


def sniff_text(head: bytes) -> bool:
    return not looks_binary(head)


register([".txt", ".text"], _read_text)
register([".html", ".htm", ".xhtml"], _read_html)
register([".jsonl", ".ndjson"], _read_jsonl)
SNIFFERS.extend([(".jsonl", sniff_jsonl), (".html", sniff_html), (".txt", sniff_text)])
register([".warc", ".warc.gz"], _read_warc)
SNIFFERS.insert(0, (".warc", lambda head: head.startswith(b"WARC/")))  # a WARC head can hold '<html' too


def reader_for_name(path: Path) -> Reader | None:
    name = path.name.lower()
    matches = [s for s in READERS if name.endswith(s)]
    return READERS[max(matches, key=len)] if matches else None


def reader_for_content(path: Path) -> Reader:
    with path.open("rb") as fh:
        head = fh.read(SNIFF_BYTES)
    if not head.strip():
        raise ReadError("empty file")
    for suffix, sniff in SNIFFERS:
        if sniff(head):
            return READERS[suffix]
    raise ReadError("binary file, not a kind eventline reads")


def read_file(path: Path, on_problem: OnProblem | None = None) -> Iterator[Document]:
    """The documents in one file ('-': standard input), by the reader its name or content calls for."""
    if str(path) == "-":
        yield from _read_stdin(on_problem)
        return
    if path.is_dir():
        raise ReadError("is a folder")
    reader = reader_for_name(path) or reader_for_content(path)
    yield from reader(path, on_problem)


def _read_stdin(on_problem: OnProblem | None) -> Iterator[Document]:
    # Spooled to a temporary file so that sniffing and streaming readers work, and memory stays bounded.
    with tempfile.TemporaryDirectory(prefix="eventline-stdin-") as tmp:
        path = Path(tmp) / "stdin"
        with path.open("wb") as out:
            shutil.copyfileobj(sys.stdin.buffer, out)
        reader = reader_for_content(path)
        for doc in reader(path, on_problem):
            doc.source = "-"
            yield doc
