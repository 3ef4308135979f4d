"""Reading TimeML (.tml) files, as in TimeBank and AQUAINT: each document's creation time, its plain text and
its gold DATE expressions. Used to measure `eventline.dates` (bench/dates.py and the tests)."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path


def read_timeml(folder: Path) -> Iterator[tuple[str, date, str, list[tuple[int, int, str, str | None]]]]:
    """(file name, creation date, plain text, gold DATE expressions as (start, end, text, value)) per document
    with a creation time."""
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
