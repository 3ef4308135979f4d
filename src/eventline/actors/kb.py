"""The actor knowledge base: loads the TSV files in `data/` (and user extensions in the same format) into
lookup tables keyed by normalised surface forms.

One format for every file, one entry per row (header line required, '#' lines are comments):

    kind  code  country  sector  start  end  name  aliases  context  note

kind     country | place | person | org | agent | context
code     explicit CAMEO-style code (IGOUNO, PRKMED); empty: country + sector
country  ISO-3 or empty (international, or taken from the text for orgs like 'National Intelligence Service')
sector   GOV MIL COP JUD LEG OPP REB CVL MED BUS EDU IGO NGO SPY ... or empty
start/end  YYYY-MM-DD dates of a person's role (empty: open); a person has one row per role
name     canonical name; aliases: other surface forms separated by '|'
context  for kind=context: ISO-3 codes (|) of which one must be mentioned in the document ('the North')
note     free text (the office held); for kind=org, a note starting 'group' marks a row that lists several
         organisations of one kind (each keeps its own name)

This module must not know about spaCy.
"""

from __future__ import annotations

import csv
import io
import json
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

from eventline.cache import collector_paused, load_or_build

DATA_DIR = Path(__file__).parent / "data"
COLUMNS = ["kind", "code", "country", "sector", "start", "end", "name", "aliases", "context", "note"]
KINDS = {"country", "place", "person", "org", "agent", "context"}
# Files loaded in order; later files override earlier ones for the same surface form and kind.
DATA_FILES = ["orgs_generated.tsv", "countries.tsv", "leaders.tsv", "people.tsv", "places.tsv", "groups.tsv",
              "orgs.tsv", "agents_generated.tsv", "agents.tsv"]

_APOS = str.maketrans({"’": "'", "‘": "'", "`": "'", "‐": "-", "‑": "-", "–": "-", "—": "-"})


_DOT_IN_WORD = re.compile(r"(?<=\w)\.(?=\w)")
_SEPARATORS = re.compile(r"[.\-_/]")
_POSSESSIVE = re.compile(r"'s\b")
_PLURAL_POSSESSIVE = re.compile(r"(?<=s)'(?!\w)|(?<![\w])'(?![\w])")


@lru_cache(maxsize=300_000)
def normalise(text: str) -> str:
    """Case-folded, accent-free, hyphens and dots dropped: 'Kim Jong-Un' and 'Kim Jong Un' -> 'kim jong un'."""
    text = text.translate(_APOS)
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text)
        text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.lower()
    if "." in text:
        text = _DOT_IN_WORD.sub("", text)  # u.s. -> us
    text = _SEPARATORS.sub(" ", text)
    if "'" in text:
        text = _POSSESSIVE.sub(" 's", text)
        text = _PLURAL_POSSESSIVE.sub("", text)  # plural possessive: workers' -> workers
    return " ".join(text.split())


def key_of(text: str) -> tuple[str, ...]:
    return tuple(normalise(text).split())


def plural(word: str) -> str:
    """Regular English plural of a role noun ('minister' -> 'ministers', 'agency' -> 'agencies')."""
    if word.endswith("man"):
        return word[:-3] + "men"
    if word.endswith("y") and len(word) > 2 and word[-2] not in "aeiou":
        return word[:-1] + "ies"
    if word.endswith(("s", "sh", "ch", "x")):
        return word if word.endswith("s") else word + "es"
    return word + "s"


def parse_date(value: str | None) -> date | None:
    if not value:
        return None
    value = value.strip()
    try:
        if len(value) == 4:
            return date(int(value), 1, 1)
        if len(value) == 7:
            return date(int(value[:4]), int(value[5:7]), 1)
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


@dataclass
class Role:
    country: str | None
    sector: str | None
    start: date | None
    end: date | None
    code: str | None = None
    note: str = ""

    def active(self, when: date) -> bool:
        return (self.start is None or self.start <= when) and (self.end is None or when <= self.end)


@dataclass
class Entry:
    kind: str
    name: str
    country: str | None = None
    sector: str | None = None
    code: str | None = None
    roles: list[Role] = field(default_factory=list)
    context: tuple[str, ...] = ()
    forms: set[str] = field(default_factory=set)
    group: bool = False  # a row listing several organisations of one kind: each keeps its own name

    def resolve(self, when: date | None) -> tuple[str | None, str | None, str | None]:
        """(code, country, sector) of this entry on `when` (a person's role valid then; ELI after it)."""
        if self.kind != "person" or not self.roles:
            return self.code or make_code(self.country, self.sector), self.country, self.sector
        roles = sorted(self.roles, key=lambda r: (r.start or date.min))
        if when is None:
            open_roles = [r for r in roles if r.end is None]
            role = _best(open_roles) if open_roles else roles[-1]
            return role.code or make_code(role.country, role.sector), role.country, role.sector
        active = [r for r in roles if r.active(when)]
        if active:
            role = _best(active)
            return role.code or make_code(role.country, role.sector), role.country, role.sector
        past = [r for r in roles if r.end is not None and r.end < when]
        if past:
            last = max(past, key=lambda r: r.end or date.min)
            if last.country and last.sector in _OFFICE_SECTORS:
                return make_code(last.country, "ELI"), last.country, "ELI"
            return last.code or make_code(last.country, last.sector), last.country, last.sector
        first = roles[0]  # before any known role: the person's country, no office yet
        return make_code(first.country, None) if first.country else first.code, first.country, None


_OFFICE_SECTORS = {"GOV", "MIL", "JUD", "LEG", "COP", "SPY"}
_SECTOR_RANK = {"GOV": 0, "SPY": 1, "MIL": 2, "JUD": 3, "LEG": 4}


def _best(roles: list[Role]) -> Role:
    return min(roles, key=lambda r: (_SECTOR_RANK.get(r.sector or "", 9), -(r.start or date.min).toordinal()))


_OFFICES = [
    (re.compile(r"^(president|presidents|president of the republic)$"), "president"),
    (re.compile(r"^(prime minister|prime ministers|premier|premiers|chancellor|chancellors|first lord of the treasury|"
                r"minister for the civil service|minister for the union)$"), "prime minister"),
    (re.compile(r"^(foreign minister|minister (of|for) foreign affairs|secretary of state|foreign secretary|"
                r"minister of external (affairs|relations)|secretary of foreign affairs|"
                r"minister of international relations( and cooperation)?)$"), "foreign minister"),
    (re.compile(r"^(minister (of|for) (national )?defen[cs]e|secretary of defen[cs]e|defen[cs]e secretary|"
                r"defen[cs]e minister)$"), "defence minister"),
    (re.compile(r"^(supreme leader|king|kings|emperor|monarch|queen|emir|sultan|pope)$"), "monarch"),
]


@lru_cache(maxsize=20_000)
def office_key(note: str) -> str | None:
    """The single-holder office a role note names ('Minister for Foreign Affairs' -> 'foreign minister')."""
    note = note.strip().lower()
    for pattern, office in _OFFICES:
        if pattern.match(note):
            return office
    return None


def make_code(country: str | None, sector: str | None) -> str | None:
    if country and sector:
        return f"{country}{sector}"
    if country:
        return country
    if sector in ("IGO", "NGO", "MNC"):
        return sector
    return None


def read_rows(source: str | Path | list[dict[str, Any]]) -> list[dict[str, str]]:
    """Rows from a TSV file (our format), a YAML or JSON file holding a list of entries, or such a list."""
    if isinstance(source, list):
        items: list[dict[str, Any]] = source
    else:
        path = Path(source)
        text = path.read_text(encoding="utf-8")
        if path.suffix in (".yaml", ".yml"):
            import yaml

            items = yaml.safe_load(text) or []
        elif path.suffix == ".json":
            items = json.loads(text)
        elif path.suffix == ".jsonl":
            items = [json.loads(line) for line in text.splitlines() if line.strip()]
        else:
            lines = [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
            items = list(csv.DictReader(io.StringIO("\n".join(lines)), delimiter="\t", quoting=csv.QUOTE_NONE))
    rows = []
    for item in items:
        row = {c: "" for c in COLUMNS}
        for k, v in item.items():
            if k is None:
                continue
            if k == "aliases" and isinstance(v, list):
                v = "|".join(str(x) for x in v)
            if k == "context" and isinstance(v, list):
                v = "|".join(str(x) for x in v)
            row[k] = "" if v is None else str(v).strip()
        if row["kind"] not in KINDS:
            raise ValueError(f"actor entry has kind {row['kind']!r}; expected one of {sorted(KINDS)}: {item}")
        if not row["name"]:
            raise ValueError(f"actor entry without a name: {item}")
        rows.append(row)
    return rows


class KnowledgeBase:
    """Surface form -> entries, for entities (countries, places, people, organisations, contextual short forms)
    and agents (role nouns -> sector)."""

    def __init__(self) -> None:
        self.entities: dict[tuple[str, ...], list[Entry]] = {}
        self.agents: dict[tuple[str, ...], Entry] = {}
        self.people: dict[tuple[str, str], Entry] = {}
        self.name_parts: dict[str, list[Entry]] = {}
        self.capitals: set[tuple[str, ...]] = set()  # surface forms of capital cities (rows noted 'capital')
        self.max_len = 1
        self.agent_max_len = 1

    def add_rows(self, rows: list[dict[str, str]], override: bool = False) -> None:
        for row in rows:
            self._add(row, override)
        self._close_succeeded_terms()
        self._index_name_parts()

    def _close_succeeded_terms(self) -> None:
        """An open-ended term in a single-holder office ends when the next holder of that office takes over."""
        offices: dict[tuple[str, str], list[tuple[Role, Entry]]] = {}
        for entry in self.people.values():
            for role in entry.roles:
                office = office_key(role.note)
                if office and role.start and (role.country or role.code):
                    offices.setdefault((role.country or role.code or "", office), []).append((role, entry))
        for terms in offices.values():
            terms.sort(key=lambda t: t[0].start or date.min)
            for i, (role, entry) in enumerate(terms):
                if role.end is not None:
                    continue
                for later, other in terms[i + 1:]:
                    if other is not entry and later.start and role.start and later.start > role.start:
                        role.end = later.start
                        break

    def _add(self, row: dict[str, str], override: bool) -> None:
        kind = row["kind"]
        country = row["country"].upper() or None
        sector = row["sector"].upper() or None
        code = row["code"].upper() or None
        forms = [row["name"]] + [a for a in row["aliases"].split("|") if a.strip()]
        if kind == "person":
            # 'Mark T. Esper' is also 'Mark Esper'
            for form in list(forms):
                words = form.split()
                short = [w for k, w in enumerate(words) if not (0 < k < len(words) - 1 and len(w.rstrip(".")) == 1)]
                if len(short) >= 2 and len(short) < len(words):
                    forms.append(" ".join(short))
        if kind == "agent":
            entry = Entry(kind, row["name"], country, sector, code)
            for form in forms:
                k = key_of(form)
                if not k:
                    continue
                for variant in (k, k[:-1] + (plural(k[-1]),)):
                    if override or variant == k or variant not in self.agents:
                        self.agents[variant] = entry
                self.agent_max_len = max(self.agent_max_len, len(k))
            return
        if kind == "person":
            pkey = (normalise(row["name"]), country or code or "")
            entry = self.people.get(pkey)
            if entry is None or (override and not entry.roles):
                entry = Entry("person", row["name"])
                self.people[pkey] = entry
            elif override and row["start"] == "" and row["end"] == "":
                entry.roles.clear()
            role = Role(country, sector, parse_date(row["start"]), parse_date(row["end"]), code, row["note"])
            office = office_key(role.note)
            # A later row for the same term (same office, same start year) corrects the earlier one.
            entry.roles[:] = [r for r in entry.roles
                              if not (r.start and role.start and r.start.year == role.start.year
                                      and ((office and office_key(r.note) == office)
                                           or r.note.lower() == role.note.lower()))]
            entry.roles.append(role)
        else:
            if kind == "place" and row["note"].lower().startswith("capital"):
                self.capitals.update(key_of(f) for f in forms if f.strip())
            context = tuple(c.strip().upper() for c in row["context"].split("|") if c.strip())
            entry = Entry(kind, row["name"], country, sector, code, context=context,
                          group=row["note"].lower().startswith("group"))
        for form in forms:
            k = key_of(form)
            if not k:
                continue
            entry.forms.add(form.strip())
            bucket = self.entities.setdefault(k, [])
            if override:
                bucket[:] = [e for e in bucket if e.kind != kind or e is entry]
            if entry not in bucket:
                bucket.append(entry)
            self.max_len = max(self.max_len, len(k))

    def _index_name_parts(self) -> None:
        """Single name parts of people ('Abe', 'Kim', 'Moon') for short references."""
        parts: dict[str, list[Entry]] = {}
        for entry in self.people.values():
            for form in entry.forms:
                k = key_of(form)
                if len(k) < 2:
                    continue
                for part in {k[0], k[-1]}:
                    if len(part) > 1:
                        bucket = parts.setdefault(part, [])
                        if entry not in bucket:
                            bucket.append(entry)
        self.name_parts = parts

    def lookup(self, text: str) -> list[Entry]:
        return self.entities.get(key_of(text), [])


@lru_cache(maxsize=1)
def base_rows() -> tuple[dict[str, str], ...]:
    rows: list[dict[str, str]] = []
    for name in DATA_FILES:
        path = DATA_DIR / name
        if path.exists():
            rows.extend(read_rows(path))
    return tuple(rows)


_BASE: KnowledgeBase | None = None


def load(extra: str | Path | list[dict[str, Any]] | None = None) -> KnowledgeBase:
    """The shipped knowledge base plus `extra` entries. Without extras the same (read-only) base is shared by every
    resolver of the process; with extras a fresh one is built, so extensions never leak into other resolvers."""
    global _BASE
    if extra is None:
        if _BASE is None:
            _BASE = load_or_build("knowledge-base", base_inputs(), _build_base)
        return _BASE
    with collector_paused():
        kb = _build_base()
        kb.add_rows(read_rows(extra), override=True)
    return kb


def base_inputs() -> list[Path]:
    """What the shipped knowledge base is built from: its data files and this module's code (for the cache)."""
    return [DATA_DIR / name for name in DATA_FILES] + [Path(__file__)]


def is_base(kb: KnowledgeBase) -> bool:
    """Whether `kb` is the shared, shipped knowledge base (not one with extensions or a replacement)."""
    return kb is _BASE


def _build_base() -> KnowledgeBase:
    kb = KnowledgeBase()
    kb.add_rows(list(base_rows()))
    return kb
