"""The rules that find time expressions in English news text and resolve them against an anchor date.

Each rule is one compiled regular expression plus a small function that turns its match into a
TIMEX3-style value and a kind:

- ``explicit``: the text names the calendar unit ('in 2002', 'April 27', 'March 2024', 'the 1970s');
- ``relative``: deictic, resolved against the anchor ('on Friday', 'yesterday', 'last year', 'two weeks ago');
- ``anaphoric``: relative to some other time in the story ('a year earlier', 'three days later'), resolved
  against the anchor as TimeML does, but not a safe event date;
- ``vague``: PAST_REF / PRESENT_REF / FUTURE_REF.

Two modes: *strict* (``find`` on running text: month and weekday names must be capitalised, 'May' and
'March' need a cue word, numbers that look like counts or clock times are not years) and *lenient*
(``resolve`` on one expression someone already marked). The tense of the surrounding clause decides
whether a bare weekday or month points back (the default in news) or forward ('will meet on Friday').
This module knows nothing about documents, events or records.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cached_property

from eventline.dates import calendar as cal


@dataclass(frozen=True)
class TimeExpression:
    start: int
    end: int
    text: str
    value: str
    kind: str  # explicit | relative | anaphoric | vague
    rule: str

    def as_tuple(self) -> tuple[int, int, str, str]:
        return (self.start, self.end, self.text, self.value)


# --- vocabulary -------------------------------------------------------------------------------------------

_MONTH_FULL = "January|February|March|April|May|June|July|August|September|October|November|December"
_MONTH_ABBR = r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec"
_WEEKDAY = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
_UNITS_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19,
}  # fmt: skip
_TENS_WORDS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90
}  # fmt: skip
_NUMBER_WORDS = {"a": 1, "an": 1, "a single": 1, "a couple of": 2, "a couple": 2, **_UNITS_WORDS, **_TENS_WORDS}
_VAGUE_COUNTS = ("several", "a few", "few", "many", "some", "a number of", "a couple of", "multiple")
_ONES = "one|two|three|four|five|six|seven|eight|nine"
_TEENS = "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_SPELLED_YEAR = (
    rf"(?:(?:eighteen|nineteen|twenty)[ -](?:hundred|{_TEENS}|(?:{_TENS})(?:[ -](?:{_ONES}))?|oh[ -](?:{_ONES}))"
    rf"|two[ -]thousand(?:(?:[ -]and)?[ -](?:{_TEENS}|{_ONES}|(?:{_TENS})(?:[ -](?:{_ONES}))?))?)"
)
_YEAR4 = r"(?<![\w$£€#./])(?:1[6-9]\d\d|20\d\d)(?![\w%]|[.,]\d|-\d)"
_YEAR = rf"(?:{_YEAR4}|{_SPELLED_YEAR})"
_COUNT = (
    r"(?:\d{1,3}|a couple of|a single|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|"
    r"eighty|ninety|several|a few|few|many|some|a number of|multiple)"
)
_HEDGE = r"(?:(?:about|almost|nearly|some|more than|less than|around|roughly|just|only|over|barely|exactly)\s+)?"
_QUARTER_OWNER = (
    r"the|its|this year's|last year's|next year's|(?:the\s+)?(?:comparable\s+|corresponding\s+)?year-(?:ago|earlier)"
)
_ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}
_DECADE_WORDS = {
    "twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7, "eighties": 8, "nineties": 9
}  # fmt: skip

# Words after a four-digit number that make it a count or a clock time rather than a year (strict mode).
_NOT_YEAR_AFTER = re.compile(
    r"\s*(?:GMT|UTC|EST|EDT|hrs|hours|h\b|local time|%|percent|per cent|people|persons|troops|soldiers|"
    r"civilians|fighters|militants|refugees|migrants|members|workers|students|children|men|women|police|"
    r"officers|votes|seats|cases|deaths|dead|killed|injured|wounded|arrested|tonnes|tons|barrels|km|kilometres|"
    r"kilometers|miles|metres|meters|feet|dollars|euros|pounds|rupees|yuan|yen|units|vehicles|tanks|missiles|"
    r"rockets|drones|homes|houses|buildings|villages|times|pages|words|years old|year-old)\b",
    re.I,
)
_NOT_YEAR_BEFORE = re.compile(
    r"(?:resolution|no\.|number|route|flight|article|paragraph|section|page|room|code|model|bill|"
    r"law|decree|order|of|than|about|some|nearly|almost|over|least|around|roughly|only|just|to)\s*$",
    re.I,
)
_YEAR_CUE_BEFORE = re.compile(
    r"(?:\bin|since|from|until|till|by|during|before|after|between|through|throughout|early|late|mid|fiscal|"
    r"year|the|of|and|or|to|spring|summer|autumn|fall|winter|[,(])\s*-?$",
    re.I,
)
_MONTH_CUE_BEFORE = re.compile(
    r"\b(?:in|since|from|until|till|by|during|before|after|between|through|throughout|early|late|mid|of|"
    r"last|next|this|coming|and|or|to|on|end|start|beginning|middle)\s*-?\s*$",
    re.I,
)
_FUTURE_MARK = (
    r"will|shall|'ll|won't|is to|are to|am to|was to|were to|is due|are due|due to|to be held|scheduled|slated|"
    r"set to|plans? to|planned to|scheduled to|planning to|intends? to|intend to|expected|expects? to|going to|"
    r"would|upcoming|next(?!\s+to\b)|coming|hopes? to|aims? to|wants? to|agreed to|promised to|vowed to|"
    r"threatened to|deadline|decided to|(?<!the )(?<!ly )planned|set for|as soon as|as early as"
)
_PAST_MARK = (
    r"(?<!\bbe\s)(?<!\bbeen\s)(?<!\bis\s)(?<!\bare\s)(?<!\bam\s)(?:said|says|told|was|were|had|has|have|did|announced|met|held|began|took|made|"
    r"saw|came|went|paid|left|brought|fought|sought|bought|caught|won|lost|gave|got|fled|fell|led|struck|shot|spoke|"
    r"wrote|became|rose|broke|chose|drove|flew|grew|knew|threw|sent|spent|built|felt|kept|stood|heard|found|sold|"
    r"withdrew|arose|"
    # a lower-case word in -ed, but not a name ('United') nor a common -ed word that is no past verb, nor an
    # adjective: after an article or a possessive ('the injured man', 'a still unspecified date'), or in un-...-ed
    r"(?<!\bthe\s)(?<!\ba\s)(?<!\ban\s)(?<!\bits\s)(?<!\bhis\s)(?<!\bher\s)(?<!\btheir\s)(?!un\w{3,}ed\b)"
    r"(?!(?:hundred|indeed|proceed|succeed|exceed|preferred|limited|related|based|so-called|unidentified|unnamed|"
    r"undisclosed|unprecedented|alleged|suspected|armed|concerned|interested|involved|detailed|advanced)\b)"
    r"(?-i:[a-z]\w{2,}ed))"
)
_TENSE = re.compile(rf"\b(?:(?P<f>{_FUTURE_MARK})|(?P<p>{_PAST_MARK}))\b", re.I)
# A clause ends at a full stop, not at the dot of 'a.m.', 'U.S.', 'Dec.' or 'Gen.' ('until 9 a.m. Tuesday').
_CLAUSE_EDGE = re.compile(
    r"[;!?\n]|(?<!\b[ap]\.m)(?<!\b[A-Za-z])(?<!\b(?:Mr|Ms|Dr|St|Lt|No|Jr|Sr|Co))"
    r"(?<!\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Mrs|Gen|Col|Sen|Rep|Gov|Sgt|Inc|Ltd|Maj))"
    r"(?<!\b(?:Sept|Capt|Corp|Prof))\.(?!,)"
)
_LOWER_WORD = re.compile(r"\s+[a-z]")
_AHEAD_OF = re.compile(r"\b(?:ahead\s+of|run-up\s+to|upcoming|planned|scheduled)\s+(?:the\s+)?$", re.I)
# A relative clause after the expression: its verb tells nothing about the expression's clause.
_RELATIVE_CLAUSE = re.compile(r",\s*(?:who|which|whose|whom|where|when)\b")
_REPORTING = ("said", "says", "told", "announced")
# 'later that year', 'earlier the same day': anaphoric, neither the future nor the past
_THAT_UNIT = r"\s+(?:that|the\s+same)\s+(?:same\s+)?(?:day|week|month|year|morning|afternoon|evening|night)\b"
_UNTIL = re.compile(
    r"\b(?:until|till|as\s+(?:soon|early)\s+as)\s+(?:\d{1,2}(?::\d\d)?\s*[ap]\.?m\.?\s+(?:[A-Z]{3}\s+)?)?$", re.I
)
_RANGE_START = re.compile(rf"(?:\b(?:{_WEEKDAY}|{_MONTH_FULL}|{_MONTH_ABBR})\.?|\d)\s*$")
_SENTENCE_EDGE = re.compile(r"(?<![\d$£€])[.!?](?=\s|$)|\n")
# Words of a results story: a comparison with 'a year ago' there is one between reporting periods.
_RESULTS_CUE = re.compile(
    r"\b(?:quarter|quarterly|period|net income|net loss|net|profit|earnings|earned|revenue|sales|results|"
    r"operating|a share|per share)\b",
    re.I,
)
# The reporting period a results sentence names: a quarter, or a longer one ('the nine months', 'first half').
_PERIOD_NAMED = re.compile(
    r"\b(?:(?P<long>(?:six|nine|twelve|6|9|12)\s+months|(?:first|second)\s+half|(?:fiscal|full|calendar)\s+year|"
    r"year\s+(?:ended|ending|to\s+date)|for\s+the\s+year|year-to-date)|quarter|three\s+months)\b",
    re.I,
)


def _year_value(text: str) -> int | None:
    t = text.lower().replace("-", " ").strip()
    if t.isdigit():
        return int(t)
    words = t.split()
    if words[:2] == ["two", "thousand"]:
        rest = [w for w in words[2:] if w != "and"]
        return 2000 + _spelled_under_100(rest)
    century = {"eighteen": 1800, "nineteen": 1900, "twenty": 2000}.get(words[0])
    if century is None:
        return None
    rest = words[1:]
    if rest == ["hundred"]:
        return century
    if rest and rest[0] == "oh":
        rest = rest[1:]
    return century + _spelled_under_100(rest)


def _spelled_under_100(words: list[str]) -> int:
    total = 0
    for w in words:
        total += _UNITS_WORDS.get(w, 0) + _TENS_WORDS.get(w, 0)
    return total


def _count_value(text: str) -> int | None:
    """An integer for '3', 'two', 'a'; None for vague counts ('several')."""
    t = " ".join(text.lower().split())
    if t.isdigit():
        return int(t)
    return _NUMBER_WORDS.get(t)


# --- the matching context ---------------------------------------------------------------------------------


class _Context:
    """What a rule may look at: the whole text, the anchor, the mode, and the tense around a match."""

    def __init__(self, text: str, anchor: date, lenient: bool) -> None:
        self.text = text
        self.anchor = anchor
        self.lenient = lenient

    @cached_property
    def lowered(self) -> str:
        return self.text.lower()

    def tense(self, start: int, end: int) -> str | None:
        """'future' or 'past' for the clause around [start, end) ('will meet on Friday'), None when unknown."""
        if self.lenient:
            return None
        before = self.text[max(0, start - 100) : start]
        edges = [e.end() for e in _CLAUSE_EDGE.finditer(before)]
        if edges:
            before = before[edges[-1] :]
        until = _UNTIL.search(before)
        if until is not None and not _RANGE_START.search(before, 0, until.start()):
            # 'postponed until Tuesday', 'gave them until mid-November': a deadline ahead; but not the end of a
            # range ('from Friday until Saturday morning')
            return "future"
        marks = list(_TENSE.finditer(before))
        after = self.text[end : end + 100]
        edge = _CLAUSE_EDGE.search(after)
        if edge is not None:
            after = after[: edge.start()]
        # A verb right next to the expression governs it: 'said Friday', 'a court Thursday refused'.
        if marks and len(before[marks[-1].end() :].split()) <= 1:
            return "future" if marks[-1].group("f") is not None else "past"
        first = _TENSE.match(after, len(after) - len(after.lstrip()))
        if first is not None and first.group(0).lower() not in ("deadline", "next", "coming", "upcoming"):
            return "future" if first.group("f") is not None else "past"
        if self.text[start:end].endswith("'s") or (before.endswith("the ") and _LOWER_WORD.match(after)):
            # a day named as a modifier ('Wednesday's ruling', 'the Aug. 7 blasts') is the day of an event the
            # reader knows of: only words next to it say it lies ahead ('ahead of Sunday's vote'), not a verb
            # further back whose object it modifies ('would look for ways around Wednesday's ruling')
            return "future" if _AHEAD_OF.search(before) else None
        if marks and marks[-1].group(0).lower() not in _REPORTING:
            return "future" if marks[-1].group("f") is not None else "past"
        if len(before.split()) > 2:  # also 'said it is calling for a vote on Dec. 7': the reporting verb's
            return None  # tense is not the tense of what it reports
        relative = _RELATIVE_CLAUSE.search(after)  # 'brought in Mr. Gray, who will remain as chairman'
        first = _TENSE.search(after, 0, relative.start() if relative else len(after))
        if first is None:
            return None
        return "future" if first.group("f") is not None else "past"

    def sentence_around(self, m: re.Match[str]) -> tuple[str, str]:
        """The sentence's text before and after a match (up to 200 and 80 characters)."""
        before = self.text[max(0, m.start() - 200) : m.start()]
        edges = [e.end() for e in _SENTENCE_EDGE.finditer(before)]
        if edges:
            before = before[edges[-1] :]
        after = self.text[m.end() : m.end() + 80]
        edge = _SENTENCE_EDGE.search(after)
        if edge is not None:
            after = after[: edge.start()]
        return before, after

    def speaks_of_results(self, m: re.Match[str]) -> bool:
        """Whether the sentence around a match compares reporting periods ('net income rose ... from a year
        ago'). An expression resolved alone (lenient) has no sentence and reads as the plain year: a caller who
        asks for 'a year ago' expects last year, not a reporting quarter (TimeML's financial gold counts that
        against us about 23 times on TimeBank; `find`, which sees the sentence, reads results stories its way)."""
        if self.lenient:
            return False
        before, after = self.sentence_around(m)
        return _RESULTS_CUE.search(before) is not None or _RESULTS_CUE.search(after) is not None

    def compares_longer_periods(self, m: re.Match[str]) -> bool:
        """Whether the reporting period the sentence speaks of is longer than a quarter ('for the nine months,
        net fell from a year earlier'): the latest period named before the match ('nine months', 'the first
        half', 'the fiscal year') decides, else the first one after it. The same period a year earlier is then
        that year, not the year-ago quarter."""
        if self.lenient:
            return False
        before, after = self.sentence_around(m)
        named = list(_PERIOD_NAMED.finditer(before)) or list(_PERIOD_NAMED.finditer(after))[:1]
        return bool(named) and named[-1].group("long") is not None

    def points_forward(self, start: int, end: int) -> bool:
        return self.tense(start, end) == "future"

    def before(self, start: int, width: int = 30) -> str:
        return self.text[max(0, start - width) : start]


_Result = tuple[str, str] | tuple[str, str, int] | None
_Handler = Callable[[re.Match[str], _Context], _Result]


# --- handlers ---------------------------------------------------------------------------------------------


def _g(m: re.Match[str], name: str) -> str | None:
    try:
        return m.group(name)
    except IndexError:
        return None


def _month_num(text: str) -> int:
    return cal.MONTHS[text.lower().rstrip(".")]


def _iso(m: re.Match[str], ctx: _Context) -> _Result:
    d = cal.safe_date(int(m["y"]), int(m["m"]), int(m["d"]))
    return (cal.day(d), "explicit") if d else None


def _slash(m: re.Match[str], ctx: _Context) -> _Result:
    a, b, y = int(m["a"]), int(m["b"]), int(m["y"])
    d = cal.safe_date(y, a, b) if a <= 12 else cal.safe_date(y, b, a)
    return (cal.day(d), "explicit") if d else None


def _month_day(m: re.Match[str], ctx: _Context) -> _Result:
    mon, dd = _month_num(m["mon"]), int(m["d"])
    if _g(m, "y"):
        year = _year_value(m["y"])
        d = cal.safe_date(year, mon, dd) if year else None
        return (cal.day(d), "explicit") if d else None
    anchor = ctx.anchor
    this_year = cal.safe_date(anchor.year, mon, dd)
    if this_year is None and not (mon == 2 and dd == 29):
        return None
    # The year is implied: in a future clause the next such date; after 'since', or 'on' in a past clause,
    # the latest one; otherwise the nearest, at most four months ahead (news announce dates ahead:
    # 'the vote on Dec. 15', 'payable Dec. 7').
    candidates = [d for d in (cal.safe_date(anchor.year + k, mon, dd) for k in (-1, 0, 1)) if d]
    tense = ctx.tense(m.start(), m.end())
    if tense == "future":
        ahead = [d for d in candidates if d >= anchor]
        return (cal.day(min(ahead)), "explicit") if ahead else None
    past = max(d for d in candidates if d <= anchor)
    word = re.search(r"(\w+)\s*$", ctx.before(m.start(), 20))
    word = word.group(1).lower() if word else ""
    if word in ("since", "from", "ended") or (tense == "past" and word in ("on", "in", "at")):
        return cal.day(past), "explicit"  # 'met on April 27'; but 'extended to Nov. 20' may still be ahead
    ahead = [d for d in candidates if d > anchor and (d - anchor).days <= 120]
    best = ahead[0] if ahead and (ahead[0] - anchor) < (anchor - past) else past
    return cal.day(best), "explicit"


def _month_year(m: re.Match[str], ctx: _Context) -> _Result:
    year = _year_value(m["y"])
    return (cal.month(year, _month_num(m["mon"])), "explicit") if year else None


def _bare_month(m: re.Match[str], ctx: _Context) -> _Result:
    name = m["mon"]
    mon = _month_num(name)
    rel = (_g(m, "rel") or "").lower()
    if not ctx.lenient and not rel and not _g(m, "pre"):
        if name.rstrip(".") in ("May", "March", "Mar", "Jan", "Jun", "Aug", "Oct", "Dec") or "." in name:
            if not _MONTH_CUE_BEFORE.search(ctx.before(m.start())):
                return None
    anchor = ctx.anchor
    if rel in ("last", "this past", "past", "previous"):
        y, mo = cal.month_on_or_before(anchor, mon, inclusive=False)
    elif rel in ("next", "coming", "this coming"):
        y, mo = cal.month_after(anchor, mon)
    elif rel == "this":
        y, mo = anchor.year, mon
    elif ctx.points_forward(m.start(), m.end()):
        y, mo = cal.month_after(anchor, mon, inclusive=True)
    else:
        y, mo = cal.month_on_or_before(anchor, mon)
    return cal.month(y, mo), "explicit"


def _year(m: re.Match[str], ctx: _Context) -> _Result:
    year = _year_value(m["y"])
    if year is None:
        return None
    if not ctx.lenient and m["y"][0].isdigit():
        after = ctx.text[m.end() : m.end() + 25]
        if _NOT_YEAR_AFTER.match(after) or _NOT_YEAR_BEFORE.search(ctx.before(m.start())):
            return None
        if not (m.group(0) != m["y"] or _YEAR_CUE_BEFORE.search(ctx.before(m.start(), 15)) or year >= 1900):
            return None
    return str(year), "explicit"


def _half(m: re.Match[str], ctx: _Context) -> _Result:
    half = 1 if m["ord"].lower() == "first" else 2
    year = ctx.anchor.year
    y = (_g(m, "y") or "").lower()
    if y:
        if y.endswith("next year"):
            year += 1
        elif y.endswith("last year"):
            year -= 1
        elif y[0].isdigit() or y.split()[0] in ("eighteen", "nineteen", "twenty", "two"):
            year = _year_value(y) or year
    return f"{year:04d}-H{half}", "explicit" if y and y[0].isdigit() else "relative"


def _decade(m: re.Match[str], ctx: _Context) -> _Result:
    if _g(m, "c"):
        return f"{m['c']}{m['d']}X", "explicit"
    if _g(m, "cc"):
        return f"{m['cc']}{m['dd']}X", "explicit"
    digit = _g(m, "d2") or str(_DECADE_WORDS[m["w"].lower()])
    century = ctx.anchor.year // 100 - (1 if int(digit) > (ctx.anchor.year % 100) // 10 else 0)
    return f"{century:02d}{digit}X", "explicit"


_CENTURY_WORDS = {
    "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20,
    "twenty first": 21,
}  # fmt: skip


def _century(m: re.Match[str], ctx: _Context) -> _Result:
    """'the 20th century' -> '19XX' (the TIMEX value names the century by its first two digits)."""
    n = int(m["n"]) if _g(m, "n") else _CENTURY_WORDS[" ".join(m["w"].lower().replace("-", " ").split())]
    return f"{n - 1:02d}XX", "explicit"


_DAY_WORDS = {
    "today": 0, "tonight": 0, "this morning": 0, "this afternoon": 0, "this evening": 0, "yesterday": -1,
    "last night": -1, "tomorrow": 1, "the day before yesterday": -2, "the day after tomorrow": 2,
}  # fmt: skip


def _day_word(m: re.Match[str], ctx: _Context) -> _Result:
    offset = _DAY_WORDS[" ".join(m["w"].lower().split())]
    return cal.day(ctx.anchor + timedelta(days=offset)), "relative"


def _weekday(m: re.Match[str], ctx: _Context) -> _Result:
    wd = cal.WEEKDAYS.index(m["wd"].lower())
    rel = " ".join((_g(m, "rel") or "").lower().split())
    anchor = ctx.anchor
    if rel in ("last", "past", "this past"):
        d = cal.weekday_on_or_before(anchor, wd, inclusive=False)
    elif rel in ("next", "coming", "this coming"):
        d = cal.weekday_after(anchor, wd)
    elif rel == "this":
        d = cal.weekday_in_week(anchor, wd)
    elif rel in ("the previous", "previous", "the following", "following"):
        # relative to another day in the story: the latest day written before it (``_refer_back``)
        return f"weekday:{wd}:{-1 if rel.endswith('previous') else 1}", "pending"
    elif ctx.points_forward(m.start(), m.end()):
        d = cal.weekday_after(anchor, wd, inclusive=True)  # 'will meet Friday' on a Friday: today, as news writes it
    else:
        d = cal.weekday_on_or_before(anchor, wd)
    return cal.day(d), "relative"


def _weekend_week(anchor: date, direction: str) -> date:
    """A day in the ISO week whose weekend is meant."""
    if direction == "past":
        return anchor if anchor.weekday() >= 5 else anchor - timedelta(days=7)
    if direction == "next":
        return anchor + timedelta(days=7)
    return anchor


def _unit(m: re.Match[str], ctx: _Context) -> _Result:
    rel = " ".join(m["rel"].lower().split()).removeprefix("the ")
    unit = m["unit"].lower()
    anchor = ctx.anchor
    if rel in ("previous", "following", "preceding", "prior"):
        # anaphoric: relative to another time in the story, the latest one written before it (``_refer_back``)
        if unit in ("week", "month", "year"):
            return f"{unit}:{1 if rel == 'following' else -1}", "pending"
        return None
    step = {"last": -1, "past": -1, "this past": -1, "latest": -1, "most recent": -1, "next": 1, "coming": 1,
            "this coming": 1}.get(rel, 0)  # fmt: skip
    if unit == "week":
        return cal.iso_week(anchor + timedelta(days=7 * step)), "relative"
    if unit == "weekend":
        if step == 0:
            direction = "next" if ctx.points_forward(m.start(), m.end()) and anchor.weekday() >= 5 else "this"
        else:
            direction = "past" if step < 0 else "next"
        if rel in ("past", "this past"):
            direction = "past"
        return cal.iso_week(_weekend_week(anchor, direction)) + "-WE", "relative"
    if unit == "month":
        y, mo = cal.shift_months(anchor.year, anchor.month, step)
        return cal.month(y, mo), "relative"
    if unit == "year":
        return f"{anchor.year + step:04d}", "relative"
    if unit == "quarter":
        y, mo = cal.shift_months(anchor.year, anchor.month, 3 * step)
        return f"{y:04d}-Q{(mo - 1) // 3 + 1}", "relative"
    if unit == "decade":
        return f"{(anchor.year // 10 + step):03d}X", "relative"
    if unit == "century":
        return f"{(anchor.year // 100 + step):02d}XX", "relative"
    code = cal.SEASON_CODES[unit]
    start = cal.SEASON_START_MONTH[code]
    year = anchor.year
    if step < 0:
        year = anchor.year if start + 3 <= anchor.month else anchor.year - 1
    elif step > 0:
        year = anchor.year if start > anchor.month else anchor.year + 1
    elif code == "WI" and anchor.month <= 2:
        year -= 1
    return f"{year:04d}-{code}", "relative"


def _the_unit(m: re.Match[str], ctx: _Context) -> _Result:
    """'the weekend', 'the end of the month', 'year-end': the current (or latest) one."""
    unit = m["unit"].lower()
    anchor = ctx.anchor
    if unit == "weekend":
        forward = ctx.points_forward(m.start(), m.end())
        return cal.iso_week(_weekend_week(anchor, "this" if forward else "past")) + "-WE", "relative"
    if unit == "month":
        return cal.month(anchor.year, anchor.month), "relative"
    if unit == "week":
        return cal.iso_week(anchor), "relative"
    if unit == "day":
        return cal.day(anchor), "relative"
    return f"{anchor.year:04d}", "relative"


# The latest explicit date, month or year written before a position: what 'that year' refers back to.
_PRIOR_DAY = re.compile(
    rf"\b(?:(?P<mon>{_MONTH_FULL}|{_MONTH_ABBR})\.?\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)?,?\s+|"
    rf"(?P<mon2>{_MONTH_FULL}|{_MONTH_ABBR})\.?,?\s+(?:of\s+)?)?(?P<y>{_YEAR4})"
)


def _that_unit(m: re.Match[str], ctx: _Context) -> _Result:
    """'that year', 'later that month', 'the same day': the unit of the latest date written before it, as
    TimeML anchors them; None when none is written (resolve on the expression alone)."""
    if ctx.lenient:
        return None
    unit = m["unit"].lower()
    prior = None
    for p in _PRIOR_DAY.finditer(ctx.text, max(0, m.start() - 600), m.start()):
        prior = p
    if prior is None:
        return None
    year = int(prior["y"])
    if unit == "year":
        return f"{year:04d}", "anaphoric"
    mon = prior["mon"] or prior["mon2"]
    if mon is None:
        return None
    if unit == "month":
        return cal.month(year, _month_num(mon)), "anaphoric"
    d = cal.safe_date(year, _month_num(mon), int(prior["d"])) if prior["d"] else None
    return (cal.day(d), "anaphoric") if d else None


_SPAN_UNITS = {"day": 1, "week": 7}


def _ago(m: re.Match[str], ctx: _Context) -> _Result:
    direction = " ".join(m["dir"].lower().split())
    unit = m["unit"].lower()
    n = _count_value(m["n"]) if _g(m, "n") else None
    base, end, kind = ctx.anchor, None, "relative"
    if direction in ("before", "after"):
        nxt = _match_at(ctx, m.end())
        if nxt is None:
            return None  # 'two days after the summit': relative to an event we cannot date
        base_value, end = nxt
        if n is None:
            return ("PAST_REF", "vague", end) if direction == "before" else None
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", base_value):
            return None
        base = date.fromisoformat(base_value)
        kind = "explicit"
    elif direction in ("earlier", "later", "previously", "since", "back"):
        kind = "anaphoric"
    sign = 1 if direction in ("later", "after", "from now", "hence") else -1
    if n is None:
        value = "FUTURE_REF" if sign > 0 else "PAST_REF"
        return (value, "vague", end) if end else (value, "vague")
    if unit in ("day", "week"):
        d = base + timedelta(days=sign * n * _SPAN_UNITS[unit])
        value = cal.day(d) if unit == "day" else cal.iso_week(d)
    elif unit == "month":
        y, mo = cal.shift_months(base.year, base.month, sign * n)
        value = cal.month(y, mo)
    elif unit == "year":
        value = f"{base.year + sign * n:04d}"
        if (
            n == 1
            and sign < 0
            and end is None
            and m["n"].lower() in ("a", "one")
            and ctx.speaks_of_results(m)
            and not ctx.compares_longer_periods(m)
        ):
            # 'net rose to $5 million from $4 million a year ago': the same period a year before, which in a
            # results story is the latest reported quarter (TimeML's reading; record_date maps it to the year);
            # but the year when the sentence compares nine months or a fiscal year
            shifted = _shift_quarter(_latest_quarter(m, ctx), -4, kind)
            value = shifted[0] if shifted else value
    elif unit == "decade":
        value = f"{base.year + sign * 10 * n:04d}"
    else:
        value = f"{(base.year // 100 + sign * n):02d}XX"
    return (value, kind, end) if end else (value, kind)


def _week_of(m: re.Match[str], ctx: _Context) -> _Result:
    """'the week of March 6': the ISO week that holds the day named next."""
    nxt = _match_at(ctx, m.end())
    if nxt is None or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", nxt[0]):
        return None
    return cal.iso_week(date.fromisoformat(nxt[0])), "explicit", nxt[1]


def _quarter(m: re.Match[str], ctx: _Context) -> _Result:
    anchor = ctx.anchor
    q = int(_g(m, "q") or 0) or _ORDINALS.get((_g(m, "ord") or "").lower(), 4)
    y = _g(m, "y1") or _g(m, "y2")
    if y:
        return f"{int(y):04d}-Q{q}", "explicit"
    year = anchor.year
    if q == 4 and cal.quarter_of(anchor) == 1:
        year -= 1  # 'the fourth quarter' in February: last year's results
    owner = (_g(m, "own") or "").lower()
    if owner.startswith("last year") or "year-" in owner:
        year -= 1
    elif owner.startswith("next year"):
        year += 1
    return f"{year:04d}-Q{q}", "relative"


def _latest_quarter(m: re.Match[str], ctx: _Context) -> _Result:
    y, mo = cal.shift_months(ctx.anchor.year, ctx.anchor.month, -3)
    return f"{y:04d}-Q{(mo - 1) // 3 + 1}", "relative"


def _year_ago(m: re.Match[str], ctx: _Context) -> _Result:
    """'year-earlier results': the year-ago quarter, or the year before when the sentence compares nine months or
    a fiscal year ('for the nine months, ... compared with year-earlier net income')."""
    if ctx.compares_longer_periods(m):
        return f"{_latest_year(ctx) - 1:04d}", "anaphoric"
    return _shift_quarter(_latest_quarter(m, ctx), -4)


def _year_quarter(m: re.Match[str], ctx: _Context) -> _Result:
    """'the 1988 quarter': the latest reported quarter in that year; 'the 1988 period' too (a results story's term)
    unless the sentence compares longer periods ('for the nine months, ... in the 1988 period': the year), and
    not when resolved alone."""
    if m["u"].lower() == "period" and (ctx.lenient or ctx.compares_longer_periods(m)):
        return None  # the year rule reads '1988'
    return _shift_quarter(_latest_quarter(m, ctx), 4 * (int(m["y"]) - _latest_year(ctx)), "explicit")


def _latest_year(ctx: _Context) -> int:
    """The year of the latest complete quarter ('the latest quarter' in a results story)."""
    return cal.shift_months(ctx.anchor.year, ctx.anchor.month, -3)[0]


def _shift_quarter(result: _Result, quarters: int, kind: str = "anaphoric") -> _Result:
    if result is None:
        return None
    year, q = int(result[0][:4]), int(result[0][-1])
    i = year * 4 + (q - 1) + quarters
    return f"{i // 4:04d}-Q{i % 4 + 1}", kind


def _season(m: re.Match[str], ctx: _Context) -> _Result:
    code = cal.SEASON_CODES[m["s"].lower()]
    if _g(m, "y"):
        year = _year_value(m["y"])
        return (f"{year:04d}-{code}", "explicit") if year else None
    if not ctx.lenient and ((code == "FA" and not _g(m, "pre")) or _g(m, "s3")):
        return None  # 'the fall of Kabul'; a bare 'summer' only when someone marked it as a time
    year = ctx.anchor.year
    if code == "WI" and ctx.anchor.month <= 2:
        year -= 1
    return f"{year:04d}-{code}", "relative"


def _holiday(m: re.Match[str], ctx: _Context) -> _Result:
    name = " ".join(m["h"].lower().split())
    rel = " ".join((_g(m, "rel") or "").lower().split())
    anchor = ctx.anchor

    def on(year: int) -> date:
        if name.startswith("thanksgiving"):
            return cal.thanksgiving(year)
        if name.startswith("easter"):
            return cal.easter(year)
        if name.startswith("christmas eve"):
            return date(year, 12, 24)
        if name.startswith("christmas"):
            return date(year, 12, 25)
        if name.startswith("new year's eve"):
            return date(year, 12, 31)
        if name.startswith("new year"):
            return date(year, 1, 1)
        if name.startswith("valentine"):
            return date(year, 2, 14)
        return date(year, 10, 31)  # halloween

    forward = rel in ("next", "this coming", "coming") or (rel != "last" and ctx.points_forward(m.start(), m.end()))
    if forward:
        d = on(anchor.year) if on(anchor.year) > anchor else on(anchor.year + 1)
    else:
        # a week counts from its Monday: 'Easter week began' on the Sunday before Easter
        lead = timedelta(days=6) if name.endswith("week") else timedelta(0)
        d = on(anchor.year) if on(anchor.year) - lead <= anchor else on(anchor.year - 1)
        if rel == "last" and d == anchor:
            d = on(anchor.year - 1)
    if name.endswith("week"):
        return cal.iso_week(d), "explicit"
    return cal.day(d), "explicit"


def _ref(value: str) -> _Handler:
    def handler(m: re.Match[str], ctx: _Context) -> _Result:
        return value, "vague"

    return handler


# --- the rule table ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Rule:
    name: str
    pattern: str
    handler: _Handler


def _rules(lenient: bool) -> list[_Rule]:
    def names(alternatives: str) -> str:
        return f"(?:{alternatives})" if lenient else f"(?-i:{alternatives})"

    month_any = rf"(?:{names(_MONTH_FULL)}|{names(_MONTH_ABBR)}\.?)"
    month_bare = rf"(?:{names(_MONTH_FULL)}|{names(_MONTH_ABBR)}\.)"
    wd = names(_WEEKDAY)
    pre_month = (
        r"(?:(?P<pre>early|late|mid|the middle of|the end of|the beginning of|the start of|end|start)(?:\s+|-))?"
    )
    pre_year = (
        r"(?:(?:the\s+)?(?P<pre>early|late|mid|the middle of|the end of|the beginning of|the start of|end|start)"
        r"(?:\s+|-)(?:of\s+)?)?"
    )
    rel_words = r"last|next|this coming|this past|this|coming|past|previous|following"
    unit_rel = (
        r"this coming|this past|the coming|the past|the previous|the following|the preceding|the prior|the next|"
        r"the last|the current|"
        r"the latest|the most recent|this|last|next|coming|past|previous|following|current|latest|most recent"
    )
    rules = [
        _Rule("iso", r"\b(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})\b", _iso),
        _Rule("slash", r"\b(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y>\d{4})\b", _slash),
        _Rule(
            "month_day",
            rf"(?:{wd},?\s+)?{pre_month}(?P<mon>{month_any})\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\b"
            rf"(?:,?\s+(?P<y>{_YEAR}))?",
            _month_day,
        ),
        _Rule(
            "day_month",
            rf"(?:{wd},?\s+)?(?:the\s+)?(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon>{month_any})(?!\w)"
            rf"(?:,?\s+(?P<y>{_YEAR}))?",
            _month_day,
        ),
        _Rule("month_year", rf"{pre_month}(?P<mon>{month_any}),?\s+(?:of\s+)?(?P<y>{_YEAR})", _month_year),
        _Rule("month", rf"(?:(?P<rel>{rel_words})\s+)?{pre_month}(?P<mon>{month_bare})(?![\w'])", _bare_month),
        _Rule(
            "year",
            rf"{pre_year}(?:(?:fiscal|FY)[\s-]*)?(?:the\s+year\s+)?(?P<y>{_YEAR})(?:'s)?(?!\s+(?:and|or)\s+a\b)",
            _year,
        ),
        _Rule(
            "half",
            rf"the\s+(?P<ord>first|second|last|latter)\s+half(?:\s+of\s+(?P<y>{_YEAR}|the year|this year|next year"
            r"|last year)|(?!\s+of\b))",
            _half,
        ),
        _Rule(
            "two_quarters",
            rf"\b(?:the\s+)?(?P<ord>first|second|last|final|latter)\s+two\s+quarters(?:\s+of\s+(?:fiscal\s+)?"
            rf"(?P<y>{_YEAR}|the year|this year|next year|last year))?\b",
            lambda m, ctx: _half(m, ctx) if m["y"] or m["ord"].lower() in ("first", "second") else None,
        ),
        _Rule(
            "century",
            r"\bthe\s+(?:(?:early|late|mid)[\s-]+)?(?:(?P<n>[1-9]|1\d|2[0-2])(?:st|nd|rd|th)|(?P<w>fifteenth|sixteenth|"
            r"seventeenth|eighteenth|nineteenth|twentieth|twenty[\s-]first))[\s-]+century\b",
            _century,
        ),
        _Rule(
            "decade",
            r"(?:the\s+)?(?:(?P<pre>early|late|mid)(?:\s+|-))?(?:(?P<c>1[6-9]|20)(?P<d>\d)0s\b|'(?P<d2>\d)0s\b)"
            r"|\bthe\s+(?:(?:early|late|mid)(?:\s+|-))?(?:(?P<w>twenties|thirties|forties|fifties|sixties|seventies|"
            r"eighties|nineties)|(?P<cc>1[6-9]|20)(?P<dd>\d)0s)\b",
            _decade,
        ),
        _Rule(
            "day_word",
            r"\b(?:(?:late|early|earlier|later)\s+)?(?P<w>the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|"
            r"today|tonight|yesterday|tomorrow|last\s+night|this\s+morning|this\s+afternoon|this\s+evening)\b"
            r"(?:'s)?(?:\s+(?:morning|afternoon|evening|night)\b)?",
            _day_word,
        ),
        _Rule(
            "weekday",
            rf"(?:(?:late|early|earlier|later)\s+(?:on\s+)?)?(?:(?P<rel>this\s+coming|this\s+past|the\s+previous|"
            rf"the\s+following|last|next|this|coming|past|previous|following)\s+)?(?P<wd>{wd})(?:'s)?"
            r"(?:\s+(?:morning|afternoon|evening|night)\b)?",
            _weekday,
        ),
        _Rule(
            "unit",
            r"\b(?:(?:early|late|earlier|later|mid|the end of|the beginning of|the start of|the middle of|end|start)"
            rf"(?:\s+|-)(?:in\s+)?)?(?P<rel>{unit_rel})\s+(?P<unit>week|weekend|month|year|quarter|decade|century|"
            r"spring|summer|fall|autumn|winter)\b(?!-)",
            _unit,
        ),
        _Rule(
            "the_unit",
            r"\b(?:(?:the end of|the beginning of|the start of|the middle of|around)\s+the\s+(?P<unit>month|year|week)"
            r"|(?:over\s+)?the\s+(?P<unit2>weekend))\b|\b(?P<unit3>year)(?:[- ]|'s\s+)end\b",
            lambda m, ctx: _the_unit(_Renamed(m, unit=m["unit"] or m["unit2"] or m["unit3"]), ctx),
        ),
        _Rule(
            "ago",
            rf"\b{_HEDGE}(?P<n>{_COUNT})\s+(?:or\s+so\s+)?(?P<unit>day|week|month|year|decade|century|centurie)s?"
            r"\s+(?:or\s+so\s+)?(?P<dir>ago|earlier|before|later|after|from\s+now|hence|previously|back)\b",
            _ago,
        ),
        _Rule(
            "unit_before",
            r"\b(?:the\s+)?(?P<unit>day|week)\s+(?P<dir>before|after)(?=\s)",
            lambda m, ctx: _ago(_Renamed(m, n="1"), ctx),
        ),
        _Rule("week_of", r"\bthe\s+week\s+of(?=\s)", _week_of),
        # 'until then', 'by then', 'since then': the latest time written before
        _Rule("then", r"\b(?:until|till|by|since)\s+then\b(?![\s-]+current)", lambda m, ctx: ("same:0", "pending")),
        _Rule(
            "day_after_that",
            r"\bthe\s+(?P<rel>next|following|previous|preceding|prior)\s+(?:day|morning|afternoon|evening|night)\b"
            # 'the day before' alone, not 'the day before the vote' (relative to an event we cannot date)
            r"|\bthe\s+(?:day|night|morning|evening)\s+(?P<dir>before|after)\b(?=\s*(?:[.,;:!?)]|$|(?:and|but|when)\b))",
            lambda m, ctx: (
                f"day:{-1 if (m['rel'] or m['dir']).lower() in ('previous', 'preceding', 'prior', 'before') else 1}",
                "pending",
            ),
        ),
        _Rule(
            "vague_ago",
            r"\b(?P<unit>day|week|month|year|decade|centurie)s\s+(?P<dir>ago|earlier|before|from\s+now)\b",
            _ago,
        ),
        _Rule(
            "quarter",
            rf"(?:(?P<y1>{_YEAR4})(?:'s)?\s+)?(?:(?P<own>{_QUARTER_OWNER})\s+)?(?:(?:fiscal|flat)\s+|"
            r"fiscal-)?(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th|final)[- ]quarter\b"
            rf"(?:\s+(?:of|in)\s+(?:fiscal\s+)?(?P<y2>{_YEAR4}))?|\bQ(?P<q>[1-4])(?:\s+(?P<y3>{_YEAR4}))?\b",
            lambda m, ctx: _quarter(_Renamed(m, y1=_g(m, "y1") or _g(m, "y3")), ctx),
        ),
        _Rule(
            "year_ago_period",
            r"\b(?:the\s+)?(?:comparable\s+|corresponding\s+|same\s+)?year-(?:ago|earlier)\s+(?:quarter|period)\b"
            r"|\bthe\s+(?:(?:same|corresponding|comparable)\s+)?(?:quarter|period)\s+(?:a\s+year\s+(?:ago|earlier)|"
            r"(?:of\s+)?last\s+year|(?:of\s+)?the\s+(?:previous|prior)\s+year|the\s+year\s+before)\b"
            r"|\blast\s+year's\s+(?:(?:same|corresponding|comparable)\s+)?(?:quarter|period)\b",
            lambda m, ctx: _shift_quarter(_latest_quarter(m, ctx), -4),
        ),
        # 'year-earlier results', 'year-ago levels': a results story's term for the same period a year before
        _Rule("year_ago", r"\byear-(?:ago|earlier)\b", _year_ago),
        _Rule(
            "the_year",
            r"\bthe\s+(?:(?P<q>full|current|fiscal|current\s+fiscal|calendar|whole|entire)\s+)?year\b(?!-|\s+(?:ago|earlier|before|after|later)\b)",
            lambda m, ctx: (f"{ctx.anchor.year:04d}", "relative" if m["q"] else "anaphoric"),
        ),
        _Rule(
            "latest_year",
            r"\bthe\s+(?:latest|most\s+recent)\s+(?:full\s+|complete\s+)?(?:fiscal\s+|financial\s+|calendar\s+)?year\b",
            lambda m, ctx: (f"{ctx.anchor.year - 1:04d}", "relative"),  # the latest complete year
        ),
        _Rule(
            "that_unit",
            r"\b(?:(?P<pre>later|earlier|early|late)\s+(?:in\s+)?)?(?:that|the\s+same)\s+(?:same\s+)?"
            r"(?P<unit>day|month|year)\b",
            _that_unit,
        ),
        _Rule(
            "in_the_unit",
            r"\b(?:earlier|later)\s+in\s+the\s+(?P<unit>year|month|week|day)\b",
            _the_unit,
        ),
        _Rule(
            "latest_quarter",
            r"\bthe\s+(?:(?:latest|most\s+recent|just[- ]ended|recent|fiscal)\s+)?quarter\b"
            r"|\bthe\s+(?:latest|most\s+recent|just[- ]ended)\s+(?:period|three\s+months)\b",
            _latest_quarter,
        ),
        _Rule(
            "year_quarter",
            rf"\bthe\s+(?P<y>{_YEAR4})\s+(?P<u>quarter|period)\b",
            _year_quarter,
        ),
        _Rule(
            "season",
            rf"\b(?:the\s+)?(?:(?P<pre>early|late|mid)(?:\s+|-))?(?P<s>spring|summer|autumn|winter|fall)"
            rf"(?:\s+of\s+(?P<y>{_YEAR})|\s+(?P<y2>{_YEAR4}))"
            r"|\bthe\s+(?:(?P<pre2>early|late|mid)(?:\s+|-))?(?P<s2>spring|summer|autumn|winter)\b"
            r"|\b(?P<s3>spring|summer|autumn|winter)\b",
            lambda m, ctx: _season(
                _Renamed(m, s=m["s"] or m["s2"] or m["s3"], y=_g(m, "y") or _g(m, "y2"), pre=_g(m, "pre") or m["pre2"]),
                ctx,
            ),
        ),
        _Rule(
            "holiday",
            r"(?:(?P<rel>last|next|this\s+coming|this\s+past|this|coming)\s+)?(?P<h>(?-i:Thanksgiving)(?:\s+Day)?|"
            r"(?-i:Christmas)(?:\s+(?:Day|Eve))?|(?-i:New Year's)\s+(?:Day|Eve)|(?-i:Easter)(?:\s+(?:Sunday|week))?|"
            r"(?-i:Valentine's Day)|(?-i:Halloween))",
            _holiday,
        ),
        _Rule(
            "present",
            r"\b(?:right\s+now|now|currently|nowadays|these\s+days|at\s+present|presently|at\s+the\s+moment|"
            r"for\s+the\s+moment|at\s+this\s+time|the\s+present|current)\b",
            _ref("PRESENT_REF"),
        ),
        _Rule(
            "past",
            r"\b(?:(?:more|most)\s+recently|recently|lately|previously|formerly|in\s+the\s+past|the\s+past|"
            r"long\s+ago|some\s+time\s+ago|(?:in\s+)?recent\s+(?:years|months|weeks|days|times|decades)|"
            rf"in\s+years\s+past|(?:in\s+)?past\s+(?:years|decades|centuries)|then[\s-]+current|historically|earlier(?!{_THAT_UNIT})|recent|(?:the\s+)?(?:past|last)\s+(?:several|few|\d+|two|three|"
            r"four|five|six|seven|eight|nine|ten)\s+(?:years|months|weeks|days|decades|quarters))\b",
            _ref("PAST_REF"),
        ),
        _Rule(
            "future",
            r"\b(?:the\s+(?:near|distant)\s+future|the\s+future|the\s+(?:near|short|long|medium)\s+term|future|soon|"
            rf"shortly|later(?!{_THAT_UNIT})|eventually|in\s+(?:the\s+)?(?:coming|next\s+few)\s+(?:years|months|weeks|days|decades)|"
            r"(?:coming|future)\s+(?:years|months|weeks|days|decades|quarters)|"
            r"the\s+(?:years|months|weeks|days)\s+ahead|a\s+later\s+date|as\s+soon\s+as\s+possible|upcoming)\b",
            _ref("FUTURE_REF"),
        ),
    ]
    if lenient:
        # Words that are time expressions only when someone marked them as one (TimeML tags 'already' and
        # 'yet' as the present, 'once' as the past, 'one day' as an unspecified future day).
        rules += [
            _Rule("present_marked", r"^(?:already|yet|so\s+far|to\s+date|by\s+now)$", _ref("PRESENT_REF")),
            _Rule("past_marked", r"^(?:once|at\s+one\s+time|in\s+the\s+old\s+days)$", _ref("PAST_REF")),
            # 'the day' marked alone: the day being reported, as 'the year' is the anchor's year (anaphoric)
            _Rule(
                "the_day_marked",
                r"^the\s+(?:(?:same|first|second|third|fourth|fifth|final|last)\s+)?day$",
                lambda m, ctx: (cal.day(ctx.anchor), "anaphoric"),
            ),
            # a unit marked alone ('for the week', 'in the quarter ended ...' marked as 'quarter'): some week or
            # quarter of the anchor's year, unspecified, as TimeML writes it ('1989-WXX', '1989-QX')
            _Rule("week_marked", r"^(?:the\s+)?week$", lambda m, ctx: (f"{ctx.anchor.year:04d}-WXX", "anaphoric")),
            _Rule("quarter_marked", r"^quarter$", lambda m, ctx: (f"{ctx.anchor.year:04d}-QX", "anaphoric")),
            _Rule("daily_marked", r"^daily$", _ref("P1D")),  # TimeML tags 'daily' as one day's span
            # a bare count of units marked as a date ('five years', 'within 30 days') is a point ahead, as in
            # 'redeemed in five years': English says 'ago' or 'earlier' for one behind. 'a year' alone is left
            # out: it is most often 'a year ago' with its last word cut off.
            _Rule(
                "span_ahead_marked",
                r"^(?:in\s+|within\s+)?(?P<n>\d{1,3}|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
                r"fifteen|twenty|thirty|forty|fifty)\s+(?P<unit>day|week|month|year|decade)s$",
                lambda m, ctx: _ago(_Renamed(m, dir="from now"), ctx),
            ),
            _Rule("future_marked", r"^(?:one\s+day|some\s*day|one\s+of\s+these\s+days)$", _ref("FUTURE_REF")),
        ]
    return rules


class _Renamed:
    """A match with some groups replaced, so one handler can serve rules whose groups differ in name."""

    def __init__(self, m: re.Match[str], **groups: str | None) -> None:
        self._m = m
        self._groups = groups

    def __getitem__(self, name: str) -> str | None:
        if name in self._groups:
            return self._groups[name]
        return self._m[name]

    def group(self, name: str | int = 0) -> str | None:
        if isinstance(name, str) and name in self._groups:
            return self._groups[name]
        try:
            return self._m.group(name)
        except IndexError:
            return None

    def start(self) -> int:
        return self._m.start()

    def end(self) -> int:
        return self._m.end()


_DIGITS = tuple("0123456789")
_MONTH_STEMS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
# For each rule, words one of which every match must contain (in lower case): a rule whose words are all
# absent from a text cannot match there and is not run. Rules not listed always run.
_NEEDS: dict[str, tuple[str, ...]] = {
    "iso": _DIGITS,
    "slash": _DIGITS,
    "month_day": _MONTH_STEMS,
    "day_month": _MONTH_STEMS,
    "month_year": _MONTH_STEMS,
    "month": _MONTH_STEMS,
    "year": (*_DIGITS, "eighteen", "nineteen", "twenty", "thousand"),
    "half": ("half",),
    "two_quarters": ("quarters",),
    "century": ("century",),
    "decade": ("0s", "ties"),
    "day_word": ("today", "tonight", "yesterday", "tomorrow", "night", "morning", "afternoon", "evening"),
    "weekday": ("day",),
    "unit": ("week", "month", "year", "quarter", "decade", "century", "spring", "summer", "fall", "autumn", "winter"),
    "the_unit": ("month", "year", "week"),
    "ago": ("ago", "earlier", "before", "later", "after", "now", "hence", "previously", "back"),
    "unit_before": ("before", "after"),
    "week_of": ("week",),
    "then": ("then",),
    "day_after_that": ("next", "following", "previous", "preceding", "prior", "before", "after"),
    "vague_ago": ("ago", "earlier", "before", "now"),
    "quarter": ("quarter", "q1", "q2", "q3", "q4"),
    "year_ago_period": ("quarter", "period"),
    "year_ago": ("year-",),
    "the_year": ("year",),
    "latest_year": ("year",),
    "that_unit": ("that", "same"),
    "in_the_unit": ("earlier", "later"),
    "latest_quarter": ("quarter", "period", "months"),
    "year_quarter": ("quarter", "period"),
    "season": ("spring", "summer", "autumn", "winter", "fall"),
    "holiday": ("thanksgiving", "christmas", "new year", "easter", "valentine", "halloween"),
    "present": ("now", "current", "days", "present", "moment", "time"),
    "past": ("recent", "lately", "previous", "former", "past", "ago", "then", "histor", "earlier", "last"),
    "future": ("future", "term", "soon", "shortly", "later", "eventual", "coming", "next", "ahead", "upcoming"),
}

_COMPILED: dict[bool, list[tuple[_Rule, re.Pattern[str], tuple[str, ...]]]] = {}


def _compiled(lenient: bool) -> list[tuple[_Rule, re.Pattern[str], tuple[str, ...]]]:
    if lenient not in _COMPILED:
        _COMPILED[lenient] = [(r, re.compile(r.pattern, re.I), _NEEDS.get(r.name, ())) for r in _rules(lenient)]
    return _COMPILED[lenient]


# A cheap test that a text can hold any time expression at all: most sentences are rejected by it.
# Searched in the lower-cased text: case-insensitive matching of a long alternation is four times slower.
_ANY_CUE = re.compile(
    (
        rf"\d|{_MONTH_FULL}|{_MONTH_ABBR}|{_WEEKDAY}|day|night|now|current|week|month|year|quarter|decade|centur|"
        r"recent|past|previous|former|earlier|later|soon|shortly|future|eventual|upcoming|ago|spring|summer|autumn|"
        r"winter|fall|tonight|morning|afternoon|evening|thanksgiving|christmas|easter|valentine|halloween|ties\b|"
        r"lately|historically|present|term|ahead|hence|tomorrow|eighteen|nineteen|twenty|thousand|latest|centur"
    ).lower()
)


def _candidates(ctx: _Context) -> list[TimeExpression]:
    found: list[TimeExpression] = []
    lowered = ctx.lowered
    for rule, rx, needs in _compiled(ctx.lenient):
        if needs and not any(word in lowered for word in needs):
            continue
        for m in rx.finditer(ctx.text):
            if m.end() == m.start():
                continue
            result = rule.handler(m, ctx)
            if result is None:
                continue
            value, kind = result[0], result[1]
            end = result[2] if len(result) == 3 else m.end()
            start = m.start()
            found.append(TimeExpression(start, end, ctx.text[start:end], value, kind, rule.name))
    return found


def _select(found: list[TimeExpression]) -> list[TimeExpression]:
    """Longest first, then leftmost, without overlaps; returned in text order."""
    chosen: list[TimeExpression] = []
    for e in sorted(found, key=lambda e: (-(e.end - e.start), e.start)):
        if all(e.end <= c.start or e.start >= c.end for c in chosen):
            chosen.append(e)
    return sorted(chosen, key=lambda e: e.start)


def _match_at(ctx: _Context, pos: int) -> tuple[str, int] | None:
    """The value and end of a concrete time expression starting right after `pos` (for 'two days after X')."""
    rest = ctx.text[pos:]
    skip = len(rest) - len(rest.lstrip())
    if not skip:
        return None
    best: tuple[str, int] | None = None
    for rule, rx, _needs in _compiled(ctx.lenient):
        if rule.name in ("ago", "vague_ago", "present", "past", "future"):
            continue
        m = rx.match(ctx.text, pos + skip)
        if m is None or m.end() == m.start():
            continue
        result = rule.handler(m, ctx)
        if result is None or result[1] == "pending":
            continue
        end = result[2] if len(result) == 3 else m.end()
        if best is None or end > best[1]:
            best = (result[0], end)
    return best


_DAY_VALUE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_MONTH_VALUE = re.compile(r"^(\d{4})-(\d{2})(?:-\d{2})?$")
_WEEK_VALUE = re.compile(r"^(\d{4})-(?:\d{2}-\d{2}|W\d{2})$")
_YEAR_VALUE = re.compile(r"^(\d{4})(?:-|$)")


def _refer_back(chosen: list[TimeExpression]) -> list[TimeExpression]:
    """Resolve each anaphoric expression ('the next day', 'the previous Friday', 'the following month') against
    the latest date written before it that is fine enough (a day for a day, a month for a month); one with
    nothing to refer to is dropped (in a lone expression or a first sentence, no guess is better than the
    publication date)."""
    out: list[TimeExpression] = []
    for e in chosen:
        if e.kind != "pending":
            out.append(e)
            continue
        spec = e.value.split(":")
        value = None
        for prior in reversed(out):
            if prior.kind == "vague":
                continue
            value = _from_reference(spec, prior.value)
            if value is not None:
                break
        if value is not None:
            out.append(TimeExpression(e.start, e.end, e.text, value, "anaphoric", e.rule))
    return out


def _from_reference(spec: list[str], reference: str) -> str | None:
    unit, step = spec[0], int(spec[-1])
    if unit == "same":
        return reference if _YEAR_VALUE.match(reference) else None
    if unit in ("day", "weekday", "week"):
        m = _DAY_VALUE.match(reference)
        if m is None:
            w = _WEEK_VALUE.match(reference) if unit == "week" else None
            if w is None:
                return None
            return cal.iso_week(
                date.fromisocalendar(int(reference[:4]), int(reference[-2:]), 1) + timedelta(weeks=step)
            )
        d = date(int(m[1]), int(m[2]), int(m[3]))
        if unit == "day":
            return cal.day(d + timedelta(days=step))
        if unit == "week":
            return cal.iso_week(d + timedelta(weeks=step))
        wd = int(spec[1])
        found = cal.weekday_on_or_before(d, wd, inclusive=False) if step < 0 else cal.weekday_after(d, wd)
        return cal.day(found)
    if unit == "month":
        m = _MONTH_VALUE.match(reference)
        if m is None:
            return None
        return cal.month(*cal.shift_months(int(m[1]), int(m[2]), step))
    m = _YEAR_VALUE.match(reference)
    return f"{int(m[1]) + step:04d}" if m else None


# 'April 24 and 25', 'May 3 or 4', 'March 8 to 10': the later day takes the month and year of the first
_NEXT_DAY_OF_MONTH = re.compile(
    r"(?:,\s*|\s+)(?:and|or|to|through|until)\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\b"
    rf"(?![.,:]?\d|-|\s*(?:a\.m|p\.m|million|billion|{_MONTH_FULL}|{_MONTH_ABBR})\b)"
)


def _carry_month(chosen: list[TimeExpression], ctx: _Context) -> list[TimeExpression]:
    out: list[TimeExpression] = []
    for i, e in enumerate(chosen):
        out.append(e)
        if e.rule != "month_day" or not _DAY_VALUE.match(e.value):
            continue
        m = _NEXT_DAY_OF_MONTH.match(ctx.text, e.end)
        if m is None or (i + 1 < len(chosen) and chosen[i + 1].start < m.end()):
            continue
        if _NOT_YEAR_AFTER.match(ctx.text, m.end()):
            continue  # 'on April 2 and 25 percent', '25 people': a count
        first = date.fromisoformat(e.value)
        d = cal.safe_date(first.year, first.month, int(m["d"]))
        if d is not None and d > first:
            out.append(TimeExpression(m.start("d"), m.end("d"), m["d"], cal.day(d), e.kind, "month_day_carried"))
    return out


def scan(text: str, anchor: date, lenient: bool = False) -> list[TimeExpression]:
    """All time expressions in `text`, resolved against `anchor`, in text order."""
    if not text:
        return []
    ctx = _Context(text, anchor, lenient)
    if not (lenient or _ANY_CUE.search(ctx.lowered)):
        return []
    chosen = _select(_candidates(ctx))
    if not lenient:
        chosen = _carry_month(chosen, ctx)
    return _refer_back(chosen)
