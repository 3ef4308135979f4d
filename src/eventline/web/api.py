"""The JSON API (paths under /api; see the project's API spec). Each route validates its parameters, takes a
cursor on the read-only store, and renders what `eventline.web.queries` or the analysis functions return."""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from datetime import date
from typing import Annotated, Any, Literal

import duckdb
from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request

from eventline.web import queries, sources

router = APIRouter(prefix="/api")

CODE = r"^[A-Za-z0-9]{3,15}$"
DATE = r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$"
PLOVER = Literal[
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE", "REJECT",
    "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
]
MAX_LIMIT = 500

Code = Annotated[str | None, Query(pattern=CODE, description="Country (IND) or actor code (INDGOV).")]
DateQ = Annotated[str | None, Query(pattern=DATE, description="YYYY, YYYY-MM or YYYY-MM-DD.")]
By = Annotated[Literal["day", "week", "month", "year"], Query(description="Period length.")]


def cursor(request: Request) -> Iterator[duckdb.DuckDBPyConnection]:
    """A cursor of its own for each request (DuckDB connections are not shared across threads)."""
    cur = request.app.state.store.con.cursor()
    try:
        yield cur
    finally:
        cur.close()


Con = Annotated[duckdb.DuckDBPyConnection, Depends(cursor)]


def _check_date(name: str, value: str | None) -> str | None:
    if value is None:
        return None
    parts = value.split("-")
    try:
        date(int(parts[0]), int(parts[1]) if len(parts) > 1 else 1, int(parts[2]) if len(parts) > 2 else 1)
    except ValueError as exc:
        raise HTTPException(422, f"invalid parameter '{name}': {value!r} is not a date") from exc
    return value


def _range(start: str | None, end: str | None) -> tuple[str | None, str | None]:
    start, end = _check_date("start", start), _check_date("end", end)
    if start and end and start[: len(end)] > end[: len(start)]:
        raise HTTPException(422, f"invalid parameters: start {start} is after end {end}")
    return start, end


def _upper(code: str | None) -> str | None:
    return code.upper() if code else None


def _clean(value: Any) -> Any:
    """JSON-safe: NaN and infinities (which JSON cannot carry) become null, dates become ISO strings."""
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, dict):
        return {str(k): _clean(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_clean(v) for v in value]
    if isinstance(value, date):
        return value.isoformat()
    return value


@router.get("/health", summary="Status and store counts")
def health(request: Request, con: Con) -> dict[str, Any]:
    return {"status": "ok", "store": request.app.state.db_name, "schema_version": queries.schema_version(con),
            "counts": queries.counts(con)}


@router.get("/events", summary="Event records, newest first, with filters and paging")
def events(
    con: Con,
    actor: Code = None,
    recipient: Code = None,
    both: Annotated[bool, Query(description="With actor and recipient: either direction of the dyad.")] = False,
    cameo: Annotated[str | None, Query(pattern=r"^[0-9]{2,4}$", description="CAMEO code or prefix.")] = None,
    event: Annotated[PLOVER | None, Query(description="PLOVER category.")] = None,
    start: DateQ = None,
    end: DateQ = None,
    q: Annotated[str | None, Query(max_length=200, description="Words the sentence contains.")] = None,
    doc_id: Annotated[str | None, Query(max_length=512)] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 50,
    offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0,
) -> dict[str, Any]:
    start, end = _range(start, end)
    total, records = queries.list_events(
        con, actor=_upper(actor), recipient=_upper(recipient), both_directions=both, cameo=cameo, event=event,
        start=start, end=end, q=q or None, doc_id=doc_id, limit=limit, offset=offset,
    )
    return {"total": total, "limit": limit, "offset": offset, "events": _clean(records)}


def _dyad_row(row: Any) -> dict[str, Any]:
    if isinstance(row, dict):
        return {"a": row.get("a") or row.get("actor"), "b": row.get("b") or row.get("recipient"),
                "events": row.get("events", row.get("count"))}
    a, b, n = row
    return {"a": a, "b": b, "events": n}


@router.get("/dyads", summary="Dyads in the store, busiest first: directed, and as pairs (both directions)")
def dyads(con: Con, limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 50) -> dict[str, Any]:
    directed = [_dyad_row(r) for r in sources.dyads(con)]
    directed = [d for d in directed if d["a"] and d["b"] and d["a"] != d["b"]]
    pairs: dict[tuple[str, str], int] = {}
    for d in directed:
        key = (min(d["a"], d["b"]), max(d["a"], d["b"]))
        pairs[key] = pairs.get(key, 0) + int(d["events"] or 0)
    ranked = sorted(pairs.items(), key=lambda kv: (-kv[1], kv[0]))
    return {"dyads": _clean(directed[:limit]),
            "pairs": [{"a": a, "b": b, "events": n} for (a, b), n in ranked[:limit]]}


@router.get("/dyads/{a}/{b}/series", summary="Both directions of a dyad per period")
def dyad_series(
    con: Con,
    a: Annotated[str, Path(pattern=CODE, description="Country or actor code.")],
    b: Annotated[str, Path(pattern=CODE, description="Country or actor code.")],
    by: By = "month",
    normalise: Annotated[bool, Query(description="Divide counts by the store's volume in each period.")] = False,
    start: DateQ = None,
    end: DateQ = None,
    top: Annotated[int, Query(ge=0, le=20, description="Top events per period.")] = 3,
) -> dict[str, Any]:
    a, b = a.upper(), b.upper()
    if a == b:
        raise HTTPException(422, "invalid parameters: a dyad needs two different codes")
    for code in (a, b):
        if not queries.code_in_store(con, code):
            raise HTTPException(404, f"no events involve {code!r} in this store")
    start, end = _range(start, end)
    return _clean(sources.dyad_series(con, a, b, by=by, normalise=normalise, start=start, end=end, top=top))


@router.get("/shifts", summary="Stance shifts of directed dyads, with evidence before and after")
def shifts(con: Con, actor: Code = None, recipient: Code = None, by: By = "month") -> dict[str, Any]:
    return {"shifts": _clean(list(sources.find_shifts(con, actor=_upper(actor), recipient=_upper(recipient), by=by)))}


@router.get("/claims", summary="Numeric claims grouped by what they count, with claimants; disputed first")
def claims(
    con: Con,
    disputed: Annotated[bool, Query(description="Only groups whose claimants disagree.")] = False,
) -> dict[str, Any]:
    groups = list(sources.claim_groups(con))
    if disputed:
        groups = [g for g in groups if g.get("disputed")]
    return {"groups": _clean(groups)}


@router.get("/quality", summary="Data-quality figures of the store")
def quality(con: Con) -> dict[str, Any]:
    return _clean(dict(sources.quality(con)))


@router.get("/actors", summary="Actor codes for the picker: the store's codes and known actors, by code or name")
def actors(
    con: Con,
    q: Annotated[str | None, Query(max_length=100, description="Part of a code or name.")] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 50,
) -> dict[str, Any]:
    texts = {}
    rows = {}
    for r in queries.store_codes(con):
        rows[r["code"]] = {"code": r["code"], "name": r["name"], "country": None, "mentions": r["mentions"],
                           "example": r["example"]}
        texts[r["code"]] = " | ".join(r["texts"]).lower()
    for known in sources.known_actors():
        code = known.get("code")
        if not code:
            continue
        row = rows.setdefault(code, {"code": code, "name": None, "country": None, "mentions": 0, "example": None})
        row["name"] = known.get("name") or row["name"]
        row["country"] = known.get("country")
    found = list(rows.values())
    if q:
        needle = q.strip().lower()
        found = [r for r in found if needle in r["code"].lower() or needle in (r["name"] or "").lower()
                 or needle in texts.get(r["code"], "")]
        # An exact code first, then codes that start with the words, then the rest; busiest first within each.
        found.sort(key=lambda r: (r["code"].lower() != needle, not r["code"].lower().startswith(needle),
                                  -r["mentions"], r["code"]))
    else:
        found.sort(key=lambda r: (-r["mentions"], r["code"]))
    return {"actors": found[:limit]}


@router.get("/documents/{doc_id:path}", summary="A document's cleaned text, metadata, events and claims")
def document(con: Con, doc_id: Annotated[str, Path(max_length=512)]) -> dict[str, Any]:
    if not doc_id or re.search(r"[\x00-\x1f]", doc_id):
        raise HTTPException(422, "invalid parameter 'doc_id'")
    found = queries.get_document(con, doc_id)
    if found is None:
        raise HTTPException(404, f"no document {doc_id[:80]!r} in this store")
    return _clean(found)
