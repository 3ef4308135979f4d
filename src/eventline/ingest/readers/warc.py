"""Reader for web archives (.warc, .warc.gz): every HTML response becomes a document through the HTML reader,
with the archive's target URL, and the capture date when the page itself gives no publication date.

Other records (warcinfo, request, metadata, revisit, non-HTML or non-2xx responses) are skipped and counted.
A record that cannot be read (truncated, bad gzip member, broken HTTP headers) is reported through
`on_problem` and skipped; a damaged archive yields what precedes the damage. Only an input that is no WARC
at all raises ReadError. Streams record by record (warcio), so archive size does not matter for memory.
"""

from __future__ import annotations

import hashlib
import logging
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from eventline.ingest.decoding import decode_bytes
from eventline.ingest.document import Document
from eventline.ingest.reading import OnProblem, ReadError, ReadProblem

log = logging.getLogger(__name__)

HTML_TYPES = ("text/html", "application/xhtml+xml")
_CHARSET = re.compile(r"charset\s*=\s*[\"']?([\w.:-]+)", re.I)


@dataclass
class WarcStats:
    """What one archive held: documents made, and records skipped by reason."""

    documents: int = 0
    skipped: Counter[str] = field(default_factory=Counter)
    problems: int = 0


def read_warc_file(
    path: Path, on_problem: OnProblem | None = None, stats: WarcStats | None = None
) -> Iterator[Document]:
    from warcio.archiveiterator import ArchiveIterator

    stats = stats if stats is not None else WarcStats()
    records_seen = 0
    with path.open("rb") as fh:
        if not _starts_like_warc(fh.read(512)):
            raise ReadError("not a WARC file (no 'WARC/' version line at the start)")
        fh.seek(0)
        iterator = iter(ArchiveIterator(fh, arc2warc=True))
        while True:
            offset = fh.tell()
            try:
                record = next(iterator)
            except StopIteration:
                break
            except Exception as exc:  # warcio/zlib raise several kinds for a damaged archive
                if records_seen == 0:
                    raise ReadError(f"not a readable WARC: {type(exc).__name__}: {exc}") from exc
                _report(path, offset, f"damaged archive, stopped reading: {type(exc).__name__}: {exc}", on_problem)
                stats.problems += 1
                break
            records_seen += 1
            reason = _skip_reason(record)
            if reason:
                stats.skipped[reason] += 1
                continue
            uri = record.rec_headers.get_header("WARC-Target-URI")
            try:
                payload = record.content_stream().read()
                missing = getattr(record.raw_stream, "limit", 0)
                if missing:
                    raise ValueError(f"truncated: {missing} bytes of the record are missing")
                doc = _document(record, payload, path, uri)
            except ReadError as exc:
                stats.skipped["no article text"] += 1
                log.debug("%s: %s: %s", path, uri, exc)
                continue
            except Exception as exc:  # a truncated or garbled record: report it, go on with the next
                _report(path, offset, f"unreadable record {uri or ''}: {type(exc).__name__}: {exc}", on_problem)
                stats.problems += 1
                continue
            stats.documents += 1
            yield doc
    if records_seen == 0:
        raise ReadError("empty WARC")
    log.info("%s: %d documents, skipped %s, %d problems", path, stats.documents, dict(stats.skipped), stats.problems)


def _starts_like_warc(head: bytes) -> bool:
    if head[:2] == b"\x1f\x8b":
        import zlib

        try:
            head = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head)
        except zlib.error:
            return False
    return head.lstrip().startswith(b"WARC/")


def _skip_reason(record) -> str | None:
    if record.rec_type != "response":
        return f"{record.rec_type} record"
    http = record.http_headers
    if http is None:
        return "response without HTTP headers"
    status = (http.get_statuscode() or "").strip()
    if not status.startswith("2"):
        return f"HTTP {status or '?'}"
    ctype = (http.get_header("Content-Type") or "").split(";")[0].strip().lower()
    if ctype not in HTML_TYPES:
        return f"{ctype or 'untyped'} response"
    return None


def _document(record, payload: bytes, path: Path, uri: str | None) -> Document:
    from eventline.ingest.readers.html import document_from_html

    html = _decode(payload, record.http_headers.get_header("Content-Type") or "")
    record_id = record.rec_headers.get_header("WARC-Record-ID") or ""
    uuid = re.sub(r"^<?urn:uuid:|>$", "", record_id)
    doc_id = uuid or hashlib.sha1(f"{uri}|{record.rec_headers.get_header('WARC-Date')}".encode()).hexdigest()[:16]
    doc = document_from_html(html, doc_id, str(path), url=uri)
    captured = _warc_date(record.rec_headers.get_header("WARC-Date"))
    if doc.pub_date is None and captured is not None:
        doc.pub_date = captured
        doc.meta["date_from"] = "capture"
    if captured is not None:
        doc.meta["captured"] = captured.isoformat()
    if uri:
        doc.url = uri
    return doc


def _decode(payload: bytes, content_type: str) -> str:
    m = _CHARSET.search(content_type)
    if m:
        try:
            return payload.decode(m.group(1), errors="replace").lstrip("\ufeff")
        except LookupError:
            pass  # an unknown charset name: let the sniffing decoder decide
    return decode_bytes(payload, "page")


def _warc_date(value: str | None) -> date | None:
    if value and re.match(r"\d{4}-\d\d-\d\d", value):
        try:
            return date.fromisoformat(value[:10])
        except ValueError:
            return None
    return None


def _report(path: Path, offset: int, reason: str, on_problem: OnProblem | None) -> None:
    problem = ReadProblem(f"{path}@{offset}", reason)
    if on_problem is None:
        log.warning("%s", problem)
    else:
        on_problem(problem)
