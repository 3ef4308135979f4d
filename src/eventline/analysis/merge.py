"""From mentions to events. The store keeps one row per *mention* (a sentence reporting an event); this module
groups the mentions that report the same real-world event and returns each event with the ids of its mentions.

Two rules (see docs/analysis.md):

* default: the same actor side and recipient side (each compared as its set of (country, sector) pairs), the
  same CAMEO root (first two digits), the same polarity (negated or not), and dates chained within
  `window_days`. Mentions dated only to a month or year join the one day-dated event of their key inside that
  month or year when there is exactly one; otherwise they form an event with the mentions of the same key and
  the same imprecise date.
* `one_a_day=True`: the Phoenix filter: one event per date, actor codes, recipient codes and full CAMEO code.

Counts are explicit: `num_mentions` (records), `num_articles` (documents carrying them, plus documents stored
as duplicates of those, which are not coded), `num_sources` (distinct publishers; a document without a
publisher counts as its own source). Knows nothing of parsing or coding.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable
from datetime import date
from typing import Any

from eventline.analysis.records import date_bounds, date_precision, mention_records, public

_REPRESENTATIVE_FIELDS = (
    "actor", "recipient", "cameo", "event", "goldstein", "quad_class", "mode", "context", "negated", "modality",
    "said_by", "text", "doc_id", "sentence_index", "span", "trigger", "url", "publisher", "pub_date", "location",
    "date_basis",
)


def _side(entities: list[dict[str, Any]]) -> tuple[tuple[str, str], ...]:
    return tuple(sorted({((e.get("country") or e.get("code") or "UNK"), (e.get("sector") or "")) for e in entities}))


def _codes(entities: list[dict[str, Any]]) -> tuple[str, ...]:
    return tuple(sorted({e.get("code") or "UNK" for e in entities}))


def merge_key(record: dict[str, Any]) -> tuple[Any, ...]:
    """What two mentions must share to be one event under the default rule."""
    return (
        _side(record["actor"]), _side(record["recipient"]), (record.get("cameo") or "")[:2],
        bool(record.get("negated")),
    )


def one_a_day_key(record: dict[str, Any]) -> tuple[Any, ...]:
    return (record.get("date"), _codes(record["actor"]), _codes(record["recipient"]), record.get("cameo"))


def _cluster_key_group(mentions: list[dict[str, Any]], window_days: int) -> list[list[dict[str, Any]]]:
    """Clusters the mentions of one merge key by date."""
    by_day = sorted(
        (m for m in mentions if date_precision(m.get("date")) == "day"), key=lambda m: (m["date"], m["id"])
    )
    clusters: list[list[dict[str, Any]]] = []
    last: date | None = None
    for m in by_day:
        d = date.fromisoformat(m["date"])
        if last is None or (d - last).days > window_days:
            clusters.append([])
        clusters[-1].append(m)
        last = d
    imprecise: dict[str | None, list[dict[str, Any]]] = {}
    for m in mentions:
        if date_precision(m.get("date")) == "day":
            continue
        bounds = date_bounds(m.get("date"))
        inside = []
        if bounds:
            lo, hi = bounds
            # Only the day-dated members place a cluster in time (an imprecise one may already have joined it).
            inside = [c for c in clusters if any(date_precision(x.get("date")) == "day"
                                                 and lo <= date.fromisoformat(x["date"]) <= hi for x in c)]
        if len(inside) == 1:
            inside[0].append(m)
        else:
            imprecise.setdefault(m.get("date"), []).append(m)
    clusters.extend(imprecise.values())
    return clusters


def _representative(mentions: list[dict[str, Any]]) -> dict[str, Any]:
    codes = Counter(m.get("cameo") for m in mentions)
    rank = {"day": 0, "month": 1, "year": 2, None: 3}
    return max(
        mentions,
        key=lambda m: (codes[m.get("cameo")], m.get("confidence") or 0.0, -rank[date_precision(m.get("date"))]),
    )


def _event_date(mentions: list[dict[str, Any]]) -> str | None:
    """The most reported day (ties: the earliest); without day dates, the most precise date given."""
    days = Counter(m["date"] for m in mentions if date_precision(m.get("date")) == "day")
    if days:
        top = max(days.values())
        return min(d for d, n in days.items() if n == top)
    dates = sorted((m.get("date") for m in mentions if m.get("date")), key=lambda d: (-len(d), d))
    return dates[0] if dates else None


def _event(mentions: list[dict[str, Any]]) -> dict[str, Any]:
    mentions = sorted(mentions, key=lambda m: (m.get("date") or "", m["doc_id"], m.get("sentence_index") or 0,
                                               m["id"]))
    ids = [m["id"] for m in mentions]
    rep = _representative(mentions)
    docs = {m["doc_id"] for m in mentions}
    articles = set(docs)
    sources: set[str] = set()
    for m in mentions:
        articles.update(m.get("_doc_duplicates", []))
        publishers = m.get("_doc_publishers") or []
        sources.update(publishers if publishers else [f"doc:{m['doc_id']}"])
    dated = sorted(m["date"] for m in mentions if m.get("date"))
    event = {
        "event_id": "ev-" + hashlib.sha1("|".join(sorted(ids)).encode()).hexdigest()[:16],
        "date": _event_date(mentions),
        "date_range": [dated[0], dated[-1]] if dated else None,
        "mentions": ids,
        "num_mentions": len(ids),
        "num_articles": len(articles),
        "num_sources": len(sources),
        "doc_ids": sorted(docs),
        "cameos": sorted({m["cameo"] for m in mentions if m.get("cameo")}),
        "confidence": max((m.get("confidence") or 0.0) for m in mentions),
        "representative": rep["id"],
    }
    for field in _REPRESENTATIVE_FIELDS:
        event[field] = rep.get(field)
    return event


def merge_records(
    records: Iterable[dict[str, Any]], one_a_day: bool = False, window_days: int = 3
) -> list[dict[str, Any]]:
    """Merged events from mention records (dicts as `mention_records` returns, or plain event records)."""
    groups: dict[tuple[Any, ...], list[dict[str, Any]]] = {}
    for r in records:
        r = dict(r)
        for key in ("actor", "recipient", "said_by", "context"):
            r[key] = list(r.get(key) or [])
        groups.setdefault(one_a_day_key(r) if one_a_day else merge_key(r), []).append(r)
    events = []
    for mentions in groups.values():
        clusters = [mentions] if one_a_day else _cluster_key_group(mentions, window_days)
        events.extend(_event(c) for c in clusters if c)
    events.sort(key=lambda e: (e["date"] or "", e["event_id"]))
    return events


def merged_events(con: Any, one_a_day: bool = False, window_days: int = 3) -> list[dict[str, Any]]:
    """Every event in the store, each with the ids of the mention records that report it (oldest first).

    con: a DuckDB connection, a Store, or a path to a store file.
    """
    return merge_records(mention_records(con), one_a_day=one_a_day, window_days=window_days)


def mentions_by_id(con: Any) -> dict[str, dict[str, Any]]:
    """Mention records keyed by id, without helper keys (for showing an event's evidence)."""
    return {r["id"]: public(r) for r in mention_records(con)}
