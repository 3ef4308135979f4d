"""Numeric claims: quantities stated in the news, what they count, who claims them, and where claimants disagree.

`extract_claims` runs during ingest on a parsed document (the Pipeline calls it); it returns rows for the store's
`claims` table. `claim_groups` reads them back, groups claims about the same thing and flags the groups whose
claimants disagree. See docs/analysis.md for the rules. Uses the parse (dependencies, lemmas, tags), never
named-entity labels, and knows nothing of event coding.

Claim dict keys (the `claims` table columns): id, doc_id, sentence_index, text, span, value, qualifier, counted,
subject_key, claimant (entity dict or None), date; beyond the columns (the store keeps them in `extra`): facet,
number, number_span, verb, claimant_text, refers_to, anaphoric.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
from bisect import bisect_right
from datetime import date
from functools import lru_cache
from typing import Any

from spacy.attrs import IS_PUNCT, LEMMA, LOWER, ORTH, POS
from spacy.symbols import AUX as AUX_ID
from spacy.symbols import VERB as VERB_ID
from spacy.tokens import Doc, Span, Token

from eventline.actors import ActorResolver, MentionIndex
from eventline.ingest import Document
from eventline.nlp.arrays import doc_arrays
from eventline.nlp.spans import sentence_starts, span_text

# ---- numbers ---------------------------------------------------------------------------------------------------

_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "dozen": 12,
}
_SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
           "trillion": 1_000_000_000_000}
_MONTHS = {
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "january",
    "february", "march", "april", "june", "july", "august", "september", "october", "november", "december",
}
_TIME_UNITS = {
    "second", "minute", "hour", "day", "week", "month", "year", "decade", "century", "time", "am", "pm",
    "o'clock", "yr", "weekend", "night", "morning", "round", "term",
}


def number_value(words: list[str]) -> float | None:
    """The value of a number written in digits or words: '17', '1,500', '1.5 million', 'twenty-five', 'five'."""
    total, current, seen = 0.0, 0.0, False
    for raw in words:
        w = raw.lower().replace(",", "")
        if w in ("a", "an", "and"):
            continue
        parts = w.split("-")
        if all(p in _UNITS for p in parts) and parts:
            current += sum(_UNITS[p] for p in parts)
        elif w in _SCALES:
            current = (current or 1) * _SCALES[w]
            if _SCALES[w] >= 1000:
                total, current = total + current, 0.0
        elif re.fullmatch(r"\d+(\.\d+)?", w):
            current += float(w)
        else:
            return None
        seen = True
    return total + current if seen else None


def _is_number(tok: Token) -> bool:
    return _is_number_word(tok.lower_)


@lru_cache(maxsize=65536)
def _is_number_word(lower: str) -> bool:
    w = lower.replace(",", "")
    if re.fullmatch(r"\d+(\.\d+)?", w):
        return True
    return all(p in _UNITS for p in w.split("-")) or w in _SCALES


# ---- qualifiers ------------------------------------------------------------------------------------------------

LOWER_BOUND = ("at least", "more than", "over", "no fewer than", "no less than", "upwards of", "just over",
               "in excess of", "or more")
UPPER_BOUND = ("up to", "at most", "less than", "fewer than", "under", "no more than", "just under", "as many as",
               "or fewer")
APPROXIMATE = ("about", "around", "approximately", "roughly", "nearly", "almost", "some", "an estimated",
               "estimated", "close to", "an approximate", "more or less")
EXACT = ("exactly", "only", "just", "precisely")
_QUALIFIERS = sorted(LOWER_BOUND + UPPER_BOUND + APPROXIMATE + EXACT, key=lambda q: -len(q.split()))


def interval(value: float, qualifier: str | None) -> tuple[float, float]:
    """The values a qualified number allows: 'at least 10' -> [10, inf), 'about 10' -> [8.5, 11.5]."""
    if qualifier in LOWER_BOUND:
        return value, math.inf
    if qualifier in UPPER_BOUND:
        return 0.0, value
    if qualifier in APPROXIMATE:
        return value * 0.85, value * 1.15
    return value, value


def _qualifier(doc: Doc, start: int, end: int) -> str | None:
    lower = doc_arrays(doc).strings(LOWER)
    before = lower[max(0, start - 3): start]
    for q in _QUALIFIERS:
        words = q.split()
        if q.startswith("or "):
            continue
        if before[-len(words):] == words:
            return q
    after = " ".join(lower[end: end + 4])
    for q in ("or more", "or fewer"):
        if re.search(rf"^(\w+ ){{0,2}}{q}\b", after):
            return q
    return None


# ---- what is counted -------------------------------------------------------------------------------------------

# Lemmas that say what happened to what is counted. Several words map to one label, so that claims made in
# different words ('kidnapped', 'abducted', 'abductees') about the same set are grouped together.
CONCEPTS = {
    "abduct": "abducted", "kidnap": "abducted", "abductee": "abducted", "abduction": "abducted",
    "kidnapping": "abducted", "hostage": "held hostage",
    "kill": "killed", "killing": "killed", "murder": "killed",
    "die": "dead", "dead": "dead", "death": "dead", "fatality": "dead", "toll": "dead",
    "injure": "injured", "wound": "injured", "injury": "injured", "casualty": "casualties",
    "arrest": "detained", "detain": "detained", "detainee": "detained", "imprison": "detained",
    "jail": "detained", "prisoner": "detained", "capture": "detained",
    "displace": "displaced", "refugee": "displaced", "flee": "displaced", "evacuate": "evacuated",
    "missing": "missing", "disappear": "missing",
    "release": "released", "free": "released", "return": "returned", "repatriate": "returned",
    "execute": "executed", "rescue": "rescued",
    "launch": "launched", "fire": "fired", "deploy": "deployed", "protester": "protesting",
    "demonstrator": "protesting", "protest": "protesting",
}
# Labels that define a set of their own ('30 people were killed'); the others are usually facts about a set
# already named ('five of them returned').
DEFINING = {"abducted", "held hostage", "killed", "dead", "injured", "casualties", "detained", "displaced",
            "evacuated", "missing", "executed", "launched", "fired", "deployed", "protesting"}
PERSONS = {
    "people", "person", "citizen", "national", "civilian", "resident", "man", "woman", "child", "worker",
    "student", "soldier", "troop", "member", "prisoner", "journalist", "migrant", "refugee", "hostage", "victim",
    "abductee", "detainee", "protester", "demonstrator", "individual", "family", "fisherman", "sailor", "crew",
    "villager", "passenger", "tourist", "official", "diplomat", "activist", "casualty", "fatality", "others",
}
SPEECH = {
    "say", "tell", "state", "claim", "insist", "believe", "recognize", "recognise", "admit", "acknowledge",
    "report", "announce", "estimate", "confirm", "deny", "assert", "allege", "argue", "maintain", "think",
    "add", "note", "put", "count", "accuse", "charge", "reveal", "disclose", "declare", "suggest", "show",
    "indicate", "testify", "warn", "explain", "write",
}


def _lemma(tok: Token) -> str:
    return (tok.lemma_ or tok.text).lower()


_INFLECTION = re.compile(r"(s|es|d|ed|[a-z]ed|ing|[a-z]ing|ee|ees)?")


def _lookup(tok: Token, table: dict[str, str] | set[str]) -> str | None:
    """The table key for a word: by lemma, by form, or by a key the form inflects ('kidnapped' -> 'kidnap'), so
    that a lemmatiser's slip ('kidnapp') does not lose the word."""
    return _key_of_forms(_lemma(tok), tok.lower_, table)


def _key_of_forms(lemma: str, lower: str, table: dict[str, str] | set[str]) -> str | None:
    """`_lookup` from a word's lower-cased lemma and lower-cased form."""
    for form in (lemma, lower):
        if form in table:
            return form
    for form in (lower, lemma):
        for n in range(len(form) - 1, 3, -1):
            if form[:n] in table and _INFLECTION.fullmatch(form[n:]):
                return form[:n]
    return None


def _concept(tok: Token | None) -> str | None:
    if tok is None:
        return None
    key = _lookup(tok, CONCEPTS)
    return CONCEPTS[key] if key else None


@lru_cache(maxsize=65536)
def _concept_of(lemma: str, text: str, lower: str) -> str | None:
    """`_concept` of a token from its strings (lemma, text, lower case), cached by them."""
    key = _key_of_forms((lemma or text).lower(), lower, CONCEPTS)
    return CONCEPTS[key] if key else None


def _is_speech(tok: Token) -> bool:
    return tok.pos_ in ("VERB", "AUX") and _lookup(tok, SPEECH) is not None


def _noun_class(tok: Token) -> str:
    lemma = _lemma(tok)
    if lemma in PERSONS or tok.lower_ in PERSONS:
        return "persons"
    if tok.text[:1].isupper() and tok.pos_ in ("PROPN", "ADJ", "NOUN"):
        return "persons"  # a demonym used as a noun: '17 Japanese', 'three Americans'
    return lemma


def _counted_phrase(noun: Token) -> str:
    left = [c for c in noun.lefts if c.dep_ in ("amod", "compound", "nmod") and not _is_number(c)]
    start = min([c.i for c in left] + [noun.i])
    return noun.doc[start: noun.i + 1].text


def _is_negated(verb: Token) -> bool:
    return any(c.dep_ == "neg" or c.lower_ in ("never", "not", "n't", "no") for c in verb.children)


def _predicate(tok: Token) -> Token | None:
    """The verb that says what happened to what the number counts ('kidnapped', 'returned', 'died')."""
    for child in tok.children:
        if child.dep_.startswith(("acl", "relcl")) and child.pos_ in ("VERB", "AUX"):
            return child
    head = tok.head
    hops = 0
    while head is not None and hops < 3 and head.i != tok.i:
        if head.pos_ in ("VERB", "AUX"):
            if _is_speech(head):
                # 'recognizes 17 people as having been kidnapped': the predicate hangs off the speech verb
                for child in head.subtree:
                    if child.i != head.i and child.pos_ == "VERB" and _concept(child) and child.i > tok.i:
                        return child
            return head
        if head.dep_ == "ROOT" or head.head.i == head.i:
            break
        head = head.head
        hops += 1
    return None


def _according_to(sent: Span) -> Token | None:
    """X in 'according to X' (UD: X is the head of 'according'; older schemes: the object of 'to')."""
    for t in sent:
        if t.lower_ == "according" and t.i + 1 < sent.end and t.nbor().lower_ == "to":
            if t.dep_ in ("case", "mark") and t.head.i != t.i and t.head.pos_ in ("NOUN", "PROPN"):
                return t.head
            for grand in t.subtree:
                if grand.dep_ in ("pobj", "obj") and grand.pos_ in ("NOUN", "PROPN"):
                    return grand
    return None


def _subject_before(verb: Token) -> Token | None:
    """The noun phrase just before a verb ('the North insists'), for parses that missed the subject."""
    k = verb.i - 1
    while k >= verb.sent.start and verb.doc[k].pos_ in ("ADV",):
        k -= 1
    if k >= verb.sent.start and verb.doc[k].pos_ in ("PROPN", "NOUN", "PRON"):
        return verb.doc[k]
    return None


def _speaker(tok: Token, sent: Span | None = None) -> Token | None:
    """Who the number is ascribed to: the subject of the nearest speech or belief verb above it in the parse,
    else the X of 'according to X', else the subject of a speech verb shortly before it in the same clause.
    `sent`: the token's sentence, when the caller has it."""
    node = tok
    seen = set()
    while node.i not in seen:
        seen.add(node.i)
        if _is_speech(node):
            for child in node.children:
                if child.dep_.startswith("nsubj") and child.i != tok.i and not child.is_ancestor(tok):
                    return child
        if node.head.i == node.i:
            break
        node = node.head
    if sent is None:
        sent = tok.sent
    # (only a sentence with the word 'according' is walked token by token)
    according = _according_to(sent) if "according" in doc_arrays(tok.doc).strings(LOWER)[sent.start:sent.end] \
        else None
    if according is not None:
        return according
    for k in range(tok.i - 1, max(sent.start, tok.i - 10) - 1, -1):
        t = tok.doc[k]
        if t.text in (",", ";", ":") or t.lower_ in ("but", "however", "while", "whereas"):
            break
        if _lookup(t, SPEECH) and t.pos_ in ("VERB", "AUX", "NOUN"):
            subject = next((c for c in t.children if c.dep_.startswith("nsubj")), None)
            return subject or _subject_before(t)
    return None


def _phrase(head: Token) -> Span:
    start = head.left_edge.i
    end = head.i + 1
    for child in head.rights:
        if child.dep_ in ("compound", "flat", "nmod") or (child.dep_ == "prep" and child.lower_ == "of"):
            end = child.right_edge.i + 1
        else:
            break
    return head.doc[start:end]


def _claimant(head: Token, index: MentionIndex, resolver: ActorResolver, when: date | None) -> dict[str, Any]:
    mention = index.at(head.i)
    if mention is None:
        phrase = _phrase(head)
        for t in phrase:
            mention = index.at(t.i)
            if mention is not None:
                break
    if mention is not None and mention.resolved:
        return mention.entity()
    phrase = _phrase(head)
    text = phrase.text
    lookup = getattr(resolver, "lookup", None)
    if callable(lookup):
        found = lookup(text, when)
        if found is not None:
            if isinstance(found, dict):
                entity = dict(found)
            elif hasattr(found, "entity"):
                entity = found.entity()
            else:
                entity = {"code": str(found), "country": str(found)[:3] if len(str(found)) >= 3 else None,
                          "sector": None, "name": None}
            entity.update({"text": text, "start": phrase.start_char, "end": phrase.end_char})
            return entity
    return {"text": text, "code": "UNK", "country": None, "sector": None, "name": None,
            "start": phrase.start_char, "end": phrase.end_char}


def _looks_like_sentence(sent: Span) -> bool:
    text = span_text(sent).strip()
    return bool(text) and text[-1] in ".!?\"'”’)" and not _VERBAL_POS.isdisjoint(
        doc_arrays(sent.doc).ints(POS)[sent.start:sent.end])


_VERBAL_POS = frozenset({int(VERB_ID), int(AUX_ID)})


def _is_date_or_time(doc: Doc, start: int, end: int, value: float) -> bool:
    view = doc_arrays(doc)
    lower, texts = view.strings(LOWER), view.strings(ORTH)
    near = [w.rstrip(".") for w in lower[max(0, start - 2): min(len(doc), end + 2)]]
    if any(w in _MONTHS for w in near):
        return True
    if end < len(doc) and texts[end] in (":", "h") or (start > 0 and texts[start - 1] == ":"):
        return True
    first = texts[start]
    if re.fullmatch(r"1[5-9]\d\d|20\d\d", first) and end - start == 1:
        head = doc[start].head
        return not (doc[start].dep_ == "nummod" and head.tag_ in ("NNS", "NNPS"))
    return False


def _number_spans(doc: Doc) -> list[tuple[int, int]]:
    # from the doc's LOWER and IS_PUNCT arrays: building a Token for each of a long article's words costs more
    # than the rest of the claims reader
    n = len(doc)
    if not n:
        return []
    view = doc_arrays(doc)
    lower = view.strings(LOWER)
    number = list(map(_is_number_word, lower))
    spans = []
    i = 0  # the first token not yet in a span
    for k in [k for k, (is_number, punct) in enumerate(zip(number, view.ints(IS_PUNCT), strict=True))
              if is_number and not punct]:
        if k < i:
            continue
        j = k + 1
        # 'and' continues a number only after a scale word ('two hundred and five'), never after digits
        # or another unit word ('returned in 2002 and eight have died', 'five and six' are two numbers)
        while j < n and (number[j] or (lower[j] == "and" and j + 1 < n and lower[j - 1] in _SCALES
                                       and lower[j + 1] in _UNITS)):
            j += 1
        spans.append((k, j))
        i = j
    return spans


def _iso(value: Any) -> str | None:
    if isinstance(value, date):
        return value.isoformat()
    return str(value)[:10] if value else None


def extract_claims(spacy_doc: Doc, document: Document, resolver: ActorResolver) -> list[dict[str, Any]]:
    """Numeric claims in a parsed document, in text order (rows for the store's `claims` table)."""
    doc = spacy_doc
    when = document.pub_date if isinstance(document.pub_date, date) else None
    try:
        mentions = resolver.resolve(doc, when)
    except Exception:  # the resolver is another stage; a failure there must not lose the events
        mentions = []
    index = MentionIndex(list(mentions))
    starts = sentence_starts(doc)
    sentence_index = {start: k for k, start in enumerate(starts)}
    # sentences from the SENT_START array (what Token.sent reads) unless a hook defines them
    by_starts = doc.has_annotation("SENT_START") and not doc.user_hooks and not doc.user_span_hooks
    ends = [*starts[1:], len(doc)]
    looks: dict[int, bool] = {}
    view = doc_arrays(doc)
    texts = view.strings(ORTH)
    claims: list[dict[str, Any]] = []
    for start, end in _number_spans(doc):
        value = number_value(texts[start:end])
        if value is None:
            continue
        num = doc[end - 1]
        if by_starts:
            k = bisect_right(starts, end - 1) - 1
            sent = doc[starts[k]:ends[k]]
        else:
            sent = num.sent
        looks_like = looks.get(sent.start)
        if looks_like is None:
            looks_like = looks[sent.start] = _looks_like_sentence(sent)
        if not looks_like or _is_date_or_time(doc, start, end, value):
            continue
        if num.lower_ == "one" and num.dep_ != "nummod":
            continue
        # what is counted
        noun: Token | None = None
        anaphoric = False
        head = num.head
        if num.dep_ in ("nummod", "quantmod", "amod", "compound") and head.i != num.i and \
                head.pos_ in ("NOUN", "PROPN", "ADJ", "PRON", "SYM"):
            noun = head
        if noun is not None and noun.pos_ == "PRON":
            noun, anaphoric = None, True
        if noun is None:
            for child in num.children:
                if child.dep_ == "prep" and child.lower_ == "of":
                    pobj = [g for g in child.children if g.dep_ == "pobj"]
                    if pobj and pobj[0].pos_ != "PRON":
                        noun = pobj[0]
                elif child.dep_ == "nmod" and child.pos_ in ("NOUN", "PROPN") and \
                        any(g.dep_ == "case" and g.lower_ == "of" for g in child.children):
                    noun = child
            if noun is None:
                anaphoric = True
        if noun is not None and (_lemma(noun) in _TIME_UNITS or noun.lower_ in _TIME_UNITS):
            continue
        if noun is not None and start > 0 and doc[start - 1].lower_ in ("the", "these", "those", "both") and \
                not _concept(noun):
            continue  # 'the two countries': a reference to things already named, not a count
        anchor = noun if noun is not None else num
        verb = _predicate(anchor)
        verb_concept = _concept(verb)
        negated = verb is not None and _is_negated(verb)
        facet: str | None = None
        refers_to: str | None = None
        if noun is not None:
            noun_concept = _concept(noun)
            noun_class = _noun_class(noun)
            counted = _counted_phrase(noun)
            if noun_concept:
                subject = f"{noun_concept} {noun_class}"
                if verb_concept and verb_concept != noun_concept:
                    facet = verb_concept
            elif verb_concept:
                subject = f"{verb_concept} {noun_class}"
            else:
                # fall back to the nearest word in the sentence that says what happened
                noun_i = noun.i
                lemmas, lowers, pos = view.strings(LEMMA), view.strings(LOWER), view.strings(POS)
                near = sorted((i for i in range(sent.start, sent.end) if pos[i] in ("VERB", "NOUN", "ADJ")
                               and _concept_of(lemmas[i], texts[i], lowers[i])), key=lambda i: abs(i - noun_i))
                subject = f"{_concept_of(lemmas[near[0]], texts[near[0]], lowers[near[0]])} {noun_class}" \
                    if near and abs(near[0] - noun_i) <= 8 else noun_class
        else:
            # an anaphoric number ('killing 13 of them') refers to the latest claim of the two sentences before
            if not claims or claims[-1]["sentence_index"] < sentence_index.get(sent.start, 0) - 2:
                continue
            antecedent = claims[-1]
            subject, counted, refers_to = antecedent["subject_key"], antecedent["counted"], antecedent["id"]
            facet = verb_concept or (_lemma(verb) if verb is not None else None)
        if facet and negated:
            facet = f"not {facet}"
        speaker = _speaker(num, sent if by_starts else None)
        claimant = _claimant(speaker, index, resolver, when) if speaker is not None else None
        first = doc[start]
        claim_id = "cl-" + hashlib.sha1(f"{document.id}|{first.idx}".encode()).hexdigest()[:16]
        claims.append({
            "id": claim_id,
            "doc_id": document.id,
            "sentence_index": sentence_index.get(sent.start, 0),
            "text": span_text(sent),
            "span": [sent.start_char, sent.end_char],
            "value": value,
            "qualifier": _qualifier(doc, start, end),
            "counted": counted,
            "subject_key": subject,
            "claimant": claimant,
            "date": _iso(document.pub_date),
            "facet": facet,
            "number": span_text(doc[start:end]),
            "number_span": [first.idx, doc[end - 1].idx + len(doc[end - 1].text)],
            "verb": _lemma(verb) if verb is not None else None,
            "claimant_text": claimant["text"] if claimant else None,
            "refers_to": refers_to,
            "anaphoric": anaphoric,
        })
    return claims


# ---- reading claims back ---------------------------------------------------------------------------------------

def claimant_key(claimant: dict[str, Any] | None) -> str:
    """Who a claim is counted under when comparing claimants: country, else actor code, else the words."""
    if not claimant:
        return "unattributed"
    if claimant.get("country"):
        return claimant["country"]
    if claimant.get("code") and claimant["code"] != "UNK":
        return claimant["code"]
    return (claimant.get("text") or "unattributed").lower()


def claim_rows(con: Any) -> list[dict[str, Any]]:
    """Every stored claim as a dict (extra merged in), in document and text order."""
    from eventline.analysis.records import _has_table, connect

    con = connect(con)
    if not _has_table(con, "claims"):
        return []
    cols = ["id", "doc_id", "sentence_index", "text", "span", "value", "qualifier", "counted", "subject_key",
            "claimant", "date", "extra"]
    rows = con.execute(f"SELECT {', '.join(cols)} FROM claims ORDER BY date, doc_id, span[1], id").fetchall()
    out = []
    for row in rows:
        rec = dict(zip(cols, row, strict=True))
        extra = rec.pop("extra")
        if isinstance(extra, str):
            try:
                extra = json.loads(extra)
            except ValueError:
                extra = {}
        extra = extra or {}
        if isinstance(extra.get("extra"), dict):  # written with the extras nested under 'extra'
            extra = {**extra.pop("extra"), **extra}
        rec["facet"] = extra.get("facet")
        rec["number_span"] = extra.get("number_span")
        rec["date"] = _iso(rec["date"])
        out.append(rec)
    return out


def _display(value: float) -> float | int:
    return int(value) if float(value).is_integer() else value


def group_claims(claims: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Claims grouped by subject; a group is disputed when two claimants give incompatible values for the same
    facet (qualifiers taken into account: 'at least 10' and 12 agree)."""
    groups: dict[str, list[dict[str, Any]]] = {}
    for c in claims:
        if c.get("value") is None:
            continue
        groups.setdefault(c.get("subject_key") or c.get("counted") or "?", []).append(c)
    out = []
    for subject, members in groups.items():
        disputes = []
        by_facet: dict[str | None, list[dict[str, Any]]] = {}
        for c in members:
            by_facet.setdefault(c.get("facet"), []).append(c)
        for facet, cs in by_facet.items():
            conflicting: dict[str, set[float]] = {}
            for x in cs:
                for y in cs:
                    kx, ky = claimant_key(x.get("claimant")), claimant_key(y.get("claimant"))
                    if kx >= ky:
                        continue
                    (lx, hx), (ly, hy) = interval(x["value"], x.get("qualifier")), interval(y["value"],
                                                                                          y.get("qualifier"))
                    if hx < ly or hy < lx:
                        conflicting.setdefault(kx, set()).add(_display(x["value"]))
                        conflicting.setdefault(ky, set()).add(_display(y["value"]))
            if conflicting:
                disputes.append({"facet": facet,
                                 "values": {k: sorted(v) for k, v in sorted(conflicting.items())}})
        out.append({
            "subject": subject,
            "disputed": bool(disputes),
            "disputes": disputes,
            "claimants": sorted({claimant_key(c.get("claimant")) for c in members}),
            "claims": [
                {
                    "id": c.get("id"),
                    "value": _display(c["value"]),
                    "qualifier": c.get("qualifier"),
                    "counted": c.get("counted"),
                    "facet": c.get("facet"),
                    "claimant": c.get("claimant"),
                    "claimant_key": claimant_key(c.get("claimant")),
                    "date": c.get("date"),
                    "text": c.get("text"),
                    "doc_id": c.get("doc_id"),
                    "span": c.get("span"),
                    "number_span": c.get("number_span"),
                }
                for c in members
            ],
        })
    out.sort(key=lambda g: (not g["disputed"], -len(g["claims"]), g["subject"]))
    return out


def claim_groups(con: Any) -> list[dict[str, Any]]:
    """Stored claims grouped by what they count, disputed groups first (then the largest)."""
    return group_claims(claim_rows(con))
