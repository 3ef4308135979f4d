"""Time expressions in news, resolved against an anchor (the publication date) to TIMEX3-style values:
'2024-03-29', '2018-04', '2018', '2018-W17', '197X', 'PAST_REF', 'FUTURE_REF', 'PRESENT_REF'
(also '2018-Q3', '2018-H1', '2018-SU' and '2018-W17-WE' for quarters, halves, seasons and weekends).

    find(text, anchor)    -> [(start, end, text, value)]   every expression in running text (rules only, fast)
    resolve(expr, anchor) -> value or None                 one expression (rules, then dateparser)
    event_date(clause, anchor) -> (date, date_basis)       what an event record's `date`/`date_basis` should be
    record_date(value)    -> 'YYYY[-MM[-DD]]' or None      a TIMEX value mapped onto the record's date format

News conventions: a bare weekday or month ('on Friday', 'in March') is the latest such day or month up
to and including the anchor, unless a word ('next', 'coming') or the clause's tense ('will meet on
Friday') points forward (then the first one on or after the anchor: news names today by its weekday).
``find`` reads the tense from the verb next to the expression first ('said Friday', 'a court Thursday
refused'), else from the clause before it, where a reporting verb further back does not set it ('said it
is calling for a vote on Dec. 7'). A month and day without a year ('Dec. 15') is the nearest such date,
looking back by default and at most four months ahead. A day or month after 'until' is a deadline ahead.
A day named as a modifier ('Wednesday's ruling', 'the Aug. 7 blasts') is a known event: only the words next to
it ('ahead of Sunday's vote') put it ahead. 'the next day', 'the previous Friday', 'the following month' and
'until then' take the latest date written before them in the text given to ``find`` (none: not reported).

TimeML conventions followed where API.md is silent: 'a year ago' / 'a year earlier' in a sentence about
results (quarter, profit, sales, a share, ...) and 'year-earlier' / 'year-ago' name the year-ago quarter
('1988-Q3'; an expression resolved alone is read so too); 'that year', 'later that month', 'the same day'
take the unit of the latest date written before them (``find`` only); a unit marked alone ('the week',
'quarter') is an unspecified one of the anchor's year ('1989-WXX', '1989-QX'); 'daily' marked alone is 'P1D';
a bare count of units marked alone ('five years') is a point ahead. In a results sentence about nine months or a
fiscal year, 'a year earlier' is the year before, and 'the 1988 period' is otherwise that year's reported quarter.

How an event record gets its date (``event_date``; the record's `date` must match ^YYYY(-MM(-DD)?)?$):
- the first time expression in the event's clause with a concrete value wins; basis 'explicit' when the
  text names the calendar unit ('in 2002', 'on April 27', 'in March', 'the 1970s'), 'relative' when it
  is deictic ('on Friday', 'yesterday', 'last year', 'two weeks ago');
- a week ('2018-W17', 'last week') becomes the month that holds its Thursday (the month with most of
  its days): the text does not say which day, so the record claims no more than the month; a weekend
  ('2018-W17-WE') likewise becomes the month of its Saturday;
- quarters, halves and seasons become their year;
- decades ('197X'), centuries and PAST_REF / PRESENT_REF / FUTURE_REF give no date, and neither do
  anaphoric expressions ('a year earlier', 'three days later': relative to another time in the story);
  they are skipped, and with nothing else in the clause the publication date is used (basis
  'publication'). A decade or PAST_REF is still a useful signal for modality 'historical'; the coder
  can read it from ``find``.

This package knows nothing about documents or records beyond that mapping.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, datetime
from functools import lru_cache

from eventline.dates.grammar import TimeExpression, scan

__all__ = ["TimeExpression", "event_date", "find", "find_expressions", "record_date", "resolve"]


def _as_date(anchor: date | datetime | str) -> date:
    if isinstance(anchor, datetime):
        return anchor.date()
    if isinstance(anchor, date):
        return anchor
    return date.fromisoformat(str(anchor)[:10])


def find_expressions(text: str, anchor: date | datetime | str) -> list[TimeExpression]:
    """Every time expression in `text` with its value and kind (explicit, relative, anaphoric, vague)."""
    return scan(text, _as_date(anchor))


def find(text: str, anchor: date | datetime | str) -> list[tuple[int, int, str, str]]:
    """(start, end, text, value) for each time expression in `text`."""
    return [e.as_tuple() for e in find_expressions(text, anchor)]


_CAPITALISE = re.compile(
    r"\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|"
    r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|(?:mon|tues|wednes|thurs|fri|satur|sun)day)\b",
    re.I,
)


def resolve(expr: str, anchor: date | datetime | str) -> str | None:
    """The value of one time expression, or None when it is not one."""
    if not expr or not expr.strip():
        return None
    return _resolve(" ".join(expr.split()), _as_date(anchor))


@lru_cache(maxsize=65536)
def _resolve(expr: str, anchor: date) -> str | None:
    text = _CAPITALISE.sub(lambda m: m.group(0).capitalize(), expr)
    found = scan(text, anchor, lenient=True)
    if found:
        concrete = [e for e in found if e.kind != "vague"] or found
        return max(concrete, key=lambda e: e.end - e.start).value
    from eventline.dates.fallback import parse_with_dateparser

    return parse_with_dateparser(expr, anchor)


_WEEK = re.compile(r"^(\d{4})-W(\d{2})(-WE)?$")
_COARSE = re.compile(r"^(\d{4})-(?:Q[1-4]|H[12]|SP|SU|FA|WI)$")
_RECORD = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def record_date(value: str | None) -> str | None:
    """A TIMEX value as the record's YYYY[-MM[-DD]] date, or None when it names no usable date."""
    if not value:
        return None
    if _RECORD.match(value):
        return value
    week = _WEEK.match(value)
    if week:
        year, number, weekend = int(week[1]), int(week[2]), week[3]
        try:
            d = date.fromisocalendar(year, number, 6 if weekend else 4)
        except ValueError:
            return None
        return f"{d.year:04d}-{d.month:02d}"
    coarse = _COARSE.match(value)
    if coarse:
        return coarse[1]
    return None


Expressions = str | Iterable[TimeExpression | tuple[int, int, str, str]]


def event_date(clause: Expressions, anchor: date | datetime | str | None) -> tuple[str | None, str]:
    """(date, date_basis) for an event record from its clause (text, or expressions already found in it).

    date_basis is 'explicit', 'relative' or 'publication' (no usable expression: the anchor is used; the
    date is None only when there is no anchor either)."""
    anchor_date = _as_date(anchor) if anchor else None
    if anchor_date is not None:
        if isinstance(clause, str):
            expressions = find_expressions(clause, anchor_date)
        else:
            expressions = [_as_expression(e, anchor_date) for e in clause]
        for e in expressions:
            if e is None or e.kind not in ("explicit", "relative"):
                continue
            value = record_date(e.value)
            if value is not None:
                return value, e.kind
    return (anchor_date.isoformat() if anchor_date else None), "publication"


def _as_expression(e: TimeExpression | tuple[int, int, str, str], anchor: date) -> TimeExpression | None:
    if isinstance(e, TimeExpression):
        return e
    start, end, text, value = e
    found = scan(text, anchor, lenient=True)
    kind = max(found, key=lambda f: f.end - f.start).kind if found else "explicit"
    return TimeExpression(start, end, text, value, kind, "given")
