"""Reader for scraped plain text (.txt): one article per file, cleaned by the plain-text cleaner.

Inputs up to LARGE_TEXT_BYTES are cleaned whole. Larger ones (a dump, not an article) are streamed in
bounded parts cut at blank lines; each part is one document, cleaned line by line, so memory stays bounded
and the time linear whatever the file size.

A folder of scraped pages is a corpus: the lines that recur across several of its files (menus, footers,
newsletter boxes of the same sites) are furniture wherever they appear. `learn_common_lines` finds them in a
first pass over the folder's text files (hashed lines, a bounded table) and `read_text_file` takes the result.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from pathlib import Path

from eventline.ingest.cleaning import clean_scraped_text, describe_line, is_prose, normalize_line
from eventline.ingest.decoding import SNIFF_BYTES, decode_bytes, decode_line, encoding_of_bom, looks_binary
from eventline.ingest.document import Document
from eventline.ingest.reading import ReadError

LARGE_TEXT_BYTES = 4 * 1024 * 1024
PART_CHARS = 1024 * 1024
TEXT_SUFFIXES = (".txt", ".text")
COMMON_MIN_FILES = 3  # a line in this many files of a folder is the sites' furniture
COMMON_MAX_CHARS = 200  # longer lines are paragraphs (a syndicated story), never counted
COMMON_TABLE_SIZE = 200_000  # distinct line hashes kept while counting; bounds memory on any corpus


def _line_key(text: str) -> int:
    return int.from_bytes(hashlib.blake2b(text.encode("utf-8", "replace"), digest_size=8).digest(), "big")


class CommonLines:
    """Lines repeated across the files of one corpus folder, kept as 64-bit hashes; `text in common` asks
    about a normalized line."""

    def __init__(self, keys: Iterable[int] = ()) -> None:
        self.keys = frozenset(keys)

    def __contains__(self, text: object) -> bool:
        return isinstance(text, str) and len(text) <= COMMON_MAX_CHARS and _line_key(text) in self.keys

    def __len__(self) -> int:
        return len(self.keys)

    def __bool__(self) -> bool:
        return bool(self.keys)


def learn_common_lines(
    paths: Iterable[Path], min_files: int = COMMON_MIN_FILES, table_size: int = COMMON_TABLE_SIZE
) -> CommonLines:
    """First pass over a folder: the short lines found in at least `min_files` of its plain-text files.
    Each file counts a line once; the count table holds at most `table_size` hashes (lines seen once are
    dropped when it fills, so a line must recur early enough to be kept). Unreadable, binary and huge files
    are skipped here; the reading pass reports them."""
    counts: dict[int, int] = {}
    for path in paths:
        if str(path) == "-" or path.suffix.lower() not in TEXT_SUFFIXES:
            continue
        try:
            if path.stat().st_size > LARGE_TEXT_BYTES:
                continue
            data = path.read_bytes()
            if looks_binary(data[:SNIFF_BYTES]):
                continue
            text = decode_bytes(data)
        except (OSError, UnicodeError, ValueError, ReadError):
            continue
        keys = {
            _line_key(t) for t in (normalize_line(x) for x in text.splitlines()) if t and len(t) <= COMMON_MAX_CHARS
        }
        for key in keys:
            counts[key] = counts.get(key, 0) + 1
        if len(counts) > table_size:
            counts = {k: c for k, c in counts.items() if c > 1}
            if len(counts) > table_size:  # still full: keep the most frequent half
                keep = sorted(counts.values(), reverse=True)[table_size // 2]
                counts = {k: c for k, c in counts.items() if c > keep}
    return CommonLines(k for k, c in counts.items() if c >= min_files)


def document_from_text(text: str, doc_id: str, source: str | None, common_lines: CommonLines | None = None) -> Document:
    cleaned = clean_scraped_text(text, common_lines or CommonLines())
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


def read_text_file(path: Path, common_lines: CommonLines | None = None) -> Iterator[Document]:
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
    yield document_from_text(decode_bytes(path.read_bytes()), path.stem, str(path), common_lines)


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
