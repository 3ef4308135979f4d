"""Stance shifts: the points where a directed dyad's stance toward the other side changed.

For each directed dyad (actor side -> recipient side, counted under the country, or the actor code when there is
no country), events are bucketed by period; each boundary between two consecutive non-empty periods compares
the `window` periods before with the `window` periods after. A boundary is a shift when any of:

* the mean stance score changes sign (each side at least `min_mean` away from zero);
* the dominant PLOVER category moves between cooperation and conflict (judged by the events' quad class: CAMEO
  01-08 cooperation, 09-20 conflict, so a demand is conflict even though PLOVER calls it REQUEST);
* the same mode (e.g. 'meet') appears on both sides with a cooperative category before and a conflictual one
  after, or the reverse (AGREE to meet, then REJECT a meeting).

The stance score of an event is its Goldstein value, or minus half of it when the event is negated ('did not
meet' leans away from a meeting). Certainty is erf(z / sqrt 2) for z = |difference of means| / its standard
error, where each side's variance is shrunk toward a prior of 5 Goldstein points (sd) with the weight of one
event: one event on each side is never sure, many consistent events are. Knows nothing of parsing or coding.
"""

from __future__ import annotations

import math
from collections import Counter
from typing import Any

from eventline.analysis.merge import merge_records
from eventline.analysis.records import mention_records, party, period_of, side_matches
from eventline.analysis.timeline import _salience, event_summary

COOPERATIVE = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST"}
CONFLICTUAL = {"ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}
PRIOR_SD = 5.0
PRIOR_WEIGHT = 1.0


def stance(event: dict[str, Any]) -> float:
    g = float(event.get("goldstein") or 0.0)
    return -g / 2 if event.get("negated") else g


def leaning(event: dict[str, Any]) -> int:
    """+1 cooperative, -1 conflictual, 0 neither; negation flips it. By quad class (CAMEO 01-08 cooperation,
    09-20 conflict), which splits PLOVER's REQUEST into appeals (02) and demands (10); by PLOVER category only
    when the record has no quad class. Plain statements (CAMEO 01, Goldstein 0) lean nowhere."""
    quad = event.get("quad_class")
    if quad in (1, 2):
        sign = 1 if (event.get("goldstein") or 0) > 0 or event.get("event") else 0
    elif quad in (3, 4):
        sign = -1
    elif event.get("event") in COOPERATIVE:
        sign = 1
    elif event.get("event") in CONFLICTUAL:
        sign = -1
    else:
        sign = 0
    return -sign if event.get("negated") else sign


def _sign(x: float) -> int:
    return (x > 0) - (x < 0)


def _side(events: list[dict[str, Any]], periods: list[str], evidence: int) -> dict[str, Any]:
    scores = [stance(e) for e in events]
    n = len(scores)
    mean = sum(scores) / n
    cats = Counter(e.get("event") or "NONE" for e in events)
    top = max(cats.values())
    dominant = max((c for c, k in cats.items() if k == top),
                   key=lambda c: max(abs(stance(e)) for e in events if (e.get("event") or "NONE") == c))
    dates = sorted(e["date"] for e in events if e.get("date"))
    return {
        "periods": periods,
        "start": dates[0] if dates else None,
        "end": dates[-1] if dates else None,
        "n": n,
        "mentions": sum(e["num_mentions"] for e in events),
        "goldstein_mean": round(mean, 3),
        "dominant_event": dominant,
        "counts_by_event": dict(sorted(cats.items())),
        "evidence": [event_summary(e) for e in sorted(events, key=_salience, reverse=True)[:evidence]],
        "_scores": scores,
        "_dominant_leaning": _sign(sum(leaning(e) for e in events if (e.get("event") or "NONE") == dominant)),
    }


def certainty(before: list[float], after: list[float]) -> float:
    """How sure a difference of mean stance is, given how many events stand on each side (0..1)."""
    def var(xs: list[float]) -> float:
        m = sum(xs) / len(xs)
        return (sum((x - m) ** 2 for x in xs) + PRIOR_WEIGHT * PRIOR_SD**2) / (len(xs) - 1 + PRIOR_WEIGHT)

    diff = abs(sum(after) / len(after) - sum(before) / len(before))
    se = math.sqrt(var(before) / len(before) + var(after) / len(after))
    return round(math.erf(diff / se / math.sqrt(2)), 3)


def _mode_flips(before: list[dict[str, Any]], after: list[dict[str, Any]]) -> list[str]:
    def modes(events: list[dict[str, Any]], sign: int) -> set[str]:
        return {e["mode"] for e in events if e.get("mode") and leaning(e) == sign}

    flips = []
    for mode in sorted(modes(before, 1) & modes(after, -1)):
        flips.append(f"'{mode}' went from cooperation to conflict")
    for mode in sorted(modes(before, -1) & modes(after, 1)):
        flips.append(f"'{mode}' went from conflict to cooperation")
    return flips


def _boundary(actor: str, recipient: str, by: str, cells: dict[str, list[dict[str, Any]]], periods: list[str],
              i: int, window: int, min_mean: float, evidence: int) -> dict[str, Any] | None:
    before_p, after_p = periods[max(0, i - window + 1): i + 1], periods[i + 1: i + 1 + window]
    before_e = [e for p in before_p for e in cells[p]]
    after_e = [e for p in after_p for e in cells[p]]
    before, after = _side(before_e, before_p, evidence), _side(after_e, after_p, evidence)
    mb, ma = before["goldstein_mean"], after["goldstein_mean"]
    reasons = []
    direction = None
    if mb * ma < 0 and abs(mb) >= min_mean and abs(ma) >= min_mean:
        reasons.append(f"mean Goldstein went from {mb:+.1f} to {ma:+.1f}")
        direction = "toward conflict" if ma < mb else "toward cooperation"
    lb, la = before["_dominant_leaning"], after["_dominant_leaning"]
    if lb * la < 0:
        reasons.append(f"dominant category went from {before['dominant_event']} to {after['dominant_event']}")
        direction = direction or ("toward conflict" if la < lb else "toward cooperation")
    flips = _mode_flips(before_e, after_e)
    reasons.extend(flips)
    if not reasons:
        return None
    if direction is None:
        direction = "toward conflict" if "from cooperation to conflict" in flips[0] else "toward cooperation"
    sure = certainty(before.pop("_scores"), after.pop("_scores"))
    before.pop("_dominant_leaning")
    after.pop("_dominant_leaning")
    return {
        "actor": actor,
        "recipient": recipient,
        "by": by,
        "at": after_p[0],
        "before": before,
        "after": after,
        "change": round(ma - mb, 3),
        "direction": direction,
        "reasons": reasons,
        "certainty": sure,
    }


def find_shifts(
    con: Any,
    actor: str | None = None,
    recipient: str | None = None,
    by: str = "month",
    window: int = 1,
    min_mean: float = 0.5,
    evidence: int = 5,
    one_a_day: bool = False,
    window_days: int = 3,
    events: list[dict[str, Any]] | None = None,
) -> list[dict[str, Any]]:
    """Stance shifts of every directed dyad (or those from `actor`, and to `recipient`), by dyad then time.

    actor / recipient: country codes or actor-code prefixes (see `records.entity_matches`); a dyad is then
    labelled with the code given. Without them, dyads are labelled by country (else actor code) and a side
    acting on itself is skipped.
    """
    if window < 1:
        raise ValueError(f"window must be at least 1, not {window}")
    if events is None:
        events = merge_records(mention_records(con), one_a_day=one_a_day, window_days=window_days)
    actor = actor.upper() if actor else None
    recipient = recipient.upper() if recipient else None
    dyads: dict[tuple[str, str], dict[str, list[dict[str, Any]]]] = {}
    for e in events:
        if not e.get("recipient"):
            continue
        period = period_of(e.get("date"), by)
        if period is None:
            continue
        if actor is not None and not side_matches(e["actor"], actor):
            continue
        if recipient is not None and not side_matches(e["recipient"], recipient):
            continue
        a = actor or party(e["actor"])
        r = recipient or party(e["recipient"])
        if a is None or r is None or a == r:
            continue
        dyads.setdefault((a, r), {}).setdefault(period, []).append(e)
    shifts = []
    for (a, r), cells in sorted(dyads.items()):
        periods = sorted(cells)
        for i in range(len(periods) - 1):
            shift = _boundary(a, r, by, cells, periods, i, window, min_mean, evidence)
            if shift:
                shifts.append(shift)
    return shifts
