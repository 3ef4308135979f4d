"""The store's tables. One place defines them; the store, the analysis queries and the exports read them.

`events` holds one row per coded record (a *mention* of an event in one sentence), with the columns of the
event record schema. Merged real-world events are derived in `analysis` from these rows, never stored in
place of them.

Versions: 1 the first schema; 2 adds runs' duplicate/skip counters and documents.duplicate_kind. `MIGRATIONS`
bring an older file up to date when a writer opens it (columns are only ever added).

Duplicates: a document that repeats another (exact or near copy) has a row in `documents` with `duplicate_of` set
to the original's id and `duplicate_kind` 'exact' or 'near'; it is not coded, so it has no rows in `events` or
`claims` and nothing counts it twice. Count sources that carried a story with
`SELECT count(*) FROM documents WHERE coalesce(duplicate_of, id) = ?`.
"""

from __future__ import annotations

SCHEMA_VERSION = 2

ENTITY = (
    'STRUCT(text VARCHAR, code VARCHAR, country VARCHAR, sector VARCHAR, name VARCHAR, start INTEGER, "end" INTEGER)'
)
SPAN_TEXT = 'STRUCT(text VARCHAR, start INTEGER, "end" INTEGER)'

# Fields of an entity beyond the struct's (e.g. `inferred`, see docs/coding.md) are kept in the row's `extra`
# JSON under this key, as {"recipient": {"0": {"inferred": "place"}}}, and put back on the entities when read.
ENTITY_KEYS = ("text", "code", "country", "sector", "name", "start", "end")
ENTITY_MARKS = "entity_marks"
ENTITY_FIELDS = ("actor", "recipient", "said_by")  # the event fields that hold lists of entities


def split_entity_marks(record: dict) -> tuple[dict, dict]:
    """(the record with entities reduced to the struct's fields, the other fields by entity list and index)."""
    marks: dict = {}
    out = dict(record)
    for field in ENTITY_FIELDS:
        entities = record.get(field)
        if not entities:
            continue
        kept = []
        for k, entity in enumerate(entities):
            more = {key: v for key, v in entity.items() if key not in ENTITY_KEYS}
            if more:
                marks.setdefault(field, {})[str(k)] = more
                entity = {key: v for key, v in entity.items() if key in ENTITY_KEYS}
            kept.append(entity)
        out[field] = kept
    return out, marks


def apply_entity_marks(record: dict) -> dict:
    """Puts the fields kept under ENTITY_MARKS back on the record's entities (in place; returns the record)."""
    marks = record.pop(ENTITY_MARKS, None)
    for field, by_index in (marks or {}).items():
        entities = record.get(field) or []
        for k, more in by_index.items():
            if int(k) < len(entities):
                entities[int(k)] = {**entities[int(k)], **more}
    return record
LOCATION = "STRUCT(name VARCHAR, country VARCHAR, lat DOUBLE, lon DOUBLE)"

DDL = [
    """CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR)""",
    """CREATE TABLE IF NOT EXISTS runs (
        run_id VARCHAR PRIMARY KEY,
        started_at TIMESTAMP,
        finished_at TIMESTAMP,
        inputs VARCHAR[],
        documents_read INTEGER,
        documents_skipped INTEGER,
        duplicates INTEGER,
        events INTEGER,
        coder VARCHAR,
        status VARCHAR,
        near_duplicates INTEGER,
        unreadable INTEGER,
        skipped JSON,
        workers INTEGER
    )""",
    """CREATE TABLE IF NOT EXISTS documents (
        id VARCHAR PRIMARY KEY,
        title VARCHAR,
        publisher VARCHAR,
        url VARCHAR,
        pub_date DATE,
        source VARCHAR,
        content_hash VARCHAR,
        duplicate_of VARCHAR,
        text VARCHAR,
        minhash UBIGINT[],
        n_sentences INTEGER,
        run_id VARCHAR,
        ingested_at TIMESTAMP,
        duplicate_kind VARCHAR
    )""",
    f"""CREATE TABLE IF NOT EXISTS events (
        id VARCHAR PRIMARY KEY,
        doc_id VARCHAR,
        url VARCHAR,
        publisher VARCHAR,
        pub_date DATE,
        date VARCHAR,
        date_basis VARCHAR,
        actor {ENTITY}[],
        recipient {ENTITY}[],
        cameo VARCHAR,
        event VARCHAR,
        mode VARCHAR,
        context VARCHAR[],
        goldstein DOUBLE,
        quad_class TINYINT,
        negated BOOLEAN,
        modality VARCHAR,
        said_by {ENTITY}[],
        text VARCHAR,
        sentence_index INTEGER,
        span INTEGER[],
        trigger {SPAN_TEXT},
        confidence DOUBLE,
        location {LOCATION},
        coder VARCHAR,
        extra JSON,
        run_id VARCHAR
    )""",
    # Numeric claims found in documents (filled by analysis.claims during ingest).
    f"""CREATE TABLE IF NOT EXISTS claims (
        id VARCHAR PRIMARY KEY,
        doc_id VARCHAR,
        sentence_index INTEGER,
        text VARCHAR,
        span INTEGER[],
        value DOUBLE,
        qualifier VARCHAR,
        counted VARCHAR,
        subject_key VARCHAR,
        claimant {ENTITY},
        date VARCHAR,
        extra JSON,
        run_id VARCHAR
    )""",
]

# Statements that bring a store written by an older version up to SCHEMA_VERSION; safe to run on any version.
MIGRATIONS = [
    "ALTER TABLE runs ADD COLUMN IF NOT EXISTS near_duplicates INTEGER",
    "ALTER TABLE runs ADD COLUMN IF NOT EXISTS unreadable INTEGER",
    "ALTER TABLE runs ADD COLUMN IF NOT EXISTS skipped JSON",
    "ALTER TABLE runs ADD COLUMN IF NOT EXISTS workers INTEGER",
    "ALTER TABLE documents ADD COLUMN IF NOT EXISTS duplicate_kind VARCHAR",
]
