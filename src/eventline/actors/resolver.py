"""Resolves actor mentions on a parsed document: noun phrases -> CAMEO-style code, country and sector.

How a document is read:
1. Atoms: a longest-match pass over the tokens finds knowledge-base names (countries, demonyms, capitals and
   seats of power, people, organisations; contextual short forms such as 'the North' only when a country
   they need is mentioned in the document) and role nouns ('foreign minister', 'troops', 'state media').
2. Chunks: runs of nominal tokens (names, nouns, adjectives, possessives) that no atom is split across.
   English noun phrases are head-final, so the last token of a chunk is its head.
3. Each chunk is read as one actor: a named head keeps its own code (a person's role valid on the date;
   ELI after the term), a role-noun head takes its sector from the noun and its country from the
   modifiers ('Seoul's presidential office' -> KORGOV), a member noun takes the code of what it belongs to
   ('director of South Korea's National Intelligence Service'). Coordinated modifiers share the head
   ('the Japanese and South Korean leaders' -> JPNGOV, KORGOV). Appositions lend codes to each other.
4. Short references: a bare name part ('Kim', 'Abe') resolves to the person the document named before, or to
   a unique office holder on the date; 'he'/'she' to the only person named in the sentence or the one
   before.
Mentions that look like actors but cannot be resolved are kept with code/country/sector None.

It must not know about event coding or the store.
"""

from __future__ import annotations

import atexit
import gc
import re
from dataclasses import dataclass, field
from datetime import date
from operator import itemgetter
from pathlib import Path
from typing import Any

import numpy as np
from spacy.attrs import DEP, IDX, IS_PUNCT, IS_SPACE, LOWER, ORTH, POS, SENT_START, TAG
from spacy.tokens import Doc

from eventline.actors.kb import Entry, KnowledgeBase, base_inputs, is_base, load, make_code, normalise, office_key
from eventline.actors.mention import ActorMention
from eventline.cache import collector_paused, load_or_build
from eventline.nlp.arrays import doc_arrays

# Modifiers that make an office holder a former one (CAMEO: ELI).
FORMER = {"former", "ex", "ousted", "exiled", "deposed", "late", "toppled", "retired", "onetime", "one-time"}
# Nouns that stand for a member of something: 'director of X', 'an official at X' take X's code.
MEMBER_NOUNS = {"director", "head", "chief", "official", "officials", "spokesman", "spokeswoman", "spokesperson",
                "member", "members", "leader", "leaders", "chairman", "chairwoman", "chair", "secretary",
                "representative", "representatives", "envoy", "commander", "councillor", "counsellor",
                "councilor", "staff", "officer", "officers", "president", "minister", "deputy", "adviser",
                "advisor", "agent", "agents", "employee", "employees", "diplomat", "diplomats", "aide", "aides"}
MEMBER_PREPS = {"of", "at", "from", "in", "for"}
HONORIFICS = {"mr", "mrs", "ms", "miss", "dr", "mister", "madam", "madame", "sir", "dame", "monsieur", "herr", "sheikh"}
# Sectors whose definite role nouns ('the president', 'the army') refer back to a named one of the same sector.
DEFINITE_SECTORS = {"GOV", "MIL", "COP", "JUD", "LEG", "SPY", "REB", "OPP"}
# Heads of names of bodies of people: 'Union of Teachers' is EDU, 'Association of Jurists' JUD.
COLLECTIVE_HEADS = {"union", "association", "federation", "confederation", "council", "league", "syndicate",
                    "society", "committee", "congress", "assembly", "alliance", "coalition", "front", "movement"}
PLACE_PREPS = {"in", "throughout", "across", "of", "inside", "from", "at", "near"}
# Hyphenated participles that keep a phrase together: 'Saudi-led coalition', 'US-backed forces'.
LINK_PARTICIPLES = {"led", "backed", "based", "funded", "sponsored", "allied", "linked", "aligned", "controlled",
                    "held", "run", "owned", "supported", "trained", "armed", "occupied", "dominated", "appointed"}
NOMINAL = {"PROPN", "NOUN", "ADJ", "NUM"}
PRONOUNS = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f"}
TITLE_WORDS = {"president", "leader", "minister", "premier", "chancellor", "king", "queen", "secretary",
               "ambassador", "general", "prince", "emir", "sultan", "director", "chairman", "envoy"}
_MAX_ATOM = 10
TIME_WORDS = {"today", "yesterday", "tomorrow", "tonight", "monday", "tuesday", "wednesday", "thursday", "friday",
              "saturday", "sunday"}
# Capitalised words that head names of things, not actors ('North-South Summit', 'Korean Peninsula').
NOT_ACTORS = {"summit", "talks", "conference", "meeting", "war", "agreement", "treaty", "peninsula", "sea", "river",
              "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
              "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
              "day", "week", "year", "games", "olympics", "cup", "accord", "accords", "declaration", "act", "law",
              "strait", "island", "islands", "zone", "border", "crisis", "forum", "festival", "airport", "street",
              "road", "square", "bridge", "province", "region", "city", "county", "district", "state"}


_NORM_CACHE: dict[str, list[str]] = {}


def _norm_parts(text: str) -> list[str]:
    parts = _NORM_CACHE.get(text)
    if parts is None:
        parts = normalise(text).split()
        if len(_NORM_CACHE) < 500_000:
            _NORM_CACHE[text] = parts
    return parts


class _Tok(tuple):
    """The token attributes the resolver reads, copied once per document (spaCy Token objects are costly to make
    again and again): a tuple with spaCy's attribute names."""

    __slots__ = ()
    i = property(itemgetter(0))
    text = property(itemgetter(1))
    lower_ = property(itemgetter(2))
    pos_ = property(itemgetter(3))
    tag_ = property(itemgetter(4))
    dep_ = property(itemgetter(5))
    is_sent_start = property(itemgetter(6))
    idx = property(itemgetter(7))
    whitespace_ = property(itemgetter(8))
    is_space = property(itemgetter(9))
    is_punct = property(itemgetter(10))


_PRONOUN_WORDS = {
    "i", "me", "my", "mine", "myself", "you", "your", "yours", "yourself", "yourselves", "he", "him", "his", "himself",
    "she", "her", "hers", "herself", "it", "its", "itself", "we", "us", "our", "ours", "ourselves", "they", "them",
    "their", "theirs", "themselves", "who", "whom", "whose", "what", "which", "whoever", "whatever", "this", "that",
    "these", "those", "one", "ones", "oneself", "someone", "somebody", "something", "anyone", "anybody", "anything",
    "everyone", "everybody", "everything", "noone", "nobody", "nothing", "none", "each", "both", "all", "some", "any",
    "another", "other", "others", "either", "neither", "many", "much", "few", "several", "such", "there", "thou",
    "y'all", "'s", "u", "ya", "ye", "em", "'em", "whichever", "whomever", "i'm",
}


class _LazyToks:
    """The `_Tok` of each token of a `_View`, made when first asked for (a list-like of fixed length)."""

    __slots__ = ("_view", "_toks")

    def __init__(self, view: _View, n: int) -> None:
        self._view = view
        self._toks: list[_Tok | None] = [None] * n

    def __len__(self) -> int:
        return len(self._toks)

    def __getitem__(self, i):  # noqa: ANN001, ANN204
        if isinstance(i, slice):
            return [self[k] for k in range(*i.indices(len(self._toks)))]
        got = self._toks[i]
        if got is None:
            if i < 0:
                i += len(self._toks)
            got = self._toks[i] = self._view._tok(i)
        return got

    def __iter__(self):  # noqa: ANN204
        return (self[k] for k in range(len(self._toks)))


class _View:
    """A parsed document as plain Python lists: tokens by index, slices, character offsets, sentence numbers.

    Its columns come from the document's shared array view (eventline.nlp.arrays); the token tuples (`_Tok`) are
    made on first use, most tokens are only ever read through the columns."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        arrays = doc_arrays(doc)
        n = arrays.n
        text, lower, pos, tag = (arrays.strings(a) for a in (ORTH, LOWER, POS, TAG))
        self._arrays = arrays  # (the labels are read only for the tokens that are made: see `_tok`)
        pron_rows = [i for i, p in enumerate(pos) if p == "PRON"] if "PRON" in pos else []
        if pron_rows:
            pos, tag = list(pos), list(tag)  # (the shared view's lists stay as the parser had them)
        for i in pron_rows:
            # a capitalised name the tagger read as a pronoun ('Li said'): a name
            if text[i][:1].isupper() and lower[i] not in _PRONOUN_WORDS:
                pos[i] = "PROPN"
                tag[i] = "NNP"
        ss = arrays.column(SENT_START)
        starts = ss == 1
        if n:
            starts[0] = True
        self.sent_of = (np.cumsum(starts) - 1).tolist()
        self.has_sents = bool(n > 1 and (ss[1:] != 0).any())
        ws = arrays.whitespace
        self.text = arrays.text
        self.is_start = starts.tolist()
        self._idx = arrays.ints(IDX)
        self.is_punct = [x == 1 for x in arrays.ints(IS_PUNCT)]
        space = [x == 1 for x in arrays.ints(IS_SPACE)]
        self.toks = _LazyToks(self, n)
        # column lists for the hot loops
        self.lower, self.pos, self.tag, self.words, self.ws, self.space = lower, pos, tag, text, ws, space

    def _tok(self, i: int) -> _Tok:
        return _Tok((i, self.words[i], self.lower[i], self.pos[i], self.tag[i], self._arrays.strings(DEP)[i],
                     self.is_start[i],
                     self._idx[i], self.ws[i], self.space[i], self.is_punct[i]))

    def __len__(self) -> int:
        return len(self.toks)

    def __iter__(self):  # noqa: ANN204
        return iter(self.toks)

    def __getitem__(self, i):  # noqa: ANN001, ANN204
        return self.toks[i]

    def span_text(self, start: int, end: int) -> str:
        if start >= end:
            return ""
        last = self.toks[end - 1]
        return self.text[self.toks[start].idx: last.idx + len(last.text)]

    def char_span(self, start: int, end: int) -> tuple[int, int]:
        last = self.toks[end - 1]
        return self.toks[start].idx, last.idx + len(last.text)


@dataclass
class _Atom:
    start: int  # token offsets [start, end)
    end: int
    entries: list[Entry] = field(default_factory=list)
    agent: Entry | None = None


@dataclass
class _Chunk:
    start: int
    end: int
    atoms: list[_Atom]
    mention: ActorMention | None = None
    extra: list[ActorMention] = field(default_factory=list)


@dataclass
class Resolution:
    """What a lookup by text gives: the actor's code, country, sector and canonical name."""

    code: str | None
    country: str | None
    sector: str | None
    name: str | None
    kind: str


def _kind(entry: Entry) -> str:
    if entry.kind in ("country", "context"):
        return "country"
    if entry.kind == "place":
        return "country" if entry.sector is None else "organisation"
    if entry.kind == "org":
        return "organisation"
    return entry.kind


class ActorResolver:
    """Resolves actor mentions in spaCy Docs against the knowledge base (plus `extra` entries)."""

    def __init__(self, extra: str | Path | list[dict] | None = None, kb: KnowledgeBase | None = None) -> None:
        """`extra`: entries added to the shipped knowledge base (docs/actors.md). `kb`: a replacement knowledge base
        (e.g. one built from other dictionaries) used instead of the shipped one; `extra` is then ignored."""
        self.extra = extra
        self.kb: KnowledgeBase = kb if kb is not None else load(extra)
        self._last_resolved: tuple[Doc, date | None, list[ActorMention]] | None = None
        self._compile()
        _freeze_gc()

    def _compile(self) -> None:
        """The lookup tables derived from `self.kb`; call again after changing the knowledge base."""
        self._last_resolved = None
        self._form_keys: dict[int, set[tuple[str, ...]]] = {}
        self._doc_keys: dict[int, set[tuple[str, ...]]] = {}
        if is_base(self.kb):  # the shipped tables: derived once per release and cached (eventline.cache)
            global _BASE_TABLES
            if _BASE_TABLES is None:
                _BASE_TABLES = load_or_build("resolver-tables", base_inputs() + [Path(__file__)], self._derive)
                # quicker to build than to unpickle, so never stored; built here rather than on first use so that
                # forked workers share it instead of each building its own (24 MB and 0.1 s per worker)
                with collector_paused():
                    _BASE_TABLES["_del_index"] = self._build_deletion_index()
            tables = _BASE_TABLES
        else:
            with collector_paused():
                tables = self._derive()
                tables["_del_index"] = self._build_deletion_index()
        for name, table in tables.items():
            setattr(self, name, table)

    def _derive(self) -> dict[str, Any]:
        kb = self.kb
        entity_keys = kb.entities
        # first words of names that may be written in lower case ('the mainland'); others need a capital
        lower_ok = {k for k, entries in entity_keys.items()
                    if any(_written_lower(f) and tuple(_norm_parts(f)) == k for e in entries for f in e.forms)}
        return {
            "_entity_prefixes": {k[:i] for k in entity_keys for i in range(1, len(k) + 1)},
            "_agent_prefixes": {k[:i] for k in kb.agents for i in range(1, len(k) + 1)},
            "_entity_first": {k[0] for k in entity_keys},
            "_lower_ok": lower_ok,
            "_lower_first": {k[0] for k in lower_ok} | {"the"},
            "_agent_first": {k[0] for k in kb.agents},
            "_strict": {k: self._needs_upper(k) for k in entity_keys},
            "_people_forms": self._plural_demonyms(),
            "_cap_last": {k for k, entries in entity_keys.items() if len(k) > 1 and all(
                _last_part(f)[:1].isupper() for e in entries for f in e.forms if tuple(_norm_parts(f)) == k)},
        }

    def _build_deletion_index(self) -> dict[str, list[str]]:
        """Name parts of people (5+ letters) under each of their one-letter deletions, for misspelt names."""
        index: dict[str, list[str]] = {}
        for part in self.kb.name_parts:
            if len(part) >= 5:
                for k in range(len(part)):
                    index.setdefault(part[:k] + part[k + 1:], []).append(part)
                index.setdefault(part, []).append(part)
        return index

    def _plural_demonyms(self) -> set[tuple[str, ...]]:
        """Plural demonyms ('Nigerians', 'Israelis', 'Bosnian Serbs' are people, not the state): a form of a
        country that is another of its forms plus 's'."""
        out: set[tuple[str, ...]] = set()
        for key, entries in self.kb.entities.items():
            if len(key[-1]) < 4 or not key[-1].endswith("s"):
                continue
            for e in entries:
                if e.kind == "country" and key[:-1] + (key[-1][:-1],) in self.kb.entities and any(
                        x is e for x in self.kb.entities[key[:-1] + (key[-1][:-1],)]):
                    out.add(key)
        return out

    def _needs_upper(self, key: tuple[str, ...]) -> bool:
        """Short single-token names ('US', 'UN', 'IS') and acronyms match only when written in capitals."""
        if len(key) == 1 and len(key[0]) <= 3:
            return True
        for entry in self.kb.entities[key]:
            for form in entry.forms:
                letters = re.sub(r"[^A-Za-z]", "", form)
                if letters.isupper() and len(letters) <= 5 and tuple(normalise(form).split()) == key:
                    return True
        return False

    # ---------------------------------------------------------------- public API

    def resolve(self, doc: Doc, when: date | None = None) -> list[ActorMention]:
        """All actor mentions in the document, in text order, one per conjunct."""
        # The coder and the claims reader both resolve the same parsed document: the second call reuses the
        # first's result (the cache holds only the latest document, so memory stays flat).
        last = self._last_resolved
        if last is not None and last[0] is doc and last[1] == when:
            return list(last[2])
        mentions = self._resolve(doc, when)
        self._last_resolved = (doc, when, mentions)
        return list(mentions)

    def _resolve(self, doc: Doc, when: date | None) -> list[ActorMention]:
        view = _View(doc)
        parts = self._parts(view)
        atoms = self._atoms(view, parts, doc_countries=None)
        countries = {e.country for a in atoms for e in a.entries if e.country and e.kind != "context"}
        if any(e.kind == "context" and not (set(e.context) & countries) for a in atoms for e in a.entries):
            atoms = self._recheck_context(view, parts, atoms, countries)
        chunks = self._chunks(view, atoms)
        mentions = self._read_chunks(view, chunks, when)
        self._definite(view, mentions)
        self._context(view, mentions)
        self._pronouns(view, mentions)
        mentions.sort(key=lambda m: (m.token_start, m.token_end))
        return mentions

    def resolve_span(self, doc: Doc, start: int, end: int, when: date | None = None) -> ActorMention | None:
        """The actor a token span [start, end) names, read with its sentence as context."""
        mentions = self.resolve(doc, when)
        inside = [m for m in mentions if m.token_start < end and start < m.token_end]
        if not inside:
            return None
        if len(inside) > 1 and end - start > 1:
            # 'rebels in the Ivory Coast': the mention holding the span's syntactic head
            try:
                root = doc[start:end].root.i
            except (IndexError, ValueError):
                root = -1
            rooted = [m for m in inside if m.token_start <= root < m.token_end]
            if rooted:
                return rooted[0]
        # The mention whose head lies in the span; else the one overlapping most.
        headed = [m for m in inside if start <= m.head < end]
        pool = headed or inside
        best = max(pool, key=lambda m: (m.resolved, min(end, m.token_end) - max(start, m.token_start)))
        return best

    def lookup(self, text: str, when: date | None = None) -> Resolution | None:
        """Code, country, sector and name for a bare text ('Tokyo', 'Kim Jong Un', 'North Korean'), or None."""
        entries = self.kb.lookup(text)
        entries = [e for e in entries if e.kind != "context"]
        if entries:
            entry = entries[-1]
            code, country, sector = entry.resolve(when)
            return Resolution(code, country, sector, entry.name if entry.kind in ("person", "org") else None,
                              _kind(entry))
        key = tuple(normalise(text).split())
        agent = self.kb.agents.get(key)
        if agent is not None:
            return Resolution(None, None, agent.sector, None, "agent")
        # 'Serbian authorities', 'Sudanese government', 'North Korean state media': a country (or place) name
        # followed by a role noun is that country's actor of the noun's sector
        for i in range(len(key) - 1, 0, -1):
            head = self.kb.agents.get(key[i:])
            if head is None:
                continue
            places = [e for e in self.kb.entities.get(key[:i], ()) if e.country and e.kind in ("country", "place")]
            if places:
                country, sector = places[-1].country, head.sector
                return Resolution(make_code(country, sector), country, sector, None, "agent")
        # 'President Obama', 'Carlos Menem': a titled or shortened name of a known person
        words = text.split()
        n_title = 0
        while n_title < len(words) - 1 and normalise(words[n_title]) in TITLE_WORDS:
            n_title += 1
        names = words[n_title:]
        if names and all(w[:1].isupper() for w in names):
            title_words = {normalise(w) for w in words[:n_title]}
            entry = self._short_reference(normalise(" ".join(names)).split(), when, [], title_words, None)
            if entry is not None:
                code, country, sector = self._titled_role(entry, when, title_words) or entry.resolve(when)
                return Resolution(code, country, sector, entry.name, "person")
        return None

    # ---------------------------------------------------------------- atoms

    @staticmethod
    def _parts(doc: _View) -> list[tuple[str, int]]:
        """Normalised word parts with the token they come from; in-word hyphens vanish."""
        parts_of = list(map(_NORM_CACHE.get, doc.words))
        for i, got in enumerate(parts_of):
            if got is None:
                parts_of[i] = _norm_parts(doc.words[i])
        return [(p, i) for i, got in enumerate(parts_of) for p in got]

    def _recheck_context(self, doc: _View, parts: list[tuple[str, int]], atoms: list[_Atom],
                         countries: set[str]) -> list[_Atom]:
        """Contextual short forms ('the North') whose country the document never mentions: read those words
        again without them."""
        out: list[_Atom] = []
        for a in atoms:
            if not any(e.kind == "context" and not (set(e.context) & countries) for e in a.entries):
                out.append(a)
                continue
            sub = [p for p in parts if a.start <= p[1] < a.end]
            out.extend(self._atoms(doc, sub, doc_countries=countries))
        return out

    def _atoms(self, doc: _View, parts: list[tuple[str, int]], doc_countries: set[str] | None) -> list[_Atom]:
        atoms: list[_Atom] = []
        ent_prefixes, ag_prefixes = self._entity_prefixes, self._agent_prefixes
        entities, agents = self.kb.entities, self.kb.agents
        words = [p for p, _ in parts]
        tok_of = [t for _, t in parts]
        ent_first, ag_first = self._entity_first, self._agent_first
        n = len(parts)
        # candidate-first: only parts that can start a name or a role noun are looked at
        lower_first, texts = self._lower_first, doc.words
        starts = [k for k, w in enumerate(words) if w in ag_first or w in ent_first and (
            w in lower_first or texts[tok_of[k]][:1].isupper())]
        covered_to = -1  # token index up to which an atom was taken
        for i in starts:
            if tok_of[i] < covered_to:
                continue
            best: _Atom | None = None
            w = words[i]
            limit = min(n, i + 3 * _MAX_ATOM)
            # entities: longest match, must start at a token boundary and end at one
            if w in ent_first and (w in lower_first or texts[tok_of[i]][:1].isupper()) and not (
                    i > 0 and tok_of[i - 1] == tok_of[i]):
                t0 = tok_of[i]
                key: tuple[str, ...] = ()
                for j in range(i, limit):
                    key = key + (words[j],)
                    if key not in ent_prefixes:
                        break
                    t1 = tok_of[j]
                    if j + 1 < n and tok_of[j + 1] == t1:
                        continue  # ends inside a token
                    entries = entities.get(key)
                    if not entries or not self._case_ok(doc, t0, t1, key):
                        continue
                    entries = self._usable(entries, doc_countries)
                    if entries:
                        best = _Atom(t0, t1 + 1, entries)
            if best is None and w in ag_first:
                key = ()
                for j in range(i, limit):
                    key = key + (words[j],)
                    if key not in ag_prefixes:
                        break
                    agent = agents.get(key)
                    if agent is not None and (j + 1 >= n or tok_of[j + 1] != tok_of[j]):
                        best = _Atom(tok_of[i], tok_of[j] + 1, [], agent)
            if best is not None:
                atoms.append(best)
                covered_to = best.end
        return atoms

    def _case_ok(self, doc: _View, t0: int, t1: int, key: tuple[str, ...]) -> bool:
        first = doc[t0]
        if first.lower_ == "the" and t1 > t0:
            first = doc[t0 + 1]
        text = first.text
        if self._strict.get(key):
            return all(doc[t].text.replace(".", "").isupper() or not doc[t].text.isalpha() for t in range(t0, t1 + 1))
        if text[:1].isupper():
            # 'Russia today' is not the broadcaster 'Russia Today': a name whose every form ends in a capitalised
            # word needs that capital in the text too
            return not (key in self._cap_last and doc[t1].text[:1].islower())
        # forms written in lower case in the data ('the mainland') match in lower case
        return key in self._lower_ok

    @staticmethod
    def _usable(entries: list[Entry], doc_countries: set[str] | None) -> list[Entry]:
        out = []
        for e in entries:
            if e.kind == "context":
                if doc_countries is not None and not (set(e.context) & doc_countries):
                    continue
            out.append(e)
        # a contextual form that applies wins over a generic reading of the same words
        ctx = [e for e in out if e.kind == "context"]
        return ctx or out

    # ---------------------------------------------------------------- chunks

    def _chunks(self, doc: _View, atoms: list[_Atom]) -> list[_Chunk]:
        atom_at: dict[int, _Atom] = {}
        for a in atoms:
            for t in range(a.start, a.end):
                atom_at[t] = a
        chunks: list[_Chunk] = []
        cur: list[int] = []

        def close() -> None:
            if cur:
                toks = cur[:]
                pos_of = doc.pos
                while toks and toks[-1] not in atom_at and (
                        pos_of[toks[-1]] in ("DET", "PART", "PUNCT")
                        # 'militiamen armed (with ...)', 'militants loyal (to ...)': a trailing adjective after a noun
                        or pos_of[toks[-1]] == "ADJ" and len(toks) > 1 and pos_of[toks[-2]] in ("NOUN", "PROPN")):
                    toks.pop()
                if toks:
                    s, e = toks[0], toks[-1] + 1
                    chunk_atoms = []
                    seen: set[int] = set()
                    for t in range(s, e):
                        a = atom_at.get(t)
                        if a is not None and id(a) not in seen and s <= a.start and a.end <= e:
                            seen.add(id(a))
                            chunk_atoms.append(a)
                    chunks.append(_Chunk(s, e, chunk_atoms))
            cur.clear()

        i = 0
        n = len(doc)
        lower, pos_of, tag_of, words, ws, space = doc.lower, doc.pos, doc.tag, doc.words, doc.ws, doc.space
        while i < n:
            if i in atom_at:
                a = atom_at[i]
                if i > 0 and space[i - 1]:
                    close()
                if cur and cur[-1] < a.start - 1:
                    close()
                if cur and self._boundary_before(doc, a.start, cur):
                    close()
                cur.extend(range(a.start, a.end))
                i = a.end
                continue
            pos = pos_of[i]
            low = lower[i]
            if space[i] or "\n" in words[i] or low in TIME_WORDS:
                if cur:
                    close()
                i += 1
                continue
            in_word_hyphen = words[i] == "-" and i > 0 and not ws[i - 1] and not ws[i]
            if low in LINK_PARTICIPLES and cur and words[i - 1] == "-" and not ws[i - 1]:
                in_word_hyphen = True
            if pos in NOMINAL or in_word_hyphen or (tag_of[i] == "POS" or low in ("'s", "’s", "'")) and cur:
                if cur and self._boundary_before(doc, i, cur):
                    close()
                cur.append(i)
            elif pos == "DET" and not cur:
                cur.append(i)
            elif cur:
                close()
            i += 1
        close()
        return chunks

    @staticmethod
    def _boundary_before(doc: _View, i: int, cur: list[int]) -> bool:
        """A new phrase starts at token i although it is adjacent (sentence start, or a head noun followed by a
        new name without any link)."""
        if doc.is_start[i] and (doc.is_punct[i - 1] or doc.space[i - 1] or "\n" in doc.ws[i - 1]):
            return True
        lower, pos = doc.lower, doc.pos
        if lower[i] in ("next", "last", "this") and i + 1 < len(lower) and lower[i + 1] in _TIME_NOUNS:
            return True  # 'U.N. mediator Diego Cordovez next week'
        p = cur[-1]
        if (pos[p] == "ADJ" and len(cur) > 1 and lower[p].endswith("ed") and doc.tag[cur[-2]] in ("NNS", "NNPS")
                and pos[i] in ("NUM", "ADJ", "DET")):
            # 'guerrillas wounded two British soldiers': a participle tagged as an adjective after a plural noun is
            # the verb between two phrases
            return True
        return pos[p] == "NOUN" and pos[i] == "DET"

    # ---------------------------------------------------------------- reading chunks

    def _read_chunks(self, doc: _View, chunks: list[_Chunk], when: date | None) -> list[ActorMention]:
        named: list[tuple[int, Entry]] = []  # (token, person entry) in text order, for short references
        self._doc_keys: dict[int, set[tuple[str, ...]]] = {}
        out: list[ActorMention] = []
        chunks[:] = self._join_titles(doc, chunks)
        for ch in chunks:
            self._read_chunk(doc, ch, when, named)
        # coordination: 'the Japanese and South Korean leaders', 'North and South Korea'
        for a, b in zip(chunks, chunks[1:], strict=False):
            if not (b.start - a.end == 1 and doc[a.end].lower_ in ("and", "or", "&", ",")):
                continue
            self._distribute(doc, a, b, when)
        # 'Nigerian Union of Teachers', 'Association of African Jurists': a body of people of one sector
        for a, b in zip(chunks, chunks[1:], strict=False):
            m, other = a.mention, b.mention
            if (m is not None and other is not None and m.kind in ("agent", "unknown")
                    and doc.lower[a.end - 1] in COLLECTIVE_HEADS and b.start - a.end == 1
                    and doc.lower[a.end] == "of" and other.kind == "agent" and other.sector):
                country = m.country or other.country
                m.sector, m.country, m.kind = other.sector, country, "agent"
                m.code = make_code(country, other.sector) if country else None
        # member nouns and appositions
        for idx, ch in enumerate(chunks):
            m = ch.mention
            if m is None or m.code is not None and m.country is not None and m.kind != "ethnic":
                continue
            before = m.country
            self._borrow(doc, chunks, idx, when)
            if m.kind == "ethnic":
                if m.country == before:
                    self._ethnic_location(doc, chunks, ch)
                m.kind = "agent"
        group = 0
        for ch in chunks:
            if ch.mention is not None:
                out.append(ch.mention)
            out.extend(ch.extra)
        # groups: mentions of coordinated chunks share a group id
        for a, b in zip(chunks, chunks[1:], strict=False):
            if a.mention and b.mention and b.start - a.end == 1 and doc[a.end].lower_ in ("and", "or", "&"):
                if a.mention.group is None:
                    group += 1
                    a.mention.group = group
                b.mention.group = a.mention.group
        return out

    @staticmethod
    def _ethnic_location(doc: _View, chunks: list[_Chunk], ch: _Chunk) -> None:
        """'100 ethnic Albanians demonstrated on Tuesday in Serbia': an ethnic group takes the country where its
        clause places it ('in <country>' attached to the group's verb)."""
        m = ch.mention
        assert m is not None
        spacy_doc = doc.doc
        head = spacy_doc[m.head]
        verbs = {head.head.i} if head.head.i != head.i else set()
        verbs |= {c.i for c in head.children if c.dep_.startswith("acl")}  # a parse that hangs the verb on the noun
        if not verbs:
            return
        for other in chunks:
            o = other.mention
            if o is None or o.kind != "country" or not o.country or o is m:
                continue
            tok = spacy_doc[o.head]
            while tok.dep_ in ("flat", "compound", "amod") and tok.head.i != tok.i:
                tok = tok.head
            if tok.head.i in verbs and any(c.lower_ in ("in", "inside", "across", "throughout") for c in tok.children):
                m.country, m.code = o.country, make_code(o.country, m.sector)
                return

    @staticmethod
    def _join_titles(doc: _View, chunks: list[_Chunk]) -> list[_Chunk]:
        """'Planning and Investment Minister Tran Xuan Gia': capitalised words joined by 'and' to a phrase whose
        capitalised words lead to a title belong to that title."""
        out: list[_Chunk] = []
        for ch in chunks:
            prev = out[-1] if out else None
            if (prev is not None and not prev.atoms and ch.start - prev.end == 1 and doc.lower[prev.end] == "and"
                    and all(doc.words[t][:1].isupper() for t in range(prev.start, prev.end))
                    and doc.words[ch.start][:1].isupper()
                    and any(a.agent is not None and a.start > ch.start for a in ch.atoms)
                    and all(doc.words[t][:1].isupper() for t in range(ch.start, min(a.start for a in ch.atoms)))
                    # the words before the title are part of its name only when they are nothing themselves: in
                    # 'Abe and U.S. President Donald Trump' the country before the title starts a second actor
                    and all(a.agent is not None for a in ch.atoms if a.start < min(
                        b.start for b in ch.atoms if b.agent is not None))):
                out[-1] = _Chunk(prev.start, ch.end, ch.atoms)
                continue
            out.append(ch)
        return out

    def _mention(self, doc: _View, start: int, end: int, code: str | None, country: str | None, sector: str | None,
                 name: str | None, kind: str) -> ActorMention:
        while start < end - 1 and doc[start].pos_ == "DET":
            start += 1
        c0, c1 = doc.char_span(start, end)
        return ActorMention(text=doc.text[c0:c1], start=c0, end=c1, token_start=start,
                            token_end=end, head=end - 1, code=code, country=country, sector=sector, name=name,
                            kind=kind)

    def _read_chunk(self, doc: _View, ch: _Chunk, when: date | None, named: list[tuple[int, Entry]]) -> None:
        head = ch.end - 1
        if not ch.atoms:
            # most phrases hold no name and no role noun: without a capitalised name at the end (or a hyphen) and
            # without a possessive inside, nothing below reads anything from them
            word = doc.words[head]
            if not (doc.pos[head] == "PROPN" and word[:1].isupper() or word == "-") and not any(
                    doc.lower[t] in ("'s", "’s", "'") for t in range(ch.start + 1, ch.end)):
                return
        head_atom = next((a for a in ch.atoms if a.start <= head < a.end), None)
        modifiers = [a for a in ch.atoms if a is not head_atom]
        lowers = doc.lower[ch.start:ch.end]
        words = {w.strip("-") for w in lowers}
        former = bool(words & FORMER) or "ex" in lowers or ch.start > 0 and doc.lower[ch.start - 1] == "ex"
        # 'anti-Syria journalist', 'pro-Iranian group': a stance towards a country, not the country's
        mod_country = self._modifier_country([a for a in modifiers if not _stance(doc, a.start)])
        ethnic = "ethnic" in words
        title = next((a.agent for a in modifiers if a.agent is not None), None)

        if head_atom is not None and head_atom.entries:
            entry = self._choose(head_atom.entries, mod_country)
            if entry.kind == "person" and mod_country is None and head_atom.start > ch.start:
                # 'King Hassan of Morocco': a titled name followed by its country
                fc = self._following_country(doc, ch.end)
                if fc and entry.resolve(when)[1] != fc:
                    title_words = {doc[t].lower_ for t in range(ch.start, head_atom.start)} & TITLE_WORDS
                    other = self._short_reference(_norm_parts(doc.span_text(head_atom.start, head_atom.end)), when,
                                                  [], title_words, fc) if title_words else None
                    entry = other or entry
            code, country, sector = entry.resolve(when)
            if entry.kind == "person" and head_atom.start > ch.start and (len(entry.roles) > 1 or when is not None):
                # 'Prime Minister Ismail Haniyeh': the title picks among a person's roles
                titled = self._titled_role(entry, when, set(lowers[:head_atom.start - ch.start]) & TITLE_WORDS)
                if titled is not None:
                    code, country, sector = titled
            people = entry.kind == "country" and not ethnic and self._is_people(doc, head_atom)
            if people and ch.end < len(doc) and doc[ch.end].lower_ in ("in", "of", "from"):
                ethnic = True  # 'the Albanians of southern Serbia': people living there
            if entry.kind == "country" and (ethnic or people and any(
                    doc[t].pos_ in ("NUM", "ADJ") for t in range(ch.start, head_atom.start))):
                # '100 Palestinians', 'young Algerians', 'ethnic Albanians': people of that nation, not the state
                # (a bare 'Palestinians' stays the nation, as in CAMEO);
                # 'ethnic X in Y' takes Y's country later (see _borrow)
                sector = "CVL"
                code = make_code(country, sector)
                ch.mention = self._mention(doc, ch.start, ch.end, code, country, sector, None, "agent")
                if ethnic:
                    ch.mention.kind = "ethnic"
                return
            if entry.kind == "person":
                named.append((head_atom.start, entry))
                igo = next((e for a in modifiers for e in a.entries[-1:]
                            if e.kind == "org" and e.sector == "IGO" and e.code and e.country is None), None)
                if igo is not None and title is not None and not former and sector in ("ELI", None):
                    # 'Arab League Secretary-General Amr Moussa' (a former Egyptian minister): the IGO office the
                    # text gives outweighs a role the knowledge base lacks
                    code, country, sector = igo.code, None, "IGO"
                if former and sector in ("GOV", "MIL", "JUD", "LEG", None) and country:
                    code, sector = make_code(country, "ELI"), "ELI"
            elif entry.kind == "org" and entry.country is None and mod_country and entry.sector not in ("IGO",):
                country = mod_country
                code = make_code(country, sector)
            if (entry.kind == "place" and sector is None and country and not modifiers
                    and self._capital_acts(doc, head_atom)):
                # 'Washington demanded', 'Beirut rejected', 'an admission by Moscow': a capital that acts stands for
                # the government (a capital that is only a place, 'a curfew in Algiers', keeps no sector)
                sector = "GOV"
                code = make_code(country, sector)
            name = self._entry_name(entry, doc.span_text(head_atom.start, head_atom.end))
            ch.mention = self._mention(doc, ch.start, ch.end, code, country, sector, name, _kind(entry))
            return
        if head_atom is not None and head_atom.agent is not None:
            sector = head_atom.agent.sector
            if sector in ("GOV", None) and doc.lower[head] in _GENERIC_PERSONNEL:
                # 'civilian advisers', 'army officials', 'student leaders': a role noun right before a generic personnel
                # noun says whose people they are
                before = next((a for a in modifiers if a.end == head_atom.start and a.agent is not None
                               and not a.entries), None)
                if before is not None and before.agent is not None and before.agent.sector not in (None, "GOV"):
                    sector = before.agent.sector
            if former and sector in ("GOV", None):
                sector = "ELI"
            if sector == "MED" and (words & _STATE_RUN or "government" in words
                                    and words & {"run", "owned", "controlled"}):
                sector = "GOV"  # 'official Syrian newspaper', 'state-run television': state media speak for the state
            country = mod_country or self._possessor_country(doc, ch, named, when)
            org = next((a.entries[-1] for a in modifiers if a.entries and a.entries[-1].kind == "org"), None)
            if org is not None and org.sector == "IGO":
                code, country = org.code, None
                sector = "MIL" if sector == "MIL" else "IGO"  # 'UN peacekeepers' are soldiers of an IGO
            elif org is not None and org.sector == "NGO" and org.country is None and mod_country is None:
                code, country, sector = org.code or "NGO", None, "NGO"  # 'Red Cross officials' speak for the NGO
            elif (org is not None and sector == "GOV" and org.sector in _NON_STATE and country == org.country
                  and not any(e.kind in ("country", "place") for a in modifiers for e in a.entries[-1:])):
                # 'BP officials', 'Reuters spokesman': a company's or newspaper's officials are of its sector
                sector = org.sector
                code = org.code or make_code(country, sector)
            elif (org is not None and org.sector == "CVL" and sector in ("GOV", "CVL", None)
                  and doc.lower[head] in ("leader", "leaders", "elder", "elders", "chief", "chiefs", "notables")):
                # 'Yoruba leaders', 'Ibo elders', 'Shiite leaders': the elites of a people or faith, not its state
                sector = "ELI"
                code = make_code(country, sector) if country else None
            elif (org is not None and sector == "GOV" and org.sector in ("REB", "OPP", "PTY", "LAB", "CRM")
                  and doc.lower[head] in _GENERIC_PERSONNEL):
                # 'al-Qaeda leaders', 'Iraq al-Qaeda leaders', 'Hamas officials': the group's people
                sector = org.sector
                code = make_code(country, sector) if country else org.code
            else:
                code = make_code(country, sector) if country else None
                if code is None and sector:
                    # 'Middle East leaders', 'African officials': a region's code with the sector, no country
                    region = next((e.code for a in modifiers for e in a.entries[-1:]
                                   if e.kind == "place" and e.country is None and e.code and len(e.code) == 3), None)
                    if region:
                        code = region + sector
            ch.mention = self._mention(doc, ch.start, ch.end, code, country, sector, None, "agent")
            if ethnic and mod_country and country == mod_country:
                # 'ethnic Albanian guerrillas operating in Macedonia': the country where they are (see _borrow)
                ch.mention.kind = "ethnic"
            return
        # head is not a known name nor a role noun
        name_toks = self._name_tokens(doc, ch)
        if name_toks and doc[head].lower_ in NOT_ACTORS:
            name_toks = []
        if name_toks and name_toks[-1] == head and title is not None and doc.lower[head] in _ORG_HEADS:
            # 'National Transitional Council': a name of a body, not a titled person ('national' is no title here)
            title = None
        if name_toks and name_toks[-1] == head and title is None and modifiers:
            # 'Sabah al-Bazee', 'Israel Katz', 'Jordan Smith': a place name (not a demonym) right before an unknown
            # name, without a title, is the person's first name
            last = modifiers[-1]
            if (last.end == name_toks[0] and last.entries and last.start == ch.start
                    and all(e.kind == "place" or e.kind == "country"
                            and normalise(doc.span_text(last.start, last.end)) == normalise(e.name)
                            for e in last.entries)):
                name_toks = list(range(last.start, last.end)) + name_toks
                mod_country = None
        if name_toks and name_toks[-1] == head:
            ch.mention = self._unknown_name(doc, ch, name_toks, when, named, mod_country, title, former)
            org = next((a.entries[-1] for a in modifiers if a.entries and a.entries[-1].kind == "org"), None)
            m = ch.mention
            if (m is not None and m.code is None and title is not None and org is not None and org.country is None
                    and org.sector in ("IGO", "NGO") and org.code):
                # 'U.N. mediator Diego Cordovez': someone of the IGO
                m.code, m.sector = org.code, "MIL" if title.sector == "MIL" and org.sector == "IGO" else org.sector
            elif (m is not None and title is not None and org is not None and org.sector in _NON_STATE
                  and m.name is None and m.country == org.country and m.sector in ("GOV", "MIL", None)):
                # 'BP spokeswoman Hejdi Feick', 'BP Chief Operating Officer Doug Suttles': the company's people
                m.sector = org.sector
                m.code = org.code or make_code(m.country, org.sector)
            return
        # head is no actor ('North Korea's nuclear tests', "President Reagan's statement"): a possessor is read
        # as a phrase of its own, other names inside stand on their own
        poss = next((t for t in range(ch.start + 1, ch.end) if doc[t].lower_ in ("'s", "’s", "'")), None)
        if poss is not None:
            sub = _Chunk(ch.start, poss, [a for a in ch.atoms if a.end <= poss])
            self._read_chunk(doc, sub, when, named)
            rest = _Chunk(poss + 1, ch.end, [a for a in ch.atoms if a.start > poss])
            if rest.start < rest.end:
                self._read_chunk(doc, rest, when, named)
            ch.extra = [m for m in [sub.mention, *sub.extra, rest.mention, *rest.extra] if m is not None]
            return
        # 'Israeli police custody', 'Sudanese government end curbs' (a verb tagged as a noun): the role noun before
        # the non-actor nouns heads an actor of its own
        last_agent = next((a for a in reversed(ch.atoms) if a.agent is not None and not a.entries), None)
        if last_agent is not None and all(doc.pos[t] == "NOUN" for t in range(last_agent.end, ch.end)):
            sub = _Chunk(ch.start, last_agent.end, [a for a in ch.atoms if a.end <= last_agent.end])
            self._read_chunk(doc, sub, when, named)
            if sub.mention is not None and sub.mention.sector and sub.mention.code:
                ch.extra = [sub.mention, *sub.extra]
                return
        for a in ch.atoms:
            if a.entries:
                entry = self._choose(a.entries, None)
                code, country, sector = entry.resolve(when)
                if entry.kind == "person":
                    named.append((a.start, entry))
                name = self._entry_name(entry, doc.span_text(a.start, a.end))
                ch.extra.append(self._mention(doc, a.start, a.end, code, country, sector, name, _kind(entry)))
        # a bare name part used as a possessor or modifier ("Kim's remark")
        if not ch.extra and name_toks:
            m = self._unknown_name(doc, ch, name_toks, when, named, mod_country, None, False)
            if m is not None and m.resolved:
                ch.extra.append(m)

    def _capital_acts(self, doc: _View, atom: _Atom) -> bool:
        key = tuple(p for t in range(atom.start, atom.end) for p in _norm_parts(doc.words[t]))
        if key not in self.kb.capitals:
            return False
        tok = doc.doc[atom.end - 1]
        if tok.dep_ == "conj":  # 'Moscow and Beijing signed'
            tok = tok.head
        if tok.dep_ == "nsubj":
            return tok.head.pos_ == "VERB"
        return tok.dep_ == "obl:agent" or tok.dep_ in ("nmod", "obl") and any(
            c.dep_ == "case" and c.lower_ == "by" for c in tok.children)

    def _possessor_country(self, doc: _View, ch: _Chunk, named: list[tuple[int, Entry]],
                           when: date | None) -> str | None:
        """"President Bouteflika's government": the country of a short name before the possessive."""
        poss = next((t for t in range(ch.start + 1, ch.end) if doc.lower[t] in ("'s", "’s", "'")), None)
        if poss is None:
            return None
        covered = {t for a in ch.atoms for t in range(a.start, a.end)}
        toks = []
        for t in range(poss - 1, ch.start - 1, -1):
            if t in covered or doc.pos[t] != "PROPN" or not doc.words[t][:1].isupper():
                break
            toks.insert(0, t)
        if not toks:
            return None
        parts = [p for t in toks for p in _norm_parts(doc.words[t])]
        title_words = set(doc.lower[ch.start:toks[0]]) & TITLE_WORDS
        entry = self._short_reference(parts, when, named, title_words, None)
        return entry.resolve(when)[1] if entry is not None else None

    @staticmethod
    def _titled_role(entry: Entry, when: date | None, title_words: set[str]) -> tuple[str | None, str | None,
                                                                                      str | None] | None:
        """The role a title before the name names ('Prime Minister Ismail Haniyeh'): one valid on `when`; else, when
        the person holds no office that matches the title on `when` ('President Obama' in 2000, a placeholder or
        wrong date), the role the title names at any date: the text's title outweighs the date."""
        if not title_words:
            return None
        titled = [r for r in entry.roles if r.country and r.sector and any(w in r.note.lower() for w in title_words)]
        roles = [r for r in titled if when is None or r.active(when)]
        if not roles and when is not None and not any(r.active(when) for r in entry.roles):
            roles = titled
        if not roles:
            return None
        role = max(roles, key=lambda r: r.start or date.min)
        return role.code or make_code(role.country, role.sector), role.country, role.sector

    def _is_people(self, doc: _View, atom: _Atom) -> bool:
        key = tuple(p for t in range(atom.start, atom.end) for p in _norm_parts(doc[t].text))
        return key in self._people_forms

    @staticmethod
    def _entry_name(entry: Entry, matched: str) -> str | None:
        if entry.kind == "person":
            return entry.name
        if entry.kind == "org":
            return matched if entry.group else entry.name
        return None

    @staticmethod
    def _choose(entries: list[Entry], country: str | None) -> Entry:
        if country:
            for e in reversed(entries):
                if e.country == country:
                    return e
        return entries[-1]

    @staticmethod
    def _modifier_country(modifiers: list[_Atom]) -> str | None:
        for a in modifiers:
            for e in reversed(a.entries):
                if e.kind in ("country", "place", "context") and e.country:
                    return e.country
        for a in modifiers:
            for e in reversed(a.entries):
                if e.country:
                    return e.country
                if e.kind == "person":  # "President Suharto's government"
                    country = next((r.country for r in reversed(e.roles) if r.country), None)
                    if country:
                        return country
        return None

    def _following_country(self, doc: _View, end: int) -> str | None:
        """'King Hassan of Morocco': the country named right after 'of' following a phrase."""
        if end + 1 >= len(doc) or doc[end].lower_ != "of":
            return None
        key: tuple[str, ...] = ()
        found = None
        for t in range(end + 1, min(len(doc), end + 5)):
            key = key + tuple(_norm_parts(doc[t].text))
            if key not in self._entity_prefixes:
                break
            for e in self.kb.entities.get(key, ()):
                if e.kind == "country" and e.country:
                    found = e.country
        return found

    def _name_tokens(self, doc: _View, ch: _Chunk) -> list[int]:
        """Trailing capitalised name tokens of a chunk not covered by an atom ('Kim', 'Mugabe')."""
        covered = {t for a in ch.atoms for t in range(a.start, a.end)}
        toks: list[int] = []
        for t in range(ch.end - 1, ch.start - 1, -1):
            tok = doc[t]
            if t in covered:
                break
            if tok.pos_ == "PROPN" and tok.text[:1].isupper() or tok.text == "-" or (
                    toks and tok.lower_ in NAME_PARTICLES and t > ch.start):
                toks.append(t)
            else:
                break
        toks.reverse()
        while toks and (doc[toks[0]].text == "-" or doc[toks[0]].lower_.rstrip(".") in HONORIFICS and len(toks) > 1):
            toks.pop(0)
        return toks

    def _unknown_name(self, doc: _View, ch: _Chunk, name_toks: list[int], when: date | None,
                      named: list[tuple[int, Entry]], mod_country: str | None, title: Entry | None,
                      former: bool) -> ActorMention | None:
        start = ch.start if (title is not None or mod_country) else name_toks[0]
        parts = normalise(" ".join(doc[t].text for t in name_toks)).split()
        if not parts:
            return None
        title_words = {doc[t].lower_ for t in range(ch.start, name_toks[0])} & TITLE_WORDS
        if mod_country is None and title_words:
            mod_country = self._following_country(doc, ch.end)
        # a word in capitals without a title ('MESA, Ariz.' in a dateline) is a place or a byline, not an office
        # holder's surname; it can still be someone the document named
        shouting = not title_words and all(doc[t].text.isupper() and len(doc[t].text) > 2 for t in name_toks)
        entry = self._short_reference(parts, when, named, title_words, mod_country, office=not shouting)
        if entry is None and title_words:
            entry = self._misspelt(parts, when, title_words, mod_country)
        if entry is not None:
            code, country, sector = entry.resolve(when)
            titled = self._titled_role(entry, when, title_words) if entry.kind == "person" else None
            if titled is not None:
                code, country, sector = titled
            if former and country:
                code, sector = make_code(country, "ELI"), "ELI"
            named.append((name_toks[0], entry))
            return self._mention(doc, start, ch.end, code, country, sector, entry.name, "person")
        if len(name_toks) >= 2:
            # 'Chinese Li Na': someone the knowledge base does not know; a later 'Li' is this person, not an office
            # holder named Li
            pseudo = Entry("person", " ".join(doc[t].text for t in name_toks), mod_country,
                           title.sector if title is not None else None)
            pseudo.forms.add(pseudo.name)
            named.append((name_toks[0], pseudo))
        if title is not None or mod_country:
            sector = title.sector if title is not None else None
            if former and sector in ("GOV", None):
                sector = "ELI"
            code = make_code(mod_country, sector) if mod_country else None
            return self._mention(doc, start, ch.end, code, mod_country, sector, None,
                                 "person" if title is not None else "unknown")
        return self._mention(doc, start, ch.end, None, None, None, None, "unknown")

    def _short_reference(self, parts: list[str], when: date | None, named: list[tuple[int, Entry]],
                         title_words: set[str], country: str | None, office: bool = True) -> Entry | None:
        # 1. someone the document has named: 'Kim' after 'Kim Jong Un'
        seen: list[Entry] = []
        looked: set[int] = set()
        want = tuple(parts)
        for _, e in reversed(named):
            if id(e) in looked:
                continue
            looked.add(id(e))
            ends = self._form_keys.get(id(e)) if e.roles else self._doc_keys.get(id(e))
            if ends is None:  # the leading and trailing word runs of the person's names ('Kim', 'Jong Un')
                ends = set()
                for f in e.forms:
                    k = tuple(normalise(f).split())
                    ends.update(k[:i] for i in range(1, len(k)))
                    ends.update(k[i:] for i in range(1, len(k)))
                # a document's own (unknown) names die with it and their ids get reused: cached per document only
                (self._form_keys if e.roles else self._doc_keys)[id(e)] = ends
            if want in ends:
                seen.append(e)
        if seen:
            return self._pick(seen, when, title_words, country, strict=False)
        if not office:
            return None
        # 2. a unique office holder on the date: 'President Mugabe', 'President Omar Hassan al-Bashir'
        cands = self.kb.name_parts.get(parts[-1], [])
        if len(parts) > 1:
            cands = [e for e in cands if any(parts[0] in normalise(f).split() for f in e.forms)]
        if not cands or len(cands) > 200:
            return None
        if when is not None:
            active = [e for e in cands if any(r.active(when) for r in e.roles)]
            if len(parts) == 1 and not title_words:
                # a bare surname ('Mao', 'Gandhi') is an office holder's only for the offices a surname alone names
                # in the news: heads of state and government, foreign and defence ministers; and it must be the
                # surname: the last word, or the first where names put the family name first ('Xi', not 'Roger')
                active = [e for e in active if any(r.active(when) and (_top_office(r.note) or office_key(r.note))
                                                   for r in e.roles) and _is_surname(e, parts[0])]
            fitting = active
            if active and title_words:
                # 'President Obama' in 2000: two ministers named Obama were in office, but not as president
                fitting = [e for e in active if any(r.active(when) and _fits_title(r.note, title_words)
                                                    for r in e.roles)]
            if fitting:
                return self._pick(fitting, when, title_words, country, strict=True)
            # nobody of that name in office on the date ('President Reagan' in 2000, 'Carlos Menem' after his
            # term): a known person keeps their identity at any date; the date only sets the sector later
            if len(parts) == 1 and not title_words:
                return None  # a bare surname ('Gandhi') of nobody in office then: too weak to name a past leader
            if title_words:
                cands = [e for e in cands if any(_fits_title(r.note, title_words) for r in e.roles)]
            found = self._pick(cands, None, title_words, country, strict=True) if cands else None
            if found is None and active:
                found = self._pick(active, when, title_words, country, strict=True)
            return found
        cands = [e for e in cands if any(r.sector == "GOV" and r.note and _top_office(r.note) for r in e.roles)
                 and (title_words or len(parts) > 1 or _is_surname(e, parts[0]))]
        if not cands:
            return None
        return self._pick(cands, when, title_words, country, strict=True)

    def _misspelt(self, parts: list[str], when: date | None, title_words: set[str],
                  country: str | None) -> Entry | None:
        """'President Mitterand', 'President Gbago': a titled surname one letter away from the surname of an office
        holder (the title must fit the office; only names of 5 letters or more)."""
        last = parts[-1]
        if len(last) < 5:
            return None
        index = self._del_index  # built with the other tables (_compile)
        found: list[Entry] = []
        for variant in {last, *(last[:k] + last[k + 1:] for k in range(len(last)))}:
            for part in index.get(variant, ()):
                if part != last and _one_edit(part, last):
                    found.extend(e for e in self.kb.name_parts.get(part, []) if e not in found)
        if len(parts) > 1:
            first = parts[0]
            found = [e for e in found if any(first in normalise(f).split() or any(
                _one_edit(first, w) for w in normalise(f).split() if len(w) >= 5) for f in e.forms)]
        found = [e for e in found if any(_top_office(r.note)
                                         and any(w in r.note.lower() for w in title_words | {"leader"})
                                         for r in e.roles)]
        if country:
            found = [e for e in found if e.resolve(when)[1] == country]
        return found[0] if len(found) == 1 else None

    @staticmethod
    def _pick(cands: list[Entry], when: date | None, title_words: set[str], country: str | None,
              strict: bool) -> Entry | None:
        if country:
            same = [e for e in cands if e.resolve(when)[1] == country]
            cands = same or ([] if strict else cands)
        if title_words and len(cands) > 1:
            titled = [e for e in cands if any(
                (when is None or r.active(when)) and (any(w in r.note.lower() for w in title_words)
                                                      or "leader" in title_words and _top_office(r.note))
                for r in e.roles)]
            cands = titled or cands
        if not cands:
            return None
        if len(cands) == 1:
            return cands[0]
        codes = {e.resolve(when)[0] for e in cands}
        if len(codes) == 1:
            return cands[0]  # the first in document order from the end: the most recent
        return None

    # ---------------------------------------------------------------- coordination and borrowing

    def _distribute(self, doc: _View, a: _Chunk, b: _Chunk, when: date | None) -> None:
        bm = b.mention
        # 'North and South Korea': the first conjunct shares the second's last word
        if len(b.atoms) >= 1 and b.atoms[-1].entries and a.end - a.start <= 2:
            last = b.atoms[-1]
            tail = [doc[t].text for t in range(last.start + 1, last.end)]
            if tail:
                text = " ".join([doc[t].text for t in range(a.start, a.end) if doc[t].pos_ != "DET"] + tail)
                entries = [e for e in self.kb.lookup(text) if e.kind != "context"]
                if entries:
                    code, country, sector = entries[-1].resolve(when)
                    a.mention = self._mention(doc, a.start, a.end, code, country, sector, None, "country")
                    a.extra = []
                    return
        # 'the Japanese and South Korean leaders': a bare country modifier shares the head role noun
        if bm is None or bm.kind != "agent":
            return
        countries = [e.country for at in a.atoms for e in at.entries[-1:] if e.country and e.kind in (
            "country", "place", "context")]
        a_head = a.end - 1
        a_head_is_country = any(at.entries and at.start <= a_head < at.end for at in a.atoms)
        if countries and a_head_is_country:
            country = countries[-1]
            a.mention = self._mention(doc, a.start, a.end, make_code(country, bm.sector), country, bm.sector, None,
                                      "agent")
            a.extra = []

    def _borrow(self, doc: _View, chunks: list[_Chunk], idx: int, when: date | None) -> None:
        ch = chunks[idx]
        m = ch.mention
        assert m is not None
        # member noun + of/at/from + resolved chunk
        if m.kind == "agent" and doc[ch.end - 1].lower_ in MEMBER_NOUNS or m.kind == "agent" and m.country is None:
            nxt = chunks[idx + 1] if idx + 1 < len(chunks) else None
            if (nxt is not None and nxt.start > ch.end and doc[ch.end].lower_ in MEMBER_PREPS
                    and _filler(doc, ch.end + 1, nxt.start)):  # 'activists from the defeated Fatah Party'
                other = nxt.mention or (nxt.extra[0] if nxt.extra else None)
                if other is not None and other.code and (doc[ch.end].lower_ != "in" or other.sector):
                    if doc[ch.end - 1].lower_ in MEMBER_NOUNS or other.sector:
                        self._copy(m, other)
                        return
        # 'rebels in Darfur', 'students throughout Indonesia', 'ethnic Albanians in Macedonia': a group without a
        # country (or an ethnic one) takes the country of the place it is in
        if (m.kind in ("agent", "ethnic") and (m.country is None or m.kind == "ethnic") and m.sector
                and not (m.code or "").startswith("IGO")):  # 'UN observer mission in Syria' stays the UN's
            cur, j = ch, idx + 1
            for _hop in range(2):  # 'workers of the bus company of Tehran'
                nxt = chunks[j] if j < len(chunks) else None
                prep, preps = cur.end, PLACE_PREPS
                if nxt is not None and cur.end + 1 < len(doc) and doc[cur.end].lower_ in _LOCATED:
                    prep = cur.end + 1  # 'a terror group based in Trinidad', 'rebels operating in Macedonia'
                elif nxt is not None and cur.end + 1 < len(doc) and doc[cur.end].lower_ in _AFFILIATED:
                    prep, preps = cur.end + 1, _AFFILIATION_PREPS  # 'workers affiliated with the Serbian union'
                if (nxt is None or nxt.start <= prep or doc[prep].lower_ not in preps
                        or not _filler(doc, prep + 1, nxt.start)):
                    break
                other = nxt.mention or (nxt.extra[0] if nxt.extra else None)
                if other is not None and other.country and (other.kind == "country" or m.kind != "ethnic"):
                    if other.sector == "IGO":
                        break
                    m.country = other.country
                    m.code = make_code(other.country, m.sector)
                    return
                cur, j = nxt, j + 1
        # apposition: X, Y  /  X to Z, Y  (either side may lend); not to a prepositional object ('on Saturday')
        if ch.start > 0 and doc[ch.start - 1].pos_ == "ADP" or doc[ch.end - 1].lower_ in NOT_ACTORS:
            return
        for j in (idx - 1, idx - 2, idx + 1):
            if j < 0 or j >= len(chunks) or j == idx:
                continue
            other_ch = chunks[j]
            o = other_ch.mention
            if o is None or o.code is None:
                continue
            lo, hi = (other_ch, ch) if j < idx else (ch, other_ch)
            between = doc[lo.end:hi.start]
            if not between or between[-1].text != "," and between[0].text != ",":
                continue
            if j == idx - 2:
                # 'ambassador to China, Ri Ryong Nam': skip a prepositional object
                mid = chunks[idx - 1]
                if not (mid.start - other_ch.end == 1 and doc[other_ch.end].pos_ == "ADP"
                        and doc[mid.end].text == "," and mid.end + 1 == ch.start):
                    continue
            elif len(between) != 1:
                continue
            if m.kind == "agent" and o.kind == "agent" and m.sector and o.sector and m.sector != o.sector:
                continue  # 'refugees, a human rights group said': two groups, no apposition
            if doc[m.head].dep_ in ("nsubj", "nsubj:pass", "nsubjpass") and doc[lo.end].text == "," and hi is ch:
                continue  # 'X, Y said': Y is the subject of its own clause
            if o.kind in ("agent", "person") and m.kind in ("person", "unknown", "agent"):
                self._copy(m, o)
                return

    @staticmethod
    def _copy(m: ActorMention, o: ActorMention) -> None:
        if m.kind == "agent" and m.sector and o.country and o.sector not in ("IGO",):
            m.country = o.country
            m.code = make_code(o.country, m.sector if m.sector != "GOV" or o.sector in (None, "CVL") else o.sector)
            if o.code and o.code.startswith(o.country) and o.sector and o.sector != "CVL":
                # 'director of South Korea's National Intelligence Service' -> KORSPY; but 'the government of Sindh
                # province' stays GOV (a place noun's CVL is no sector for the people in it)
                m.code, m.sector = o.code, o.sector
            return
        m.code, m.country, m.sector = o.code, o.country, o.sector
        if m.kind == "unknown":
            m.kind = "person"

    # ---------------------------------------------------------------- short references

    @staticmethod
    def _definite(doc: _View, mentions: list[ActorMention]) -> None:
        """Role nouns without a country refer back to a named group of the same sector: 'the president', 'the
        army', 'the rebels' anywhere after 'Nigerian President Tinubu', 'Libyan rebels'; a bare plural ('rebels
        said') only within the sentence or the two before."""
        sent_of = doc.sent_of
        lower = doc.lower
        for k, m in enumerate(mentions):
            if m.country is not None or m.kind != "agent" or m.sector not in DEFINITE_SECTORS:
                continue
            if m.token_end - m.token_start > 2:
                continue
            definite = m.token_start > 0 and lower[m.token_start - 1] == "the"
            if not definite and not (m.token_end - m.token_start == 1 and doc.tag[m.token_start] == "NNS"):
                continue
            s = sent_of[m.token_start]
            for o in reversed(mentions[:k]):
                if not definite and sent_of[o.token_start] < s - 2:
                    break
                if o.country and o.sector == m.sector and o.kind in ("agent", "person", "organisation"):
                    m.country, m.code = o.country, make_code(o.country, m.sector)
                    break

    # ---------------------------------------------------------------- context countries

    def _context(self, doc: _View, mentions: list[ActorMention]) -> None:
        """Countries for generic or unknown actors that their own words do not give ('demonstrators', '500,000
        workers', 'Islamic fundamentalists', 'President Dos Sontas'), from, in this order:
        1. the parse of their phrase, where the chunks broke it: a possessor or demonym modifier ("Algeria's
           leading human rights activist"), then an apposition ('Salaheddine Sidhoum, Algeria's ... activist');
        2. the place their clause happens in ('prisoners rioted at a jail in Dili', 'people blocked streets in
           Hong Kong'): marked inferred='place';
        3. the only country their sentence names: marked inferred='sentence';
        4. the only country the whole document names: marked inferred='document'.
        Steps 2-4 only for role nouns and titled people ('Judge', 'President Dos Sontas'), not for untitled names,
        names of unknown bodies ('Stanford University'), foreign or international groups ('foreign investors'),
        or the object of a verb whose subject names the sentence's country ('Britain mobilized army reservists').
        Media and companies do not count as a country context (an outlet's or a firm's country is not where the
        news happens); international bodies and regions never get a country."""
        todo = [m for m in mentions if m.country is None and m.code is None and m.kind in ("agent", "person", "unknown")
                and m.sector not in ("IGO", "NGO")]
        if not todo:
            return
        spacy_doc = doc.doc
        by_token: dict[int, ActorMention] = {}
        for m in mentions:
            for t in range(m.token_start, m.token_end):
                by_token.setdefault(t, m)
        for m in todo:  # 1a. possessor or demonym the chunks split off
            for c in spacy_doc[m.head].children:
                o = by_token.get(c.i)
                if o is None or o is m or not o.country or c.i >= m.token_start and c.i < m.token_end:
                    continue
                between = range(o.token_end, m.token_start)
                if c.i > m.token_start or len(between) > 3:
                    continue
                poss = c.dep_ in ("nmod:poss", "poss") and any(doc.lower[t] in ("'s", "’s", "'") for t in between)
                demonym = c.dep_ in ("amod", "compound") and o.kind == "country" and all(
                    doc.pos[t] == "ADJ" for t in between)
                if poss or demonym:
                    self._set_country(m, o.country, None)
                    break
        for m in todo:  # 1b. apposition
            if m.country is not None:
                continue
            head = spacy_doc[m.head]
            pairs = [c for c in head.children if c.dep_ == "appos"] + ([head.head] if head.dep_ == "appos" else [])
            if m.kind in ("unknown", "person") and m.token_end < len(doc) and doc.words[m.token_end] == ",":
                # 'Jane Mwangi, Kenya's leading rights activist, ...' however the parser hung it: the phrase between
                # the commas
                close = next((t for t in range(m.token_end + 1, min(len(doc), m.token_end + 12))
                              if doc.words[t] in (",", ";", "(", ")")), None)
                if close is not None and doc.words[close] == "," and close - 1 in by_token:
                    pairs.append(spacy_doc[by_token[close - 1].head])
            for c in pairs:
                o = by_token.get(c.i)
                if o is not None and o is not m and o.country and o.kind in ("agent", "person") and o.sector != "IGO":
                    self._copy(m, o)
                    break
        sent_of = doc.sent_of if doc.has_sents else [0] * len(doc)
        per_sent: dict[int, set[str]] = {}
        for m in mentions:
            if m.inferred is not None:
                continue
            if m.country and m.sector not in _NOT_CONTEXT:
                per_sent.setdefault(sent_of[m.head], set()).add(m.country)
            elif m.code and (m.sector in _NOT_CONTEXT or m.code[:3] in _NOT_CONTEXT):
                # an airline's spokeswoman, a newspaper's reporter, a UN official: another party whose people the
                # sentence's generic nouns may be
                per_sent.setdefault(sent_of[m.head], set()).add("*")
        in_doc = set().union(*per_sent.values()) - {"*"} if per_sent else set()
        for m in todo:
            if m.country is not None or not m.sector or m.kind == "unknown" or self._not_local(doc, m):
                continue
            place = self._clause_place(spacy_doc, m, by_token)
            if place:
                self._set_country(m, place, "place")
                continue
            here = per_sent.get(sent_of[m.head], set())
            if self._object_of_named(spacy_doc, m, by_token):
                continue
            if len(here) == 1 and "*" not in here:
                self._set_country(m, next(iter(here)), "sentence")
            elif not here and len(in_doc) == 1:
                self._set_country(m, next(iter(in_doc)), "document")

    @staticmethod
    def _not_local(doc: _View, m: ActorMention) -> bool:
        """Mentions whose country the context cannot tell: 'foreign investors', 'the world community',
        'international donors'; and names of bodies the knowledge base does not know ('Stanford University',
        'Federal Highway Administration'), which are where they are, not where the news is."""
        words = doc.lower[m.token_start:m.token_end]
        if any(w in _NOT_LOCAL for w in words):
            return True
        span = range(m.token_start, m.token_end)
        return m.kind == "agent" and len(span) > 1 and doc.pos[m.head] == "PROPN" and all(
            doc.words[t][:1].isupper() or doc.pos[t] in ("DET", "ADP", "CCONJ") for t in span)

    @staticmethod
    def _object_of_named(spacy_doc: Doc, m: ActorMention, by_token: dict[int, ActorMention]) -> bool:
        """'Britain mobilized army reservists', 'Sudan lifted the state of emergency': the object of a verb whose
        subject names a country is what that subject acts on or with; the sentence's one country is the subject's,
        which says nothing about the object's."""
        tok = spacy_doc[m.head]
        if tok.dep_ not in ("obj", "dobj") or tok.head.i == tok.i:
            return False
        return any(c.dep_ in ("nsubj", "nsubj:pass", "nsubjpass") and (o := by_token.get(c.i)) is not None
                   and o.country for c in tok.head.children)

    @staticmethod
    def _set_country(m: ActorMention, country: str, how: str | None) -> None:
        m.country = country
        m.code = make_code(country, m.sector)
        m.inferred = how

    @staticmethod
    def _clause_place(spacy_doc: Doc, m: ActorMention, by_token: dict[int, ActorMention]) -> str | None:
        """The country of the place the mention's clause puts it in: 'in/at X' on its verb, or one phrase down
        ('rioted at a jail in Dili', 'blocked streets in Hong Kong', 'in the northern city of Kirkuk')."""
        tok = spacy_doc[m.head]
        while tok.dep_ == "conj" and tok.head.i != tok.i:
            tok = tok.head
        if tok.dep_ not in _ARGUMENT_DEPS or tok.head.i == tok.i:
            return None
        verb = tok.head
        layer = [c for c in verb.children if c.i != tok.i and (c.dep_.startswith("obl") or c.dep_ in ("obj", "dobj"))]
        for depth in range(2):
            nxt = []
            for c in layer:
                case = next((k.lower_ for k in c.children if k.dep_ == "case"), None)
                o = by_token.get(c.i)
                ok = case in _PLACE_CASES or depth and case == "of" or c.dep_ in ("obj", "dobj") and depth == 0
                if ok and case is not None and o is not None and o is not m and o.country and o.kind == "country" \
                        and o.sector is None:
                    return o.country
                nxt.extend(k for k in c.children if k.dep_.startswith("nmod") and k.dep_ != "nmod:poss")
            layer = nxt
        return None

    # ---------------------------------------------------------------- pronouns

    def _pronouns(self, doc: _View, mentions: list[ActorMention]) -> None:
        toks = doc.toks
        cands = [toks[i] for i, w in enumerate(doc.lower) if w in PRONOUNS]
        if not cands:
            return
        people = [m for m in mentions if m.kind == "person" and m.resolved]
        if not people:
            return
        covered = {t for m in mentions for t in range(m.token_start, m.token_end)}
        sent_of = doc.sent_of if doc.has_sents else [0] * len(toks)
        quote = _quote_ids(doc.words, doc.ws) if ('"' in doc.text or "“" in doc.text or "``" in doc.text
                                                     or "«" in doc.text) else None
        for tok in cands:
            if tok.i in covered:
                continue
            if tok.lower_ == "her" and tok.dep_ not in ("nmod:poss", "poss", "obj", "dobj", "pobj", "obl", "iobj"):
                continue
            s = sent_of[tok.i]
            before = [m for m in people if m.token_end <= tok.i and sent_of[m.head] >= s - 1]
            if quote is not None and quote[tok.i]:
                # 'Abe said: "He is a tough negotiator"': a third person inside a quotation is not its speaker (who
                # says 'I'); only someone the quotation itself named before counts
                before = [m for m in before if quote[m.head] == quote[tok.i]]
            identities = {(m.name or m.text, m.code) for m in before}
            src = None
            if before and (len(identities) == 1 or len({m.name for m in before}) == 1):
                src = before[-1]
            elif before and tok.dep_.startswith("nsubj"):
                # several people: a subject pronoun continues the latest subject ('Abe met Trump. He said ...')
                subjects = [m for m in before if any(doc.toks[t].dep_.startswith("nsubj")
                                                     for t in range(m.token_start, m.token_end))]
                if subjects:
                    src = subjects[-1]
            if src is not None:
                mentions.append(ActorMention(text=tok.text, start=tok.idx, end=tok.idx + len(tok.text),
                                             token_start=tok.i, token_end=tok.i + 1, head=tok.i, code=src.code,
                                             country=src.country, sector=src.sector, name=src.name, kind="pronoun"))


_OPEN_QUOTES = {"“", "``", "«", "„"}
_CLOSE_QUOTES = {"”", "''", "»"}
_QUOTE_MARKS = _OPEN_QUOTES | _CLOSE_QUOTES | {'"'}


def _quote_ids(words: list[str], ws: list[str]) -> list[int]:
    """For each token the number of the quotation it stands in (0: outside). Straight quotes toggle; a line break
    ends an open quotation (a quote carried over paragraphs is read as ended)."""
    out = [0] * len(words)
    marks = [i for i, w in enumerate(words) if w in _QUOTE_MARKS or "\n" in w]
    start = -1  # token after the open quote, or -1 outside a quotation
    n = 0
    for i in marks:
        w = words[i]
        if start < 0:
            if w in _OPEN_QUOTES or w == '"':
                n += 1
                start = i + 1
            continue
        end = i + 1 if w not in _OPEN_QUOTES and w not in _CLOSE_QUOTES and w != '"' else i  # a line break is inside
        out[start:end] = [n] * (end - start)
        start = -1
        if w in _OPEN_QUOTES:
            n += 1
            start = i + 1
    if start >= 0:
        out[start:] = [n] * (len(words) - start)
    return out


def _written_lower(form: str) -> bool:
    """A name written in lower case ('the mainland', 'al-Shabaab'), not 'the States'."""
    words = form.split()
    if len(words) > 1 and words[0].lower() == "the":
        words = words[1:]
    return bool(words) and words[0][:1].islower()


def _last_part(form: str) -> str:
    parts = [p for p in re.split(r"[\s\-./_]+", form) if p]
    return parts[-1] if parts else ""


_UNFREEZE_AT_EXIT = False
_BASE_TABLES: dict[str, Any] | None = None  # the resolver's tables for the shipped knowledge base, once a process


def _freeze_gc() -> None:
    """The knowledge base lives as long as the process: keep its objects out of the collector's rounds (a full
    collection otherwise walks them all, again and again). They return to the collector at exit, so extension
    modules see their objects released as usual."""
    global _UNFREEZE_AT_EXIT
    if not _UNFREEZE_AT_EXIT:  # once per process: later resolvers (with extensions) are small next to the base
        # No collection first: it would walk every object just loaded (a quarter of a second) to free a few dozen
        # import-time cycles, which then stay frozen until exit.
        gc.freeze()
        atexit.register(gc.unfreeze)
        _UNFREEZE_AT_EXIT = True


def _one_edit(a: str, b: str) -> bool:
    """a and b differ by one inserted, deleted or replaced letter, or two swapped neighbours."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [k for k in range(len(a)) if a[k] != b[k]]
        return len(diff) == 1 or len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] \
            and a[diff[1]] == b[diff[0]]
    if len(a) > len(b):
        a, b = b, a
    k = 0
    while k < len(a) and a[k] == b[k]:
        k += 1
    return a[k:] == b[k + 1:]


_GENERIC_PERSONNEL = {"official", "officials", "adviser", "advisers", "advisor", "advisors", "spokesman", "spokeswoman",
                      "spokesperson", "leader", "leaders", "aide", "aides", "delegation", "delegate", "delegates",
                      "representative", "representatives", "chief", "chiefs", "personnel", "staff", "head", "heads"}
# lower-case words inside names ('Sabah al-Bazee', 'Ahmed bin Salman', 'Ursula von der Leyen')
NAME_PARTICLES = {"al", "el", "bin", "ibn", "bint", "de", "del", "der", "van", "von", "da", "dos", "das", "du", "le",
                  "la", "abu", "ben", "y"}
# last words of names of bodies ('National Transitional Council', 'Popular Front'): such a name is no person
_ORG_HEADS = {"council", "committee", "front", "movement", "union", "alliance", "congress", "assembly", "commission",
              "board", "court", "bank", "company", "corporation", "institute", "foundation", "association", "league",
              "federation", "organisation", "organization", "group", "forum", "centre", "center", "agency", "bureau",
              "office", "authority", "coalition", "network", "society", "corps", "brigade", "brigades", "party"}
_STATE_RUN = {"official", "state", "state-run", "state-owned", "state-controlled", "government-run",
              "government-controlled", "government-owned"}
_LOCATED = {"based", "operating", "headquartered", "active", "stationed", "deployed", "living", "fighting"}
# words that tie a group to a party, leader or union whose country it shares ('militants loyal to X')
_AFFILIATED = {"affiliated", "loyal", "linked", "belonging", "allied", "attached", "tied", "connected"}
_AFFILIATION_PREPS = {"to", "with"}
# sectors whose country says nothing about where the news happens (an outlet's, a firm's)
_NOT_CONTEXT = {"MED", "BUS", "MNC", "IGO", "NGO"}
_NOT_LOCAL = {"foreign", "international", "global", "world", "western", "regional", "multinational", "overseas",
              "exiled", "expatriate", "transnational", "outside"}
_ARGUMENT_DEPS = {"nsubj", "nsubj:pass", "nsubjpass", "obj", "dobj", "obl:agent", "csubj"}
_PLACE_CASES = {"in", "at", "inside", "throughout", "across", "near"}


_STANCE_PREFIXES = {"anti", "pro"}


def _stance(doc: _View, start: int) -> bool:
    """The name at token `start` follows 'anti-' or 'pro-' ('anti-Syria', 'pro-Iranian')."""
    return (start >= 2 and doc.words[start - 1] == "-" and doc.lower[start - 2] in _STANCE_PREFIXES
            and not doc.ws[start - 2])


def _filler(doc: _View, start: int, end: int) -> bool:
    """Tokens [start, end) between a preposition and its noun phrase are only determiners, adjectives or
    participles ('from the defeated Fatah Party', 'with the ruling party'): at most three of them."""
    if end - start > 3:
        return False
    return all(doc.pos[t] in ("DET", "ADJ") or doc.pos[t] == "VERB" and doc.tag[t] in ("VBN", "VBG")
               for t in range(start, end))
_TIME_NOUNS = {"week", "weekend", "month", "year", "night", "morning", "evening", "spring", "summer", "autumn", "fall",
               "winter", "decade", "century"}
_NON_STATE = {"BUS", "MED", "NGO", "EDU", "HLH", "REL", "LAB", "MNC"}


# countries whose names put the family name first ('Xi Jinping', 'Kim Jong Un', 'Hun Sen', 'Orban Viktor')
_SURNAME_FIRST = {"CHN", "TWN", "HKG", "MAC", "KOR", "PRK", "JPN", "KHM", "MNG", "SGP", "HUN"}


def _is_surname(entry: Entry, part: str) -> bool:
    first_ok = any(r.country in _SURNAME_FIRST for r in entry.roles)
    for form in entry.forms:
        words = normalise(form).split()
        if words and (words[-1] == part or first_ok and words[0] == part):
            return True
    return False


def _fits_title(note: str, title_words: set[str]) -> bool:
    n = note.lower()
    return any(w in n for w in title_words) or "leader" in title_words and _top_office(note)


def _top_office(note: str) -> bool:
    n = note.lower()
    return any(w in n for w in ("president", "prime minister", "premier", "supreme leader", "king", "chancellor",
                                "monarch", "emir", "sultan"))


_DEFAULT: ActorResolver | None = None


def default_resolver() -> ActorResolver:
    """One resolver per process with the shipped knowledge base (its tables are compiled once)."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = ActorResolver()
    return _DEFAULT


def known_actors(resolver: ActorResolver | None = None) -> list[dict[str, Any]]:
    """Codes the knowledge base can produce, with a name and country, for pickers: countries, country-sector
    pairs for the main sectors, IGOs and organisations."""
    kb = (resolver or default_resolver()).kb
    seen: dict[str, dict[str, Any]] = {}
    country_names: dict[str, str] = {}
    for entries in kb.entities.values():
        for e in entries:
            if e.kind == "country" and e.country and e.country not in country_names:
                country_names[e.country] = e.name
    for iso, name in country_names.items():
        seen.setdefault(iso, {"code": iso, "name": name, "country": iso})
        for sector, label in (("GOV", "government"), ("MIL", "military"), ("MED", "media")):
            seen.setdefault(iso + sector, {"code": iso + sector, "name": f"{name} {label}", "country": iso})
    for entries in kb.entities.values():
        for e in entries:
            if e.kind in ("org", "place") and e.code and e.code not in seen:  # IGOs, world regions
                seen[e.code] = {"code": e.code, "name": e.name, "country": e.country}
    return sorted(seen.values(), key=lambda d: d["code"])
