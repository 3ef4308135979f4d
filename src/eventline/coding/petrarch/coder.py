"""eventline's event coder with PETRARCH's conventions, for dictionaries read from PETRARCH files.

The coding itself (triggers, frames, actors, wrappers, passives, dates) is `eventline.coding.coder.EventCoder`;
this subclass overrides its pattern matching, target and source choice and record output where PETRARCH
dictionaries mean something else (docs/petrarch.md):
- patterns are matched the PETRARCH way (`_match_verb`): longest first, with the `verbs.Constraint` of each
  (phrase modifiers, prepositional phrases, words in front of the verb, several-word set members), a verb form
  listed on its own ('LEFT') with its own default, a '$' source or '^ ... +' target found after the verb;
- a pattern with '%' applies only when the subject is compound, and then codes every pair of its members; a
  compound subject with no target and no '%' pattern is no event;
- a '[a:b]' code pairs the event with its counterpart b from the target back to the source ('left for X':
  042 visit, and 043 X hosts the visit);
- events are directed dyads: an event needs a coded source, unresolved targets are left out; the target defaults
  to the first actor after the verb, a passive without 'by' takes its source from there;
- an actor with several codes gives one event per code, an agent phrase with several owners a compound actor;
- PETRARCH codes what the text says: a future tense does not turn cooperation into intent, nor a hostile act into
  a threat (eventline's own dictionaries do that, PETRARCH dictionaries spell such cases out in their patterns);
- discard phrases drop a sentence, story discards ('+' lines) the whole document;
- with an internal coding ontology (PICO file), a negated event is recoded as its negation ('did not clash':
  110 -> 050), and dropped when the ontology has no code for that;
- a few parser mistakes are repaired on the Doc before coding (`repair_*`).
"""

from __future__ import annotations

import hashlib
import itertools
from typing import Any

from spacy.tokens import Doc, Span, Token

from eventline.actors import ActorMention, MentionIndex
from eventline.coding import frames as F
from eventline.coding.codebook_access import code_info
from eventline.coding.coder import Candidate, EventCoder
from eventline.coding.dictionary import Pattern
from eventline.coding.petrarch.discards import discard_hit
from eventline.coding.petrarch.ontology import Ontology
from eventline.coding.petrarch.verbs import Constraint
from eventline.ingest import Document

# eventline's own readings of tense that PETRARCH dictionaries spell out in their patterns instead
AS_SAID = frozenset({"future -> intent", "negated future -> reject", "announced hostile act -> threaten"})
NO_NEGATION = "negated, and the ontology has no code for its negation"


class PetrarchCoder(EventCoder):
    """`EventCoder` for a `PetrarchDictionary` and a `PetrarchResolver`."""

    def __init__(self, resolver: Any = None, dictionary: Any = None) -> None:
        super().__init__(resolver=resolver, dictionary=dictionary, statements=False)
        d = self.dictionary
        self.paired: dict[str, str] = {p.text: back for p, back in getattr(d, "paired", {}).items()}
        self.compound: set[str] = {p.text for p in getattr(d, "compound", set())}
        self.sentence_discards: list[str] = list(getattr(d, "discard_phrases", []))
        self.story_discards: list[str] = list(getattr(d, "story_discards", []))
        self.ontology: Ontology | None = getattr(d, "ontology", None)
        self.constraints: dict[Pattern, Constraint] = dict(getattr(d, "constraints", {}))
        self.form_defaults: dict[str, Pattern] = dict(getattr(d, "form_defaults", {}))
        self.form_only: dict[Pattern, frozenset[str]] = dict(getattr(d, "form_only", {}))
        self.paired.update({p.text: back for p, back in getattr(d, "paired", {}).items()})

    # ------------------------------------------------------------------ document and sentence level
    def code(self, spacy_doc: Doc, document: Document) -> list[dict[str, Any]]:
        if self.story_discards and discard_hit(spacy_doc.text, self.story_discards):
            return []
        out: list[dict[str, Any]] = []
        seen: set[tuple[str, str, str, int]] = set()
        repair_verb_read_as_adjective(spacy_doc)
        repair_participle_read_as_verb(spacy_doc)
        repair_verb_after_modal(spacy_doc, self.dictionary)
        repair_verb_tags(spacy_doc, self.dictionary)
        for rec in super().code(spacy_doc, document):
            for r in self._directed(rec):
                key = (r["cameo"], _codes(r["actor"]), _codes(r["recipient"]), r["sentence_index"])
                if key not in seen:
                    seen.add(key)
                    out.append(r)
        return out

    def skip_reason(self, sent: Span) -> str | None:
        if self.sentence_discards and discard_hit(sent.text, self.sentence_discards):
            return "discard"
        return super().skip_reason(sent)

    # ------------------------------------------------------------------ patterns
    def _match_verb(self, tok: Token, patterns: list[Pattern], index: MentionIndex) -> Candidate | None:
        """eventline's pattern matching, read the PETRARCH way: the most specific pattern first (PETRARCH's
        longest match), only patterns whose phrase modifiers and prepositional phrases are there, a
        preposition may hang on the object ('warned X about Y'), and a verb form the dictionary lists on its own
        ('LEFT') has its own default code."""
        if tok.pos_ in ("NOUN", "PROPN") and any(c.dep_ == "cop" for c in tok.children):
            return None  # 'was in an accord with X': a noun after a copula, no verb
        patterns = [p for p in patterns if p not in self.form_only or tok.lower_ in self.form_only[p]]
        own = self.form_defaults.get(tok.lower_)
        if own is not None:
            patterns = [p for p in patterns if p in self.constraints or not _is_default(p)] + [own]
        if self.constraints:
            order = {id(p): i for i, p in enumerate(patterns)}
            patterns = sorted(patterns, key=lambda p: (-self._size(p), order[id(p)]))
            patterns = [p for p in patterns if p not in self.constraints or _satisfied(tok, p, self.constraints[p])]
        if self.compound:
            subj = F.subjects(tok) or _controller_subjects(tok)
            compound = bool(subj) and len(F.conjuncts(subj[0])) > 1
            if compound:
                patterns = [p for p in patterns if p.text in self.compound] + [
                    p for p in patterns if p.text not in self.compound]
            else:
                patterns = [p for p in patterns if p.text not in self.compound]
        patterns = [p for p in patterns if self._source_after(tok, p, index) is not None]
        prt = F.particle(tok)
        preps = F.prep_objects(tok)
        objs = F.objects(tok) or (F.passive_subjects(tok) if F.is_passive(tok) else [])
        # a phrase on the object right after it: 'warned Gondor about X' ('^ ABOUT +'), not 'warned the
        # population of Gondor about X'
        on_object = [(pr, g) for o in objs for pr, g in F.prep_objects(o)
                     if o.i + 1 < len(o.doc) and o.doc[o.i + 1].lower_ == pr.split()[0]]
        with_particle = {p.particle for p in patterns if p.particle}
        for p in patterns:
            trig = [tok]
            prep_obj: Token | None = None
            linear: list[Token] = []
            if p.particle:
                if prt != p.particle:
                    hit = [o for pr, o in preps + on_object if pr == p.particle]
                    adv = [c for c in F.kids(tok) if c.lower_ == p.particle and c.dep_ in ("advmod", "prep")]
                    nxt = tok.doc[tok.i + 1: tok.i + 3]
                    if hit:
                        prep_obj = hit[0]
                    elif len(nxt) == 2 and nxt[0].lower_ == p.particle and not adv:
                        linear = [nxt[1]]  # '(TO QUESTION)': 'begun to question', however it was parsed
                    elif not adv:
                        continue
                trig += [c for c in F.kids(tok) if c.lower_ == p.particle][:1]
            elif prt and prt in with_particle:
                continue
            obj_tok = None
            if p.objects:
                pool = objs + [o for _, o in preps if o.pos_ in ("NOUN", "PROPN")] + linear
                pool = [x for o in pool for x in F.conjuncts(o)]
                pool += [f for o in pool for f in o.children if f.dep_ == "flat"]  # 'May Day': its last word
                match = [o for o in pool if o.lemma_.lower() in p.objects or o.lower_ in p.objects]
                if not match:
                    lin = _linear_object(tok)  # the parse lost the object: the phrase after the verb
                    if lin is not None and _word_in(lin[0], p.objects) and not objs:
                        match = [lin[0]]
                if not match:
                    continue
                obj_tok = match[0]
                trig.append(obj_tok)
            if p.adverbs:
                adverb = self._pattern_adverb(tok, p)
                if adverb is None:
                    continue
                trig.append(adverb)
            c = Candidate(p.code, p, tok, sorted(trig, key=lambda t: t.i), source_pattern=p.text)
            c.recipient = self._recipient(tok, p, obj_tok, preps, objs, index, prep_obj)
            return c
        return None

    def _size(self, p: Pattern) -> int:
        con = self.constraints.get(p)
        return con.size if con is not None else 0

    def _govern(self, c: Candidate, index: MentionIndex, wrappers_used: set[int]) -> None:
        code = c.code
        super()._govern(c, index, wrappers_used)
        negated = c.negated or "negated future -> reject" in c.steps or (not c.nominal and _negated_before(c.anchor))
        if any(s in AS_SAID for s in c.steps):
            c.code = code  # PETRARCH codes the event as said
        if negated and self.ontology:
            # PETRARCH's negation through its internal coding ontology: 'did not clash' (110) -> 050
            neg = self.ontology.negate(c.code)
            if neg is None:
                c.steps.append(NO_NEGATION)
            else:
                c.steps.append(f"negated through the ontology: {c.code} -> {neg}")
                c.code, c.negated = neg, False

    def _finish(self, c: Candidate, index: MentionIndex) -> bool:
        if NO_NEGATION in c.steps:
            return False  # a negated event the ontology has no code for did not happen
        source = self._source_after(c.anchor, c.pattern, index) if c.pattern is not None else []
        if source:
            # '+ * MONEY $', '* {MAY DAY} $', '+ * (FROM $)': the source is named after the verb, the subject
            # (of a passive too: 'X was freed from Y') is the target
            subj = F.subjects(c.anchor) + F.passive_subjects(c.anchor)
            target = [m for m in self.actors_at(subj[0], index) if m.resolved] if subj else []
            c.actor, c.recipient = source, target or [m for m in c.actor if m.resolved]
            c.steps.append("source after the verb ('$')")
        subject_only = not c.recipient and len(c.actor) > 1
        kept = super()._finish(c, index)
        if kept and subject_only and c.reciprocal and (c.pattern is None or c.pattern.text not in self.compound):
            # eventline reads 'X and Y met' as X meeting Y; PETRARCH only with a '%' pattern: no target, no event
            return False
        return kept

    def _source_after(self, tok: Token, p: Pattern, index: MentionIndex, target: bool = False
                      ) -> list[ActorMention] | None:
        """For a pattern with '$' after the verb, the actor it names: the actors after the verb's last word the
        pattern holds, in text order, skipping one for each '^' before the '$'. [] for other patterns; None when
        such a pattern has no actor there. With `target`, the same for a '+' after '^' skips."""
        con = self.constraints.get(p)
        skip = None if con is None else con.target_after if target else con.source_after
        if con is None or skip is None:
            return []
        start = tok.i
        if p.objects:
            objs = [o for o in F.objects(tok) + [g for _, g in F.prep_objects(tok)]
                    if o.lemma_.lower() in p.objects or o.lower_ in p.objects]
            if objs:
                start = objs[0].i
        seen: list[ActorMention] = []
        for t in tok.doc[start + 1: tok.sent.end]:
            m = index.at(t.i)
            if m is not None and m.resolved and m not in seen:
                seen.append(m)
        if len(seen) <= skip:
            return None
        m = seen[skip]
        return [x for x in self.actors_at(tok.doc[m.head], index) if x.resolved] or [m]

    # ------------------------------------------------------------------ actors
    def _recipient(self, tok: Token, p: Pattern, obj_tok: Token | None, preps: list[tuple[str, Token]],
                   objs: list[Token], index: MentionIndex, prep_obj: Token | None) -> list[ActorMention]:
        """PETRARCH's target: the pattern's, else the first actor in the verb phrase after the verb."""
        after_skips = self._source_after(tok, p, index, target=True)
        if after_skips:
            return after_skips
        if _raising(tok):
            # 'X is said to be about to restore ties with Y': X is the one who acts, not the one acted on
            subjects = {t.i for s in F.passive_subjects(tok) for t in s.subtree}
            objs = [o for o in objs if o.i not in subjects]
            found = [m for m in super()._recipient(tok, p, obj_tok, preps, objs, index, prep_obj)
                     if m.resolved and m.token_start not in subjects]
            return found or self._first_actor_after(tok, index, set())
        if p.preps and prep_obj is None:
            # '(WITH +)': the object of that preposition after the verb, wherever the parser hung it
            for want in p.preps:
                for t in tok.subtree:
                    if t.i > tok.i and t.lower_ == want:
                        nxt = _first_word(t)
                        m = index.at(nxt.i)
                        if m is not None and m.resolved:
                            return [x for x in self.actors_at(tok.doc[m.head], index) if x.resolved] or [m]
        if _passive(tok) and not F.is_passive(tok):
            # a passive the parser did not see ('was heavily and unjustly criticized'): its subject is the target
            subj = F.subjects(tok) or (F.subjects(tok.head) if tok.dep_ == "conj" else [])
            return [m for m in self.actors_at(subj[0], index) if m.resolved] if subj else []
        found = [m for m in super()._recipient(tok, p, obj_tok, preps, objs, index, prep_obj) if m.resolved]
        if not found and F.is_passive(tok) and F.agent(tok):
            # 'X was opposed by Y': the target is X, whatever else the parser called an object
            subj = F.passive_subjects(tok)
            return [m for m in self.actors_at(subj[0], index) if m.resolved] if subj else []
        if found or F.is_passive(tok) or p.text in self.compound:
            return found  # a '%' pattern's target is the other member of the compound
        return self._first_actor_after(tok, index, set())

    def _actor(self, c: Candidate, subj_from: Token | None, kinds: list[tuple[str, Token]],
               index: MentionIndex) -> list[ActorMention]:
        """A passive without 'by': the source is the first actor after the verb ('X was criticized over its
        dispute with Y': Y criticized X), never the subject of a clause above it ('X and Y agree that the
        disputes should be resolved' is no event of X's)."""
        if not c.nominal and not F.is_passive(c.anchor):
            up = c.anchor
            while up.dep_ == "xcomp" and up.head.i != up.i:
                up = up.head
            if up is not c.anchor and _raising(up):
                # 'X was seen to break into Y': X breaks into Y
                subj = F.passive_subjects(up)
                return [m for m in self.actors_at(subj[0], index) if m.resolved] if subj else []
        if c.nominal or not _passive(c.anchor) or F.agent(c.anchor):
            return super()._actor(c, subj_from, kinds, index)
        if _raising(c.anchor):
            subj = F.passive_subjects(c.anchor)
            return [m for m in self.actors_at(subj[0], index) if m.resolved] if subj else []
        taken = {m.start for m in c.recipient}
        return self._first_actor_after(c.anchor, index, taken)

    def actors_at(self, tok: Token, index: MentionIndex, expand: bool = True) -> list[ActorMention]:
        """eventline's, with the phrases coordinated with it by the resolver ('Mordor, Rohan, Arnor and Bree',
        however the parser attached them), the other owners of an agent phrase and the other codes of an actor
        with several (`PetrarchMention`)."""
        out: list[ActorMention] = []

        def add(m: ActorMention) -> None:
            if not any(m is o or m == o for o in out):
                out.append(m)

        for m in super().actors_at(tok, index, expand):
            group = index.group_at(m.token_start) if m.group is not None else []
            for g in [m] + [g for g in group if g is not m]:
                for x in [g, *getattr(g, "members", ())]:
                    add(x)
                    for alt in getattr(x, "alternatives", ()):
                        add(alt)
        return out

    def _first_actor_after(self, tok: Token, index: MentionIndex, exclude: set[int]) -> list[ActorMention]:
        subjects = {t.i for s in F.subjects(tok) + F.passive_subjects(tok) for t in s.subtree}
        for t in tok.subtree:
            if t.i <= tok.i or t.i in subjects:
                continue
            m = index.at(t.i)
            if m is not None and m.resolved and m.start not in exclude and m.kind != "pronoun":
                return [x for x in self.actors_at(tok.doc[m.head], index) if x.resolved] or [m]
        return []

    # ------------------------------------------------------------------ records
    def _directed(self, rec: dict[str, Any]) -> list[dict[str, Any]]:
        actors = [a for a in rec["actor"] if a.get("code") not in (None, "UNK")]
        recipients = [r for r in rec["recipient"] if r.get("code") not in (None, "UNK")]
        if not actors:
            return []
        a_ways, r_ways = _alternatives(actors), _alternatives(recipients)
        if len(a_ways) > 1 or len(r_ways) > 1:
            # an actor with several codes ('LORIEN [ELR/GAL]'): one event for each code
            out: list[dict[str, Any]] = []
            for a in a_ways:
                for r in r_ways:
                    tag = f"alt|{_codes(a)}|{_codes(r)}"
                    one = _variant(rec, rec["cameo"], a, r, tag)
                    if one is not None:
                        out += self._directed_one(one, a, r)
            return out
        return self._directed_one(rec, actors, recipients)

    def _directed_one(self, rec: dict[str, Any], actors: list[dict[str, Any]],
                      recipients: list[dict[str, Any]]) -> list[dict[str, Any]]:
        pattern = rec.get("pattern") or ""
        out: list[dict[str, Any]] = []
        members = actors
        if rec.get("reciprocal") and recipients:
            # the coder puts the first party of a reciprocal event in actor and the others in recipient: every
            # party acts towards every other, so undo the split and pair them all
            members, recipients = actors + recipients, []
        if not recipients and len(members) > 1 and (rec.get("reciprocal") or pattern in self.compound):
            for a in members:
                for b in members:
                    if a is not b and a.get("code") != b.get("code"):
                        out.append(_variant(rec, rec["cameo"], [a], [b], "pair"))
        else:
            out.append(_variant(rec, rec["cameo"], actors, recipients, ""))
        back = self.paired.get(pattern)
        if back and recipients:
            out.append(_variant(rec, back, recipients, actors, "back"))
        return [r for r in out if r is not None]


def repair_verb_read_as_adjective(doc: Doc) -> int:
    """A clause whose verb the parser read as an adjective of its object ('The ambassadors presented credentials
    to X': 'presented' an amod of a root noun 'credentials' that holds the subject) is given back its verb: the
    past-tense or participle word becomes the root, the noun its object, and the subject, auxiliaries and the
    final punctuation hang on the verb. Only when the sentence has no verb of its own at its root. Returns how
    many clauses were repaired."""
    fixed = 0
    for sent in list(doc.sents):
        root = sent.root
        if root.pos_ not in ("NOUN", "PROPN") or any(t.pos_ in ("VERB", "AUX") and t.dep_ == "ROOT" for t in sent):
            continue
        subj = [c for c in root.children if c.dep_.startswith("nsubj") and c.i < root.i]
        verb = next((c for c in root.children if c.dep_ == "amod" and c.tag_ in ("VBD", "VBN") and c.i < root.i
                     and (not subj or subj[-1].i < c.i)), None)
        if verb is not None and not subj:
            subj = [c for c in verb.children if c.dep_.startswith("nsubj")]  # the subject hung on the 'adjective'
        if verb is None or not subj:
            continue
        moved = [c for c in root.children if c.i < verb.i or c.dep_ == "punct" and c.i > root.i]
        verb.head, verb.dep_, verb.pos_ = verb, "ROOT", "VERB"
        root.head, root.dep_ = verb, "obj"
        for c in moved:
            c.head = verb
        fixed += 1
    # '... condemned an attack and promised/amod aid/obl to X': a second verb of a coordinated clause
    for t in doc:
        noun = t.head
        if t.dep_ != "amod" or t.tag_ not in ("VBD", "VBN") or t.i == 0 or doc[t.i - 1].pos_ != "CCONJ" \
                or noun.i <= t.i or noun.pos_ not in ("NOUN", "PROPN") or noun.head.pos_ not in ("VERB", "AUX") \
                or noun.head.i > t.i or noun.dep_ in F.SUBJ:
            continue
        verb = noun.head
        cc = doc[t.i - 1]
        t.head, t.dep_, t.pos_ = verb, "conj", "VERB"
        noun.head, noun.dep_ = t, "obj"
        cc.head, cc.dep_ = t, "cc"
        fixed += 1
    return fixed


def repair_verb_after_modal(doc: Doc, dictionary: Any) -> int:
    """A verb of the dictionary right after a modal that the parser hung under the word after it ('Arnor will
    abandon/ADV new economic relations/ROOT', 'will abandon/advmod improved/ROOT economic relations') is made the
    clause's verb again: what it hung on becomes its object (a participle in between becomes the object's
    modifier), and the subject, auxiliaries and punctuation move to it. Returns how many were repaired."""
    fixed = 0
    for t in doc:
        if t.i == 0 or doc[t.i - 1].tag_ != "MD" or t.pos_ in ("VERB", "AUX"):
            continue
        key = dictionary.verb_key(t.lemma_.lower(), t.lower_) or dictionary.verb_key(t.lower_, t.lower_)
        old = t.head
        if not key or key not in dictionary.verbs or old.i <= t.i or old.sent.start != t.sent.start:
            continue
        obj = old
        if old.pos_ in ("VERB", "ADJ") and old.tag_ in ("VBN", "VBD"):
            obj = next((k for k in old.children if k.dep_ in F.OBJ and k.i > old.i), None)
            if obj is None:
                continue
        elif old.pos_ not in ("NOUN", "PROPN"):
            continue
        if any(x.pos_ in ("VERB", "AUX") and x.i != old.i for x in doc[t.i + 1: obj.i]):
            continue
        head, dep = (t, "ROOT") if old.head.i == old.i else (old.head, old.dep_)
        moved = [k for k in old.children if k.i < t.i or (k.dep_ == "punct" and k.i == old.sent.end - 1)]
        if obj is not old:
            moved += [k for k in old.children if k.i > obj.i]
        t.head, t.dep_, t.pos_, t.lemma_ = head, dep, "VERB", key
        for k in moved:
            k.head = t
        obj.head, obj.dep_ = t, "obj"
        if obj is not old:
            old.head, old.dep_, old.pos_ = obj, "amod", "ADJ"
        fixed += 1
    return fixed


LOST_SUBJECT = frozenset({"vocative", "advmod", "dep", "nmod:unmarked", "obl:unmarked", "npadvmod", "obl:npmod"})


def repair_verb_tags(doc: Doc, dictionary: Any) -> int:
    """Verbs of the dictionary that the tagger called something else although the parse gives them a clause
    ('Arnor will abandon/ADP new relations': a subject or an auxiliary of their own, or 'to' right before
    them with no determiner: 'nearer to accord with X'), and subjects the parser called something else (a name
    right before a verb without a subject: 'Lorien/advmod criticized Gondor', 'Sam Gamgee/vocative halted his
    march'), put right. Returns how many tokens were changed."""
    fixed = 0
    for t in doc:
        if t.dep_ in LOST_SUBJECT and t.pos_ in ("PROPN", "NOUN") and t.head.i > t.i and \
                t.head.pos_ in ("VERB", "AUX") and not F.subjects(t.head) and not F.passive_subjects(t.head) \
                and not any(x.is_punct for x in doc[t.i: t.head.i]):
            t.dep_ = "nsubj"  # 'Lorien/advmod criticized Gondor', 'Sam Gamgee/vocative halted his march'
            fixed += 1
        if t.pos_ in ("VERB", "AUX"):
            continue
        key = dictionary.verb_key(t.lemma_.lower(), t.lower_) or dictionary.verb_key(t.lower_, t.lower_)
        if not key or key not in dictionary.verbs:
            continue
        kids = list(t.children)
        clause = any(k.dep_.startswith("nsubj") for k in kids) and any(
            k.dep_ in ("aux", "obj") or k.dep_.startswith("aux") for k in kids)
        to_inf = t.i > 0 and doc[t.i - 1].lower_ == "to" and doc[t.i - 1].tag_ == "TO" and not any(
            k.dep_ in ("det", "nmod:poss", "amod") for k in kids)
        if clause or to_inf:
            t.pos_ = "VERB"
            if t.lemma_.lower() != key:
                t.lemma_ = key
            fixed += 1
    return fixed


def repair_participle_read_as_verb(doc: Doc) -> int:
    """The reverse mistake: a participle in front of a noun read as a verb of its own ('will abandon improved
    economic relations': 'improved' an xcomp of 'abandon' with 'relations' its object). When the participle comes
    right after the verb, has no subject, marker or auxiliary of its own, and its object follows it, the noun
    becomes the verb's object and the participle its modifier; what else hung on the participle moves to the
    verb. Returns how many were repaired."""
    fixed = 0
    for x in doc:
        v = x.head
        if x.dep_ != "xcomp" or x.tag_ != "VBN" or v.i != x.i - 1 or v.pos_ not in ("VERB", "AUX"):
            continue
        kids = list(x.children)
        if any(k.dep_.startswith(("nsubj", "mark", "aux", "expl")) for k in kids):
            continue
        obj = next((k for k in kids if k.dep_ in F.OBJ and k.i > x.i), None)
        if obj is None or any(t.pos_ in ("VERB", "AUX") for t in doc[x.i + 1: obj.i]):
            continue
        for k in kids:
            if k is not obj:
                k.head = v
        obj.head, obj.dep_ = v, "obj"
        x.head, x.dep_, x.pos_ = obj, "amod", "ADJ"
        fixed += 1
    return fixed


def _linear_object(tok: Token) -> tuple[Token, int] | None:
    """The head noun of the noun phrase right after the verb in the text, and where that phrase starts ('renewing
    his gardener's license in X' -> license), for when the parse lost the verb's object."""
    doc = tok.doc
    start = tok.i + 1
    while start < tok.sent.end and doc[start].dep_ == "compound:prt":
        start += 1  # 'broken down a treaty'
    head: Token | None = None
    for t in doc[start: tok.sent.end]:
        if t.pos_ in ("NOUN", "PROPN"):
            head = t
        elif t.pos_ in ("DET", "ADJ", "NUM") or t.tag_ in ("PRP$", "POS") or t.lower_ in ("'s", "’s", "-"):
            continue
        else:
            break
    return (head, start) if head is not None else None


def _first_word(prep: Token) -> Token:
    """The first word after a preposition that a pattern's phrase names: determiners, possessives and numbers
    skipped ('(FOR ASYLUM)' matches 'for the asylum', not 'for foreign asylum', as PETRARCH reads phrases)."""
    doc = prep.doc
    for t in doc[prep.i + 1: prep.sent.end]:
        if t.pos_ in ("DET", "NUM", "PUNCT") or t.tag_ == "PRP$":
            continue
        return t
    return prep


BE_FORMS = frozenset({"was", "were", "is", "are", "been", "be", "being", "am"})


def _passive(tok: Token) -> bool:
    """A passive, also where the parser did not see one: a participle after a form of 'be' with only adverbs,
    conjunctions and negations between ('was heavily and unjustly criticized')."""
    if F.is_passive(tok):
        return True
    if tok.tag_ != "VBN":
        return False
    for t in reversed(tok.doc[tok.sent.start: tok.i]):
        if t.lower_ in BE_FORMS:
            return True
        if t.pos_ not in ("ADV", "CCONJ", "PART") and t.text != ",":
            return False
    return False


def _raising(tok: Token) -> bool:
    """'X is said / reported / believed to ...': a passive without an agent whose subject is that of the
    infinitive after it."""
    return F.is_passive(tok) and not F.agent(tok) and any(
        c.dep_ == "xcomp" and any(g.lower_ == "to" for g in c.children) for c in tok.children)


def _negated_before(tok: Token) -> bool:
    """A negation among the adverbs and auxiliaries right in front of the verb, wherever the parser hung it
    ('did not even ever clash')."""
    for t in reversed(tok.doc[tok.sent.start: tok.i]):
        if t.lower_ in F.NEGATORS - {"no", "neither", "nor"}:
            return True
        if t.pos_ not in ("ADV", "AUX", "PART"):
            return False
    return False


def _is_default(p: Pattern) -> bool:
    return p.particle is None and p.objects is None and p.adverbs is None and not p.preps


def _satisfied(tok: Token, p: Pattern, con: Constraint) -> bool:
    """Whether the verb has what the pattern asks for beyond eventline's model (`verbs.Constraint`)."""
    if con.modifiers and p.objects:
        pool = F.objects(tok) + (F.passive_subjects(tok) if F.is_passive(tok) else []) + [
            o for _, o in F.prep_objects(tok)]
        heads = [(x, x.left_edge.i) for o in pool for x in F.conjuncts(o)]
        heads += [(f, x) for h, x in heads for f in h.children if f.dep_ == "flat"]
        heads = [(h, x) for h, x in heads if _word_in(h, p.objects)]
        lin = _linear_object(tok)
        if not any(_modified(h, con.modifiers, x) for h, x in heads) and not (
                lin is not None and _word_in(lin[0], p.objects) and _modified(lin[0], con.modifiers, lin[1])):
            return False
    if con.options and p.objects:
        # a set object with several-word members ('TOTAL BOYCOTT'): the whole member, not just its last word
        pool = F.objects(tok) + (F.passive_subjects(tok) if F.is_passive(tok) else []) + [
            o for _, o in F.prep_objects(tok)]
        cands = [(x, x.left_edge.i) for o in pool for x in F.conjuncts(o)]
        lin = _linear_object(tok)
        if lin is not None:
            cands.append(lin)
        if not any(_word_in(h, heads) and (not mods or _modified(h, mods, start))
                   for h, start in cands for heads, mods in con.options):
            return False
    if con.before and not _before(tok, con.before):
        return False
    if con.preps:
        after = [t for t in tok.subtree if t.i > tok.i]
        for prep, heads in con.preps:
            hits = [t for t in after if t.lower_ == prep]
            if not hits:
                return False
            if heads is not None and not any(_word_in(_first_word(h), heads) for h in hits):
                return False
    return True


AUXILIARY_WORDS = frozenset({"has", "have", "had", "is", "are", "was", "were", "be", "been", "being", "will", "would",
                             "shall", "should", "may", "might", "can", "could", "must", "do", "does", "did"})


def _before(tok: Token, words: tuple[frozenset[str], ...]) -> bool:
    """The words in front of the verb in its sentence hold `words` in order, with only auxiliaries and adverbs
    between the last of them and the verb ('{DEATH TOLL} *': 'the death toll has risen'; 'INDICATED *' is not
    'indicated it deplored')."""
    pre = [t for t in tok.doc[tok.sent.start: tok.i] if not t.is_punct]
    k = len(words) - 1
    for t in reversed(pre):
        if k < 0:
            break
        if _word_in(t, words[k]):
            k -= 1
        elif k == len(words) - 1 and t.pos_ not in ("AUX", "ADV", "PART") and not t.dep_.startswith("aux") \
                and t.lower_ not in AUXILIARY_WORDS:  # (a parser may tag 'has' VERB in 'has risen')
            return False  # only auxiliaries and adverbs between the last of them and the verb
    return k < 0


def _modified(head: Token, modifiers: tuple[frozenset[str], ...], start: int | None = None) -> bool:
    """The words in front of `head` in its phrase (from `start`, else its parse's left edge) hold `modifiers` in
    order, the last one right before it."""
    words = [t for t in head.doc[head.left_edge.i if start is None else start: head.i] if not t.is_punct]
    if not words:
        return False
    if not _word_in(words[-1], modifiers[-1]):
        return False
    k = len(modifiers) - 2
    for w in reversed(words[:-1]):
        if k < 0:
            break
        if _word_in(w, modifiers[k]):
            k -= 1
    return k < 0


def _word_in(t: Token, allowed: frozenset[str]) -> bool:
    return t.lower_ in allowed or t.lemma_.lower() in allowed


def _controller_subjects(tok: Token) -> list[Token]:
    """The subject of the verb that controls an infinitive ('X and Y agreed to meet')."""
    t = tok
    for _ in range(4):
        if t.dep_ not in ("xcomp", "ccomp", "conj") or t.head.i == t.i:
            return []
        t = t.head
        s = F.subjects(t)
        if s:
            return s
    return []


def _alternatives(entities: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """The entity lists an event stands for when some entity has other codes on the same words (same span and
    name): each choice of one code per entity; just `entities` when none has."""
    slots: dict[tuple[Any, Any, Any], list[dict[str, Any]]] = {}
    for e in entities:
        slot = slots.setdefault((e.get("start"), e.get("end"), e.get("name")), [])
        if all(e.get("code") != o.get("code") for o in slot):
            slot.append(e)
    if all(len(v) == 1 for v in slots.values()):
        return [entities]
    return [list(choice) for choice in itertools.product(*slots.values())]


def _codes(entities: list[dict[str, Any]]) -> str:
    return "|".join(sorted(str(e.get("code")) for e in entities))


def _variant(rec: dict[str, Any], code: str, actor: list[dict[str, Any]], recipient: list[dict[str, Any]],
             tag: str) -> dict[str, Any] | None:
    info = code_info(code)
    if info is None:
        return None
    out = dict(rec)
    out["actor"], out["recipient"] = actor, recipient
    if tag:
        key = f"{rec['id']}|{tag}|{code}|{_codes(actor)}|{_codes(recipient)}"
        out["id"] = hashlib.sha1(key.encode("utf-8")).hexdigest()[:20]
        # one choice of codes for an ambiguous actor is still the same (maybe reciprocal) event; a directed pair
        # is not
        out["reciprocal"] = bool(rec.get("reciprocal")) if tag.startswith("alt|") else False
    if code != rec["cameo"]:
        out.update({"cameo": code, "event": info.plover_event, "mode": info.plover_mode,
                    "context": list(info.plover_context or []), "goldstein": float(info.goldstein),
                    "quad_class": int(info.quad_class)})
    return out
