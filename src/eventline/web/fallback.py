"""Thin stand-ins for the analysis functions the API serves, used only while `eventline.analysis` lacks them.

TODO(analysis): delete each function here once its real counterpart (timeline.dyad_series, shifts.find_shifts,
claims.claim_groups, analysis.dyads, analysis.quality) has landed; `eventline.web.sources` already prefers
the real ones. They keep the same signatures and result shapes so the dashboard does not notice the swap.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

import duckdb

_PERIOD = {
    "day": "CASE WHEN length(date) = 10 THEN date END",
    "week": "CASE WHEN length(date) = 10 THEN strftime(CAST(date AS DATE), '%G-W%V') END",
    "month": "CASE WHEN length(date) >= 7 THEN substr(date, 1, 7) END",
    "year": "substr(date, 1, 4)",
}
_MATCH = "len(list_filter({col}, lambda x: x.country = ? OR starts_with(x.code, ?))) > 0"


def _directed(con: duckdb.DuckDBPyConnection, a: str, b: str, by: str, start: str | None, end: str | None):
    where = [_MATCH.format(col="actor"), _MATCH.format(col="recipient")]
    params: list[Any] = [a, a, b, b]
    if start:
        where.append("date >= substr(?, 1, length(date))")
        params.append(start)
    if end:
        where.append("substr(date, 1, length(?)) <= ?")
        params += [end, end]
    return con.execute(
        f"SELECT {_PERIOD[by]} AS period, id, date, quad_class, event, goldstein, confidence, cameo, text, doc_id "
        f"FROM events WHERE {' AND '.join(where)} ORDER BY date, id",
        params,
    ).fetchall()


def dyad_series(
    con: duckdb.DuckDBPyConnection, a: str, b: str, by: str = "month", normalise: bool = False,
    start: str | None = None, end: str | None = None, top: int = 3,
) -> dict[str, Any]:
    totals = dict(con.execute(f"SELECT {_PERIOD[by]} AS p, count(*) FROM events GROUP BY p").fetchall())
    periods = []
    for x, y, direction in ((a, b, "A->B"), (b, a, "B->A")):
        groups: dict[str, list[tuple]] = defaultdict(list)
        for row in _directed(con, x, y, by, start, end):
            if row[0] is not None:
                groups[row[0]].append(row)
        for period in sorted(groups):
            rows = groups[period]
            quad = {str(q): 0 for q in (1, 2, 3, 4)}
            by_event: dict[str, int] = defaultdict(int)
            for r in rows:
                quad[str(r[3])] += 1
                by_event[r[4] or "NONE"] += 1
            gold = [r[5] for r in rows]
            volume = totals.get(period) or 0
            ranked = sorted(rows, key=lambda r: (-abs(r[5]) * (r[6] or 0), r[2], r[1]))[:top]
            bucket: dict[str, Any] = {
                "period": period, "direction": direction, "events": len(rows), "counts_by_quad": quad,
                "counts_by_event": dict(by_event), "goldstein_mean": sum(gold) / len(gold),
                "goldstein_sum": sum(gold), "volume": volume, "event_ids": [r[1] for r in rows],
                "top_events": [
                    {"event_id": r[1], "date": r[2], "cameo": r[7], "event": r[4], "goldstein": r[5], "text": r[8],
                     "doc_id": r[9]}
                    for r in ranked
                ],
            }
            if normalise:
                bucket["normalised"] = {
                    "events": len(rows) / volume if volume else None,
                    "counts_by_quad": {q: (n / volume if volume else None) for q, n in quad.items()},
                }
            periods.append(bucket)
    periods.sort(key=lambda p: (p["period"], p["direction"]))
    return {"a": a, "b": b, "by": by, "unit": "mentions", "normalised": normalise, "periods": periods}


def find_shifts(
    con: duckdb.DuckDBPyConnection, actor: str | None = None, recipient: str | None = None, by: str = "month"
) -> list[dict[str, Any]]:
    if actor and recipient:
        pairs = [(actor, recipient)]
    else:
        pairs = [(x, y) for x, y, n in dyads(con) if n >= 4 and x != y]
        if actor:
            pairs = [p for p in pairs if p[0] == actor]
        if recipient:
            pairs = [p for p in pairs if p[1] == recipient]
    shifts = []
    for x, y in pairs:
        rows = [r for r in _directed(con, x, y, by, None, None) if r[0] is not None]
        periods = sorted({r[0] for r in rows})
        best = None
        for k in range(1, len(periods)):
            before = [r for r in rows if r[0] < periods[k]]
            after = [r for r in rows if r[0] >= periods[k]]
            if len(before) < 2 or len(after) < 2:
                continue
            mb = sum(r[5] for r in before) / len(before)
            ma = sum(r[5] for r in after) / len(after)
            if best is None or abs(ma - mb) > abs(best[0]):
                best = (ma - mb, periods[k], mb, ma, before, after)
        if best and abs(best[0]) >= 3.0:
            change, period, mb, ma, before, after = best

            def evidence(rows: list[tuple]) -> list[dict[str, Any]]:
                picked = sorted(rows, key=lambda r: (-abs(r[5]), r[2]))[:3]
                return [{"id": r[1], "date": r[2], "cameo": r[7], "goldstein": r[5], "text": r[8],
                         "doc_id": r[9]} for r in picked]

            shifts.append({
                "actor": x, "recipient": y, "period": period, "by": by,
                "direction": "toward conflict" if change < 0 else "toward cooperation",
                "before": {"goldstein_mean": mb, "events": len(before), "evidence": evidence(before)},
                "after": {"goldstein_mean": ma, "events": len(after), "evidence": evidence(after)},
                "change": change,
            })
    return shifts


def claim_groups(con: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    rows = con.execute(
        "SELECT id, doc_id, subject_key, counted, value, qualifier, claimant, text, date FROM claims "
        "ORDER BY subject_key, value, id"
    ).fetchall()
    groups: dict[str, list[tuple]] = defaultdict(list)
    for r in rows:
        groups[r[2] or r[0]].append(r)
    out = []
    for key, rs in groups.items():
        values = {r[4] for r in rs}
        out.append({
            "subject_key": key, "counted": rs[0][3], "disputed": len(values) > 1,
            "claims": [{"id": r[0], "doc_id": r[1], "value": r[4], "qualifier": r[5], "claimant": r[6],
                        "text": r[7], "date": r[8]} for r in rs],
        })
    out.sort(key=lambda g: (not g["disputed"], g["subject_key"]))
    return out


def dyads(con: duckdb.DuckDBPyConnection) -> list[tuple[str, str, int]]:
    rows = con.execute(
        """
        SELECT coalesce(actor[1].country, actor[1].code) AS x, coalesce(recipient[1].country, recipient[1].code) AS y,
               count(*) AS n
        FROM events WHERE len(recipient) > 0 AND x IS NOT NULL AND y IS NOT NULL AND x <> 'UNK' AND y <> 'UNK'
        GROUP BY x, y ORDER BY n DESC, x, y
        """
    ).fetchall()
    return [(x, y, n) for x, y, n in rows]


def quality(con: duckdb.DuckDBPyConnection) -> dict[str, Any]:
    docs, dups = con.execute("SELECT count(*), count(duplicate_of) FROM documents").fetchone()
    # Same keys as eventline.analysis.quality.
    events, by_pub = con.execute(
        "SELECT count(*), count(*) FILTER (WHERE date_basis = 'publication') FROM events"
    ).fetchone()
    entities, unknown = con.execute(
        "SELECT count(*), count(*) FILTER (WHERE e.code IS NULL OR e.code = 'UNK') "
        "FROM (SELECT unnest(list_concat(actor, recipient)) AS e FROM events)"
    ).fetchone()
    return {
        "documents": docs, "duplicates": dups, "events": events, "mentions": events,
        "share_dated_by_publication": (by_pub / events) if events else None,
        "share_unknown_actor": (unknown / entities) if entities else None,
    }
