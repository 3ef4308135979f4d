"""The event coder: CAMEO/PLOVER event records from a parsed document and its resolved actor mentions.

For each sentence (page furniture, sport, entertainment and history-lesson sentences left out):
  1. find triggers: verbs and nouns that the dictionary knows, checked against their frames (object, particle,
     adverb, modifiers: `dictionary.Pattern`);
  2. climb from each trigger through the wrappers that govern it ('agreed to', 'intends to work to', 'rules out',
     'has no interest in', 'called on X to', 'X said', 'according to X'), changing the code (`transforms`) and
     collecting modality, negation and who the text attributes the event to;
  3. find actor and recipient (subject/agent, object, prepositional objects, possessors, coordinations, the
     speaker when the subject is a pronoun), and drop events without an actor or whose actor is the recipient;
  4. date it from the time expressions of its own clause (or the clauses that govern it), resolved against the
     publication date by `eventline.dates`.

Knows nothing about reading files or storing records; actor resolution belongs to `eventline.actors`.
"""

from __future__ import annotations

import hashlib
import re
from bisect import bisect_left
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from spacy.attrs import LEMMA, LOWER, POS
from spacy.strings import get_string_id
from spacy.symbols import AUX as AUX_ID
from spacy.symbols import VERB as VERB_ID
from spacy.tokens import Doc, Span, Token

import eventline
from eventline.actors import ActorMention, ActorResolver, MentionIndex
from eventline.coding import frames as F
from eventline.coding import transforms
from eventline.coding.dictionary import EventDictionary, Pattern, default_dictionary
from eventline.coding.participants import complete_recipient
from eventline.coding.repair import repair_participle_clauses
from eventline.ingest import Document
from eventline.nlp.arrays import DocArrays, doc_arrays
from eventline.nlp.arrays import forget as forget_arrays
from eventline.nlp.spans import doc_text, sentence_starts, span_text

DEFAULT_PREPS = ("to", "with", "against", "on", "at", "into", "toward", "towards", "upon", "over", "from", "for")
NOUN_ACTOR_PREPS = ("by", "from")
NOUN_RECIPIENT_PREPS = ("on", "against", "with", "to", "at", "toward", "towards", "into", "between", "for", "of")
FRAME_PREPS = frozenset({"in", "during", "at", "after", "through", "via", "by"})  # 'in a telephone call'
HAPPEN_VERBS = frozenset({"take", "happen", "occur", "be", "resume", "begin", "start", "continue", "end", "open"})
EXPANSION_DEPS = frozenset({"nmod:poss", "poss", "compound", "amod", "flat", "appos", "nmod", "nmod:desc",
                            "nmod:unmarked", "nummod"})
NEEDS_RECIPIENT = frozenset({"054", "042", "043", "041"})
INTENT_NOUN_KINDS = ("intent", "reject", "threaten", "appeal", "demand")
QUANTITY_NOUNS = frozenset({"hundred", "hundreds", "thousand", "thousands", "ten", "tens", "dozen", "dozens",
                            "score", "scores", "million", "millions", "group", "groups", "number", "crowd", "crowds",
                            "band", "contingent", "handful", "some", "many", "most", "several", "members", "member",
                            "batch", "unit", "units", "team", "delegation"})
RELATIVE_PRONOUNS = frozenset({"who", "which", "that"})
STATE_PASSIVES = frozenset({"engage", "involve"})  # 'be engaged/involved in X': the subject does X
OBJECT_CONTROL = frozenset({"urge", "ask", "order", "tell", "persuade", "force", "allow", "permit", "invite",
                            "encourage", "press", "instruct", "require", "help", "enable", "authorize", "authorise",
                            "compel", "warn", "advise", "request", "push", "pressure", "call", "appeal", "beg",
                            "implore", "get", "convince", "oblige", "direct", "command", "forbid", "prevent"})
VERBAL_POS = frozenset({int(VERB_ID), int(AUX_ID)})
READER_HASHES = frozenset(get_string_id(w) for w in ("you", "your"))
OBLIGATION_WORDS = frozenset({"need", "needs", "needed", "must", "should"})
CLAUSE_COMPLEMENTS = frozenset({"xcomp", "ccomp"})
EMBEDDING_ROOTS = frozenset({"02", "03", "10", "12", "13"})  # codes whose verbs take what they are about as a clause
RECIPROCAL_LEMMAS = frozenset({"clash", "fight", "battle", "skirmish", "exchange", "trade", "ceasefire", "truce",
                               "armistice"})  # 'X and Y clashed'
SPEAKER_NEVER_ACTS = frozenset({"14", "15", "17", "18", "19", "20"})
PURPOSE_ROOTS = frozenset({"14"})
PURPOSE_DEPS = frozenset({"advcl", "xcomp", "acl", "ccomp"})
PURPOSE_LEMMAS = frozenset({"demand", "protest", "press", "call", "urge", "denounce", "condemn", "oppose", "seek",
                            "show", "express", "voice", "reject", "challenge", "decry", "criticize", "criticise"})
PROTEST_FRAMES = frozenset({"protest", "defiance", "opposition", "response", "retaliation"})
PLACE_ROOTS = frozenset({"03", "05", "07", "08", "09", "13", "14", "15", "16", "17", "18", "19", "20"})
PLACE_PREPS = ("in", "inside", "across", "throughout")
# phrases whose noun may itself be placed ('at targets in Jericho', 'to a force in Liberia')
PLACE_HOLDERS = frozenset({"at", "on", "to", "into", "near", "outside", "for", "of"})
ALLEGE_LEMMAS = frozenset({"claim", "allege", "charge", "contend", "accuse"})
ALLEGED_ROOTS = frozenset({"15", "17", "18", "19", "20"})
ATTEMPT_LEMMAS = frozenset({"attempt", "try"})
PREPARE_LEMMAS = frozenset({"prepare", "gear", "poise", "ready"})
VIOLENT_ROOTS = frozenset({"18", "19", "20"})
CIRCUMSTANCE_PREPS = frozenset({"after", "before", "during", "despite", "since", "until", "amid", "following",
                                "without", "because of", "due to", "in spite of", "ahead of", "prior to"})
GOVERNED_DEPS = frozenset({"advcl", "xcomp", "acl", "conj:purpose"})
HOSTILE_ROOTS = frozenset({"14", "16", "17", "18", "19", "20"})  # not 15: a planned deployment is no threat
FURNITURE_WORDS = re.compile(
    r"\b(read more|log ?in|sign ?up|subscribe|newsletter|click here|cookies?|advertisement|all rights reserved|"
    r"follow us|share this|photograph:|file photo|image:|related articles?|comments?\b|terms of use|"
    r"privacy policy)", re.I)
COPYRIGHT_LINE = re.compile(r"^\s*(©|\(c\)|copyright\b)", re.I | re.M)
TIME_HINT = re.compile(r"\d|day|night|morning|evening|week|month|year|decade|centur|ago|earlier|later|recent|"
                       r"jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|spring|summer|autumn|fall|winter|now|"
                       r"tomorrow|tonight|past|next|last|previous|former|coming|soon", re.I)
AGO_WORDS = frozenset({"ago", "earlier", "before"})
AGO_UNITS = frozenset({"decade", "decades", "years", "century", "centuries"})


@dataclass
class Candidate:
    """One event found in a sentence, before it becomes a record (also what `eventline explain` shows)."""

    code: str
    pattern: Pattern | None
    anchor: Token  # the verb (or noun) the event hangs on
    trigger: list[Token]
    actor: list[ActorMention] = field(default_factory=list)
    recipient: list[ActorMention] = field(default_factory=list)
    said_by: list[ActorMention] = field(default_factory=list)
    negated: bool = False
    modality: str = "actual"
    steps: list[str] = field(default_factory=list)
    nominal: bool = False
    reciprocal: bool = False
    clause_anchor: Token | None = None  # where its time expressions are looked for
    standalone: bool = False  # a nominal event with no verb that carries it ('Israeli strikes on Gaza')
    frame: bool = False  # a nominal event that sets the scene of a clause ('in a telephone call, X told Y')
    alleged_by: Token | None = None  # 'X claimed/alleged that Y attacked Z': the verb of the allegation
    score: float = 0.5
    source_pattern: str = ""


class EventCoder:
    """`EventCoder(resolver, dictionary).code(spacy_doc, document)` -> event records (event.schema.json)."""

    def __init__(self, resolver: ActorResolver | None = None, dictionary: EventDictionary | None = None,
                 statements: bool = True, allegations: bool | None = None) -> None:
        self.resolver = resolver or ActorResolver()
        self.dictionary = dictionary or default_dictionary()
        self.statements = statements  # code a bare 'X said' as 010 when nothing else is coded in the sentence
        # 'X alleged that Y attacked Z' also as X accuses Y (112); follows `statements` unless given
        self.allegations = statements if allegations is None else allegations
        self.repair = True  # give clauses whose verb the parser read as an adjective their verb back (repair.py)

    # ------------------------------------------------------------------ document level
    def code(self, spacy_doc: Doc, document: Document) -> list[dict[str, Any]]:
        pub = document.pub_date if isinstance(document.pub_date, date) else None
        if self.repair and spacy_doc.has_annotation("DEP"):
            try:
                repair_participle_clauses(spacy_doc, self._verb_forms(), self._wrapper_lemmas())
            except Exception:  # noqa: BLE001 - a repair that fails leaves the parse as it was
                pass
        forget_arrays(spacy_doc)  # the repairs (here or a subclass's) may have changed heads and labels
        mentions = self.resolver.resolve(spacy_doc, pub)
        index = MentionIndex(mentions)
        F.index_doc(spacy_doc)
        records: list[dict[str, Any]] = []
        seen: set[str] = set()
        for si, sent, cands in self.sentences(spacy_doc, index):
            if not cands:
                continue
            spans = self._time_expressions(sent, pub) if TIME_HINT.search(span_text(sent)) else {}
            for c in cands:
                rec = self._record(c, sent, si, document, pub, spans)
                rec = rec and complete_recipient(rec, sent, index)  # implicit recipients (participants.py)
                if rec and rec["id"] not in seen:
                    seen.add(rec["id"])
                    records.append(rec)
        return records

    def sentences(self, spacy_doc: Doc, index: MentionIndex):
        """(sentence index, sentence, candidates) for the sentences that are not page furniture."""
        cutoff = furniture_cutoff(doc_text(spacy_doc))
        hits = self._trigger_tokens(spacy_doc)
        if not spacy_doc.has_annotation("SENT_START"):
            bounds = [(s.start, s.end) for s in spacy_doc.sents]  # (raises spaCy's own error: no sentences)
        else:
            starts = sentence_starts(spacy_doc)  # a Span only for the sentences that get looked at
            bounds = list(zip(starts, [*starts[1:], len(spacy_doc)], strict=True))
        for si, (start, end) in enumerate(bounds):
            if spacy_doc[start].idx >= cutoff:
                break
            only = hits[bisect_left(hits, start):bisect_left(hits, end)] if hits is not None else None
            if only is not None and not only:
                continue  # no word the dictionary knows: nothing to code
            sent = spacy_doc[start:end]
            if self.skip_reason(sent):
                continue
            yield si, sent, self.code_sentence(sent, index, only)

    def _trigger_tokens(self, spacy_doc: Doc) -> list[int] | None:
        """Indices of the tokens whose form or lemma the dictionary knows (from the doc's attribute arrays, so
        that sentences without any are passed over without building their tokens); None when unavailable."""
        if type(self)._match_verb is not EventCoder._match_verb or type(self).code_sentence is not \
                EventCoder.code_sentence:
            return None  # a coder that matches in its own way looks at every token
        hashes = getattr(self, "_hashes", None)
        if hashes is None:
            d = self.dictionary
            words = set(d.verbs) | set(d.wrapper_heads) | set(d.verb_forms) | set(d.nouns) | set(d.noun_forms)
            words |= OBLIGATION_WORDS
            hashes = frozenset(get_string_id(w) for w in words)
            self._hashes = hashes
        try:
            view = doc_arrays(spacy_doc)
            lows, lems = view.ints(LOWER), view.ints(LEMMA)
        except Exception:  # noqa: BLE001 - a doc without these attributes is coded token by token
            self._arrays = None
            return None
        self._arrays = (spacy_doc, view)
        return [i for i, (lw, lm) in enumerate(zip(lows, lems, strict=True)) if lw in hashes or lm in hashes]

    def _verb_forms(self) -> frozenset[str]:
        """Base forms of the single-word verbs the dictionary knows (parse repair of demanded clauses)."""
        got = getattr(self, "_verb_forms_cache", None)
        if got is None:
            got = frozenset(k for k in self.dictionary.verbs if "_" not in k and " " not in k and k.isalpha())
            self._verb_forms_cache = got
        return got

    def _wrapper_lemmas(self) -> frozenset[str]:
        """Verbs of the wrapper table that take an infinitive (threaten, agree, refuse, promise ...)."""
        got = getattr(self, "_wrapper_lemmas_cache", None)
        if got is None:
            got = frozenset(w for w, kind in self.dictionary.wrappers.items()
                            if "_" not in w and kind in ("intent", "appeal", "reject", "demand", "threaten"))
            self._wrapper_lemmas_cache = got
        return got

    def _skip_hashes(self) -> tuple[frozenset[int], dict[int, str]]:
        got = getattr(self, "_skip_h", None)
        if got is None:
            d = self.dictionary
            got = (frozenset(get_string_id(w) for w in d.political),
                   {get_string_id(w): topic for w, topic in d.discard_words.items()})
            self._skip_h = got
        return got

    def skip_reason(self, sent: Span) -> str | None:
        """Why a sentence is not coded (furniture, sport, entertainment, history lesson), or None."""
        cached = getattr(self, "_arrays", None)
        if cached is not None and cached[0] is sent.doc:
            return self._skip_reason_fast(sent, cached[1])
        text = span_text(sent)
        if len(sent) < 3 or not any(t.pos_ in ("VERB", "AUX") for t in sent):
            return "no verb"
        if FURNITURE_WORDS.search(text):
            return "page furniture"
        if '"' not in text and "\u201c" not in text and any(t.lower_ in ("you", "your") for t in sent):
            return "addressed to the reader"
        d = self.dictionary
        if d.discard_words:
            topic = None
            political = False
            for t in sent:
                lw = t.lemma_.lower()
                if lw in d.political or t.lower_ in d.political:
                    political = True
                    break
                topic = topic or d.discard_words.get(lw) or d.discard_words.get(t.lower_)
            if topic and not political:
                return topic
        return None

    def _skip_reason_fast(self, sent: Span, view: DocArrays) -> str | None:
        """`skip_reason` from the doc's LOWER/LEMMA/POS arrays (same answers, without building tokens)."""
        start, end = sent.start, sent.end
        if end - start < 3 or VERBAL_POS.isdisjoint(view.ints(POS)[start:end]):
            return "no verb"
        text = view.text[sent.start_char:sent.end_char]
        if FURNITURE_WORDS.search(text):
            return "page furniture"
        lows = view.ints(LOWER)[start:end]
        if '"' not in text and "\u201c" not in text and not READER_HASHES.isdisjoint(lows):
            return "addressed to the reader"
        if self.dictionary.discard_words:
            political, discard = self._skip_hashes()
            lems = view.ints(LEMMA)[start:end]
            if political.isdisjoint(lows) and political.isdisjoint(lems):
                for lw, lm in zip(lows, lems, strict=True):
                    topic = discard.get(lm) or discard.get(lw)
                    if topic:
                        return topic
            return None
        return None

    # ------------------------------------------------------------------ sentence level
    def code_sentence(self, sent: Span, index: MentionIndex, only: list[int] | None = None) -> list[Candidate]:
        """Candidates of one sentence; `only`: the token indices worth looking at (all when None)."""
        d = self.dictionary
        found: list[Candidate] = []
        consumed: set[int] = set()  # object nouns already part of a verb pattern
        doc = sent.doc
        tokens = [doc[i] for i in only] if only is not None else list(sent)
        for tok in tokens:
            pos = tok.pos_
            lemma = tok.lemma_.lower()
            # (a root noun with a participle 'modifier' is a clause the parser misread: 'The US rejected calls')
            attributive = tok.dep_ == "amod" and (pos == "ADJ" or tok.tag_ == "VBN") and tok.i < tok.head.i \
                and tok.head.dep_ != "ROOT"
            if attributive:
                pass  # 'the Israeli-occupied West Bank', 'armed struggle', 'the banned party': a state, not an event
            elif pos in ("VERB", "AUX", "ADJ") or (pos == "NOUN" and any(
                    c.dep_ in F.SUBJ or c.dep_ in F.OBJ for c in F.kids(tok))):  # (a noun takes no object)
                key = d.verb_key(lemma, tok.lower_)
                if key and key in d.verbs:
                    c = self._match_verb(tok, d.verbs[key], index)
                    if c:
                        found.append(c)
                        if c.pattern and c.pattern.objects:
                            consumed.update(t.i for t in c.trigger)
            if pos in ("NOUN", "PROPN", "VERB"):
                key = lemma if lemma in d.nouns else d.noun_forms.get(tok.lower_)
                if key and (pos != "VERB" or tok.tag_ == "VBG" and tok.dep_ not in ("ROOT", "xcomp", "ccomp")):
                    c = self._match_noun(tok, d.nouns[key], index)
                    if c:
                        found.append(c)
        found = [c for c in found if not (c.nominal and c.anchor.i in consumed)]
        framed_by: list[set[int]] = []  # the wrapper words each candidate went through
        for c in found:
            used: set[int] = set()
            self._govern(c, index, used)
            framed_by.append(used)
        every_wrapper = set().union(*framed_by) if framed_by else set()
        kept = [False] * len(found)
        wrappers_used: set[int] = set()
        for pass_ in (0, 1):
            for k, c in enumerate(found):
                frame_only = c.anchor.i in every_wrapper and not c.nominal and not (c.pattern and c.pattern.objects)
                if frame_only != bool(pass_) or (pass_ and c.anchor.i in wrappers_used):
                    continue  # 'agreed' was only the frame of 'agreed to have a dialogue'
                if self._finish(c, index):
                    kept[k] = True
                    wrappers_used |= framed_by[k]
            # pass 1: a wrapper whose embedded event was dropped ('rejected calls for aid' with no one to aid) is
            # coded on its own
        out = [c for k, c in enumerate(found) if kept[k]]
        _share_recipients(out)
        out = _rank_governed(out)
        if self.allegations:
            out += self._allegations(out, index)
        out += self._obligation(tokens, index, found)
        _rank_embedded(out)
        if not out and self.statements:
            st = self._statement(tokens, index)
            if st:
                out.append(st)
        return _dedupe(out)

    @staticmethod
    def _pattern_adverb(tok: Token, p: Any) -> Token | None:
        """The adverb a pattern requires ('respond sharply'), among the verb's dependents or right after it."""
        adv = [c for c in F.kids(tok) if c.lemma_.lower() in p.adverbs or c.lower_ in p.adverbs]
        if adv:
            return adv[0]
        # the adverb right after the verb, however it was attached ('will respond sharply to')
        nxt = next((x for x in tok.doc[tok.i + 1: tok.i + 3] if not x.is_punct), None)
        if nxt is not None and nxt.lower_ in p.adverbs and (
                nxt.head.i == tok.i or tok.head.i == nxt.i or nxt.head.i == tok.head.i):
            return nxt
        return None

    def _match_verb(self, tok: Token, patterns: list[Pattern], index: MentionIndex) -> Candidate | None:
        prt = F.particle(tok)
        preps = F.prep_objects(tok)
        objs = F.objects(tok) or (F.passive_subjects(tok) if F.is_passive(tok) else []) or \
            ([tok.head] if F.reduced_passive(tok) else [])
        lemmas_with_particle = {p.particle for p in patterns if p.particle}
        for p in patterns:
            trig = [tok]
            prep_as_particle: Token | None = None
            if p.particle:
                if prt != p.particle:
                    hit = [o for pr, o in preps if pr == p.particle]
                    adv = [c for c in F.kids(tok) if c.lower_ == p.particle and c.dep_ in ("advmod", "prep")]
                    if hit:
                        prep_as_particle = hit[0]
                    elif not adv:
                        continue
                trig += [c for c in F.kids(tok) if c.lower_ == p.particle][:1]
            elif prt and prt in lemmas_with_particle:
                continue
            obj_tok = None
            if p.objects:
                pool = objs + [o for pr, o in preps if o.pos_ in ("NOUN", "PROPN")]
                # an object the parser left as a bare oblique ('forced out on Wednesday 1,000 refugees')
                pool += [o for o in F.kids(tok) if o.dep_ in ("obl", "obl:unmarked") and o.i > tok.i
                         and o.pos_ == "NOUN" and F.prep_of(o) is None]
                # 'suspended part of a military aid program': the thing a part of which is acted on
                # 'handed over 700 kg of medicine', 'received a mission of observers': what is measured or grouped
                pool += [o2 for o in objs if o.lemma_.lower() in PARTITIVES or o.lemma_.lower() in MEASURES
                         or o.lower_ in MEASURES for pr, o2 in F.prep_objects(o) if pr == "of"]
                pool = [x for o in pool for x in F.conjuncts(o)]
                match = [o for o in pool if o.lemma_.lower() in p.objects or o.lower_ in p.objects]
                # 'violated the ceasefire agreement', 'withdraw its peacekeeping force': the noun's compound
                match = match or [o for o in pool if any(
                    m.dep_ == "compound" and m.i < o.i and (m.lemma_.lower() in p.objects or m.lower_ in p.objects)
                    for m in F.kids(o))]
                if not match:
                    continue
                obj_tok = match[0]
                trig.append(obj_tok)
            if p.required_preps and not any(pr in p.required_preps for pr, _ in preps) and not any(
                    pr in p.required_preps for o in objs if o.i > tok.i for pr, _ in F.prep_objects(o)):
                continue  # (a phrase the parser hung on the object counts: 'fired missiles at X')
            if p.subjects and not _subject_is(tok, p.subjects):
                continue
            if p.adverbs:
                adverb = self._pattern_adverb(tok, p)
                if adverb is None:
                    continue
                trig.append(adverb)
            c = Candidate(p.code, p, tok, sorted(trig, key=lambda t: t.i), source_pattern=p.text)
            # phrases the parser hung on a pattern word instead of the verb ('respond sharply to X' with 'to X'
            # under 'sharply')
            extra = [x for w in trig if w.i != tok.i and w is not obj_tok for x in F.prep_objects(w) if x not in preps]
            c.recipient = self._recipient(tok, p, obj_tok, preps + extra, objs, index, prep_as_particle)
            return c
        return None

    def _recipient(self, tok: Token, p: Pattern, obj_tok: Token | None, preps: list[tuple[str, Token]],
                   objs: list[Token], index: MentionIndex, prep_obj: Token | None) -> list[ActorMention]:
        if prep_obj is not None:
            r = self.actors_at(prep_obj, index)
            if r:
                return r
        pool = list(preps)
        if obj_tok is not None:
            pool += F.prep_objects(obj_tok)
        for o in objs:
            if obj_tok is None or o.i != obj_tok.i:
                pool += F.prep_objects(o)
        wanted = p.preps or tuple(p.required_preps or ())
        if wanted:
            for want in wanted:
                for pr, o in pool:
                    if pr == want:
                        r = self.actors_at(o, index)
                        if r:
                            return r
        if obj_tok is None:
            for o in objs + F.children(tok, F.IOBJ):
                r = self.actors_at(o, index)
                if r:
                    return r
        else:
            for o in F.children(tok, F.IOBJ):
                r = self.actors_at(o, index)
                if r:
                    return r
            # the object names whose proposal/demand/plan it is: 'rejected North Korea's demand',
            # 'rejected calls by Kofi Annan', 'accepted demands from the rebels'
            r = self._owner(obj_tok, index)
            if r:
                return r
        for want in DEFAULT_PREPS:
            for pr, o in pool:
                if pr == want:
                    r = self.actors_at(o, index)
                    if r:
                        return r
        if obj_tok is not None:
            r = self.actors_at(obj_tok, index)  # 'rejected an Indian proposal'
            if p.objects:
                # the pattern's own object word ('withdraw =troops', 'mobilize =reservists') is part of the event,
                # not its target: only an actor named inside it counts
                r = [m for m in r if _known(m)]
            if r:
                return r
        root = p.code[:2]
        if root in ("02", "10", "11"):
            # 'demanded that the US cancel ...': the one asked is the subject of the demanded clause; 'alleged
            # that Ukraine had shelled ...': the one accused, of the clause that tells what was done
            for cl in F.children(tok, CLAUSE_COMPLEMENTS):
                for s in F.subjects(cl) + F.passive_subjects(cl):
                    r = self.actors_at(s, index)
                    if r:
                        return r
        if self.dictionary.wrappers.get(p.lemma) in INTENT_NOUN_KINDS or root in EMBEDDING_ROOTS:
            # 'threatened to cut off electricity to X', 'agreed to reopen its borders to X': the wrapper verb
            # is the event; its embedded clause names the one it is aimed at
            for cl in F.children(tok, CLAUSE_COMPLEMENTS):
                r = self._clause_target(cl, index)
                if r:
                    return r
        return []

    def _owner(self, noun: Token, index: MentionIndex) -> list[ActorMention]:
        """Whose proposal/demand/offer a noun is: its possessor, or the object of its 'by'/'from'."""
        for ch in F.kids(noun):
            if ch.dep_ in ("nmod:poss", "poss"):
                m = self.actors_at(ch, index)
                if m:
                    return m
        for pr, o in F.prep_objects(noun):
            if pr in ("by", "from"):
                m = self.actors_at(o, index)
                if m:
                    return m
        return []

    def _clause_target(self, verb: Token, index: MentionIndex) -> list[ActorMention]:
        """Whom an embedded clause acts on: its object, or the object of to/against/on/with/from (resolved
        actors only: 'agreed to reopen their embassies' names no one)."""
        for o in F.objects(verb) + F.children(verb, F.IOBJ):
            r = [m for m in self.actors_at(o, index) if m.code]
            if r:
                return r
        pool = F.prep_objects(verb)
        for o in F.objects(verb):
            pool += F.prep_objects(o)
        for want in ("to", "against", "on", "with", "from", "toward", "towards", "at", "into"):
            for pr, o in pool:
                if pr == want:
                    r = [m for m in self.actors_at(o, index) if m.code]
                    if r:
                        return r
        for x in F.children(verb, frozenset({"xcomp"})):
            r = self._clause_target(x, index)
            if r:
                return r
        return []

    def _match_noun(self, tok: Token, patterns: list[Pattern], index: MentionIndex) -> Candidate | None:
        mods = {c.lemma_.lower() for c in F.kids(tok) if c.dep_ in ("compound", "amod", "nmod", "nmod:unmarked")}
        mods |= {c.lower_ for c in F.kids(tok) if c.dep_ in ("compound", "amod")}
        preps = F.prep_objects(tok)
        for p in patterns:
            if p.modifiers and not (mods & p.modifiers):
                continue
            if p.required_preps and not any(pr in p.required_preps for pr, _ in preps):
                continue
            trig = [tok] + [c for c in F.kids(tok) if p.modifiers and c.lemma_.lower() in p.modifiers][:1]
            c = Candidate(p.code, p, tok, sorted(trig, key=lambda t: t.i), nominal=True, source_pattern=p.text)
            want = p.preps or NOUN_RECIPIENT_PREPS
            # 'no meeting at any level with Japan': a 'with'/'between' phrase one modifier further down
            deep = [(pr, g) for _, o in preps for pr, g in F.prep_objects(o) if pr in ("with", "between")]
            for w in want:
                for pr, o in preps + deep:
                    if pr == w and pr not in NOUN_ACTOR_PREPS:
                        r = self.actors_at(o, index)
                        if r:
                            c.recipient = r
                            if pr == "between":
                                c.reciprocal = True
                            break
                if c.recipient:
                    break
            # the noun's own actor: 'X's attack', 'Israeli strikes', 'attack by X', 'sanctions from X'
            for ch in F.kids(tok):
                if ch.dep_ in ("nmod:poss", "poss", "compound", "amod") and ch.i < tok.i:
                    m = self.actors_at(ch, index, expand=False)
                    if m and not _same(m, c.recipient):
                        c.actor = m
                        break
            if not c.actor:
                for pr, o in preps:
                    if pr in NOUN_ACTOR_PREPS:
                        m = self.actors_at(o, index)
                        if m:
                            c.actor = m
                            break
            return c
        return None

    # ------------------------------------------------------------------ wrappers, attribution, modes
    def _govern(self, c: Candidate, index: MentionIndex, wrappers_used: set[int]) -> None:
        d = self.dictionary
        t = c.anchor
        neg = F.is_negated(t) if not c.nominal else _noun_negated(t)
        auxes = set(F.aux_words(t))
        if c.nominal and t.dep_ in F.SUBJ and t.head.i != t.i and t.head.lemma_.lower() in HAPPEN_VERBS:
            # 'no meeting will take place', 'there would be no meeting': the host verb's tense and negation
            auxes |= set(F.aux_words(t.head))
            neg = neg or F.is_negated(t.head)
        future = bool(auxes & F.FUTURE_AUX)
        modal = bool(auxes & F.MODAL_AUX)
        hypothetical = F.conditional(t) or _in_conditional(t)
        kinds: list[tuple[str, Token]] = []
        attribution: Token | None = None
        subj_from: Token | None = None  # where the event's actor comes from when the anchor has no subject
        if c.nominal:
            subj_from = self._nominal_frame(c, index)
        # climb
        cur = t
        for _ in range(12):
            h = cur.head
            if h.i == cur.i:
                break
            dep = cur.dep_
            if dep == "conj":
                cur = h
                continue
            hl = h.lemma_.lower()
            kind = d.wrappers.get(f"{hl}_{F.particle(h)}") or d.wrappers.get(hl) or d.wrappers.get(h.lower_)
            if c.frame and cur is t:
                cur = F.clause_head(h)
                continue
            if c.nominal and cur is t and dep in F.SUBJ and hl in HAPPEN_VERBS:
                cur = h  # 'said there would be no meeting': the host verb is what the speaker's clause embeds
                continue
            embedded = dep in F.CLAUSAL or dep in F.OBJ or dep in ("nmod", "obl", "acl", "pcomp", "pobj", "prep",
                                                                     "advcl", "nsubj:pass", "nsubjpass")
            if embedded and dep in ("nmod", "obl", "pobj", "advcl", "pcomp") and F.prep_of(cur) in CIRCUMSTANCE_PREPS:
                break  # 'agreed to a ceasefire after two days of fighting': a circumstance, not what was agreed
            if dep == "advcl" and _in_conditional(cur):
                break  # 'will boycott the elections unless the president agrees to step down': a condition
            if kind == "attribution" and dep in ("ccomp", "parataxis", "xcomp", "advcl", "conj", "obj", "dobj"):
                attribution = h
                if hl in ALLEGE_LEMMAS:
                    c.alleged_by = h
                break
            if kind in INTENT_NOUN_KINDS and embedded:
                kinds.append((kind, h))
                wrappers_used.add(h.i)
                neg = neg or (F.is_negated(h) if h.pos_ != "NOUN" else _noun_negated(h))
                if h.pos_ == "NOUN":
                    neg = neg or _noun_negated(h)
                    # 'has no interest in': the verb that holds the noun is part of the frame
                    vh = h.head
                    if h.dep_ in F.OBJ and vh.i != h.i:
                        neg = neg or F.is_negated(vh)
                        future = future or bool(set(F.aux_words(vh)) & F.FUTURE_AUX)
                        hypothetical = hypothetical or F.conditional(vh)
                        cur = vh
                        continue
                future = future or bool(set(F.aux_words(h)) & F.FUTURE_AUX)
                modal = modal or bool(set(F.aux_words(h)) & F.MODAL_AUX)
                hypothetical = hypothetical or F.conditional(h)
                cur = h
                continue
            if kind in ("support", "cause", "deny") and embedded:
                if kind == "deny":
                    neg = True
                cur = h
                continue
            if dep in ("xcomp", "pcomp", "advcl", "obl", "nmod", "acl") and _no_subject(cur):
                # subject control / participles: 'admitted ... to kidnapping', 'adding that', 'prompting'
                future = future or bool(set(F.aux_words(h)) & F.FUTURE_AUX)
                cur = h
                continue
            break
        top = cur
        # attribution hanging off the clause: 'X, KCNA reported', '..., citing Y', 'according to Z'
        speakers: list[ActorMention] = []
        if attribution is not None:
            speakers += self._speakers(attribution, index)
            top = attribution
        for node in {top, cur, t, *(h for _, h in kinds)}:
            for ch in F.kids(node):
                cl = ch.lemma_.lower()
                ck = d.wrappers.get(cl) or d.wrappers.get(ch.lower_)
                if ck == "attribution" and ch.dep_ in ("parataxis", "advcl", "conj", "ccomp") and ch.i != t.i \
                        and not any(g.dep_ == "ccomp" for g in F.kids(ch)):
                    speakers += self._speakers(ch, index)
                    for g in F.kids(ch):  # '..., citing foreign minister Choe'
                        if g.dep_ in ("conj", "advcl") and g.lemma_.lower() in ("cite", "quote"):
                            for o in F.objects(g):
                                speakers += self.actors_at(o, index)
            for pr, o in F.prep_objects(node):
                if pr in ("according to", "according"):
                    speakers += self.actors_at(o, index)
            for ch in F.kids(node):
                if ch.dep_ in ("advcl", "conj", "xcomp") and ch.lemma_.lower() in ("cite", "quote") and ch.i != t.i:
                    for o in F.objects(ch):
                        speakers += self.actors_at(o, index)
        c.said_by = _unique(speakers)
        # actor
        if not c.actor:
            c.actor = self._actor(c, subj_from, kinds, index)
        if c.actor and all(_is_pronoun(m) for m in c.actor) and c.said_by:
            c.actor = list(c.said_by[:1])
            c.steps.append("pronoun -> speaker")
        if not c.actor and c.nominal and c.said_by and c.code[:2] not in SPEAKER_NEVER_ACTS:
            # 'X said there would be no meeting with Japan': a verbal or diplomatic nominal event is the speaker's;
            # 'fighting between A and B, an editor said' is not
            c.actor = list(c.said_by[:1])
            c.steps.append("actor = speaker")
        if not c.recipient and kinds:
            for _, h in kinds:
                for node in (h, h.head):
                    for pr, o in F.prep_objects(node):
                        if pr in ("with", "to", "toward", "towards", "against", "on"):
                            r = self.actors_at(o, index)
                            if r and not _same(r, c.actor):
                                c.recipient = r
                                break
                    if c.recipient:
                        break
                if c.recipient:
                    break
        # code through the wrappers, innermost first
        code = c.code
        kinds_applied = []
        for kind, h in kinds:
            k = kind
            if k == "intent" and neg:
                k = "reject"
            if k == "reject" and code[:2] not in transforms.COOPERATIVE_ROOTS and code[:2] not in ("02", "10"):
                k = "reject-other"
            if k in ("appeal", "demand") and h.i != t.i:
                # 'called on X to Y': X acts in Y; the appeal goes from the caller to X
                addressee = [o for o in F.objects(h)] + [o for pr, o in F.prep_objects(h) if pr in ("on", "upon")]
                inner_actor = c.actor
                below = t  # the clause right under the demand: 'demanded that [the US cancel plans to sell ...]'
                for _ in range(12):
                    if below.head.i == h.i or below.head.i == below.i:
                        break
                    below = below.head
                told = [m for s_ in F.subjects(below) for m in self.actors_at(s_, index)] \
                    if below.head.i == h.i and below.i != t.i else []
                if addressee:
                    r = self.actors_at(addressee[0], index)
                    if r:
                        c.recipient = r
                elif told and not any(_is_pronoun(m) for m in told):
                    c.recipient = told
                elif inner_actor and not any(_is_pronoun(m) for m in inner_actor):
                    # 'demanded that the US cancel ...': the demand goes to whoever is to act
                    c.recipient = inner_actor
                subj = F.subjects(h)
                if subj:
                    a = self.actors_at(subj[0], index)
                    if a:
                        c.actor = a
            wl = h.lemma_.lower()
            if k == "intent" and code[:2] in HOSTILE_ROOTS and wl in ATTEMPT_LEMMAS:
                # an attempt at violence is the violence (CAMEO 185: attempt to assassinate)
                k = "attempt"
                code = "185" if code[:3] == "186" else code
            elif k == "intent" and code[:2] in VIOLENT_ROOTS and wl in PREPARE_LEMMAS:
                k = "posture"  # 'prepared to resume shelling': a force posture (CAMEO 15)
                code = "150"
            elif k == "intent" and code[:2] in HOSTILE_ROOTS:
                k = "threaten"  # 'plans to impose restrictions', 'is prepared to impose martial law'
            if c.nominal and kind in ("reject", "intent") and h.pos_ in ("VERB", "AUX", "ADJ") and h.i != t.i:
                # 'Iran rejected the IAEA's demand': the IAEA owns the demand, Iran rejects it (and the IAEA)
                subj = F.subjects(h)
                a = self.actors_at(subj[0], index) if subj else []
                if a and c.actor and not _same(a, c.actor):
                    if not c.recipient:
                        c.recipient = c.actor
                    c.actor = a
            if k == "reject-other":
                neg = True  # 'refused to attack', 'failed to stop': the embedded act did not happen
            else:
                code = transforms.apply(k, code)
            kinds_applied.append(k)
            c.steps.append(f"{k}: {h.text}")
            c.trigger = sorted({*c.trigger, h}, key=lambda x: x.i)
        if not kinds and neg and (future or modal) and code[:2] in transforms.COOPERATIVE_ROOTS:
            code = transforms.reject(code)  # 'no meeting will take place', 'will not attend talks'
            kinds_applied.append("reject")
            c.steps.append("negated future -> reject")
            neg = False
        reported_future = "would" in F.aux_words(t) and attribution is not None
        if not kinds and not neg and (future or reported_future) and code[:2] in transforms.COOPERATIVE_ROOTS \
                and code[:2] != "03":
            code = transforms.intent(code)  # 'will provide aid': CAMEO codes announced cooperation as intent
            kinds_applied.append("intent")
            c.steps.append("future -> intent")
        if not kinds and not neg and (future or reported_future or (modal and hypothetical)) and \
                code[:2] in HOSTILE_ROOTS:
            # 'will extend the curfew', 'said they would blockade Paris', 'may halt its mediation if ...'
            code = transforms.threaten(code)
            kinds_applied.append("threaten")
            c.steps.append("announced hostile act -> threaten")
        if kinds_applied and kinds_applied[-1] == "reject" and code[:2] == "12":
            neg = False
        c.code = code
        c.negated = neg
        if hypothetical:
            c.modality = "hypothetical"
        elif "intent" in kinds_applied or future or (modal and not kinds_applied):
            c.modality = "future"
        c.clause_anchor = F.clause_head(t)
        c.score = _score(c, kinds_applied, attribution is not None)

    def _nominal_frame(self, c: Candidate, index: MentionIndex) -> Token | None:
        """Where a nominal event gets its actor: the verb that holds it ('held talks', 'in a telephone call')."""
        t = c.anchor
        h = t.head
        if h.i == t.i:
            return None
        dep = t.dep_
        prep = F.prep_of(t)
        d = self.dictionary
        kind = d.wrappers.get(h.lemma_.lower())
        if dep in F.OBJ or (dep in F.SUBJPASS):
            c.clause_anchor = h
            if kind in ("support", "cause") or kind is None:
                if kind == "cause":
                    # 'prompting fresh sanctions from Seoul': the target is whoever caused it
                    cause = self._cause_agent(h, index)
                    if cause and not c.recipient:
                        c.recipient = cause
                    if not c.actor:  # 'prompting fresh sanctions from Seoul' with 'from' on the verb
                        for pr, o in F.prep_objects(h):
                            if pr in NOUN_ACTOR_PREPS:
                                m = self.actors_at(o, index)
                                if m:
                                    c.actor = m
                                    break
                    return None
                return h
            return h
        if dep in F.SUBJ and h.lemma_.lower() in HAPPEN_VERBS:
            c.clause_anchor = h
            return None
        if prep in FRAME_PREPS and t.pos_ == "NOUN" and (t.dep_ in ("obl", "pobj") or F.is_verbal(h)) \
                and (d.wrappers.get(h.lemma_.lower()) not in INTENT_NOUN_KINDS or (h.pos_ == "VERB" and t.i < h.i)):
            # a fronted 'in a teleconference, X and Y agreed that ...' sets the scene even of a wrapper verb;
            # 'interest in', 'interested in', 'agreed to mediation in the talks' embed what follows 'in'
            h = F.clause_head(h)
            c.clause_anchor = h
            c.frame = True
            c.steps.append(f"frame: {prep} {t.text}")
            if not c.recipient:
                for pr, o in F.prep_objects(t.head) + F.prep_objects(h):
                    if pr in ("to", "with"):
                        r = self.actors_at(o, index)
                        if r:
                            c.recipient = r
                            break
            return h
        c.clause_anchor = F.clause_head(h)
        c.standalone = True
        return None

    def _cause_agent(self, verb: Token, index: MentionIndex) -> list[ActorMention]:
        t = verb
        for _ in range(4):
            for s in F.subjects(t):
                m = self.actors_at(s, index)
                if m:
                    return m
            if t.head.i == t.i:
                break
            t = t.head
        return []

    def _actor(self, c: Candidate, subj_from: Token | None, kinds: list[tuple[str, Token]],
               index: MentionIndex) -> list[ActorMention]:
        if c.nominal and subj_from is None:
            if not kinds:
                return []
            w = kinds[-1][1]
            subj_from = w.head if w.pos_ in ("NOUN", "PROPN") and w.head.i != w.i else w
        t = subj_from if subj_from is not None else c.anchor
        for _ in range(8):
            if F.reduced_passive(t):
                # 'citizens abducted by North Korean agents': the agent did it, the noun had it done to it
                ag = F.agent(t)
                return self.actors_at(ag[0], index) if ag else []
            if F.is_passive(t):
                ag = F.agent(t)
                if ag:
                    return self.actors_at(ag[0], index)
                if t.lemma_.lower() in STATE_PASSIVES:  # 'forces were engaged in ethnic cleansing': they did it
                    for ps in F.passive_subjects(t):
                        a = self.actors_at(ps, index)
                        if a:
                            return a
                # passive without agent: no actor in this clause
                if t is c.anchor and c.pattern and not c.pattern.objects:
                    return []
            subj = F.subjects(t)
            if subj:
                a = self.actors_at(subj[0], index)
                if a:
                    return a
                if subj[0].lower_ in RELATIVE_PRONOUNS:
                    # '..., who visited Tokyo to brief Abe': the antecedent (the clause's head noun, or the noun
                    # right before the pronoun when the parser attached the clause elsewhere)
                    if t.dep_ in ("acl:relcl", "relcl", "acl") and t.head.i != t.i:
                        return self.actors_at(t.head, index)
                    prev = next((x for x in reversed(t.doc[max(0, subj[0].i - 3):subj[0].i]) if not x.is_punct),
                                None)
                    if prev is not None and prev.pos_ in ("NOUN", "PROPN"):
                        return self.actors_at(prev, index)
                    return []
                if subj[0].lower_ in F.PERSONAL_PRONOUNS:
                    return [_pronoun_mention(subj[0])]
                return []
            if t.dep_ in ("acl", "acl:relcl", "relcl") and t.head.i != t.i:
                return self.actors_at(t.head, index)
            if t.head.i == t.i:
                break
            if t.dep_ == "xcomp" and (t.head.lemma_.lower() in OBJECT_CONTROL
                                      or self.dictionary.wrappers.get(t.head.lemma_.lower()) in ("appeal", "demand")):
                # object control: 'urged X to', 'asked X to' (not 'visited Tokyo to brief Abe')
                objs = F.objects(t.head)
                if objs:
                    a = self.actors_at(objs[0], index)
                    if a:
                        return a
            t = t.head
        return []

    def _speakers(self, verb: Token, index: MentionIndex) -> list[ActorMention]:
        out: list[ActorMention] = []
        if F.is_passive(verb):
            for a in F.agent(verb):
                out += self.actors_at(a, index)
            for s in F.passive_subjects(verb):
                out += self.actors_at(s, index)
        for s in F.subjects(verb):
            out += self.actors_at(s, index)
        if not out and verb.dep_ in ("advcl", "xcomp") and verb.head.i != verb.i:
            return self._speakers(verb.head, index)  # 'was quoted as saying'
        return out

    def _finish(self, c: Candidate, index: MentionIndex) -> bool:
        """Checks the actors; False drops the candidate."""
        if not c.actor:
            return False
        actor_codes = {m.code for m in c.actor if m.code}
        if c.reciprocal and c.recipient and not c.actor:
            return False
        # 'no meeting ... between the DPRK and Japan' said by a North Korean: the speaker's side acts
        if c.reciprocal and c.recipient and not actor_codes & {m.code for m in c.recipient}:
            pass
        if c.recipient and c.reciprocal and len(c.recipient) >= 2:
            own = [m for m in c.recipient if m.country and m.country in {a.country for a in c.actor}]
            if own:
                c.recipient = [m for m in c.recipient if m not in own]
        c.recipient = [m for m in c.recipient if not (m.code and m.code in actor_codes)
                       and not any(m.start == a.start for a in c.actor)]
        if not c.recipient and len(c.actor) >= 2 and (c.code[:2] in transforms.RECIPROCAL_ROOTS or (
                c.pattern is not None and c.pattern.lemma in RECIPROCAL_LEMMAS)):
            c.reciprocal = True
        if not c.recipient and not c.reciprocal and c.code[:2] in PURPOSE_ROOTS:
            c.recipient = self._purpose_target(c, index)
        if not c.reciprocal and c.code[:2] in PLACE_ROOTS and not any(_known(m) for m in c.recipient):
            # no recipient, or only words no one could resolve ('withdraw its troops from ...', '23 people'): the
            # place the act is done in, when there is one
            c.recipient = self._place_target(c, index) or c.recipient
        if c.recipient:
            c.recipient = [m for m in c.recipient if not (m.code and m.code in actor_codes)
                           and not any(m.start == a.start for a in c.actor)]
        if c.reciprocal and not c.recipient and len(c.actor) >= 2:
            # 'X and Y held talks': the first party is the actor, the others the recipient
            c.actor, c.recipient = c.actor[:1], c.actor[1:]
        if c.code in NEEDS_RECIPIENT and not c.reciprocal and not any(m.resolved for m in c.recipient):
            return False
        if c.standalone and not c.recipient and not c.reciprocal and c.code[:2] not in ("14", "15", "18", "19", "20"):
            return False
        return True

    def _allegations(self, cands: list[Candidate], index: MentionIndex) -> list[Candidate]:
        """'X claimed/alleged/charged that Y attacked Z': besides Y's act, X accuses Y (CAMEO 112), the event a
        reader of the sentence is told about first."""
        out: list[Candidate] = []
        for c in cands:
            v = c.alleged_by
            if v is None or c.code[:2] not in ALLEGED_ROOTS or not c.said_by or not c.actor or c.negated:
                continue
            if {m.code for m in c.said_by} & {m.code for m in c.actor} or any(_is_pronoun(m) for m in c.actor):
                continue
            a = Candidate("112", None, v, [v], actor=list(c.said_by), recipient=list(c.actor),
                          source_pattern="(A alleges B did C)")
            a.clause_anchor = v
            a.score = min(0.95, c.score + 0.05)
            a.steps.append(f"allegation of {c.code} '{c.anchor.text}'")
            if self._finish(a, index):
                out.append(a)
        return out

    def _purpose_target(self, c: Candidate, index: MentionIndex) -> list[ActorMention]:
        """Whom a protest is aimed at, from its purpose clause: 'began a hunger strike to demand the resignation
        of X', 'rioted to protest X's decision'."""
        nodes = [c.anchor] + ([c.clause_anchor] if c.clause_anchor is not None else [])
        for node in nodes:
            # 'a hunger strike in protest of the government's refusal', 'in defiance of Chinese authorities'
            for pr, o in F.prep_objects(node):
                if pr == "in" and o.lemma_.lower() in PROTEST_FRAMES:
                    for pr2, o2 in F.prep_objects(o):
                        if pr2 in ("against", "of", "at", "over"):
                            r = self.actors_at(o2, index) or self._owner(o2, index)
                            if r:
                                return r
            for ch in F.kids(node):
                if ch.dep_ not in PURPOSE_DEPS or ch.lemma_.lower() not in PURPOSE_LEMMAS:
                    continue
                for o in F.objects(ch):
                    r = self.actors_at(o, index) or self._owner(o, index)
                    if r:
                        return r
                for pr, o in F.prep_objects(ch):
                    if pr in ("against", "for", "from", "of", "on", "to"):
                        r = self.actors_at(o, index) or self._owner(o, index)
                        if r:
                            return r
        return []

    def _place_target(self, c: Candidate, index: MentionIndex) -> list[ActorMention]:
        """For events done to a place (curfews, sanctions, attacks, protests), the place named by 'in X' when
        nothing else is the target (CAMEO codes the location's country as the target): on the event's words, else
        one phrase further down ('fired at targets in Jericho', 'rioted at a jail in northern Israel', 'a
        peacekeeping force in Lebanon' as the object)."""
        nodes = [c.anchor] + [t for t in c.trigger if t.i != c.anchor.i]
        for node in nodes:
            r = self._place_under(c, node, index, "")
            if r:
                return r
        # a wrapper coded on its own ('agreed to set up a centre in Tokyo', 'threatened to institute a curfew in
        # Algiers'): the embedded clause's words count as the event's
        seen = {t.i for t in nodes}
        clauses = [cl for cl in F.children(c.anchor, CLAUSE_COMPLEMENTS) if cl.i not in seen]
        for cl in clauses:
            r = self._place_under(c, cl, index, cl.text + " ")
            if r:
                return r
        nodes = nodes + clauses
        seen |= {t.i for t in clauses}
        layer = [o for node in nodes for pr, o in F.prep_objects(node) if pr in PLACE_HOLDERS]
        layer += [o for node in nodes for o in F.objects(node) if o.i not in seen]
        for _ in range(3):  # 'a six-month extension of the mandate for the force in Lebanon'
            nxt: list[Token] = []
            for o in layer:
                r = self._place_under(c, o, index, o.text + " ")
                if r:
                    return r
                for pr, o2 in F.prep_objects(o):
                    if pr in PLACE_HOLDERS and o2.i not in seen:
                        seen.add(o2.i)
                        nxt.append(o2)
            layer = nxt
        return []

    def _place_under(self, c: Candidate, node: Token, index: MentionIndex, label: str) -> list[ActorMention]:
        """The resolved actors of the first 'in/at/... X' phrase under `node` that names a country's place."""
        for pr, o in F.prep_objects(node):
            if pr in PLACE_PREPS:
                r = [m for m in self.actors_at(o, index) if m.country]
                if r:
                    c.steps.append(f"target = place ({label}{pr} {o.text})")
                    return r
        return []

    def _obligation(self, tokens: list[Token], index: MentionIndex, found: list[Candidate]) -> list[Candidate]:
        """'A said/agreed that B needs to / must do C': A demands C of B (CAMEO 10)."""
        out: list[Candidate] = []
        d = self.dictionary
        heads = {t.i: t for t in tokens if t.lemma_.lower() == "need"}
        heads.update({t.head.i: t.head for t in tokens if t.lower_ in ("must", "should") and t.dep_ == "aux"})
        for tok in heads.values():
            lemma = tok.lemma_.lower()
            must = lemma == "need" and any(c.dep_ == "xcomp" for c in F.kids(tok))
            must = must or any(c.dep_ == "aux" and c.lower_ in ("must", "should") for c in F.kids(tok))
            if not must or tok.dep_ not in ("ccomp", "parataxis"):
                continue
            v = tok.head
            if d.wrappers.get(v.lemma_.lower()) not in ("attribution", "intent", "demand") and \
                    v.lemma_.lower() not in ("agree", "insist", "stress", "emphasize", "urge", "conclude"):
                continue
            subj = F.subjects(tok)
            a_subj = F.subjects(v)
            if not subj or not a_subj:
                continue
            obliged = self.actors_at(subj[0], index)
            actor = self.actors_at(a_subj[0], index)
            if not obliged or not actor or _same(obliged, actor):
                continue
            inner = next((c for c in found if c.anchor.head.i == tok.i or c.anchor.i == tok.i), None)
            code = transforms.demand(inner.code) if inner else "100"
            c = Candidate(code, None, tok, [tok] + [x for x in F.kids(tok) if x.dep_ == "xcomp"][:1], actor=actor,
                          recipient=obliged, source_pattern="(A says B must/needs to)")
            c.clause_anchor = v
            c.steps.append(f"obligation under '{v.text}'")
            c.score = 0.6
            if self._finish(c, index):
                out.append(c)
        return out

    def _statement(self, tokens: list[Token], index: MentionIndex) -> Candidate | None:
        """'X said ...' with nothing else coded: a CAMEO 010 statement by X (low confidence)."""
        d = self.dictionary
        for tok in tokens:
            if tok.dep_ not in ("ROOT", "parataxis") or d.wrappers.get(tok.lemma_.lower()) != "attribution":
                continue
            subj = F.subjects(tok)
            if not subj:
                continue
            a = self.actors_at(subj[0], index)
            if not a or not any(m.resolved for m in a):
                continue
            c = Candidate("010", None, tok, [tok], actor=a, source_pattern="(statement)")
            for o in F.children(tok, F.IOBJ) + F.objects(tok):
                r = self.actors_at(o, index)
                if r:
                    c.recipient = r
            c.clause_anchor = tok
            c.score = 0.2
            c.negated = False
            if self._finish(c, index):
                return c
        return None

    # ------------------------------------------------------------------ actors
    def actors_at(self, tok: Token, index: MentionIndex, expand: bool = True) -> list[ActorMention]:
        """The actor mentions a noun phrase stands for: the phrase itself and its coordinated phrases, or,
        when the phrase is no actor ('Japan's interference'), its possessor or modifiers."""
        out: list[ActorMention] = []
        for t in F.conjuncts(tok):
            m = index.at(t.i)
            if m is None and expand:
                m = _inner_mention(t, index)
            if m is not None and m not in out:
                out.append(m)
        if out:
            _surface_coordination(out, tok.doc, index)
        return out

    # ------------------------------------------------------------------ dates and records
    def _time_expressions(self, sent: Span, pub: date | None) -> dict[int, tuple[str, str]]:
        """clause-head token index -> (value, basis) for the time expressions in the sentence."""
        anchor = pub or date.today()
        out: dict[int, tuple[str, str]] = {}
        try:
            found = eventline.dates.find(span_text(sent), anchor)
        except Exception:  # noqa: BLE001 - a date bug must not lose the events
            return out
        doc = sent.doc
        for s, e, text, value in found:
            norm = eventline.dates.record_date(value)  # one rule for TIMEX -> record date: the dates module's
            if not norm:
                continue
            span = doc.char_span(sent.start_char + s, sent.start_char + e, alignment_mode="expand")
            if span is None or len(span) == 0:
                continue
            head = F.clause_head(span.root)
            basis = "explicit" if re.search(r"\b\d{4}s?\b", text) or re.search(
                r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d", text, re.I) else "relative"
            out.setdefault(head.i, (norm, basis))
        return out

    def _event_date(self, c: Candidate, spans: dict[int, tuple[str, str]]) -> tuple[str, str] | None:
        t = c.clause_anchor or c.anchor
        for _ in range(10):
            if t.i in spans:
                return spans[t.i]
            if t.head.i == t.i:
                return None
            t = F.clause_head(t.head)
        return None

    def _record(self, c: Candidate, sent: Span, si: int, document: Document, pub: date | None,
                spans: dict[int, tuple[str, str]]) -> dict[str, Any] | None:
        from eventline.coding.codebook_access import code_info

        info = code_info(c.code)
        if info is None:
            return None
        when = self._event_date(c, spans)
        if when:
            date_value, basis = when
        else:
            date_value, basis = (pub or date.today()).isoformat(), "publication"
        modality = c.modality
        year = int(date_value[:4])
        if pub and year < pub.year - 1 and modality == "actual":
            modality = "historical"
        elif modality == "actual" and _ago(c.clause_anchor or c.anchor):
            modality = "historical"
        sent_text = span_text(sent)
        t0, t1 = c.trigger[0], c.trigger[-1]
        trig_start, trig_end = t0.idx, t1.idx + len(t1.text)
        actor = [m.entity() for m in c.actor]
        recipient = [m.entity() for m in c.recipient]
        key = f"{document.id}|{si}|{trig_start}|{c.code}"
        rec = {
            "id": hashlib.sha1(key.encode("utf-8")).hexdigest()[:20],
            "doc_id": document.id,
            "url": document.url,
            "publisher": document.publisher,
            "pub_date": pub.isoformat() if pub else None,
            "date": date_value,
            "date_basis": basis,
            "actor": actor,
            "recipient": recipient,
            "cameo": c.code,
            "event": info.plover_event,
            "mode": info.plover_mode,
            "context": list(info.plover_context or []),
            "goldstein": float(info.goldstein),
            "quad_class": int(info.quad_class),
            "negated": bool(c.negated),
            "modality": modality,
            "said_by": [m.entity() for m in c.said_by],
            "text": sent_text,
            "sentence_index": si,
            "span": [sent.start_char, sent.end_char],
            "trigger": {"text": sent_text[trig_start - sent.start_char:trig_end - sent.start_char], "start": trig_start,
                        "end": trig_end},
            "confidence": round(calibrated(c.score), 3),
            "coder": eventline.CODER_NAME,
            "pattern": c.source_pattern,
            "reciprocal": c.reciprocal,
        }
        return rec


# ---------------------------------------------------------------------- helpers
def furniture_cutoff(text: str) -> int:
    """Character offset from which the rest of a scraped page is furniture (after the article's copyright
    line), or len(text)."""
    m = COPYRIGHT_LINE.search(text)
    if m and m.start() > len(text) * 0.3:
        return m.start()
    return len(text)


def _noun_negated(tok: Token) -> bool:
    return any(c.lower_ in ("no", "never") and c.dep_ in ("det", "advmod", "neg") for c in F.kids(tok)) or (
        tok.head.i != tok.i and tok.dep_ in F.SUBJ and F.is_negated(tok.head))


def _in_conditional(tok: Token) -> bool:
    return any(c.dep_ == "mark" and c.lower_ in F.CONDITIONAL_MARKS for c in F.kids(tok))


def _no_subject(tok: Token) -> bool:
    return not any(c.dep_ in F.SUBJ or c.dep_ in F.SUBJPASS for c in F.kids(tok))


def _ago(tok: Token) -> bool:
    for c in F.kids(tok):
        if c.lower_ in AGO_WORDS and any(g.lower_ in AGO_UNITS for g in F.kids(c)):
            return True
    return False


def _inner_mention(tok: Token, index: MentionIndex) -> ActorMention | None:
    """A mention inside a phrase that is not itself an actor: 'Japan's interference' -> Japan."""
    for c in F.kids(tok):
        if c.dep_ in EXPANSION_DEPS:
            if c.dep_ in ("nmod",) and F.prep_of(c) not in (None, "of"):
                continue
            m = index.at(c.i)
            if m is not None:
                return m
    # quantities: 'Tens of thousands of university students', 'a group of refugees'
    if tok.lemma_.lower() in QUANTITY_NOUNS or tok.lower_ in QUANTITY_NOUNS:
        for c in F.kids(tok):
            if c.dep_ in ("nmod", "pobj", "prep") and (F.prep_of(c) == "of" or c.dep_ == "prep"):
                target = next((g for g in F.kids(c) if g.dep_ == "pobj"), c) if c.dep_ == "prep" else c
                m = index.at(target.i) or _inner_mention(target, index)
                if m is not None:
                    return m
    # one level further inside a compound: 'Israeli air strikes' (Israeli -> air -> strikes)
    for c in F.kids(tok):
        if c.dep_ == "compound" and c.i < tok.i:
            for g in F.kids(c):
                if g.dep_ in ("amod", "compound", "nmod:poss", "poss") and g.i < c.i:
                    m = index.at(g.i)
                    if m is not None:
                        return m
    return None


def _subject_is(verb: Token, lemmas: frozenset[str]) -> bool:
    """The verb's subject is one of `lemmas`, is modified by one ('peacekeeping troops') or has one after its
    'of' ('the first batch of peacekeepers')."""
    for s in F.subjects(verb) + F.passive_subjects(verb):
        words = [s] + [m for m in F.kids(s) if m.dep_ in ("compound", "amod", "acl")]  # ('... troops peacekeeping')
        words += [o for pr, o in F.prep_objects(s) if pr == "of"]
        words += [m for o in words[1:] for m in F.kids(o) if m.dep_ in ("compound", "amod") and m.i < o.i]
        if any(w.lemma_.lower() in lemmas or w.lower_ in lemmas for w in words):
            return True
    return False


def _pronoun_mention(tok: Token) -> ActorMention:
    return ActorMention(tok.text, tok.idx, tok.idx + len(tok.text), tok.i, tok.i + 1, tok.i, None, None, None,
                        kind="pronoun")


def _known(m: ActorMention) -> bool:
    """A mention resolved to a code or a country."""
    return bool(m.country or (m.code and m.code != "UNK"))


def _is_pronoun(m: ActorMention) -> bool:
    return m.kind == "pronoun" and m.code is None


def _same(a: list[ActorMention], b: list[ActorMention]) -> bool:
    return bool(a) and bool(b) and {m.start for m in a} == {m.start for m in b}


def _unique(ms: list[ActorMention]) -> list[ActorMention]:
    out: list[ActorMention] = []
    seen: set[tuple[int, int]] = set()
    for m in ms:
        if (m.start, m.end) not in seen:
            seen.add((m.start, m.end))
            out.append(m)
    return out


def _score(c: Candidate, kinds: list[str], attributed: bool) -> float:
    s = 0.5
    if c.pattern is not None:
        s += 0.06 * min(c.pattern.specificity, 3)
    if kinds:
        s += 0.1
    if c.nominal and not kinds:
        s -= 0.1
    dep = c.anchor.dep_
    if not kinds and dep in ("acl", "acl:relcl", "relcl", "advcl", "amod") and not c.nominal:
        s -= 0.15
    if c.actor and all(m.resolved for m in c.actor):
        s += 0.1
    if c.recipient and all(m.resolved for m in c.recipient):
        s += 0.05
    if c.anchor.dep_ == "ROOT":
        s += 0.05
    return max(0.05, min(0.95, s))


_CALIBRATION: list[tuple[float, float]] | None = None


def calibrated(raw: float) -> float:
    """Maps a raw score to how often records scored like it were right on the dev gold (data/calibration.yaml)."""
    global _CALIBRATION
    if _CALIBRATION is None:
        from eventline.coding.dictionary import DATA_DIR

        path = DATA_DIR / "calibration.yaml"
        table: list[tuple[float, float]] = []
        if path.exists():
            import yaml

            data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
            table = sorted((float(k), float(v)) for k, v in (data.get("bins") or {}).items())
            # a higher raw score never means a lower confidence (the ranking of a document's records is kept)
            top = 0.0
            table = [(k, (top := max(top, v))) for k, v in table]
        _CALIBRATION = table
    if not _CALIBRATION:
        return raw
    best = _CALIBRATION[0][1]
    for lo, val in _CALIBRATION:
        if raw >= lo:
            best = val
    return best


def _dedupe(cands: list[Candidate]) -> list[Candidate]:
    """One record per trigger; where a verb and a noun code the same event, the more specific one."""
    out: list[Candidate] = []
    for c in sorted(cands, key=lambda c: -c.score):
        key_tokens = {t.i for t in c.trigger}
        dup = False
        for o in out:
            if key_tokens & {t.i for t in o.trigger} and o.code[:2] == c.code[:2]:
                dup = True
                break
        if not dup:
            out.append(c)
    out.sort(key=lambda c: c.trigger[0].i)
    return out


def _share_recipients(cands: list[Candidate]) -> None:
    """Ellipsis in coordinated clauses: 'X had no interest in a summit with Japan and would reject any talks' —
    the second event, with the same actor and no recipient of its own, is aimed at the first one's recipient."""
    for c in cands:
        if c.recipient or c.reciprocal:
            continue
        ch = F.clause_head(c.anchor)
        for o in cands:
            if o is c or not o.recipient or not _same(o.actor, c.actor):
                continue
            oh = o.clause_anchor or F.clause_head(o.anchor)
            if (ch.dep_ == "conj" and ch.head.i == oh.i) or (oh.dep_ == "conj" and oh.head.i == ch.i):
                c.recipient = list(o.recipient)
                c.steps.append("recipient shared with the coordinated clause")
                break


def _rank_governed(cands: list[Candidate]) -> list[Candidate]:
    """An event in the purpose or manner clause of another ('blocked roads demanding that ...', 'began a hunger
    strike to protest ...') is secondary: it scores below the event that governs it; a stated aim of the same
    CAMEO root ('marched to protest against the reform') is the same event told twice and is dropped."""
    drop: set[int] = set()
    for c in cands:
        t = c.anchor
        for _ in range(3):
            if t.head.i == t.i or t.dep_ not in GOVERNED_DEPS:
                break
            t = t.head
            gov = [o for o in cands if o is not c and (
                o.anchor.i == t.i or (o.clause_anchor is not None and o.clause_anchor.i == t.i))]
            if gov:
                if c.anchor.lemma_.lower() in PURPOSE_LEMMAS and any(
                        o.code[:2] == c.code[:2] and id(o) not in drop for o in gov):
                    drop.add(id(c))
                c.score = max(0.05, c.score - 0.15)
                c.steps.append("secondary to the event that governs it")
                break
    return [c for c in cands if id(c) not in drop]


PARTITIVES = frozenset({"part", "portion", "some", "most", "much", "half", "all", "rest", "bulk", "parts",
                        "share", "remainder", "majority", "section", "sections"})
MEASURES = frozenset({"ton", "tons", "tonne", "tonnes", "kg", "kilogram", "kilograms", "kilo", "kilos", "pound",
                      "pounds", "litre", "litres", "liter", "liters", "gallon", "gallons", "barrel", "barrels", "crate",
                      "crates", "box", "boxes", "truckload", "truckloads", "shipment", "shipments", "consignment",
                      "consignments", "cargo", "package", "packages", "batch", "bag", "bags", "sack", "sacks",
                      "convoy", "convoys", "mission", "team", "teams", "group", "delegation", "contingent", "unit",
                      "units", "battalion", "battalions", "brigade", "brigades", "company", "squad", "number",
                      "dozens", "hundreds", "thousands"})
FRAMING_ROOTS = frozenset({"02", "10", "12"})
EMBEDDING_DEPS = frozenset({"ccomp", "xcomp", "obj", "dobj", "obl", "nmod", "acl", "iobj"})


def _rank_embedded(cands: list[Candidate]) -> None:
    """What an appeal, demand or rejection is about ('demanded that the US cancel plans to sell weapons',
    'A says B must reach an agreement', 'rejected an Indian proposal for signing a trade pact') did not happen:
    the event inside it scores below the appeal/demand/rejection, which is what the sentence reports."""
    for c in cands:
        if c.code[:2] not in FRAMING_ROOTS:
            continue
        span: set[int] = {c.anchor.i}  # ('A says B must/reach an agreement': the demand is on the same word)
        for ch in c.anchor.children:
            if ch.dep_ in EMBEDDING_DEPS or ch.dep_.startswith("obl") or ch.dep_.startswith("nmod"):
                span.update(t.i for t in ch.subtree)
        for o in cands:
            if o is c or o.code[:2] in FRAMING_ROOTS or o.anchor.i not in span:
                continue
            if o.score >= c.score:
                o.score = max(0.05, c.score - 0.05)
                o.steps.append(f"inside the {c.code} '{c.anchor.text}': what is asked for or refused")


def _surface_coordination(out: list[ActorMention], doc: Doc, index: MentionIndex) -> None:
    """'Abe and U.S. President Donald Trump' that the parser read as one name (the second actor hanging inside
    the first phrase as flat/appos/nmod, not as a conjunct): the actor right after 'and' joins the list when
    its phrase attaches back inside the first one without passing through a verb."""
    last = out[-1]
    for _ in range(3):
        e = last.token_end
        if e + 1 >= len(doc) or doc[e].lower_ not in ("and", "&"):
            return
        nxt = index.at(e + 1)
        if nxt is None or nxt in out:
            return
        t = doc[nxt.head] if 0 <= nxt.head < len(doc) else doc[e + 1]
        inside = False
        for _ in range(4):
            if t.head.i == t.i or t.pos_ in ("VERB", "AUX"):
                break
            t = t.head
            if last.token_start <= t.i < last.token_end:
                inside = True
                break
        if not inside:
            return
        out.append(nxt)
        last = nxt
