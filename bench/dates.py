"""Benchmark for eventline.dates on TimeML corpora (TimeBank, AQUAINT under ../shared/data/dates).

Two measures:
- resolve: value accuracy on gold DATE expressions, each resolved alone against the document's creation
  time, scored exactly as ../shared/eval/dates_eval.py scores it; with errors grouped by the shape of the
  expression (digits -> 9, month names -> MONTH, weekdays -> WEEKDAY) so the rule to fix is visible;
- find: on the running text, the share of gold DATE expressions that `find` reports at the same place,
  and of those the share with the gold value (the clause's tense is used here).

Usage: .venv/bin/python bench/dates.py [DIR ...]   (default: ../shared/data/dates/TimeBank and AQUAINT)
"""

from __future__ import annotations

import html
import re
import sys
import time
from collections import Counter
from datetime import date
from pathlib import Path

import eventline.dates as D

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DIRS = [
    REPO.parent / "shared" / "data" / "dates" / "TimeBank",
    REPO.parent / "shared" / "data" / "dates" / "AQUAINT",
]
_MONTHS = (
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|"
    r"nov(?:ember)?|dec(?:ember)?"
)
_WEEKDAYS = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day"


def shape(expr: str) -> str:
    s = expr.lower()
    s = re.sub(rf"\b(?:{_MONTHS})\b\.?", "MONTH", s)
    s = re.sub(rf"\b{_WEEKDAYS}\b", "WEEKDAY", s)
    return re.sub(r"\d", "9", s)


def documents(folder: Path):
    """(anchor, text with TIMEX3 tags, plain text, gold DATE expressions as (start, end, expr, value))."""
    for f in sorted(folder.rglob("*.tml")):
        x = f.read_text(encoding="utf-8", errors="replace")
        dct = re.search(
            r'<TIMEX3[^>]*functionInDocument="CREATION_TIME"[^>]*value="(\d{4})-(\d{2})-(\d{2})', x
        ) or re.search(r'<TIMEX3[^>]*value="(\d{4})-(\d{2})-(\d{2})"[^>]*functionInDocument="CREATION_TIME"', x)
        if not dct:
            continue
        anchor = date(*map(int, dct.groups()))
        body = x.split("<TEXT>", 1)[-1].split("</TEXT>", 1)[0]
        plain, gold, pos = [], [], 0
        for m in re.finditer(r"<TIMEX3([^>]*)>(.*?)</TIMEX3>|<[^>]+>|[^<]+", body, re.S):
            if m.group(1) is not None:
                attrs = dict(re.findall(r'(\w+)="([^"]*)"', m.group(1)))
                inner = html.unescape(re.sub(r"<[^>]+>", "", m.group(2)))
                if attrs.get("type") == "DATE":
                    expr = inner.strip()
                    lead = len(inner) - len(inner.lstrip())
                    gold.append((pos + lead, pos + lead + len(expr), expr, attrs.get("value")))
                plain.append(inner)
                pos += len(inner)
            elif not m.group(0).startswith("<"):
                t = html.unescape(m.group(0))
                plain.append(t)
                pos += len(t)
        yield f.name, anchor, "".join(plain), gold


def bench(folder: Path) -> None:
    total = ok = 0
    by_shape: Counter[str] = Counter()
    shape_total: Counter[str] = Counter()
    examples: dict[str, list[str]] = {}
    found_at = found_ok = 0
    find_seconds = 0.0
    chars = 0
    for _name, anchor, text, gold in documents(folder):
        t0 = time.process_time()
        found = D.find(text, anchor)
        find_seconds += time.process_time() - t0
        chars += len(text)
        spans = {(s, e): v for s, e, _t, v in found}
        for start, end, expr, value in gold:
            got = D.resolve(expr, anchor)
            total += 1
            key = shape(expr)
            shape_total[key] += 1
            if got == value:
                ok += 1
            else:
                by_shape[key] += 1
                examples.setdefault(key, []).append(f"{expr!r} @{anchor}: gold {value} got {got}")
            overlapping = [v for (s, e), v in spans.items() if s < end and e > start]
            if overlapping:
                found_at += 1
                found_ok += value in overlapping
    print(f"## {folder.name}")
    print(f"resolve: {total} gold DATE expressions, accuracy {ok / total:.4f}")
    print(
        f"find:    {found_at / total:.4f} of gold expressions found in running text; "
        f"value accuracy on those {found_ok / max(found_at, 1):.4f}"
    )
    speed = chars / max(find_seconds, 1e-9) / 1e6
    print(f"find speed: {speed:.2f} M chars/s of CPU time ({find_seconds:.2f} s for {chars} chars)")
    print("errors by pattern (misses / total):")
    for key, n in by_shape.most_common(25):
        print(f"  {n:3d}/{shape_total[key]:<3d} {key!r}: {examples[key][0]}")
    print()


def main(argv: list[str]) -> None:
    dirs = [Path(a) for a in argv] or DEFAULT_DIRS
    for d in dirs:
        if not d.exists():
            print(f"skip {d} (absent)")
            continue
        bench(d)


if __name__ == "__main__":
    main(sys.argv[1:])
