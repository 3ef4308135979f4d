"""Benchmark for eventline.dates on TimeML corpora (TimeBank, AQUAINT under ../shared/data/dates).

Two measures:
- resolve: value accuracy on gold DATE expressions, each resolved alone against the document's creation
  time, scored exactly as ../shared/eval/dates_eval.py scores it; with errors grouped by the shape of the
  expression (digits -> 9, month names -> MONTH, weekdays -> WEEKDAY) so the rule to fix is visible;
- find: on the running text, the share of gold DATE expressions that `find` reports at the same place,
  and of those the share with the gold value (the clause's tense is used here).

Usage: .venv/bin/python bench/dates.py [DIR ...]   (default: ../shared/data/dates/TimeBank and AQUAINT)
       .venv/bin/python bench/dates.py --speed       (find on 6,000 Timeline17 news sentences, CPU s, best of 5)
"""

from __future__ import annotations

import re
import sys
import time
from collections import Counter
from datetime import date
from pathlib import Path

import eventline.dates as D
from eventline.dates.timeml import read_timeml

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DIRS = [
    REPO.parent / "shared" / "data" / "dates" / "TimeBank",
    REPO.parent / "shared" / "data" / "dates" / "AQUAINT",
]
T17 = REPO.parent / "shared" / "data" / "news" / "timeline17"
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


def news_sentences(limit: int = 6000) -> list[tuple[str, date]]:
    """The first `limit` sentences of the Timeline17 articles (files in name order), each with its folder's date."""
    out: list[tuple[str, date]] = []
    for f in sorted(T17.glob("*/InputDocs/*/*.txt")):
        try:
            anchor = date.fromisoformat(f.parent.name)
        except ValueError:
            continue
        for sentence in re.split(r"(?<=[.!?])\s+|\n+", f.read_text(encoding="utf-8", errors="replace")):
            if sentence.strip():
                out.append((sentence.strip(), anchor))
                if len(out) == limit:
                    return out
    return out


def speed() -> None:
    sentences = news_sentences()
    if not sentences:
        print(f"skip speed: {T17} absent")
        return
    best = float("inf")
    for _ in range(5):
        t0 = time.process_time()
        found = sum(len(D.find(text, anchor)) for text, anchor in sentences)
        best = min(best, time.process_time() - t0)
    chars = sum(len(text) for text, _anchor in sentences)
    print(f"find on {len(sentences)} Timeline17 sentences ({chars} chars): {best:.3f} s CPU (best of 5), {found} found")


def main(argv: list[str]) -> None:
    if argv == ["--speed"]:
        speed()
        return
    dirs = [Path(a) for a in argv] or DEFAULT_DIRS
    for d in dirs:
        if not d.exists():
            print(f"skip {d} (absent)")
            continue
        bench(d)


if __name__ == "__main__":
    main(sys.argv[1:])
