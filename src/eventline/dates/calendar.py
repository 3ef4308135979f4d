"""Calendar arithmetic behind the time-expression rules: weekday and month search around an anchor,
ISO weeks, quarters, seasons and a few fixed or computed holidays. Pure functions on `datetime.date`;
nothing here knows about text."""

from __future__ import annotations

from datetime import date, timedelta

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4, "may": 5,
    "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9, "september": 9,
    "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
}  # fmt: skip
SEASON_CODES = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
SEASON_START_MONTH = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


def day(d: date) -> str:
    return d.isoformat()


def month(year: int, month_: int) -> str:
    return f"{year:04d}-{month_:02d}"


def iso_week(d: date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y:04d}-W{w:02d}"


def quarter_of(d: date) -> int:
    return (d.month - 1) // 3 + 1


def shift_months(year: int, month_: int, n: int) -> tuple[int, int]:
    i = year * 12 + (month_ - 1) + n
    return i // 12, i % 12 + 1


def shift_years(d: date, n: int) -> date:
    try:
        return d.replace(year=d.year + n)
    except ValueError:  # 29 February
        return d.replace(year=d.year + n, day=28)


def weekday_on_or_before(anchor: date, weekday: int, inclusive: bool = True) -> date:
    """The latest `weekday` (0 = Monday) up to the anchor (strictly before it when not inclusive)."""
    back = (anchor.weekday() - weekday) % 7
    if back == 0 and not inclusive:
        back = 7
    return anchor - timedelta(days=back)


def weekday_after(anchor: date, weekday: int, inclusive: bool = False) -> date:
    """The earliest `weekday` after the anchor (or on it when inclusive)."""
    ahead = (weekday - anchor.weekday()) % 7
    if ahead == 0 and not inclusive:
        ahead = 7
    return anchor + timedelta(days=ahead)


def weekday_in_week(anchor: date, weekday: int) -> date:
    """That weekday in the anchor's ISO week ('this Thursday')."""
    return anchor + timedelta(days=weekday - anchor.weekday())


def month_on_or_before(anchor: date, month_: int, inclusive: bool = True) -> tuple[int, int]:
    """(year, month) of the latest such month up to the anchor's month."""
    if month_ < anchor.month or (month_ == anchor.month and inclusive):
        return anchor.year, month_
    return anchor.year - 1, month_


def month_after(anchor: date, month_: int, inclusive: bool = False) -> tuple[int, int]:
    if month_ > anchor.month or (month_ == anchor.month and inclusive):
        return anchor.year, month_
    return anchor.year + 1, month_


def safe_date(year: int, month_: int, day_: int) -> date | None:
    try:
        return date(year, month_, day_)
    except ValueError:
        return None


def thanksgiving(year: int) -> date:
    """US Thanksgiving: the fourth Thursday of November."""
    first = date(year, 11, 1)
    return first + timedelta(days=(3 - first.weekday()) % 7 + 21)


def easter(year: int) -> date:
    """Western Easter Sunday (anonymous Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    ell = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ell) // 451
    mo = (h + ell - 7 * m + 114) // 31
    return date(year, mo, (h + ell - 7 * m + 114) % 31 + 1)
