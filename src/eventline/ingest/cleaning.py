"""The plain-text cleaner: scraped page text in, the article out (title, outlet, publication date, body).

A scraper saves every visible line of a page: banners, menus, sign-up and comment widgets, share buttons,
captions, copyright lines, lists of related links, and somewhere among them the article. The cleaner scores
each line by general signals (length, sentence punctuation, density of function words, furniture cue
words), makes short gaps between paragraphs cheaper and long runs of link-like lines (menus) dearer, and takes
the densest run of prose (a maximum-sum segment, linear time). That block is extended over a list the article
introduces ('Tour dates:') or a table of facts right after it; when it is a comment thread (repeated post
stamps) or a legal footer, the post that follows the headline (the line most like the page title) wins. The
lines above it are the header (title, byline, date, dateline); the lines below it are the footer (copyright
lines name the outlet). Lines repeated across a corpus folder (`common_lines`) never enter the body.
Word lists are data files beside this module (data/*.txt, data/outlets.tsv), never phrases of particular
pages. Knows nothing about files, encodings or the document store.
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Container, Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from importlib import resources

MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_MONTH = r"(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"  # noqa: E501
_ISO_DATE = re.compile(r"\b(?P<y>(?:19|20)\d\d)[-/.](?P<m>[01]?\d)[-/.](?P<d>[0-3]?\d)\b")
_MDY_DATE = re.compile(_MONTH + r"\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)?,?\s+(?P<y>(?:19|20)\d\d)\b", re.I)
_DMY_DATE = re.compile(
    r"\b(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH + r",?\s+(?P<y>(?:19|20)\d\d)\b", re.I
)
_MD_NO_YEAR = re.compile(_MONTH + r"\s+(?P<d>[0-3]?\d)\b", re.I)
_DATE_CUE = re.compile(r"\b(?:published|updated|posted|date|last modified|first published)\b", re.I)

_WORD = re.compile(r"[^\W\d_][\w'’.-]*", re.UNICODE)
_SENTENCE_END = re.compile(r"[.!?…。！？][\"'”’)\]」』]*$|[\"”’]$")
_INNER_PUNCT = re.compile(r"[,.;:!?，、。；：！？]\s|[，、。]")
_CODE_SYMBOLS = re.compile(r"[{}<>=\\/|_\[\]#*@;$^~`]")
_TIME_STAMP = re.compile(r"\b\d{1,2}:\d\d\b|\b\d+\s+(?:min(?:ute)?s?|hours?|days?|weeks?|months?)\s+ago\b", re.I)
_MARKUP = re.compile(r"</?[a-z][a-z0-9]*(?:\s+[a-z-]+=[^>]*)?/?>|&[a-z]+;|\bdata:image/", re.I)
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff]")
_COPYRIGHT = re.compile(r"(?:©|\(c\)|\bcopyright\b)", re.I)
# A legal copyright line (a year or a rights clause), as opposed to a photo credit ("Image copyright AFP").
_LEGAL_LINE = re.compile(r"(?:19|20)\d\d|rights reserved|\b(?:inc|ltd|llc|plc|gmbh)\b", re.I)
_COPYRIGHT_OWNER = re.compile(
    r"(?:©|\(c\)|copyright)\s*(?:(?:19|20)\d\d\s*[-–]?\s*(?:(?:19|20)\d\d)?\s*)?(?P<owner>[^\W\d_][\w&.'’ -]*?)"
    r"\s*(?:,?\s*(?:19|20)\d\d)?\s*(?:[.,;|]|\ball rights\b|$)",
    re.I,
)
# "SEOUL (Reuters) -", "WASHINGTON, March 3 (AP) —", "(Reuters) -": a dateline naming the outlet.
_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Za-z.'’ -]{1,40}?(?:,\s*[A-Za-z0-9 .]{1,25}?)?)?\s*"
    r"\((?P<outlet>[A-Z][\w&.'’ -]{1,40}?)\)\s*[-–—:]+\s*"
)
# "SEOUL, March 29 -" or "SEOUL --": an upper-case dateline without an outlet.
_PLAIN_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z.'’ -]{2,30}(?:,\s*[A-Za-z0-9 .]{1,25}?)?)\s*[-–—]{1,2}\s+(?=[A-Z\"“])"
)
_BYLINE = re.compile(r"^(?:by|written by|words by|reporting by)\s+(?P<who>.+)$", re.I)
_TEAM_BYLINE = re.compile(
    r"^(?:by\s+)?(?P<outlet>[A-Z][\w&.'’ -]{1,40}?)\s+(?:web|news|online|digital|editorial|foreign)?\s*"
    r"(?:team|desk|bureau|staff|newsroom)$",
    re.I,
)
_UPPER_PLACE = re.compile(r"^[A-Z][A-Z .'’-]{2,30}$")
_MARKUP_TOKEN = re.compile(r"^[\w-]*_[\w-]*$|^\W+$|^[\w.-]+\.(?:jpe?g|png|gif|webp|svg)$", re.I)


@lru_cache(maxsize=1)
def _stop_words() -> frozenset[str]:
    return frozenset(_data_lines("stopwords.txt"))


@lru_cache(maxsize=1)
def _cue_patterns() -> tuple[frozenset[str], re.Pattern[str]]:
    cues = _data_lines("furniture_cues.txt")
    single = frozenset(c for c in cues if " " not in c)
    phrases = sorted((c for c in cues if " " in c), key=len, reverse=True)
    pattern = re.compile(r"\b(?:" + "|".join(re.escape(p) for p in phrases) + r")\b") if phrases else re.compile("(?!)")
    return single, pattern


@lru_cache(maxsize=1)
def _section_cues() -> re.Pattern[str]:
    cues = sorted(_data_lines("section_cues.txt"), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(c) for c in cues) + r")\b")


@lru_cache(maxsize=1)
def outlet_aliases() -> dict[str, str]:
    """Lower-cased alias -> outlet name, from data/outlets.tsv."""
    out: dict[str, str] = {}
    for line in _data_lines("outlets.tsv", lower=False):
        alias, _, name = line.partition("\t")
        if name:
            out[alias.strip().lower()] = name.strip()
    return out


def _data_lines(name: str, lower: bool = True) -> list[str]:
    text = resources.files("eventline.ingest").joinpath("data", name).read_text(encoding="utf-8")
    lines = [ln.strip() if lower else ln.rstrip("\n") for ln in text.splitlines()]
    return [ln.lower() if lower else ln for ln in lines if ln.strip() and not ln.startswith("#")]


def canonical_outlet(name: str | None) -> str | None:
    """The stored name of an outlet given as it was signed ('Thomson Reuters', 'AP'); unknown names pass
    through with legal suffixes removed."""
    if not name:
        return None
    name = " ".join(name.replace("’", "'").split()).strip(" .,;:-")
    key = name.lower()
    aliases = outlet_aliases()
    if key in aliases:
        return aliases[key]
    trimmed = re.sub(r"[,\s]+(?:inc|ltd|llc|plc|corp|co|gmbh|limited|group|sa|ag)\.?$", "", name, flags=re.I)
    if trimmed.lower() in aliases:
        return aliases[trimmed.lower()]
    return trimmed or None


@dataclass
class Line:
    text: str
    words: int
    chars: int
    stop_ratio: float
    cue_ratio: float
    sentence_end: bool
    copyright: bool
    punct: int = 0
    symbols: float = 0.0
    capitals: float = 0.0
    section_end: bool = False
    stamp: bool = False
    markup: bool = False
    common: bool = False  # repeated across the corpus
    score: float = 0.0


@dataclass
class CleanedText:
    """What the cleaner found in one scraped page."""

    body: str
    title: str | None = None
    publisher: str | None = None
    pub_date: date | None = None
    byline: str | None = None
    dateline: str | None = None
    meta: dict[str, str] = field(default_factory=dict)


def normalize_line(line: str) -> str:
    return " ".join(line.replace("\u00a0", " ").replace("\u200b", "").split())


def page_function_words(texts: list[str], top: int = 40) -> frozenset[str]:
    """Function words of the page's own language: the short words that recur across its longer lines. With
    the English list this makes the prose test work for pages in other languages written with spaces."""
    counts: dict[str, int] = {}
    for text in texts:
        words = _WORD.findall(text)
        if len(words) < 8:
            continue
        for w in {w.lower() for w in words}:
            if len(w) <= 4:
                counts[w] = counts.get(w, 0) + 1
    common = sorted((c, w) for w, c in counts.items() if c >= 3)[-top:]
    return frozenset(w for _, w in common)


_OPEN_END = re.compile(r"[\w,;–—-]$")


def join_wrapped_lines(lines: Iterable[str]) -> list[str]:
    """Non-blank lines, hard wrapping undone: a line that starts in lower case right after a line of running
    words that stops without closing punctuation continues it ('... stunning in new' + 'make-up photos.').
    A blank line between the two is a paragraph break."""
    out: list[str] = []
    joinable = False
    for line in lines:
        if not line:
            joinable = False
            continue
        if joinable and line[0].islower() and " " in line and not _CODE_SYMBOLS.search(line) and not parse_date(line):
            out[-1] = out[-1] + " " + line
        else:
            out.append(line)
        last = out[-1]
        joinable = len(last) >= 40 and last.count(" ") >= 5 and bool(_OPEN_END.search(last))
    return out


def describe_line(text: str, function_words: frozenset[str] = frozenset()) -> Line:
    words = _WORD.findall(text)
    lowered = [w.lower().strip(".'’-") for w in words]
    stops = _stop_words()
    single, phrases = _cue_patterns()
    n_stop = sum(1 for w in lowered if w in stops or w in function_words)
    n_cue = sum(1 for w in lowered if w in single)
    cjk = len(_CJK.findall(text))
    n = len(words) + cjk // 2
    if len(words) <= 12:
        n_cue += sum(len(m.group(0).split()) for m in phrases.finditer(text.lower()))
    return Line(
        text=text,
        words=n,
        chars=len(text),
        stop_ratio=n_stop / len(words) if words and cjk < len(text) / 3 else (0.3 if cjk else 0.0),
        cue_ratio=min(1.0, n_cue / n) if n else 0.0,
        sentence_end=bool(_SENTENCE_END.search(text)),
        copyright=bool(_COPYRIGHT.search(text)) and n <= 15 and bool(_LEGAL_LINE.search(text)),
        punct=len(_INNER_PUNCT.findall(text)),
        symbols=len(_CODE_SYMBOLS.findall(text)) / len(text),
        capitals=sum(1 for w in words if w[0].isupper()) / len(words) if words else 0.0,
        section_end=len(words) <= 5 and bool(_section_cues().search(text.lower())),
        stamp=len(words) <= 12
        and not _SENTENCE_END.search(text)
        and bool(_TIME_STAMP.search(text) or parse_date(text)),
        markup=bool(_MARKUP.search(text)),
    )


def is_prose(line: Line) -> bool:
    """A line that reads as running text: several words, many of them function words, not furniture."""
    if line.copyright or line.cue_ratio >= 0.34 or line.symbols > 0.06 or line.markup or line.stamp:
        return False
    if line.capitals > 0.6 and line.words >= 6:  # headlines and teaser lists, not running text
        return False
    if line.words >= 15 and (line.stop_ratio >= 0.2 or (line.punct >= 2 and line.sentence_end)):
        return True
    return line.words >= 7 and line.stop_ratio >= 0.25 and line.sentence_end


SECTION_END_PENALTY = -600.0


def score_line(line: Line) -> float:
    """Positive for prose (by its length), negative for furniture; the densest block maximises the sum."""
    if line.copyright:
        return -400.0
    if line.section_end:
        return SECTION_END_PENALTY
    if line.words == 0:
        return -30.0
    if line.stamp:  # "Posted on May 3, 2019 at 4:47 pm", "2 days ago": post and comment headers
        return -250.0
    if is_prose(line):
        return float(line.chars) * max(0.0, 1.0 - 5 * line.cue_ratio)
    if line.cue_ratio >= 0.34:
        return -40.0 - line.chars
    if line.words >= 7 and line.stop_ratio >= 0.15:
        # A heading or a short paragraph: mildly negative, so it survives inside the article only.
        return -5.0
    if line.words <= 3:
        return -25.0
    return -15.0 - 0.1 * line.chars


MENU_RUN = 6  # this many non-prose lines in a row are a menu or a list of links ...
MENU_WEIGHT = 3.0  # ... whose link-like lines cost this many times more
_DIGIT = re.compile(r"\d")


def _link_like(line: Line) -> bool:
    """A menu entry or a link's text: a few words, no figures, no punctuation inside."""
    return line.words <= 4 and line.punct == 0 and not _DIGIT.search(line.text)


def weigh_gaps(lines: list[Line]) -> None:
    """Gap tolerance: one or two non-prose lines between prose lines (a subheading, a list item) cost half.
    Long runs of short link-like lines (menus, tag clouds, lists of names) cost more than the same lines
    scattered between paragraphs, so the article's block does not bridge them; figures and punctuation mark
    the rows of a table or a list of facts, which keep their cost."""
    i, n = 0, len(lines)
    while i < n:
        if lines[i].score > 0:
            i += 1
            continue
        j = i
        while j < n and lines[j].score <= 0:
            j += 1
        if j - i >= MENU_RUN:
            for line in lines[i:j]:
                if line.score > -100 and _link_like(line):
                    line.score *= MENU_WEIGHT
        elif j - i <= 2 and 0 < i and j < n:  # a subheading or a list item between paragraphs costs less
            for line in lines[i:j]:
                if line.score > -100:
                    line.score *= 0.5
        i = j


def densest_block(scores: list[float]) -> tuple[int, int]:
    """Indices [start, end) of the run of lines with the largest score sum (Kadane's algorithm)."""
    best, best_span = float("-inf"), (0, 0)
    run, run_start = 0.0, 0
    for i, s in enumerate(scores):
        if run <= 0:
            run, run_start = s, i
        else:
            run += s
        if run > best:
            best, best_span = run, (run_start, i + 1)
    return best_span


def keep_in_body(line: Line) -> bool:
    """Inside the article block, drop what is plainly furniture: widgets, captions' markers, lone symbols."""
    if line.copyright or line.common or line.words == 0 or line.markup or line.symbols > 0.1:
        return False
    if line.cue_ratio >= 0.5 and not is_prose(line):
        return False
    if line.words <= 2 and _MARKUP_TOKEN.match(line.text.replace(" ", "_") if line.words == 1 else line.text):
        return False
    return True


_CODE_TOKEN = re.compile(r"^(?!https?:)(?:[.#/]\S*|\S*[/_]\S*)$")


def hard_break(line: Line) -> bool:
    """Furniture that no list or table of the article runs through: widgets, section cues, copyright and
    post stamps, markup and template names."""
    return (
        line.copyright
        or line.section_end
        or line.stamp
        or line.markup
        or line.cue_ratio >= 0.34
        or bool(_CODE_TOKEN.match(line.text))
    )


def list_after(lines: list[Line], start: int, end: int, limit: int = 400) -> int:
    """Where the list or table that the article introduces with a colon ('Tour dates:') ends: the block's
    end moved over the items up to the first furniture line."""
    intro = next((i for i in (end - 1, end) if 0 <= i < len(lines) and lines[i].text.endswith(":")), None)
    if intro is None or lines[intro].section_end:
        return end
    i = intro + 1
    while i < len(lines) and i - intro <= limit and not hard_break(lines[i]):
        i += 1
    return max(end, i)


def _row_like(line: Line) -> bool:
    """A row of a table or an entry of a list of facts: it has figures, or it closes like a sentence."""
    return line.sentence_end or bool(_DIGIT.search(line.text))


def rows_after(lines: list[Line], end: int, window: int = 6, min_rows: int = 2) -> int:
    """A table or a list of facts right after the article block (scores, results, dates): the block's end
    moved over the following non-furniture lines while row-like lines stay frequent (at least `min_rows` of
    any `window` lines), up to the last row-like one."""
    last = end - 1
    recent: deque[bool] = deque(maxlen=window)
    i = end
    while i < len(lines) and not hard_break(lines[i]) and not is_prose(lines[i]):
        row = _row_like(lines[i])
        recent.append(row)
        if len(recent) == window and sum(recent) < min_rows:
            break
        if row:
            last = i
        i += 1
    return last + 1


HEADLINE_REACH = 15  # the article's first paragraph follows its headline within this many lines
_TITLE_WORD = re.compile(r"\w+")


def _legal(line: Line) -> bool:
    """A copyright notice, short or inside a paragraph of legal text."""
    return bool(_COPYRIGHT.search(line.text) and _LEGAL_LINE.search(line.text))


def prose_chars(lines: list[Line]) -> int:
    return sum(ln.chars for ln in lines if is_prose(ln))


def headline_index(lines: list[Line]) -> int | None:
    """The line that repeats the page title (the first line) as a headline: most of its words are title
    words, at least three of them."""
    if len(lines) < 3:
        return None
    title = set(_TITLE_WORD.findall(lines[0].text.lower()))
    best, best_i = 0.6, None
    for i in range(1, len(lines)):
        line = lines[i]
        if not 3 <= line.words <= 30 or line.chars > 250:
            continue
        words = set(_TITLE_WORD.findall(line.text.lower()))
        shared = len(words & title)
        if shared >= 3 and shared / len(words) > best:
            best, best_i = shared / len(words), i
    return best_i


def headline_block(lines: list[Line]) -> tuple[int, int] | None:
    """The article as it follows its headline: from the first prose line soon after the headline up to the
    first section cue or copyright line after it (comments, related articles, the footer)."""
    h = headline_index(lines)
    if h is None:
        return None
    start = next((i for i in range(h + 1, min(len(lines), h + HEADLINE_REACH)) if is_prose(lines[i])), None)
    if start is None:
        return None
    end = start + 1
    while end < len(lines) and not (lines[end].section_end or lines[end].copyright):
        end += 1
    return start, end


def parse_date(text: str) -> date | None:
    """The first full calendar date written in text (ISO, 'Apr 29, 2018', '29 April 2018')."""
    found: list[tuple[int, date]] = []
    for pattern in (_ISO_DATE, _MDY_DATE, _DMY_DATE):
        for m in pattern.finditer(text):
            g = m.groupdict()
            month = int(g["m"]) if g.get("m") else _month_number(g["mon"])
            try:
                found.append((m.start(), date(int(g["y"]), int(month or 0), int(g["d"]))))
            except ValueError:
                continue
    return min(found)[1] if found else None


def _month_day(text: str) -> tuple[int, int] | None:
    m = _MD_NO_YEAR.search(text)
    if not m:
        return None
    return _month_number(m.group("mon")), int(m.group("d"))


def _month_number(name: str) -> int:
    return MONTHS[name.lower().rstrip(".")[:3]]


def _outlet_line(text: str) -> str | None:
    """An outlet named by a whole line ('WION Web Team', 'Reuters', 'By AFP')."""
    m = _TEAM_BYLINE.match(text)
    if m:
        return canonical_outlet(m.group("outlet"))
    bare = re.sub(r"^by\s+", "", text, flags=re.I).strip(" .")
    if bare.lower() in outlet_aliases():
        return outlet_aliases()[bare.lower()]
    return None


def _copyright_owner(text: str) -> str | None:
    m = _COPYRIGHT_OWNER.search(text)
    if not m:
        return None
    owner = m.group("owner").strip()
    if not owner or owner.lower() in {"all rights reserved", "copyright"}:
        return None
    return canonical_outlet(owner)


def _title_candidate(line: Line) -> bool:
    if not 3 <= line.words <= 30 or line.copyright or line.cue_ratio >= 0.15 or line.text.count("|") >= 2:
        return False
    text = line.text
    if _BYLINE.match(text) or _TEAM_BYLINE.match(text) or parse_date(text) or _DATE_CUE.search(text):
        return False
    if text.endswith(".") and not text.endswith("..."):
        return False
    if re.search(r"\([^)]*\)\s*$", text) and ":" in text:  # a caption with its credit
        return False
    letters = sum(ch.isalpha() for ch in text)
    return letters >= 0.6 * len(text)


def split_dateline(paragraph: str) -> tuple[str, str | None, str | None]:
    """'SEOUL (Reuters) - North Korea said ...' -> ('North Korea said ...', 'SEOUL', 'Reuters')."""
    m = _DATELINE.match(paragraph) or _PLAIN_DATELINE.match(paragraph)
    if not m or len(paragraph) <= m.end() + 20:
        return paragraph, None, None
    groups = m.groupdict()
    outlet = canonical_outlet(groups["outlet"]) if groups.get("outlet") else None
    place = (groups.get("place") or "").strip(" ,") or None
    return paragraph[m.end() :], place, outlet


def clean_scraped_text(raw: str | Iterable[str], common_lines: Container[str] = frozenset()) -> CleanedText:
    """The article in one scraped page: title, publisher, pub_date and the body (paragraphs joined by blank
    lines). `common_lines` are lines seen on many pages of the same corpus (navigation, footers): furniture
    wherever they stand, unless they read as prose."""
    texts = raw.splitlines() if isinstance(raw, str) else raw
    normalized = join_wrapped_lines(normalize_line(x) for x in texts)
    function_words = page_function_words(normalized)
    lines = [describe_line(t, function_words) for t in normalized]
    if not lines:
        return CleanedText(body="")
    for line in lines:
        line.score = score_line(line)
        # Lines repeated across the corpus leave the body; their cost stays as scored, since a harsher one
        # breaks articles whose paragraphs a site separates with the same template line.
        line.common = line.text in common_lines and not is_prose(line)
    weigh_gaps(lines)
    start, end = densest_block([ln.score for ln in lines])
    if sum(1 for ln in lines[start:end] if ln.stamp) >= 2 or any(_legal(ln) for ln in lines[max(start, end - 3) : end]):
        # Post stamps ('Alex on May 3, 2019 at 4:47 pm said:') repeating in the block: a comment thread; a
        # copyright notice at its end: the site's legal footer. When the headline is followed by a post of its
        # own that ends before that block, the post is the article.
        anchored = headline_block(lines)
        if anchored and anchored[1] <= start and prose_chars(lines[anchored[0] : anchored[1]]) >= 200:
            start, end = anchored
    if not any(is_prose(ln) for ln in lines[start:end]):
        # No prose at all (a short note, a list): keep every line that is not furniture.
        start, end = 0, len(lines)
    # A list the article introduces, or a table of facts right after it, belongs to it.
    extended = rows_after(lines, list_after(lines, start, end))
    body_lines = [ln for ln in lines[start:extended] if keep_in_body(ln)]
    # Trim trailing and leading non-prose lines (headings of the next section, a stray label).
    while extended == end and body_lines and not is_prose(body_lines[-1]) and not body_lines[-1].sentence_end:
        body_lines.pop()
    end = extended
    while body_lines and not is_prose(body_lines[0]) and body_lines[0].words <= 3 and not body_lines[0].sentence_end:
        body_lines.pop(0)
    header = lines[max(0, start - 40) : start]
    footer = lines[end : end + 40]
    result = CleanedText(body="")

    # Dateline at the start of the body: "SEOUL (Reuters) - North Korea ..." (kept out of the body text).
    dateline_outlet = None
    if body_lines:
        first, place, dateline_outlet = split_dateline(body_lines[0].text)
        if place or dateline_outlet:
            result.dateline = place
            body_lines[0] = describe_line(first)
    result.body = "\n\n".join(ln.text for ln in body_lines)

    # Header: title, byline, outlet, date, a dateline on its own line.
    header_outlet = None
    header_date = cued_date = None
    for ln in header:
        text = ln.text
        if result.title is None and _title_candidate(ln):
            result.title = text
        outlet = _outlet_line(text) if ln.words <= 6 else None
        if outlet and header_outlet is None:
            header_outlet = outlet
        elif result.byline is None and (m := _BYLINE.match(text)) and ln.words <= 8:
            result.byline = m.group("who").strip()
        if _UPPER_PLACE.match(text) and ln.words <= 3 and result.dateline is None:
            result.dateline = text.title()
        d = parse_date(text)
        if d:
            if _DATE_CUE.search(text) and cued_date is None:
                cued_date = d
            if header_date is None:
                header_date = d

    footer_owner = next((o for o in (_copyright_owner(ln.text) for ln in footer if ln.copyright) if o), None)
    result.publisher = dateline_outlet or header_outlet or footer_owner
    result.pub_date = cued_date or header_date
    if result.pub_date is None and body_lines:
        # "SEOUL, March 29 (Reuters)" gives month and day; the copyright line below gives the year.
        md = _month_day(lines[start].text[:60]) if result.dateline else None
        year = next((int(y) for ln in footer if ln.copyright for y in re.findall(r"\b(?:19|20)\d\d\b", ln.text)), None)
        if md and year:
            try:
                result.pub_date = date(year, *md)
            except ValueError:
                pass
    return result
