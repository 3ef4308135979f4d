"""Implicit recipients: the recipient an event record leaves empty (or unresolved), read from the rest of its
sentence, the way news and event coders read it.

When the coder finds no resolved recipient, the sentence usually names it anyway:
  1. another actor mention under the event's words (the trigger's phrase or clause: its objects, modifiers
     and subordinate clauses) that is not the actor and lies outside the actor's own phrase and outside the
     attribution ('Norway is willing to help defend Saudi Arabia' -> SAU; 'Serbia's suppression of ...' ->
     SRB; 'rejected a U.S. request' -> USA; 'Israeli air raids' -> ISR); the first in text order, with the
     mentions coordinated with it ('Iraq and Libya');
  2. else the place the sentence puts the event in: under the event's words, in the actor's phrase or in a
     clause that governs the event ('demonstrators in Baghdad', 'an embassy in Tehran');
  3. else, for domestic events (protests and demands of a country's own people, concessions, arrests,
     curfews and crackdowns by its government or police), the actor's own country.
Mentions inside the attribution ('..., a Croatian official said', 'according to the Washington Post', 'Thai
military sources said') and the speakers the coder found (`said_by`) are never recipients. A recipient whose
code is the actor's is never inferred (no self-events).

Each inferred entity carries `"inferred": "sentence" | "place" | "domestic"` (the schema's entity allows extra
properties) and the words it was read from as its text and offsets.

Knows nothing about dictionaries or how the coder found the event: it reads a finished record, its spaCy
sentence and the document's actor mentions.
"""

from __future__ import annotations

import re
from typing import Any

from spacy.tokens import Span, Token

from eventline.actors import ActorMention, MentionIndex
from eventline.coding import frames as F

# Verbs whose clause attributes the news to someone ('X said', 'reported', 'told reporters').
SPEECH_LEMMAS = frozenset({"say", "tell", "report", "add", "state", "quote", "confirm", "write", "note", "cite",
                           "announce", "disclose", "reveal", "explain", "insist", "claim"})
# Children of a speech verb that carry what is said (not the attribution itself).
REPORTED_DEPS = frozenset({"ccomp", "xcomp", "advcl", "parataxis", "conj", "csubj", "acl", "acl:relcl", "dobj",
                           "obj", "mark", "cc", "punct"})
PLACE_PREPS = frozenset({"in", "at", "near", "inside", "throughout", "across", "outside", "around", "within"})
# nouns that name a place so that 'the city of X' is X ('in the northern city of Kirkuk')
PLACE_NOUNS = frozenset({"city", "town", "village", "capital", "province", "region", "area", "district", "state",
                         "port", "republic", "territory", "island", "islands", "part", "parts", "streets", "county",
                         "enclave", "suburb", "suburbs", "outskirts", "border", "south", "north", "east", "west",
                         "centre", "center", "heart"})
MODIFIER_DEPS = frozenset({"amod", "compound", "flat", "appos", "nmod:poss", "poss", "fixed", "nmod:desc"})
DEMONYM_ENDING = re.compile(r"(an|ese|ish|ch|i|ic|ean)s?$")
# Codes no recipient is inferred for: public statements and appeals of CAMEO 01/02 (PLOVER codes neither).
NO_RECIPIENT_ROOTS = frozenset({"01", "02"})
# Sectors of a country's own people (not its state)
PEOPLE = frozenset({"CVL", "OPP", "LAB", "EDU", "REL", "PTY", "BUS", "MED", "HLH", "REF", "AGR", "ELI", "REB",
                    "ENV", "NGO"})
STATE = frozenset({"GOV", "COP", "JUD", "LEG", "SPY"})
# domestic events: code prefix -> sectors of actors whose event is aimed at their own country when nothing
# else is named ('students staged demonstrations', 'the government lifted the state of emergency', 'police
# arrested 12', 'police will no longer tolerate rallies')
DOMESTIC: dict[str, frozenset[str]] = {
    "14": PEOPLE,  # protests
    "10": PEOPLE,  # demands
    "080": STATE | PEOPLE, "081": STATE, "082": STATE | PEOPLE, "083": STATE, "084": STATE,  # concessions
    "17": frozenset({"GOV", "COP", "JUD", "SPY"}),  # arrests, curfews, crackdowns
    "13": frozenset({"COP"}), "15": frozenset({"COP"}),
    "18": frozenset({"COP"}), "19": frozenset({"COP"}), "20": frozenset({"COP"}),
}


def complete_recipient(record: dict[str, Any], sent: Span, index: MentionIndex) -> dict[str, Any]:
    """Fills `record['recipient']` in place when it holds no resolved actor (see the module docstring); returns
    the record."""
    recipient = record.get("recipient") or []
    actors = record.get("actor") or []
    code = str(record.get("cameo") or "")
    if (not actors or code[:2] in NO_RECIPIENT_ROOTS or record.get("reciprocal")
            or any(_resolved(e) for e in recipient)):
        return record
    inferred = infer_recipient(record, sent, index)
    if inferred:
        record["recipient"] = inferred
    return record


def infer_recipient(record: dict[str, Any], sent: Span, index: MentionIndex) -> list[dict[str, Any]]:
    """The recipient entities the sentence implies for a record (empty when it implies none)."""
    doc = sent.doc
    actors = record.get("actor") or []
    actor_codes = {e.get("code") for e in actors} - {None, "UNK"}
    trigger = _trigger_tokens(record, sent)
    anchor = doc[trigger[0]:trigger[-1] + 1].root if trigger else None
    # the trigger's own words ('mobilized army reservists'): its first and last word and its root (a span like
    # "rejected India's proposal" holds other words too)
    trigger_set = {trigger[0], trigger[-1], anchor.i} if trigger and anchor is not None else set()
    excluded = _attribution(sent, anchor, trigger_set)
    speakers = _entity_tokens(record.get("said_by") or [], sent)
    actor_toks = _entity_tokens(actors, sent)
    phrase = set(actor_toks)
    for i in actor_toks:
        phrase |= _phrase(doc[i], anchor)
    if anchor is None:
        return []
    in_event = {t.i for t in anchor.subtree}
    governing = {anchor.i} | {t.i for t in anchor.ancestors}

    mentions = _sentence_mentions(sent, index)
    blocked = excluded | speakers | trigger_set
    # not the words of the trigger ('mobilized army reservists'), nor a mention whose country was itself only
    # guessed from its sentence or document
    usable = [m for m in mentions if m.kind != "pronoun" and _bears_country(m) and m.code not in actor_codes
              and m.inferred not in ("sentence", "document")
              and not any(t in blocked for t in range(m.token_start, m.token_end))]
    # 1. another actor under the event's words
    people = [m for m in usable if m.head in in_event and not _is_place(doc[m.head], m) and not any(
        t in phrase for t in range(m.token_start, m.token_end))]
    if people:
        return [_entity(m, "sentence") for m in _with_conjuncts(people[0], people, doc)]
    # 2. where it happened: a place under the event's words, in the actor's phrase or in a clause that governs
    # the event ('suspended aid deliveries in Baghdad after two of their vehicles were hit')
    places = [m for m in usable if _is_place(doc[m.head], m) and (
        m.head in in_event or m.head in phrase or F.clause_head(doc[m.head]).i in governing)]
    places.sort(key=lambda m: (m.head not in in_event, m.token_start))
    if places:
        return [_entity(m, "place") for m in _with_conjuncts(places[0], places, doc)]
    # 3. a domestic event: the actor's own country
    return _domestic(record, actors, actor_codes, sent)


# ---------------------------------------------------------------------- pieces
def _resolved(entity: dict[str, Any]) -> bool:
    return entity.get("code") not in (None, "", "UNK") or bool(entity.get("country"))


def _bears_country(m: ActorMention) -> bool:
    """A mention with a country, or an international body ('United Nations peacekeepers' -> IGO)."""
    return bool(m.code) and (bool(m.country) or (m.code or "")[:3] in ("IGO", "NGO"))


def _trigger_tokens(record: dict[str, Any], sent: Span) -> list[int]:
    trig = record.get("trigger") or {}
    start, end = trig.get("start"), trig.get("end")
    if start is None or end is None:
        return []
    span = sent.doc.char_span(start, end, alignment_mode="expand")
    return [t.i for t in span] if span is not None and len(span) else []


def _entity_tokens(entities: list[dict[str, Any]], sent: Span) -> set[int]:
    out: set[int] = set()
    for e in entities:
        start, end = e.get("start"), e.get("end")
        if start is None or end is None:
            continue
        span = sent.doc.char_span(start, end, alignment_mode="expand")
        if span is not None:
            out.update(t.i for t in span)
    return out


def _sentence_mentions(sent: Span, index: MentionIndex) -> list[ActorMention]:
    out: list[ActorMention] = []
    for i in range(sent.start, sent.end):
        m = index.at(i)
        if m is not None and (not out or out[-1] is not m) and m not in out:
            out.append(m)
    return out


def _attribution(sent: Span, anchor: Token | None, trigger: set[int]) -> set[int]:
    """Tokens of the attribution phrases of a sentence: a speech verb with its subject and adjuncts, not what
    it reports ('..., Norway's foreign minister said'); 'according to X' with X's phrase."""
    out: set[int] = set()
    for tok in sent:
        low = tok.lower_
        if low == "according":
            head = tok.head if tok.head.i != tok.i else tok
            while head.dep_ in ("nmod", "appos", "flat", "compound") and head.head.pos_ in ("NOUN", "PROPN") \
                    and head.head.i != head.i:
                head = head.head  # 'according to the Colombian newspaper El Tiempo'
            if anchor is not None and anchor.i in {t.i for t in head.subtree} and head.i != tok.i:
                out.update(t.i for t in tok.subtree)  # a parse that hangs the event under 'according'
            else:
                out.update(t.i for t in head.subtree)
            continue
        if tok.pos_ not in ("VERB", "AUX") or tok.i in trigger or tok.lemma_.lower() not in SPEECH_LEMMAS:
            continue
        if anchor is not None and tok.i == anchor.i:
            continue
        out.add(tok.i)
        for c in F.kids(tok):
            if c.dep_ in REPORTED_DEPS or (anchor is not None and c.i <= anchor.i <= c.right_edge.i
                                           and anchor.i >= c.left_edge.i):
                continue
            out.update(t.i for t in c.subtree)
    return out


def _phrase(tok: Token, anchor: Token | None) -> set[int]:
    """The noun phrase an actor token heads, with its modifiers ('Doctors from two American aid groups',
    'Rebels in the Ivory Coast'); only the token itself when the parse hangs the event under it."""
    top = tok
    while top.dep_ in MODIFIER_DEPS and top.head.i != top.i and top.head.pos_ in ("NOUN", "PROPN"):
        top = top.head
    if top.pos_ not in ("NOUN", "PROPN", "PRON", "NUM", "ADJ"):
        return {tok.i}
    sub = {t.i for t in top.subtree}
    if anchor is not None and anchor.i in sub:
        return {tok.i}
    return sub


def _is_place(tok: Token, m: ActorMention) -> bool:
    """A place name introduced as where something is ('in Tehran', 'in the northern city of Kirkuk', 'in East
    Timor's capital Dili'), not a country that acts or is acted on."""
    if m.sector is not None or m.kind != "country":
        return False
    doc = tok.doc
    before = m.token_start - 1
    while before > 0 and doc[before].pos_ in ("DET", "ADJ") and doc[before].text[:1].islower():
        before -= 1
    if before >= 0 and doc[before].lower_ in PLACE_PREPS:
        return True  # 'in Hong Kong', 'in central Baghdad', whatever the parse made of it
    t = tok
    for _ in range(4):
        prep = F.prep_of(t)
        if prep in PLACE_PREPS:
            return True
        if prep == "of" and t.head.lower_ in PLACE_NOUNS:
            t = t.head
            continue
        if prep is None and t.dep_ in MODIFIER_DEPS and t.head.i != t.i:
            t = t.head
            continue
        return False
    return False


def _with_conjuncts(first: ActorMention, pool: list[ActorMention], doc) -> list[ActorMention]:  # noqa: ANN001
    """The mention and those coordinated with it ('Iran, Libya, North Korea, Sudan and Cuba')."""
    heads = {t.i for t in F.conjuncts(doc[first.head])}
    out = [first]
    for m in pool:
        if m is not first and (m.head in heads or first.group is not None and m.group == first.group):
            out.append(m)
    out.sort(key=lambda m: m.token_start)
    return out


def _entity(m: ActorMention, basis: str) -> dict[str, Any]:
    e = m.entity()
    e["inferred"] = basis
    return e


def _domestic(record: dict[str, Any], actors: list[dict[str, Any]], actor_codes: set[str],
              sent: Span) -> list[dict[str, Any]]:
    code = str(record.get("cameo") or "")
    sectors = DOMESTIC.get(code[:3]) or DOMESTIC.get(code[:2])
    if not sectors:
        return []
    actor = next((a for a in actors if a.get("country") and a.get("sector") in sectors), None)
    if actor is None:
        return []
    country = actor["country"]
    if country in actor_codes:
        return []
    text, start, end = _country_words(actor, sent)
    return [{"text": text, "code": country, "country": country, "sector": None, "name": None, "start": start,
             "end": end, "inferred": "domestic"}]


def _country_words(actor: dict[str, Any], sent: Span) -> tuple[str, int, int]:
    """The word of the actor's phrase that names its country ('Egyptian' in 'Egyptian police', 'Sudan' in "Sudan's
    government"), else the whole phrase (the country was read from all of it: 'Mubarak')."""
    start, end = actor.get("start"), actor.get("end")
    if start is not None and end is not None:
        span = sent.doc.char_span(start, end, alignment_mode="expand")
        if span is not None and len(span) > 1:
            for t in span:
                if not (t.is_alpha and t.text[:1].isupper() and t.pos_ in ("PROPN", "ADJ")):
                    continue
                possessor = t.i + 1 < span.end and t.nbor().lower_ in ("'s", "’s")
                if possessor or DEMONYM_ENDING.search(t.text):
                    return t.text, t.idx, t.idx + len(t.text)
    return str(actor.get("text") or ""), int(start or 0), int(end or 0)
