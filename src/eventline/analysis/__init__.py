"""From event mentions to understanding: merged events, dyad timelines, stance shifts, numeric claims and the
standard export layouts. Reads the store; knows nothing of parsing.

Python API (all return plain data: dicts and lists, ready for JSON or a DataFrame):

    merge.merged_events(con, one_a_day=False, window_days=3)     events, each with its mention record ids
    timeline.dyad_series(con, a, b, by="month", normalise=False)  both directions of a dyad per period
    shifts.find_shifts(con, actor=None, recipient=None, by="month")
    claims.claim_groups(con)                                     numeric claims grouped, disputed first
    exports.EXPORTERS[fmt](con, out_path) -> list of files        gdelt, icews, polecat, plover
    dyads(con), quality(con), demo_report(con)

`con` is a DuckDB connection, a `Store`, or a path to a store file. Actor arguments are country codes
('PRK', matched against an entity's country) or actor codes ('PRKGOV', matched as a prefix of its code).
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from eventline.analysis.claims import claim_groups
from eventline.analysis.merge import merge_records, merged_events
from eventline.analysis.records import _has_table, connect, mention_records, party
from eventline.analysis.shifts import find_shifts
from eventline.analysis.timeline import dyad_series

__all__ = [
    "claim_groups", "demo_report", "dyad_series", "dyads", "find_shifts", "merged_events", "quality",
]


def dyads(con: Any, merged: bool = True) -> list[tuple[str, str, int]]:
    """Directed dyads (actor country, recipient country, count), busiest first; countries fall back to actor
    codes for actors without one. Counts merged events unless `merged=False` (then mention records)."""
    records = mention_records(con)
    rows = merge_records(records) if merged else records
    counts: Counter[tuple[str, str]] = Counter()
    for r in rows:
        a, b = party(r.get("actor") or []), party(r.get("recipient") or [])
        if a and b:
            counts[(a, b)] += 1
    return [(a, b, n) for (a, b), n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]


def quality(con: Any) -> dict[str, Any]:
    """What the store holds and how much of it to trust: documents, duplicates, mentions, merged events, the
    share of records dated only by publication date, and the share with an unknown actor."""
    con = connect(con)
    docs = dups = 0
    if _has_table(con, "documents"):
        docs, dups = con.execute(
            "SELECT count(*), count(duplicate_of) FROM documents"
        ).fetchone() or (0, 0)
    records = mention_records(con)
    n = len(records)
    by_publication = sum(1 for r in records if r.get("date_basis") == "publication")

    def unknown(entities: list[dict[str, Any]]) -> bool:
        return any((e.get("code") or "UNK") == "UNK" for e in entities)

    unknown_actor = sum(1 for r in records if unknown(r.get("actor") or []) or unknown(r.get("recipient") or []))
    claims = con.execute("SELECT count(*) FROM claims").fetchone()[0] if _has_table(con, "claims") else 0
    return {
        "documents": docs,
        "duplicates": dups,
        "events": n,  # mention records, one per sentence that reports an event
        "mentions": n,
        "merged_events": len(merge_records(records)),
        "claims": claims,
        "share_dated_by_publication": round(by_publication / n, 3) if n else None,
        "share_unknown_actor": round(unknown_actor / n, 3) if n else None,
    }


def demo_report(con: Any, by: str | None = None) -> str:
    """The busiest country dyad's timeline (both directions) and its stance shifts, as plain text."""
    from eventline.analysis.render import series_text, shifts_text

    pairs = [(a, b, n) for a, b, n in dyads(con) if a != b]
    if not pairs:
        return "No dyad with events in this store yet."
    a, b, _ = pairs[0]
    events = merged_events(con)
    series = None
    for period in ([by] if by else ["month", "year"]):
        series = dyad_series(con, a, b, by=period, events=events)
        shifts = find_shifts(con, a, b, by=period, events=events) + find_shifts(con, b, a, by=period, events=events)
        if shifts or by:
            break
    assert series is not None
    text = series_text(series) + "\n\n" + shifts_text(shifts, title=f"Stance shifts between {a} and {b}")
    return text + "".join("\n\n" + part for part in (_shift_overview(shifts), _disputes_overview(con)) if part)


def _shift_overview(shifts: list[dict[str, Any]]) -> str:
    """Each direction's shifts in time order, one per line: the story of the dyad at a glance."""
    rows = []
    last = None
    for s in sorted(shifts, key=lambda s: (s["actor"], s["recipient"], s["at"])):
        direction = f"{s['actor']} -> {s['recipient']}"
        change = f"{s['before']['dominant_event']} -> {s['after']['dominant_event']}"
        rows.append((direction if direction != last else "", s["at"], s["direction"], change,
                     f"certainty {s['certainty']:.2f}"))
        last = direction
    if not rows:
        return ""
    widths = [max(len(r[i]) for r in rows) for i in range(4)]
    return "\n".join(["In short:", *("  " + "  ".join(c.ljust(w) for c, w in zip(r[:4], widths, strict=True))
                                       + "  " + r[4] for r in rows)])


def _disputes_overview(con: Any, limit: int = 3) -> str:
    """The numbers the sides disagree about (`eventline claims` has the sentences)."""
    lines = []
    for group in [g for g in claim_groups(con) if g["disputed"]][:limit]:
        for dispute in group["disputes"]:
            said = "; ".join(f"{who} says {' or '.join(f'{v:g}' for v in values)}"
                             for who, values in dispute["values"].items())
            facet = f" ({dispute['facet']})" if dispute.get("facet") else ""
            lines.append(f"  {group['subject']}{facet}: {said}")
    return "\n".join(["Disputed numbers (eventline claims shows who says what, and where):", *lines]) if lines else ""
