"""Plain-text renderings of the analysis results for the terminal (`--format table`) and `eventline demo`.
The JSON output and the web API render the same dicts; nothing is computed here."""

from __future__ import annotations

import textwrap
from typing import Any

QUAD_NAMES = {1: "verbal coop", 2: "material coop", 3: "verbal conflict", 4: "material conflict"}


def _fmt(x: float | None) -> str:
    return "   -" if x is None else f"{x:+.2f}"


def _sentence(text: str | None, width: int = 100) -> str:
    text = " ".join((text or "").split())
    return textwrap.shorten(text, width=width, placeholder=" ...")


def series_text(series: dict[str, Any]) -> str:
    a, b = series["a"], series["b"]
    lines = [f"Dyad {a} <-> {b} by {series['by']} (counts are merged events; mentions in brackets)"]
    header = (f"{'period':<11} {'direction':<15} {'events':>10} {'coop v/m':>9} {'confl v/m':>9} "
              f"{'gold mean':>9} {'sum':>7}")
    if series.get("normalised"):
        header += f" {'share':>7}"
    lines += [header, "-" * len(header)]
    for p in series["periods"]:
        q = p["counts_by_quad"]
        label = f"{a}->{b}" if p["direction"] == "A->B" else f"{b}->{a}"
        counts = f"{p['events']} ({p['mentions']})"
        row = (f"{p['period']:<11} {label:<15} {counts:>10} "
               f"{q[1]:>4}/{q[2]:<4} {q[3]:>4}/{q[4]:<4} {_fmt(p['goldstein_mean']):>9} {p['goldstein_sum']:>7.1f}")
        if series.get("normalised"):
            share = p["normalised"]["events"]
            row += f" {share:>7.3f}" if share is not None else "       -"
        lines.append(row)
        for e in p["top_events"]:
            what = e["event"] or e["cameo"]
            lines.append(f"    {e['date']} {what} ({e['cameo']}, {_fmt(e['goldstein'])}, x{e['num_mentions']}): "
                         f"{_sentence(e['text'])}")
    if not series["periods"]:
        lines.append("(no events between these actors)")
    if series.get("imprecise"):
        lines.append(f"{len(series['imprecise'])} event(s) dated too coarsely for '{series['by']}' left out")
    return "\n".join(lines)


def shifts_text(shifts: list[dict[str, Any]], title: str = "Stance shifts") -> str:
    lines = [title]
    if not shifts:
        lines.append("(no stance shift found)")
    for s in shifts:
        b, a = s["before"], s["after"]
        lines.append(
            f"{s['actor']} -> {s['recipient']}: {s['direction']} at {s['at']} "
            f"(certainty {s['certainty']:.2f}; {b['n']} event(s) before, {a['n']} after)"
        )
        lines.append("  " + "; ".join(s["reasons"]))
        for label, side in (("before", b), ("after", a)):
            lines.append(f"  {label} {side['start']}..{side['end']}: mean Goldstein {_fmt(side['goldstein_mean'])}, "
                         f"mostly {side['dominant_event']}")
            for e in side["evidence"][:3]:
                lines.append(f"    {e['date']} ({e['doc_id']}) {_sentence(e['text'])}")
    return "\n".join(lines)


def claims_text(groups: list[dict[str, Any]]) -> str:
    lines = ["Numeric claims (disputed first)"]
    if not groups:
        lines.append("(no numeric claims)")
    for g in groups:
        flag = "DISPUTED" if g["disputed"] else "agreed"
        lines.append(f"{g['subject']}: {flag}")
        for d in g["disputes"]:
            vals = ", ".join(f"{k} {'/'.join(str(v) for v in vs)}" for k, vs in d["values"].items())
            lines.append(f"  {d['facet'] or 'total'}: {vals}")
        for c in g["claims"]:
            qual = f"{c['qualifier']} " if c.get("qualifier") else ""
            facet = f" ({c['facet']})" if c.get("facet") else ""
            who = c["claimant_key"]
            lines.append(f"    {qual}{c['value']} {c.get('counted') or ''}{facet} by {who} ({c.get('date')}, "
                         f"{c['doc_id']}): {_sentence(c['text'], 90)}")
    return "\n".join(lines)
