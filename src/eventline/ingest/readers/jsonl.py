"""Reader for JSONL (.jsonl): one document per line, `{"id", "text", "title"?, "date"?, "url"?, "publisher"?}`.
`text` is the article body as given. Streams line by line; a bad line is reported and the rest goes on."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from eventline.ingest.decoding import decode_line, looks_binary
from eventline.ingest.document import Document
from eventline.ingest.reading import OnProblem, ReadError, ReadProblem


def read_jsonl_file(path: Path, on_problem: OnProblem | None = None) -> Iterator[Document]:
    seen = 0
    with path.open("rb") as fh:
        if looks_binary(fh.read(8192)):
            raise ReadError("binary file, not JSONL")
        fh.seek(0)
        for lineno, raw in enumerate(fh, start=1):
            line = decode_line(raw).lstrip("\ufeff").strip()
            if not line:
                continue
            seen += 1
            try:
                try:
                    record = json.loads(line)
                except json.JSONDecodeError as exc:
                    raise ValueError(f"not valid JSON ({exc.msg} at column {exc.colno})") from exc
                doc = document_from_record(record, lineno)
            except (ValueError, TypeError) as exc:
                problem = ReadProblem(f"{path}:{lineno}", str(exc))
                if on_problem is None:
                    raise ReadError(str(problem)) from exc
                on_problem(problem)
                continue
            doc.source = str(path)
            yield doc
    if seen == 0:
        raise ReadError("empty file")


def document_from_record(record: object, lineno: int = 0) -> Document:
    if not isinstance(record, dict):
        raise ValueError("line is not a JSON object")
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise ValueError("document needs a non-empty 'text' string")
    date = record.get("date") or record.get("pub_date")
    if date is not None and not isinstance(date, str):
        raise ValueError("'date' must be a YYYY-MM-DD string")
    try:
        doc = Document.from_dict({**record, "date": date or None})
    except ValueError as exc:
        raise ValueError(f"bad date {date!r}: {exc}") from exc
    known = {"id", "text", "title", "date", "pub_date", "url", "publisher", "source"}
    doc.meta.update({k: v for k, v in record.items() if k not in known})
    return doc
