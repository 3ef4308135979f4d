"""Reader for scraped plain text (.txt): one article per file, cleaned by the plain-text cleaner.

Inputs up to LARGE_TEXT_BYTES are cleaned whole. Larger ones (a dump, not an article) are streamed in
bounded parts cut at blank lines; each part is one document, cleaned line by line, so memory stays bounded
and the time linear whatever the file size."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from eventline.ingest.cleaning import clean_scraped_text, describe_line, is_prose, normalize_line
from eventline.ingest.decoding import SNIFF_BYTES, decode_bytes, decode_line, encoding_of_bom, looks_binary
from eventline.ingest.document import Document
from eventline.ingest.reading import ReadError

LARGE_TEXT_BYTES = 4 * 1024 * 1024
PART_CHARS = 1024 * 1024


def document_from_text(text: str, doc_id: str, source: str | None) -> Document:
    cleaned = clean_scraped_text(text)
    if not cleaned.body.strip():
        raise ReadError("no article text found")
    meta = {k: v for k, v in (("byline", cleaned.byline), ("dateline", cleaned.dateline)) if v}
    return Document(
        id=doc_id,
        text=cleaned.body,
        title=cleaned.title,
        publisher=cleaned.publisher,
        pub_date=cleaned.pub_date,
        source=source,
        meta=meta,
    )


def read_text_file(path: Path) -> Iterator[Document]:
    size = path.stat().st_size
    if size == 0:
        raise ReadError("empty file")
    with path.open("rb") as fh:
        head = fh.read(SNIFF_BYTES)
    if size > LARGE_TEXT_BYTES and encoding_of_bom(head) != "utf-16":
        if looks_binary(head):
            raise ReadError("binary file, not text")
        yield from _read_large_text(path)
        return
    yield document_from_text(decode_bytes(path.read_bytes()), path.stem, str(path))


def _read_large_text(path: Path) -> Iterator[Document]:
    """Bounded parts of a huge text file, each a document of the prose lines in it."""
    part: list[str] = []
    size = 0
    n = 0
    with path.open("rb") as fh:
        for raw in fh:
            if b"\x00" in raw:
                raise ReadError("binary file, not text")
            line = normalize_line(decode_line(raw).lstrip("\ufeff"))
            if line and is_prose(describe_line(line)):
                part.append(line)
                size += len(line)
            if size >= PART_CHARS and not line:
                n += 1
                yield Document(id=f"{path.stem}#{n}", text="\n\n".join(part), source=str(path), meta={"part": n})
                part, size = [], 0
            elif size >= 2 * PART_CHARS:  # no blank line for a long while: cut anyway
                n += 1
                yield Document(id=f"{path.stem}#{n}", text="\n\n".join(part), source=str(path), meta={"part": n})
                part, size = [], 0
    if part:
        n += 1
        yield Document(id=f"{path.stem}#{n}", text="\n\n".join(part), source=str(path), meta={"part": n})
    if n == 0:
        raise ReadError("no article text found")
