"""PETRARCH verb dictionaries (the TABARI / PETRARCH-1 text format that UD-PETRARCH and PETRARCH-2 read) and
their translation into eventline's dictionary model (`eventline.coding.dictionary`).

The format, as far as eventline reads it:

    &SYNSET                      a synonym set; '+WORD' lines below it are its members ('+ARMED_FORCES',
    +MEMBER                      '+(TO THE END)', '+&OTHERSET'); a trailing '_' asks for the exact word
    --- VERB  [code] ---         a verb block: the block's default code
    VERB {FORMS} [code]          a verb of the block, its irregular forms, its own default code
    +BREAK_DOWN {FORMS}          a phrasal verb: '+' marks the verb, the other word is its particle
    WIRE_+TAP {FORMS}            a verb with a word in front of it
    - before * after  [code]     a pattern; '*' is the verb
        WORD, {A B}, &SET        a word, a noun phrase (its last word is the head), a synonym set
        (PREP ...)               a prepositional phrase (PREP alone: the target is its object)
        $  +  %  ^               the source, the target, a compound actor (source and target), a skipped phrase
    [code]  [a:b]  [---]         the event; a paired event (a from source to target, b back); no event

A pattern becomes an eventline `Pattern` on the verb lemma: the first word (or phrase head, or set) after the
verb is the object, the first prepositional phrase gives a required preposition that also holds the target.
What the model does not hold goes into a `Constraint` that `PetrarchCoder` checks: the modifiers inside a
`{phrase}`, the prepositional phrases after the object, the words in front of the verb, a source ('$') named after
the verb, and the pattern's size (the longest matching pattern wins). A lone adverb in front of the verb
('HEAVILY *') is not matched, as in the reference coders. Patterns with a source inside a phrase in front of the
verb, or a target in front of it without a source after it, are kept out and counted in `PetrarchVerbs.skipped`,
so a missing constraint never makes a pattern match more than it should.

Knows nothing about spaCy or actors.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from eventline.coding.dictionary import IRREGULAR, EventDictionary, Pattern, plural

PARTICLES = frozenset({"up", "down", "off", "out", "away", "back", "by", "through", "over", "in", "on", "into",
                       "around", "about", "along", "aside", "apart", "forward", "ahead"})
ADVERB_SUFFIX = "ly"
NULL_CODE = "---"
DETERMINERS = frozenset({"the", "a", "an", "their", "his", "her", "its", "our", "my", "your", "some", "this", "that"})


@dataclass(frozen=True)
class Element:
    """One item of a pattern: kind is word | phrase | set | prep | source | target | compound | skip."""

    kind: str
    text: str = ""
    items: tuple[Element, ...] = ()


@dataclass
class VerbEntry:
    word: str  # lower case, the verb itself
    before: str | None = None  # 'wire' in WIRE_+TAP
    particle: str | None = None  # 'down' in +BREAK_DOWN
    forms: tuple[str, ...] = ()
    code: str | None = None


@dataclass
class VerbPattern:
    before: tuple[Element, ...]
    after: tuple[Element, ...]
    code: str
    text: str


@dataclass
class VerbBlock:
    name: str
    code: str | None
    verbs: list[VerbEntry] = field(default_factory=list)
    patterns: list[VerbPattern] = field(default_factory=list)


@dataclass
class PetrarchVerbs:
    """A PETRARCH verb dictionary as read: synonym sets and verb blocks."""

    synsets: dict[str, list[tuple[Element, ...]]] = field(default_factory=dict)
    blocks: list[VerbBlock] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # patterns the model cannot hold

    def members(self, name: str, _seen: frozenset[str] = frozenset()) -> list[tuple[Element, ...]]:
        """The members of a synonym set, nested sets expanded."""
        out: list[tuple[Element, ...]] = []
        for member in self.synsets.get(name, []):
            if len(member) == 1 and member[0].kind == "set" and member[0].text not in _seen:
                out += self.members(member[0].text, _seen | {name})
            else:
                out.append(member)
        return out


# ---------------------------------------------------------------------------------------------- reading

def strip_comment(line: str) -> str:
    """The line without its '#' comment ('#' inside [...] is a code: '[###]')."""
    depth = 0
    for i, ch in enumerate(line):
        if ch == "[":
            depth += 1
        elif ch == "]":
            depth = max(0, depth - 1)
        elif ch == "#" and depth == 0:
            return line[:i]
    return line


def _split_code(text: str) -> tuple[str, str | None]:
    """'- * TIES  [050]' -> ('- * TIES', '050'); the last [...] holds the code."""
    m = re.search(r"\[\s*([^\]]*?)\s*\]\s*$", text)
    if not m:
        return text.strip(), None
    return text[:m.start()].strip(), m.group(1).strip()


def _word(text: str) -> str:
    """A dictionary word in eventline's spelling: lower case, '_' joins words, a trailing '_' (exact) dropped."""
    return " ".join(w for w in text.lower().strip("_").split("_") if w)


def tokenize_pattern(text: str) -> list[Element]:
    """Pattern text (without the code) -> elements."""
    toks = re.findall(r"\(|\)|\{|\}|[^\s(){}]+", text)
    pos = 0

    def read(until: str | None) -> list[Element]:
        nonlocal pos
        out: list[Element] = []
        while pos < len(toks):
            t = toks[pos]
            pos += 1
            if t == until:
                return out
            if t == "(":
                inner = read(")")
                words = [e for e in inner if e.kind == "word"]
                prep = words[0].text if inner and inner[0].kind == "word" else ""
                rest = tuple(inner[1:]) if prep else tuple(inner)
                out.append(Element("prep", prep, rest))
            elif t == "{":
                out.append(Element("phrase", "", tuple(read("}"))))
            elif t == "$":
                out.append(Element("source"))
            elif t == "+":
                out.append(Element("target"))
            elif t == "%":
                out.append(Element("compound"))
            elif t == "^":
                out.append(Element("skip"))
            elif t == "*":
                out.append(Element("verb"))
            elif t.startswith("&"):
                out.append(Element("set", t[1:].upper().rstrip("_")))
            elif t in (")", "}"):
                continue
            else:
                out.append(Element("word", _word(t)))
        return out

    return read(None)


def parse_verbs(text: str) -> PetrarchVerbs:
    """Reads a PETRARCH verb dictionary."""
    verbs = PetrarchVerbs()
    current_set: str | None = None
    block: VerbBlock | None = None
    for raw in text.splitlines():
        if not raw.strip():
            current_set = None
            continue
        line = strip_comment(raw).strip()
        if not line or line.startswith("<!--") or line.endswith("-->") and not line.startswith("---"):
            continue
        header = re.match(r"^-{3}\s*(.+?)\s*(?:\[\s*([^\]]*?)\s*\])?\s*-{3}$", line)
        if header:
            current_set = None
            block = VerbBlock(_word(header.group(1)), header.group(2) or None)
            verbs.blocks.append(block)
            continue
        if line.startswith("&"):
            name = line[1:].split()[0].upper().rstrip("_")
            current_set = name
            verbs.synsets.setdefault(name, [])
            continue
        if current_set is not None and line.startswith("+"):
            member = line[1:].strip()
            if member.startswith("(") and member.endswith(")"):
                member = member[1:-1]
            verbs.synsets[current_set].append(tuple(tokenize_pattern(member)))
            continue
        current_set = None
        if block is None:
            continue
        body, code = _split_code(line)
        if "*" in body:
            body = body[1:].strip() if body.startswith("-") else body
            elems = tokenize_pattern(body)
            star = next(i for i, e in enumerate(elems) if e.kind == "verb") if any(
                e.kind == "verb" for e in elems) else None
            if star is None:
                verbs.skipped.append(line)
                continue
            block.patterns.append(VerbPattern(tuple(elems[:star]), tuple(elems[star + 1:]),
                                              code or block.code or NULL_CODE, line))
            continue
        if body.startswith("-"):
            verbs.skipped.append(line)
            continue
        block.verbs.append(_verb_entry(body, code))
    return verbs


def _verb_entry(body: str, code: str | None) -> VerbEntry:
    forms: tuple[str, ...] = ()
    m = re.search(r"\{([^}]*)\}", body)
    if m:
        forms = tuple(_word(f).split()[-1] if "+" not in f else _word(f.split("+")[-1]).split()[0]
                      for f in m.group(1).split())
        body = body[:m.start()] + body[m.end():]
    word = body.split()[0] if body.split() else ""
    before = particle = None
    if "+" in word:
        left, _, right = word.partition("+")
        parts = [p for p in right.split("_") if p]
        verb = parts[0].lower() if parts else ""
        if len(parts) > 1:
            particle = " ".join(parts[1:]).lower()
        if left.strip("_"):
            before = _word(left)
        word = verb
    else:
        word = _word(word)
    return VerbEntry(word, before, particle, tuple(f for f in forms if f), code)


# ---------------------------------------------------------------------------------------------- translating

@dataclass(frozen=True)
class Constraint:
    """What a PETRARCH pattern asks for that eventline's `Pattern` does not hold, checked by `PetrarchCoder`:
    the words in front of the object's head inside a `{phrase}` (in order, the last one right before the head:
    `{NEW &TIETYPES RELATIONS}` matches 'new economic relations' and 'new global economic relations', not
    'new economic trade relations'), the prepositional phrases the pattern names (a preposition, and the heads
    its object may have: `(ON &TIETYPES)`), and how specific the pattern is (the words and phrases it names:
    PETRARCH prefers the pattern that matches most)."""

    modifiers: tuple[frozenset[str], ...] = ()
    preps: tuple[tuple[str, frozenset[str] | None], ...] = ()
    size: int = 0
    before: tuple[frozenset[str], ...] = ()  # words in front of the verb, in order ('{DEATH TOLL} *')
    source_after: int | None = None  # '$' after the verb: the source is the actor after it (skipping this many)
    target_after: int | None = None  # '^ ... +': the target is the actor after the object, skipping this many
    options: tuple[tuple[frozenset[str], tuple[frozenset[str], ...]], ...] = ()  # a set object's several-word members


def _words(elem: Element, verbs: PetrarchVerbs) -> frozenset[str]:
    """The words a modifier element allows: a word, or a set's (one-word) members."""
    if elem.kind == "word":
        return frozenset({elem.text.split()[-1]})
    if elem.kind == "set":
        out: set[str] = set()
        for member in verbs.members(elem.text):
            words = [e for e in member if e.kind == "word"]
            if words:
                out.add(words[-1].text.split()[-1])
        return frozenset(out)
    return frozenset()


def _size(elems: tuple[Element, ...]) -> int:
    n = 0
    for e in elems:
        if e.kind in ("word", "set"):
            n += 0 if e.text in DETERMINERS else 1
        elif e.kind == "prep":
            n += 1 + _size(e.items)
        elif e.kind == "phrase":
            n += _size(e.items)
    return n


def _constraint(p: VerbPattern, verbs: PetrarchVerbs) -> Constraint:
    modifiers: tuple[frozenset[str], ...] = ()
    options: tuple[tuple[frozenset[str], tuple[frozenset[str], ...]], ...] = ()
    preps: list[tuple[str, frozenset[str] | None]] = []
    seen_object = False
    for e in p.after:
        if e.kind == "prep" and e.text:
            inner = [x for x in e.items if x.kind in ("word", "phrase", "set")]
            heads = _heads(inner[0], verbs) if inner else None
            if heads is not None:
                heads = heads | _first_words(inner[0], verbs)  # '(FOR &ECONSANCT)': 'for a total boycott'
            preps.append((e.text, heads))
            if inner and inner[0].kind == "set" and not seen_object and not options:
                options = _set_options(inner[0].text, verbs)  # '(FOR &ECONSANCT)'
                seen_object = True
        elif e.kind in ("word", "phrase", "set") and not seen_object:
            if e.kind == "word" and (e.text in DETERMINERS or e.text in PARTICLES):
                continue
            seen_object = True
            if e.kind == "phrase":
                items = [x for x in e.items if x.kind in ("word", "set") and x.text not in DETERMINERS]
                modifiers = tuple(w for w in (_words(x, verbs) for x in items[:-1]) if w)
            elif e.kind == "set":
                options = _set_options(e.text, verbs)
    source_after = target_after = None
    skips = 0
    for i, e in enumerate(p.after):
        for x in (e, *e.items):
            if x.kind == "skip":
                skips += 1
            elif x.kind == "source" and source_after is None:
                source_after = skips
        if e.kind == "target" and skips and target_after is None and (i == 0 or p.after[i - 1].kind != "word"):
            target_after = skips  # 'IFTAR (AT ^ ^) +': the target is the actor after the skipped ones
    before = _before_words(tuple(e for e in p.before if not (e.kind == "word" and e.text.endswith(ADVERB_SUFFIX)
                                                               and len(p.before) == 1)), verbs)
    return Constraint(modifiers, tuple(preps), _size(p.before) + _size(p.after), before, source_after,
                      target_after, options)


def _first_words(elem: Element, verbs: PetrarchVerbs) -> frozenset[str]:
    """The words a phrase or a set's several-word members begin with ('{NEW TIES}' -> new)."""
    if elem.kind == "phrase":
        words = [w for x in elem.items if x.kind == "word" for w in x.text.split() if w not in DETERMINERS]
        return frozenset(words[:1])
    if elem.kind == "set":
        out: set[str] = set()
        for member in verbs.members(elem.text):
            words = [w for x in member if x.kind == "word" for w in x.text.split() if w not in DETERMINERS]
            out.update(words[:1])
        return frozenset(out)
    return frozenset()


def _set_options(name: str, verbs: PetrarchVerbs) -> tuple[tuple[frozenset[str], tuple[frozenset[str], ...]], ...]:
    """A set used as the object, when some member has several words ('&ECONSANCT': +TOTAL BOYCOTT): each member's
    head words and the words it needs in front of the head; () when every member is one word."""
    out = []
    for member in verbs.members(name):
        words = [w for e in member if e.kind == "word" for w in e.text.split() if w not in DETERMINERS]
        if not words:
            return ()  # a member the constraint cannot spell out: no constraint
        out.append((_variants(words[-1]), tuple(frozenset({w}) for w in words[:-1])))
    return tuple(out) if any(mods for _, mods in out) else ()


def _before_words(elems: tuple[Element, ...], verbs: PetrarchVerbs) -> tuple[frozenset[str], ...]:
    """The words of pattern elements in front of the verb, each as the words it allows, in order."""
    out: list[frozenset[str]] = []
    for e in elems:
        if e.kind in ("word", "set"):
            if e.kind == "word" and " " in e.text:
                out += [frozenset({w}) for w in e.text.split()]
            else:
                w = _words(e, verbs)
                if w:
                    out.append(w)
        elif e.kind == "phrase":
            out += _before_words(e.items, verbs)
        elif e.kind == "prep" and e.text:
            out += [frozenset({w}) for w in e.text.split()]
            out += _before_words(e.items, verbs)
    return tuple(out)


class PetrarchDictionary(EventDictionary):
    """eventline's dictionary model filled from PETRARCH files, plus the verb forms the files spell out
    ('BEGAN', 'BEGUN') and the paired codes of '[a:b]' patterns (`paired`: pattern -> code of the event back)."""

    extra_forms: dict[str, str]
    paired: dict[Pattern, str]
    compound: set[Pattern]
    ontology: Any = None  # ontology.Ontology when the folder has a PICO file: negated events are recoded
    constraints: dict[Pattern, Constraint]  # what a pattern asks for beyond eventline's model
    form_defaults: dict[str, Pattern]  # the default of a verb form the file lists as a verb of its own ('LEFT')
    form_only: dict[Pattern, frozenset[str]]  # such a default: the forms it is for

    def compile(self) -> None:
        super().compile()
        for form, lemma in getattr(self, "extra_forms", {}).items():
            self.verb_forms.setdefault(form, lemma)
        for lemma in list(self.verbs):
            if lemma.endswith("e") and " " not in lemma:
                self.verb_forms.setdefault(lemma + "d", lemma)  # 'freed', 'agreed'
                self.verb_forms.setdefault(lemma + "s", lemma)


def _lemma_of(word: str) -> str:
    """The lemma for a verb the dictionary spells inflected ('LEFT' -> 'leave', 'SAW' -> 'see')."""
    for lemma, forms in IRREGULAR.items():
        if word in forms:
            return lemma
    return word


def _heads(elem: Element, verbs: PetrarchVerbs) -> frozenset[str] | None:
    """The head words an object element allows (a word, a phrase's last item, a set's members' heads)."""
    if elem.kind == "word":
        return _variants(elem.text.split()[-1])
    if elem.kind == "phrase":
        words = [e for e in elem.items if e.kind in ("word", "set")]
        return _heads(words[-1], verbs) if words else None
    if elem.kind == "set":
        out: set[str] = set()
        for member in verbs.members(elem.text):
            words = [e for e in member if e.kind in ("word", "phrase")]
            if words:
                h = _heads(words[-1], verbs)
                if h:
                    out |= h
        return frozenset(out) or None
    return None


def _variants(word: str) -> frozenset[str]:
    """A noun and its plural/singular, so that 'TIES' matches 'tie' lemmas and 'RESOLUTION' 'resolutions'."""
    out = {word}
    if word.endswith("s") and not word.endswith("ss"):
        out.add(word[:-1])
        if word.endswith("ies"):
            out.add(word[:-3] + "y")
        elif word.endswith("es"):
            out.add(word[:-2])
    else:
        out.add(plural(word))
    return frozenset(out)


def _translate(p: VerbPattern, entry: VerbEntry, verbs: PetrarchVerbs) -> Pattern | None:
    """One PETRARCH pattern on one verb -> an eventline Pattern, or None when the model cannot hold it."""
    particle = entry.particle
    objects: frozenset[str] | None = None
    adverbs: frozenset[str] | None = None
    preps: list[str] = []
    if any(e.kind == "target" for e in p.before) and not any(
            x.kind == "source" for e in p.after for x in (e, *e.items)):
        return None  # a target in front of the verb with the source not after it
    for e in p.before:
        if e.kind in ("compound", "skip", "target", "source"):
            continue  # words in front of the verb: `Constraint.before`; '+' there: `Constraint.source_after`
        if e.kind == "word" and e.text.endswith(ADVERB_SUFFIX) and " " not in e.text and len(p.before) == 1:
            # a lone adverb in front of the verb ('HEAVILY *', 'RECENTLY *'): the reference coders do not match
            # it (the validation records code 'was heavily criticized', 'recently allowed' with the default)
            return None
        if e.kind == "prep" and any(x.kind == "source" for x in e.items):
            return None  # '(DESPITE $) *': a source inside a phrase
        if e.kind == "prep" and not any(x.kind in ("word", "phrase", "set") for x in e.items) and len(p.before) == 1:
            return None  # '(IN) *': the verb as the object of a preposition, a noun, which PETRARCH does not code
        if not _before_words((e,), verbs):
            return None
    after = list(p.after)
    for i, e in enumerate(after):
        if e.kind in ("target", "skip", "compound", "source"):
            continue  # a source after the verb: `Constraint.source_after`
        if e.kind == "word" and e.text in DETERMINERS:
            continue
        if e.kind == "word" and i + 1 < len(after) and after[i + 1].kind == "target" and " " not in e.text:
            e = Element("prep", e.text, (Element("target"),))  # 'ABOUT +': the target follows the word
        if e.kind == "prep":
            if e.text in ("", None):
                return None
            inner = [x for x in e.items if x.kind in ("word", "phrase", "set")]
            skip = any(x.kind == "skip" for x in e.items)
            if objects is not None or particle is not None:
                # a phrase after the object hangs on the object: where the target is ('ATTACK (BY)')
                if inner and objects is None:
                    objects = _heads(inner[0], verbs)  # a phrasal verb's '(OVER &MONEY)'
                elif not skip and not inner and e.text not in preps:
                    preps.append(e.text)
                continue
            if skip and any(x.kind == "prep" and any(y.kind == "target" for y in x.items) for x in after[i + 1:]):
                continue  # '(AT ^) (WITH +)': the target is in the later phrase
            particle = e.text
            if inner:
                objects = _heads(inner[0], verbs)
            continue
        if e.kind == "word" and e.text in PARTICLES and particle is None and objects is None:
            particle = e.text
            continue
        if e.kind == "word" and e.text.endswith(ADVERB_SUFFIX) and objects is not None:
            adverbs = frozenset({e.text})
            continue
        if objects is None:
            objects = _heads(e, verbs)
            if objects is None:
                return None
            continue
        # a second object word ('DEPLOYMENT (OF &PKO)' is fine, 'TABASKI ^ $' is not): ignore extra words
    code, _, back = p.code.partition(":")
    return Pattern(code.strip(), _lemma_of(entry.word), particle, objects, None, tuple(preps), adverbs, p.text,
                   "petrarch"), back.strip() or None  # type: ignore[return-value]


def to_dictionary(verbs: PetrarchVerbs, name: str = "petrarch") -> PetrarchDictionary:
    """The verb blocks as eventline patterns: each verb gets the block's patterns, then its default code."""
    d = PetrarchDictionary.__new__(PetrarchDictionary)
    d.verbs, d.nouns, d.wrappers, d.discards, d.political, d.name = {}, {}, {}, {}, frozenset(), name
    d.extra_forms, d.paired, d.compound, d.constraints, d.form_defaults, d.form_only = {}, {}, set(), {}, {}, {}
    seen: set[tuple[str, str | None, str]] = set()
    defaults: list[tuple[Pattern, str | None]] = []
    for block in verbs.blocks:
        for entry in block.verbs:
            if not entry.word:
                continue
            lemma = _lemma_of(entry.word)
            for form in entry.forms:
                d.extra_forms.setdefault(form, lemma)
            if lemma != entry.word:
                d.extra_forms.setdefault(entry.word, lemma)
            for p in block.patterns:
                got = _translate(p, entry, verbs)
                if got is None:
                    verbs.skipped.append(f"{entry.word}: {p.text}")
                    continue
                pat, back = got  # type: ignore[misc]
                key = (pat.lemma, pat.particle, pat.text)
                if key in seen:
                    continue
                seen.add(key)
                d.add(pat)
                d.constraints[pat] = _constraint(p, verbs)
                if back:
                    d.paired[pat] = back
                if any(e.kind == "compound" for e in p.before + p.after):
                    d.compound.add(pat)
            code = entry.code or block.code or NULL_CODE
            main, _, back = code.partition(":")
            default = Pattern(main.strip(), lemma, entry.particle, None, None, (), None,
                              f"{entry.word.upper()} [{code}]", "petrarch")
            defaults.append((default, back.strip() or None))
            if lemma != entry.word and entry.particle is None:
                # a verb spelled inflected ('LEFT [042:043]' next to 'LEAVE [012]', 'SAW [010]'): that form's own
                # default, which other forms of the lemma ('seen') do not take
                d.form_defaults.setdefault(entry.word, default)
                d.form_only[default] = frozenset({entry.word, *entry.forms})
                if back.strip():
                    d.paired[default] = back.strip()
    given: set[tuple[str, str | None]] = set()
    for pat, back in defaults:
        if (pat.lemma, pat.particle) in given:
            continue  # the first block that names a verb gives its default code
        given.add((pat.lemma, pat.particle))
        d.add(pat)
        if back:
            d.paired[pat] = back
    d.compile()
    return d


def load_verbs(path: str | Path) -> PetrarchVerbs:
    return parse_verbs(Path(path).read_text(encoding="utf-8", errors="replace"))
