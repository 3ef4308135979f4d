"""dateparser as the last resort for one expression the rules did not recognise.

Slow (milliseconds a call), so only ``resolve`` uses it, never ``find``; always anchored (RELATIVE_BASE)
at the publication date and preferring the past, as news does. The granularity dateparser reports
('day', 'week', 'month', 'year') decides the shape of the value."""

from __future__ import annotations

import re
from datetime import date, datetime
from functools import lru_cache
from typing import Any

# Without one of these there is nothing dateparser could read as a calendar date.
_WORTH_TRYING = re.compile(r"\d|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|day|week|month|year|ago", re.I)


@lru_cache(maxsize=32)
def _parser(anchor: date) -> Any:
    from dateparser.date import DateDataParser

    settings = {
        "RELATIVE_BASE": datetime(anchor.year, anchor.month, anchor.day),
        "PREFER_DATES_FROM": "past",
        "PREFER_DAY_OF_MONTH": "first",
    }
    return DateDataParser(languages=["en"], settings=settings)


def parse_with_dateparser(expr: str, anchor: date) -> str | None:
    if not _WORTH_TRYING.search(expr) or len(expr) > 60:
        return None
    try:
        data = _parser(anchor).get_date_data(expr)
    except Exception:  # dateparser raises on odd input; an unparsed expression is simply None
        return None
    if data is None or data.date_obj is None:
        return None
    d = data.date_obj.date()
    period = data.period or "day"
    if period == "year":
        return f"{d.year:04d}"
    if period == "month":
        return f"{d.year:04d}-{d.month:02d}"
    if period == "week":
        y, w, _ = d.isocalendar()
        return f"{y:04d}-W{w:02d}"
    return d.isoformat()
