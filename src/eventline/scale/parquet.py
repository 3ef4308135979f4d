"""The Parquet layout of coded output, shared by the Spark runner and `eventline ingest --from-parquet`.

    OUT/year=YYYY/month=M/<input_id>.parquet   event records (one file per input and month: deterministic)
    OUT/_documents/<input_id>.parquet          the documents those events came from
    OUT/_claims/<input_id>.parquet             numeric claims
    OUT/_done/<input_id>.json                  written last: the input is complete (counts, coder)

Event columns are those of the store's `events` table; `pub_date` is an ISO string and `extra` holds the
record's additional fields as JSON, so DuckDB and pyarrow read the files without eventline.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from eventline.store.schema import ENTITY_MARKS, apply_entity_marks, split_entity_marks

ENTITY = pa.struct(
    [("text", pa.string()), ("code", pa.string()), ("country", pa.string()), ("sector", pa.string()),
     ("name", pa.string()), ("start", pa.int32()), ("end", pa.int32())]
)
SPAN_TEXT = pa.struct([("text", pa.string()), ("start", pa.int32()), ("end", pa.int32())])
LOCATION = pa.struct([("name", pa.string()), ("country", pa.string()), ("lat", pa.float64()), ("lon", pa.float64())])

EVENT_FIELDS: list[tuple[str, pa.DataType]] = [
    ("id", pa.string()), ("doc_id", pa.string()), ("url", pa.string()), ("publisher", pa.string()),
    ("pub_date", pa.string()), ("date", pa.string()), ("date_basis", pa.string()),
    ("actor", pa.list_(ENTITY)), ("recipient", pa.list_(ENTITY)), ("cameo", pa.string()), ("event", pa.string()),
    ("mode", pa.string()), ("context", pa.list_(pa.string())), ("goldstein", pa.float64()),
    ("quad_class", pa.int8()), ("negated", pa.bool_()), ("modality", pa.string()), ("said_by", pa.list_(ENTITY)),
    ("text", pa.string()), ("sentence_index", pa.int32()), ("span", pa.list_(pa.int32())),
    ("trigger", SPAN_TEXT), ("confidence", pa.float64()), ("location", LOCATION), ("coder", pa.string()),
    ("extra", pa.string()),
]
EVENT_SCHEMA = pa.schema(EVENT_FIELDS)
EVENT_COLUMNS = [name for name, _ in EVENT_FIELDS if name != "extra"]

DOCUMENT_SCHEMA = pa.schema(
    [("id", pa.string()), ("title", pa.string()), ("publisher", pa.string()), ("url", pa.string()),
     ("pub_date", pa.string()), ("source", pa.string()), ("content_hash", pa.string()),
     ("duplicate_of", pa.string()), ("text", pa.string())]
)
CLAIM_SCHEMA = pa.schema(
    [("id", pa.string()), ("doc_id", pa.string()), ("sentence_index", pa.int32()), ("text", pa.string()),
     ("span", pa.list_(pa.int32())), ("value", pa.float64()), ("qualifier", pa.string()), ("counted", pa.string()),
     ("subject_key", pa.string()), ("claimant", ENTITY), ("date", pa.string()), ("extra", pa.string())]
)


def input_id(path: str) -> str:
    """A stable, file-name-safe id for one input: its readable stem plus a hash of its full path."""
    stem = re.sub(r"[^A-Za-z0-9_.-]+", "_", Path(path).name)[:60]
    return f"{stem}-{hashlib.sha1(path.encode('utf-8')).hexdigest()[:12]}"


def _event_row(record: dict[str, Any]) -> dict[str, Any]:
    record, marks = split_entity_marks(record)
    if marks:
        record[ENTITY_MARKS] = marks
    row = {name: record.get(name) for name in EVENT_COLUMNS}
    extra = {k: v for k, v in record.items() if k not in EVENT_COLUMNS}
    row["extra"] = json.dumps(extra, sort_keys=True) if extra else None
    return row


def events_table(records: Iterable[dict[str, Any]]) -> pa.Table:
    return pa.Table.from_pylist([_event_row(r) for r in records], schema=EVENT_SCHEMA)


def year_month(date_value: str | None) -> tuple[int, int]:
    """Partition of an event date 'YYYY[-MM[-DD]]'; month 0 when the date gives only a year."""
    if not date_value:
        return 0, 0
    year = int(date_value[:4])
    month = int(date_value[5:7]) if len(date_value) >= 7 else 0
    return year, month


def write_input_output(
    out_dir: str | Path,
    input_name: str,
    events: list[dict[str, Any]],
    documents: list[dict[str, Any]],
    claims: list[dict[str, Any]],
    summary: dict[str, Any],
) -> None:
    """Writes one input's results; the `_done` marker is written last, so an interrupted input is redone."""
    out = Path(out_dir)
    by_month: dict[tuple[int, int], list[dict[str, Any]]] = defaultdict(list)
    for record in events:
        by_month[year_month(record.get("date"))].append(record)
    for (year, month), records in sorted(by_month.items()):
        part = out / f"year={year}" / f"month={month}"
        part.mkdir(parents=True, exist_ok=True)
        records.sort(key=lambda r: r["id"])
        _atomic_write(events_table(records), part / f"{input_name}.parquet")
    (out / "_documents").mkdir(parents=True, exist_ok=True)
    _atomic_write(pa.Table.from_pylist(documents, schema=DOCUMENT_SCHEMA), out / "_documents" / f"{input_name}.parquet")
    if claims:
        (out / "_claims").mkdir(parents=True, exist_ok=True)
        rows = [{**{k: c.get(k) for k in CLAIM_SCHEMA.names if k != "extra"},
                 "extra": json.dumps({k: v for k, v in c.items() if k not in CLAIM_SCHEMA.names}) or None}
                for c in claims]
        _atomic_write(pa.Table.from_pylist(rows, schema=CLAIM_SCHEMA), out / "_claims" / f"{input_name}.parquet")
    (out / "_done").mkdir(parents=True, exist_ok=True)
    done = out / "_done" / f"{input_name}.json"
    tmp = done.with_suffix(".tmp")
    tmp.write_text(json.dumps(summary, sort_keys=True))
    tmp.replace(done)


def _atomic_write(table: pa.Table, path: Path) -> None:
    tmp = path.with_name("." + path.name + ".tmp")
    pq.write_table(table, tmp)
    tmp.replace(path)


def is_done(out_dir: str | Path, input_name: str) -> bool:
    return (Path(out_dir) / "_done" / f"{input_name}.json").exists()


def read_events(out_dir: str | Path) -> pa.Table:
    """All event records under OUT (the Hive partitions), as one Arrow table."""
    files = sorted(Path(out_dir).glob("year=*/month=*/*.parquet"))
    if not files:
        return EVENT_SCHEMA.empty_table()
    return pa.concat_tables([pq.read_table(f, schema=EVENT_SCHEMA) for f in files])


def event_records(table: pa.Table) -> list[dict[str, Any]]:
    """Arrow rows back to event-record dicts (extra fields merged back, absent optional fields dropped)."""
    records = []
    for row in table.to_pylist():
        extra = row.pop("extra", None)
        record = {k: v for k, v in row.items() if v is not None or k in ("event", "mode")}
        if extra:
            record.update(json.loads(extra))
            apply_entity_marks(record)
        records.append(record)
    return records


def load_into_store(con: Any, out_dir: str | Path) -> dict[str, int]:
    """Adds the documents, events and claims under OUT to an open store connection, in one transaction.
    Rows already in the store (same id) are left as they are, so loading twice adds nothing."""
    out = Path(out_dir)
    added = {"documents": 0, "events": 0, "claims": 0}
    con.execute("BEGIN TRANSACTION")
    try:
        before = {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in added}
        docs = sorted((out / "_documents").glob("*.parquet"))
        if docs:
            con.execute(
                """INSERT OR IGNORE INTO documents (id, title, publisher, url, pub_date, source, content_hash,
                       duplicate_of, text, ingested_at)
                   SELECT id, title, publisher, url, CAST(pub_date AS DATE), source, content_hash, duplicate_of,
                          text, now()
                   FROM read_parquet(?)""",
                [[str(f) for f in docs]],
            )
        events = sorted(out.glob("year=*/month=*/*.parquet"))
        if events:
            cols = ", ".join(f'"{c}"' for c in EVENT_COLUMNS)
            select = ", ".join("CAST(pub_date AS DATE)" if c == "pub_date" else f'"{c}"' for c in EVENT_COLUMNS)
            con.execute(
                f"INSERT OR IGNORE INTO events ({cols}, extra) SELECT {select}, CAST(extra AS JSON) "
                "FROM read_parquet(?, hive_partitioning = false)",
                [[str(f) for f in events]],
            )
        claims = sorted((out / "_claims").glob("*.parquet"))
        if claims:
            names = ", ".join(f'"{c}"' for c in CLAIM_SCHEMA.names if c != "extra")
            con.execute(
                f"INSERT OR IGNORE INTO claims ({names}, extra) SELECT {names}, CAST(extra AS JSON) "
                "FROM read_parquet(?)",
                [[str(f) for f in claims]],
            )
        for t in added:
            added[t] = con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] - before[t]
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise
    return added
