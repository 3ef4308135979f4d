"""Reading the store for analysis: mention records as plain dicts, the dyad matching rule and date periods.

Every analysis module reads the store through here, so there is one definition of "A matches an entity" and of
"the period a date falls in". Knows nothing of parsing or coding.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import duckdb

PERIODS = ("day", "week", "month", "year")


def connect(con: Any) -> duckdb.DuckDBPyConnection:
    """A DuckDB connection from a connection, a `Store`, or a path to a store file (opened read-only)."""
    if isinstance(con, duckdb.DuckDBPyConnection):
        return con
    inner = getattr(con, "con", None)
    if isinstance(inner, duckdb.DuckDBPyConnection):
        return inner
    if isinstance(con, str | Path):
        if not Path(con).exists():
            raise FileNotFoundError(f"no eventline store at {con}")
        return duckdb.connect(str(con), read_only=True)
    raise TypeError(f"expected a DuckDB connection, a Store or a path, got {type(con).__name__}")


def _iso(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()[:10]
    return value


def _has_table(con: duckdb.DuckDBPyConnection, name: str) -> bool:
    row = con.execute("SELECT count(*) FROM information_schema.tables WHERE table_name = ?", [name]).fetchone()
    return bool(row and row[0])


def mention_records(con: Any, where: str = "", params: list[Any] | None = None) -> list[dict[str, Any]]:
    """Every row of `events` (one mention record each) as an event record (the store's conversion), oldest
    first. `where`: SQL over the `events` columns with `?` placeholders bound to `params`.

    Adds `_doc_duplicates` (ids of documents recorded as copies of the record's document) and `_doc_publishers`
    (the publishers of the document and its copies): merging uses them to count articles and sources that were
    not coded because they repeat another document.
    """
    con = connect(con)
    if not _has_table(con, "events"):
        return []
    from eventline.store.store import iter_event_records

    rows = list(iter_event_records(con, where or None, params, order_by="date, doc_id, sentence_index, id"))
    copies: dict[str, list[tuple[str, str | None]]] = {}
    publishers: dict[str, str] = {}
    if _has_table(con, "documents"):
        for doc_id, original, publisher in con.execute(
            "SELECT id, duplicate_of, publisher FROM documents"
        ).fetchall():
            if original:
                copies.setdefault(original, []).append((doc_id, publisher))
            elif publisher:
                publishers[doc_id] = publisher
    records = []
    for rec in rows:
        rec["pub_date"] = _iso(rec.get("pub_date"))
        for key in ("actor", "recipient", "said_by", "context"):
            rec[key] = list(rec.get(key) or [])
        dup = copies.get(rec["doc_id"], [])
        rec["_doc_duplicates"] = [d for d, _ in dup]
        own = {p for p in (rec.get("publisher"), publishers.get(rec["doc_id"])) if p}
        rec["_doc_publishers"] = sorted({p for _, p in dup if p} | own)
        records.append(rec)
    return records


def public(record: dict[str, Any]) -> dict[str, Any]:
    """A record without the helper keys this module adds (those starting with '_')."""
    return {k: v for k, v in record.items() if not k.startswith("_")}


# ---- who: the dyad matching rule -------------------------------------------------------------------------------

def entity_matches(entity: dict[str, Any], code: str) -> bool:
    """A code matches an entity when it is the entity's country (ISO-3, 'PRK') or a prefix of its actor code
    ('PRKGOV' matches 'PRKGOV...' and also 'PRK'; 'IGOUNO' matches the UN)."""
    code = code.upper()
    return entity.get("country") == code or (entity.get("code") or "").upper().startswith(code)


def side_matches(entities: list[dict[str, Any]], code: str) -> bool:
    return any(entity_matches(e, code) for e in entities or [])


def party(entities: list[dict[str, Any]]) -> str | None:
    """The country (or, for actors without one, the actor code) a side is counted under: the first entity's."""
    for e in entities or []:
        if e.get("country"):
            return e["country"]
    for e in entities or []:
        code = e.get("code")
        if code and code != "UNK":
            return code
    return None


# ---- when: dates and periods ---------------------------------------------------------------------------------

def date_precision(value: str | None) -> str | None:
    if not value:
        return None
    return {4: "year", 7: "month", 10: "day"}.get(len(value))


def date_bounds(value: str | None) -> tuple[date, date] | None:
    """The first and last day a record's date ('2018', '2018-04', '2018-04-29') may stand for."""
    if not value:
        return None
    try:
        if len(value) == 10:
            d = date.fromisoformat(value)
            return d, d
        if len(value) == 7:
            y, m = int(value[:4]), int(value[5:7])
            first = date(y, m, 1)
            nxt = date(y + (m == 12), m % 12 + 1, 1)
            return first, nxt - timedelta(days=1)
        if len(value) == 4:
            y = int(value)
            return date(y, 1, 1), date(y, 12, 31)
    except ValueError:
        return None
    return None


def check_range(start: str | None, end: str | None) -> None:
    """ValueError unless start and end are dates ('2018', '2018-04', '2018-04-29') with start not after end; a
    range that cannot be read must not be ignored (it would give every period, or none, without a word)."""
    bounds = {}
    for name, value in (("start", start), ("end", end)):
        if value is None:
            continue
        b = date_bounds(value) if re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", value) else None
        if b is None:
            raise ValueError(f"{name} {value!r} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)")
        bounds[name] = b
    if "start" in bounds and "end" in bounds and bounds["start"][0] > bounds["end"][1]:
        raise ValueError(f"start {start} is after end {end}")


_RANK = {"day": 0, "week": 1, "month": 2, "year": 3}


def period_of(value: str | None, by: str) -> str | None:
    """The period label ('2018-04-29', '2018-W17', '2018-04', '2018') a date falls in, or None when the date is
    less precise than the period (a bare '2002' has no month)."""
    if by not in PERIODS:
        raise ValueError(f"--by must be one of {', '.join(PERIODS)}, not {by!r}")
    precision = date_precision(value)
    if precision is None or value is None:
        return None
    if by == "year":
        return value[:4]
    if by == "month":
        return value[:7] if precision in ("day", "month") else None
    if precision != "day":
        return None
    d = date.fromisoformat(value)
    if by == "week":
        iso = d.isocalendar()
        return f"{iso.year}-W{iso.week:02d}"
    return value


def in_range(value: str | None, start: str | None, end: str | None) -> bool:
    """True when a record's date may fall within [start, end] (ISO dates or prefixes; None is open)."""
    bounds = date_bounds(value)
    if bounds is None:
        return start is None and end is None
    lo, hi = bounds
    if start:
        s = date_bounds(start)
        if s and hi < s[0]:
            return False
    if end:
        e = date_bounds(end)
        if e and lo > e[1]:
            return False
    return True
