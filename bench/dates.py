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

import re
import sys
import time
from collections import Counter
from pathlib import Path

import eventline.dates as D
from eventline.dates.timeml import read_timeml

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


def bench(folder: Path) -> None:
    total = ok = 0
    by_shape: Counter[str] = Counter()
    shape_total: Counter[str] = Counter()
    examples: dict[str, list[str]] = {}
    found_at = found_ok = 0
    find_seconds = 0.0
    chars = 0
    for _name, anchor, text, gold in read_timeml(folder):
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
