"""Dyad time series: both directions of a dyad per day, week, month or year.

Counts are of merged *events* (see `merge`); each period also says how many mention records stand behind them,
so mentions are never counted as events by accident. A and B are country codes (matching an entity's country)
or actor codes (matching the start of an entity's code): 'PRK', 'PRKGOV', 'IGOUNO'.
"""

from __future__ import annotations

from typing import Any

from eventline.analysis.merge import merge_records
from eventline.analysis.records import PERIODS, check_range, in_range, mention_records, period_of, side_matches

QUADS = (1, 2, 3, 4)
NO_CATEGORY = "NONE"  # CAMEO 01 and 02 have no PLOVER category


def direction_of(event: dict[str, Any], a: str, b: str) -> str | None:
    """'A->B' when A acts on B, 'B->A' when B acts on A, else None."""
    if side_matches(event.get("actor") or [], a) and side_matches(event.get("recipient") or [], b):
        return "A->B"
    if side_matches(event.get("actor") or [], b) and side_matches(event.get("recipient") or [], a):
        return "B->A"
    return None


def event_summary(event: dict[str, Any]) -> dict[str, Any]:
    """The fields of a merged event shown as evidence: what, when, how often reported, and the sentence."""
    return {
        "event_id": event["event_id"],
        "date": event["date"],
        "actor": [e.get("text") for e in event.get("actor") or []],
        "recipient": [e.get("text") for e in event.get("recipient") or []],
        "cameo": event.get("cameo"),
        "event": event.get("event"),
        "mode": event.get("mode"),
        "negated": event.get("negated"),
        "goldstein": event.get("goldstein"),
        "quad_class": event.get("quad_class"),
        "num_mentions": event["num_mentions"],
        "num_articles": event["num_articles"],
        "text": event.get("text"),
        "doc_id": event.get("doc_id"),
        "span": event.get("span"),
        "mentions": event["mentions"],
    }


def _salience(event: dict[str, Any]) -> tuple[Any, ...]:
    return (event["num_mentions"], abs(event.get("goldstein") or 0.0), event.get("confidence") or 0.0,
            event["event_id"])


def _bucket(period: str, direction: str, events: list[dict[str, Any]], volume: int, normalise: bool,
            top: int) -> dict[str, Any]:
    quads = {q: 0 for q in QUADS}
    categories: dict[str, int] = {}
    for e in events:
        if e.get("quad_class") in quads:
            quads[e["quad_class"]] += 1
        cat = e.get("event") or NO_CATEGORY
        categories[cat] = categories.get(cat, 0) + 1
    scores = [e["goldstein"] for e in events if e.get("goldstein") is not None]
    bucket: dict[str, Any] = {
        "period": period,
        "direction": direction,
        "events": len(events),
        "mentions": sum(e["num_mentions"] for e in events),
        "counts_by_quad": quads,
        "counts_by_event": dict(sorted(categories.items())),
        "goldstein_mean": round(sum(scores) / len(scores), 3) if scores else None,
        "goldstein_sum": round(sum(scores), 3),
        "volume": volume,
        "event_ids": [e["event_id"] for e in events],
        "top_events": [event_summary(e) for e in sorted(events, key=_salience, reverse=True)[:top]],
    }
    if normalise:
        share = (lambda n: round(n / volume, 6)) if volume else (lambda n: None)
        bucket["normalised"] = {
            "events": share(len(events)),
            "goldstein_sum": share(sum(scores)),
            "counts_by_quad": {q: share(n) for q, n in quads.items()},
        }
    return bucket


def dyad_series(
    con: Any,
    a: str,
    b: str,
    by: str = "month",
    normalise: bool = False,
    start: str | None = None,
    end: str | None = None,
    top: int = 3,
    one_a_day: bool = False,
    window_days: int = 3,
    events: list[dict[str, Any]] | None = None,
) -> dict[str, Any]:
    """Both directions of the dyad A-B per period, oldest first (A->B before B->A within a period).

    `volume` is the number of events of any dyad in the period; with `normalise=True` each period also has
    `normalised` counts (share of that volume). Events dated less precisely than `by` (a bare year in a monthly
    series) are left out of the periods and listed under `imprecise`.
    events: merged events to use instead of reading the store (for callers that already merged).
    """
    if by not in PERIODS:
        raise ValueError(f"by must be one of {', '.join(PERIODS)}, not {by!r}")
    if top < 0:
        raise ValueError(f"top must be 0 or more, not {top}")
    check_range(start, end)
    a, b = a.upper(), b.upper()
    if events is None:
        events = merge_records(mention_records(con), one_a_day=one_a_day, window_days=window_days)
    events = [e for e in events if in_range(e.get("date"), start, end)]
    volume: dict[str, int] = {}
    cells: dict[tuple[str, str], list[dict[str, Any]]] = {}
    imprecise: list[str] = []
    for e in events:
        period = period_of(e.get("date"), by)
        if period is not None:
            volume[period] = volume.get(period, 0) + 1
        direction = direction_of(e, a, b)
        if direction is None:
            continue
        if period is None:
            imprecise.append(e["event_id"])
            continue
        cells.setdefault((period, direction), []).append(e)
    periods = [
        _bucket(period, direction, evs, volume[period], normalise, top)
        for (period, direction), evs in sorted(cells.items())
    ]
    totals = {}
    for direction in ("A->B", "B->A"):
        rows = [p for p in periods if p["direction"] == direction]
        n = sum(p["events"] for p in rows)
        gsum = sum(p["goldstein_sum"] for p in rows)
        totals[direction] = {
            "events": n,
            "mentions": sum(p["mentions"] for p in rows),
            "goldstein_mean": round(gsum / n, 3) if n else None,
        }
    return {
        "a": a,
        "b": b,
        "by": by,
        "unit": "events",
        "normalised": normalise,
        "periods": periods,
        "totals": totals,
        "imprecise": imprecise,
    }
