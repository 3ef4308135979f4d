"""The event dictionary: verb and noun patterns that map expressions with their syntactic frames to CAMEO codes.

The in-memory model is deliberately small so that any dictionary format can load into it (eventline's own YAML
files in `data/`, or PETRARCH verb dictionaries, see docs/coding.md):

    EventDictionary
        verbs:   lemma -> [Pattern]       patterns anchored on a verb ('hold talks with', 'rule out', 'attack')
        nouns:   lemma -> [Pattern]       nominal events ('talks between X and Y', 'sanctions on X')
        wrappers: 'lemma' or 'lemma_particle' -> kind     verbs/nouns that change an embedded event
                  (intent, reject, threaten, appeal, demand, deny, attribution, support, cause)
        discards: topic -> set of lemmas  (sport, entertainment, history lessons)
        political: set of lemmas that keep a sentence despite a discard word

    Pattern(code, lemma, particle, objects, modifiers, preps, adverbs, text)
        code       CAMEO code ('036')
        lemma      head lemma (verb or noun)
        particle   phrasal-verb particle ('out' for 'rule out'), or None
        objects    lemmas one of which must head the direct object (light verbs: 'hold talks'), or None
        modifiers  lemmas one of which must modify the noun (compound/amod: 'telephone call'), or None
        preps      prepositions whose object is the recipient, most preferred first; () = the direct object,
                   then the usual prepositions (to, with, against, on, at, into, toward)
        adverbs    lemmas one of which must modify the verb ('respond sharply'), or None
        text       the pattern as written, for `eventline explain`
        source     the file or dictionary the pattern came from
        required_preps  prepositions one of which must attach to the trigger ('protest &to': a formal protest
                   to someone, 114; a bare 'protested' is 140), or None
        subjects   lemmas one of which must head the subject, modify it or follow its 'of' ('arrive ^peacekeepers':
                   peacekeeping troops arriving somewhere), or None

Pattern strings in eventline's YAML files (one string per pattern, grouped under their CAMEO code):

    hold =talks|talk|dialogue +with          verb 'hold', object 'talks'/'talk'/'dialogue', recipient after 'with'
    rule_out                                 phrasal verb 'rule out'
    respond !sharply|strongly +to            verb with a required adverb
    protest &to                              verb with a required preposition (its object is the recipient)
    arrive ^peacekeeper|peacekeeping +in     verb with a required kind of subject
    telephone|phone call +with +to           (nouns file) 'call' modified by 'telephone' or 'phone'

The coder looks patterns up by lemma, most specific first (object, modifier, particle and adverb constraints
count); the compiled index also maps inflected forms to lemmas so a weak lemmatizer does not lose verbs.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

DATA_DIR = Path(__file__).parent / "data"
WRAPPER_KINDS = ("intent", "reject", "threaten", "appeal", "demand", "deny", "attribution", "support", "cause")


@dataclass(frozen=True)
class Pattern:
    code: str
    lemma: str
    particle: str | None = None
    objects: frozenset[str] | None = None
    modifiers: frozenset[str] | None = None
    preps: tuple[str, ...] = ()
    adverbs: frozenset[str] | None = None
    text: str = ""
    source: str = ""
    required_preps: frozenset[str] | None = None  # one of these prepositions must be there ('protest &to')
    subjects: frozenset[str] | None = None  # the subject must be one of these ('arrive ^peacekeepers')

    @property
    def specificity(self) -> int:
        return (2 * bool(self.objects) + 2 * bool(self.particle) + bool(self.modifiers) + 2 * bool(self.adverbs)
                + bool(self.preps) + 2 * bool(self.required_preps) + 2 * bool(self.subjects))


@dataclass
class EventDictionary:
    verbs: dict[str, list[Pattern]] = field(default_factory=dict)
    nouns: dict[str, list[Pattern]] = field(default_factory=dict)
    wrappers: dict[str, str] = field(default_factory=dict)
    discards: dict[str, frozenset[str]] = field(default_factory=dict)
    political: frozenset[str] = frozenset()
    name: str = "eventline"

    def __post_init__(self) -> None:
        self.compile()

    def add(self, pattern: Pattern, noun: bool = False) -> None:
        table = self.nouns if noun else self.verbs
        table.setdefault(pattern.lemma, []).append(pattern)

    def compile(self) -> None:
        """Sorts patterns most specific first and builds the inflected-form index (call after adding)."""
        for table in (self.verbs, self.nouns):
            for plist in table.values():
                plist.sort(key=lambda p: -p.specificity)
        forms: dict[str, str] = {}
        for lemma in list(self.verbs) + [w.split("_")[0] for w in self.wrappers]:
            for form in inflections(lemma):
                forms.setdefault(form, lemma)
        self.verb_forms = forms
        nforms: dict[str, str] = {}
        for lemma in self.nouns:
            for form in (lemma, plural(lemma)):
                nforms.setdefault(form, lemma)
        self.noun_forms = nforms
        self.discard_words = {w: topic for topic, words in self.discards.items() for w in words}

    def verb_key(self, lemma: str, lower: str) -> str | None:
        if lemma in self.verbs or lemma in self.wrapper_heads:
            return lemma
        return self.verb_forms.get(lower)

    @property
    def wrapper_heads(self) -> frozenset[str]:
        heads = getattr(self, "_wrapper_heads", None)
        if heads is None:
            heads = frozenset(w.split("_")[0] for w in self.wrappers)
            self._wrapper_heads = heads
        return heads


IRREGULAR = {
    "be": ["is", "are", "was", "were", "been", "being", "am"], "have": ["has", "had", "having"],
    "do": ["does", "did", "done", "doing"], "go": ["goes", "went", "gone", "going"],
    "make": ["made"], "hold": ["held"], "meet": ["met"], "seek": ["sought"], "take": ["took", "taken"],
    "give": ["gave", "given"], "send": ["sent"], "shoot": ["shot"], "fight": ["fought"], "strike": ["struck"],
    "lead": ["led"], "say": ["said"], "tell": ["told"], "withdraw": ["withdrew", "withdrawn"],
    "break": ["broke", "broken"], "bring": ["brought"], "buy": ["bought"], "sell": ["sold"],
    "forgive": ["forgave", "forgiven"], "speak": ["spoke", "spoken"], "drive": ["drove", "driven"],
    "throw": ["threw", "thrown"], "win": ["won"], "begin": ["began", "begun"], "lay": ["laid"],
    "set": ["set"], "put": ["put"], "cut": ["cut"], "hit": ["hit"], "let": ["let"], "quit": ["quit"],
    "seize": ["seized"], "flee": ["fled"], "steal": ["stole", "stolen"], "bear": ["bore", "borne"],
    "swear": ["swore", "sworn"], "beat": ["beaten"], "keep": ["kept"], "leave": ["left"], "pay": ["paid"],
    "undertake": ["undertook", "undertaken"], "overthrow": ["overthrew", "overthrown"], "shut": ["shut"],
    "slay": ["slew", "slain"], "arise": ["arose", "arisen"], "upset": ["upset"], "bind": ["bound"],
    "come": ["came"], "hear": ["heard"], "feel": ["felt"], "find": ["found"], "stand": ["stood"],
    "think": ["thought"], "write": ["wrote", "written"], "rise": ["rose", "risen"], "see": ["saw", "seen"],
    "mislead": ["misled"], "blow": ["blew", "blown"], "spend": ["spent"], "sit": ["sat"], "run": ["ran"],
}


@lru_cache(maxsize=8192)
def inflections(lemma: str) -> tuple[str, ...]:
    """Regular English inflections of a verb lemma plus known irregular forms."""
    out = {lemma}
    if lemma.endswith("e") and not lemma.endswith("ee"):
        out |= {lemma + "s", lemma + "d", lemma[:-1] + "ing"}
    elif lemma.endswith("y") and len(lemma) > 2 and lemma[-2] not in "aeiou":
        out |= {lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing"}
    elif lemma.endswith(("s", "sh", "ch", "x", "z")):
        out |= {lemma + "es", lemma + "ed", lemma + "ing"}
    else:
        out |= {lemma + "s", lemma + "ed", lemma + "ing"}
        if len(lemma) >= 3 and lemma[-1] in "bdglmnprt" and lemma[-2] in "aeiou" and lemma[-3] not in "aeiou":
            out |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}
    out.update(IRREGULAR.get(lemma, ()))
    return tuple(sorted(out))


def plural(noun: str) -> str:
    if noun.endswith(("s", "sh", "ch", "x", "z")):
        return noun + "es"
    if noun.endswith("y") and len(noun) > 2 and noun[-2] not in "aeiou":
        return noun[:-1] + "ies"
    return noun + "s"


def _alts(text: str) -> frozenset[str]:
    return frozenset(a.strip().lower().replace("_", " ") for a in text.split("|") if a.strip())


def parse_pattern(code: str, text: str, noun: bool, source: str = "") -> list[Pattern]:
    """One pattern string -> Patterns (one per alternative head lemma)."""
    objects = adverbs = required = subjects = None
    preps: list[str] = []
    words: list[str] = []
    for part in text.split():
        if part.startswith("="):
            objects = _alts(part[1:])
        elif part.startswith("+"):
            preps.append(part[1:].replace("_", " ").lower())
        elif part.startswith("!"):
            adverbs = _alts(part[1:])
        elif part.startswith("^"):
            subjects = _alts(part[1:])
        elif part.startswith("&"):
            required = _alts(part[1:])
            preps.extend(a for a in required if a not in preps)
        else:
            words.append(part)
    if not words:
        raise ValueError(f"pattern {text!r} ({code}) has no head word")
    out: list[Pattern] = []
    if noun:
        head = words[-1]
        modifiers = frozenset().union(*(_alts(w) for w in words[:-1])) if len(words) > 1 else None
        for lemma in _alts(head):
            out.append(Pattern(code, lemma, None, objects, modifiers, tuple(preps), adverbs, text, source, required))
    else:
        for alt in words[0].split("|"):
            lemma, _, particle = alt.lower().partition("_")
            out.append(Pattern(code, lemma, particle or None, objects, None, tuple(preps), adverbs, text, source,
                               required, subjects))
    return out


def _load_yaml(path: Path) -> dict[str, Any]:
    with open(path, encoding="utf-8") as f:
        return yaml.safe_load(f) or {}


def load_dictionary(folder: str | Path | None = None) -> EventDictionary:
    """eventline's own dictionary files (verbs.yaml, nouns.yaml, wrappers.yaml, discards.yaml) from `folder`."""
    folder = Path(folder) if folder else DATA_DIR
    d = EventDictionary.__new__(EventDictionary)
    d.verbs, d.nouns, d.wrappers, d.discards, d.political, d.name = {}, {}, {}, {}, frozenset(), "eventline"
    for fname, noun in (("verbs.yaml", False), ("nouns.yaml", True)):
        data = _load_yaml(folder / fname)
        for code, patterns in data.items():
            code = str(code)
            if len(code) < 2:
                code = code.zfill(2)
            for text in patterns or []:
                for p in parse_pattern(code, str(text), noun, fname):
                    d.add(p, noun)
    wrappers = _load_yaml(folder / "wrappers.yaml")
    for kind, words in wrappers.items():
        if kind not in WRAPPER_KINDS:
            raise ValueError(f"unknown wrapper kind {kind!r} in wrappers.yaml")
        for w in words:
            d.wrappers[str(w).lower()] = kind
    disc = _load_yaml(folder / "discards.yaml")
    d.political = frozenset(str(w).lower() for w in disc.pop("political", []) or [])
    d.discards = {topic: frozenset(str(w).lower() for w in words) for topic, words in disc.items()}
    d.compile()
    return d


_DEFAULT: EventDictionary | None = None


def default_dictionary() -> EventDictionary:
    """eventline's shipped dictionary, loaded and compiled once per process."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = load_dictionary()
    return _DEFAULT
