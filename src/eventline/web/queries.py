"""The store queries the web API needs that are not analysis: event listing with filters and paging, one
document with its events, store counts, and actor codes for the picker.

Every value from a request reaches DuckDB as a bound parameter; only fixed SQL fragments written here are
joined into statements. Knows nothing of HTTP.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import duckdb

from eventline.store.store import DOCUMENT_ORDER, iter_event_records

# An entity list matches a code when one entity has it as country ('PAK') or as a prefix of its actor code
# ('PAKGOV' matches 'PAKGOVMIN'); the same rule as eventline.analysis.records.entity_matches.
_MATCH = "len(list_filter({col}, lambda x: x.country = ? OR starts_with(x.code, ?))) > 0"
NEWEST_FIRST = "date DESC, pub_date DESC NULLS LAST, doc_id, sentence_index NULLS LAST, id"


def _iso(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()[:10]
    return value


def _date_filters(start: str | None, end: str | None) -> tuple[list[str], list[Any]]:
    # `date` has the precision of the text (YYYY, YYYY-MM or YYYY-MM-DD): compare at the coarser of the two, so a
    # month-precision event counts as inside any range that overlaps its month.
    where: list[str] = []
    params: list[Any] = []
    if start:
        where.append("date >= substr(?, 1, length(date))")
        params.append(start)
    if end:
        where.append("substr(date, 1, length(?)) <= ?")
        params += [end, end]
    return where, params


def list_events(
    con: duckdb.DuckDBPyConnection,
    *,
    actor: str | None = None,
    recipient: str | None = None,
    both_directions: bool = False,
    cameo: str | None = None,
    event: str | None = None,
    start: str | None = None,
    end: str | None = None,
    q: str | None = None,
    doc_id: str | None = None,
    limit: int = 50,
    offset: int = 0,
) -> tuple[int, list[dict[str, Any]]]:
    """Event records matching the filters, newest first, and the total count before paging."""
    where, params = _date_filters(start, end)
    if actor and recipient and both_directions:
        where.append(f"(({_MATCH.format(col='actor')} AND {_MATCH.format(col='recipient')}) OR "
                     f"({_MATCH.format(col='actor')} AND {_MATCH.format(col='recipient')}))")
        params += [actor, actor, recipient, recipient, recipient, recipient, actor, actor]
    else:
        if actor:
            where.append(_MATCH.format(col="actor"))
            params += [actor, actor]
        if recipient:
            where.append(_MATCH.format(col="recipient"))
            params += [recipient, recipient]
    if cameo:
        where.append("starts_with(cameo, ?)")
        params.append(cameo)
    if event:
        where.append("event = ?")
        params.append(event)
    if doc_id:
        where.append("doc_id = ?")
        params.append(doc_id)
    if q:
        where.append("contains(lower(text), lower(?))")
        params.append(q)
    clause = " AND ".join(where) or None
    total = con.execute("SELECT count(*) FROM events" + (f" WHERE {clause}" if clause else ""), params).fetchone()[0]
    records = list(iter_event_records(con, clause, params, NEWEST_FIRST, limit=limit, offset=offset))
    return total, records


def get_document(con: duckdb.DuckDBPyConnection, doc_id: str) -> dict[str, Any] | None:
    """The cleaned text and metadata of one document, with its events (offsets into `text`) and claims."""
    cur = con.execute(
        "SELECT id, title, publisher, url, pub_date, source, duplicate_of, text FROM documents WHERE id = ?",
        [doc_id],
    )
    row = cur.fetchone()
    if row is None:
        return None
    doc = {d[0]: _iso(v) for d, v in zip(cur.description, row, strict=True)}
    events = list(iter_event_records(con, "doc_id = ?", [doc_id], DOCUMENT_ORDER))
    cur = con.execute(
        "SELECT id, sentence_index, text, span, value, qualifier, counted, subject_key, claimant, date "
        "FROM claims WHERE doc_id = ? ORDER BY span[1], id",
        [doc_id],
    )
    claims = [dict(zip([d[0] for d in cur.description], r, strict=True)) for r in cur.fetchall()]
    return {"document": doc, "events": events, "claims": claims}


def counts(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    return {
        table: con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]  # fixed table names, no input
        for table in ("documents", "events", "claims", "runs")
    }


def schema_version(con: duckdb.DuckDBPyConnection) -> str | None:
    row = con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    return row[0] if row else None


def store_codes(con: duckdb.DuckDBPyConnection, texts_per_code: int = 20) -> list[dict[str, Any]]:
    """Actor codes and countries that occur as actor or recipient, with how many records mention them, busiest
    first. `example` is the code's most frequent text (ties: the first in order) and `texts` its most frequent
    texts, so that the picker's search by name does not depend on which text the database happens to pick."""
    rows = con.execute(
        """
        WITH ents AS (
            SELECT unnest(list_concat(actor, recipient)) AS e FROM events
        ), per_text AS (
            SELECT e.code AS code, max(e.name) AS name, e.text AS text, count(*) AS n
            FROM ents WHERE e.code IS NOT NULL AND e.code <> 'UNK' GROUP BY e.code, e.text
        ), codes AS (
            SELECT code, max(name) AS name, list(text ORDER BY n DESC, text) FILTER (WHERE text IS NOT NULL)
                   AS texts, sum(n) AS n
            FROM per_text GROUP BY code
        ), countries AS (
            SELECT e.country AS code, count(*) AS n FROM ents
            WHERE e.country IS NOT NULL AND e.country <> e.code GROUP BY e.country
        )
        SELECT coalesce(c.code, k.code) AS code, c.name, c.texts, coalesce(c.n, 0) + coalesce(k.n, 0) AS n
        FROM codes c FULL OUTER JOIN countries k ON c.code = k.code
        ORDER BY n DESC, code
        """
    ).fetchall()
    out = []
    for code, name, texts, n in rows:
        texts = list(texts or [])[:texts_per_code]
        out.append({"code": code, "name": name, "example": texts[0] if texts else None, "texts": texts,
                    "mentions": int(n)})
    return out


def code_in_store(con: duckdb.DuckDBPyConnection, code: str) -> bool:
    row = con.execute(
        f"SELECT 1 FROM events WHERE {_MATCH.format(col='actor')} OR {_MATCH.format(col='recipient')} LIMIT 1",
        [code, code, code, code],
    ).fetchone()
    return row is not None
