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
