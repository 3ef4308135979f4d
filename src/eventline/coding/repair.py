"""Parse repairs the coder makes before reading a document: clauses whose verb a statistical parser read as an
adjective of its object.

A news clause 'X has imposed sanctions on Y' or 'Israeli bulldozers demolished homes' is sometimes parsed with
the verb as an `amod` of the object noun ('imposed sanctions'), the noun as the clause root (or as the object of
the auxiliary 'has'), and the subject hanging on the noun. Every frame the coder reads (subject, object,
prepositions, wrappers) is then lost. The repair gives the clause back its verb:

  * a sentence whose root is a noun with a past-tense/participle `amod` before it, and a subject before that
    (a subject child of either word, or a name or noun hanging on the root before the verb): the verb becomes
    the root, the noun its object, and what stood before the verb (subject, auxiliaries) hangs on the verb;
  * 'has/had/have' + participle + noun where the auxiliary was read as the clause's verb and the noun as its
    object: the participle takes the auxiliary's place and children, the auxiliary becomes its `aux`.

  * a past-tense/participle `amod` that has an auxiliary or a subject of its own ('President X has/aux
    imposed/amod sanctions/obl ..., the White House said'): an adjective takes neither, so the word is the verb
    of a clause; it takes the noun's place in the tree (a complement clause, `ccomp`, when the noun hung on a
    verb) and the noun becomes its object;
  * a past-tense `amod` (or a participle of a verb the dictionary knows, not one of the usual adjectival ones
    such as 'armed', 'wounded') right after a coordinating conjunction of a conjunct noun ('condemned an attack
    ... and promised/amod aid/conj'): the second verb of a coordinated clause; it becomes a conjunct of the nearest verb
    above the noun (so it shares that verb's subject) and the noun its object;
  * a demanded clause read as a noun phrase ('demanded that Hamas/compound renounce/NOUN its armed struggle',
    'its demand that Israel/nsubj ease/compound restrictions'): after 'that' under a verb or noun of demanding
    or appeal, a name or noun followed by the base form of a verb the dictionary knows (tagged as a noun): the
    base form becomes the verb of the clause, the name its subject, the following noun phrase its object.

  * a sentence whose root is a name or noun with no verb above it, and a past-tense word after it read as an
    adjective of the root's object ('Germany/ROOT on Wednesday lifted/amod sanctions/obj') or as a clause
    modifying the root ('British aircraft/ROOT ... killed/acl 4 Iraqis'): the past-tense word becomes the root,
    the root its subject, and what followed the root hangs on the verb;
  * a 'that' clause read as a relative clause of the time phrase before it ('said on Friday/obl that Sudan must
    reach/acl:relcl ...'): 'that' is its marker and the clause has a subject of its own, so it is the
    complement of the verb the time phrase belongs to (`ccomp`);
  * a finite verb with no subject and a noun read as a compound before it ('Iraq's security advisor/compound
    met'): the noun is the subject;
  * a noun phrase with a determiner read as `xcomp` of a verb with no object ('lifted Friday a day-old
    blockade/xcomp'), not after a linking verb ('became a member'): the verb's object;
  * a noun phrase read as an apposition of an indirect object with no comma between them ('gave the Ivory
    Coast/iobj 5.1 million dollars/appos of aid') when the verb has no direct object: the direct object;
  * a name read as a conjunct of the time phrase before it, followed by 'and' and the verb's subject ('late on
    Saturday, Abe/conj and U.S. President Donald Trump/nsubj agreed'): the first of the coordinated subjects;
  * an infinitive read as an adverbial clause of a verb that takes one as its complement ('threatened Monday
    to/mark resume/advcl attacks', 'agreed to/mark postpone/advcl'): when the verb is one of the dictionary's
    wrappers (threaten, agree, refuse, promise ...) and the infinitive is its first clause, it becomes `xcomp`.

Only these shapes, only with a VBD/VBN tag on the word (or, for demanded clauses, a base form the coder's
dictionary knows as a verb); anything else is left as the parser had it.
"""

from __future__ import annotations

from spacy.attrs import DEP, LOWER, POS
from spacy.strings import get_string_id
from spacy.symbols import NOUN as NOUN_ID
from spacy.symbols import PROPN as PROPN_ID
from spacy.tokens import Doc, Token

from eventline.nlp.arrays import forget

PARTICIPLE_TAGS = frozenset({"VBD", "VBN"})
NOMINAL = frozenset({"NOUN", "PROPN", "PRON"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubj:pass", "nsubjpass", "csubj"})


def _move(child: Token, head: Token, dep: str | None = None) -> None:
    child.head = head
    if dep is not None:
        child.dep_ = dep


CLAUSE_OWN_DEPS = frozenset({"aux", "aux:pass", "auxpass", "nsubj", "nsubj:pass", "nsubjpass"})
COORDINATORS = frozenset({"and", "but", "then"})
VERB_LIKE = frozenset({"VERB", "AUX"})
DEMAND_WORDS = frozenset({"demand", "insist", "urge", "ask", "request", "appeal", "call", "press", "plead", "beg",
                          "call_for", "require", "petition"})
NOT_BASE_VERB_TAGS = frozenset({"NNS", "NNPS", "VBD", "VBN", "VBG", "VBZ"})


def _verb_above(tok: Token) -> Token | None:
    cur = tok
    for _ in range(len(tok.doc)):
        if cur.head.i == cur.i:
            return None
        cur = cur.head
        if cur.pos_ in VERB_LIKE:
            return cur
    return None


# participles that are mostly adjectives after 'and' ('civilians and armed militias', 'and wounded soldiers')
ADJECTIVAL_PARTICIPLES = frozenset({
    "armed", "wounded", "injured", "affected", "displaced", "detained", "elected", "disputed", "occupied", "banned",
    "exiled", "accused", "suspected", "alleged", "united", "fixed", "related", "based", "concerned", "organized",
    "organised", "trained", "skilled", "qualified", "married", "retired", "limited", "advanced", "developed",
    "registered", "imprisoned", "jailed", "kidnapped", "abducted", "killed", "missing", "captured", "besieged",
    "isolated", "oppressed", "unemployed", "coordinated", "sustained", "repeated", "renewed", "increased"})


def _clause_amods(doc: Doc, verb_forms: frozenset[str] | set[str] | None = None, tokens=None) -> int:
    """Participles with an auxiliary/subject of their own, and past-tense words right after 'and' in a conjunct
    noun: clause verbs read as adjectives (see the module text)."""
    fixed = 0
    for verb in list(doc) if tokens is None else tokens:
        if verb.dep_ != "amod" or verb.tag_ not in PARTICIPLE_TAGS or verb.i >= verb.head.i:
            continue
        noun = verb.head
        if noun.pos_ not in ("NOUN", "PROPN") or noun.head.i == noun.i:
            continue
        # its own auxiliary or subject, or a subject the parser hung on the noun before it ('bulldozers/nsubj
        # demolished/amod homes'): nouns take no subjects
        own = any(c.dep_ in CLAUSE_OWN_DEPS for c in verb.children) or any(
            c.dep_ in SUBJECT_DEPS and c.i < verb.i for c in noun.children)
        prev = doc[verb.i - 1] if verb.i > 0 else None
        coordinated = (noun.dep_ == "conj" and prev is not None and prev.lower_ in COORDINATORS
                       and prev.head.i == noun.i and prev.dep_ == "cc"
                       and (verb.tag_ == "VBD" or verb_forms is not None and verb.lemma_.lower() in verb_forms
                            and verb.lower_ not in ADJECTIVAL_PARTICIPLES))
        if not own and not coordinated:
            continue
        if any(c.dep_ == "amod" and c.i < verb.i and c.pos_ == "ADJ" for c in noun.children):
            continue  # 'a newly elected/amod president' with an adjective before it: a real modifier
        if coordinated:
            above = _verb_above(noun)
            if above is None:
                continue
            verb.head, verb.dep_ = above, "conj"
            _move(prev, verb)
        else:
            head = noun.head
            dep = "ccomp" if head.pos_ in VERB_LIKE and noun.dep_ not in ("conj", "appos") else noun.dep_
            verb.head, verb.dep_ = head, dep
            for c in list(noun.children):
                if c.i < verb.i and c.dep_ in ("punct", "mark", "advmod"):
                    _move(c, verb)
                elif c.i < verb.i and c.dep_ in SUBJECT_DEPS:
                    _move(c, verb, "nsubj")
        verb.pos_ = "VERB"
        _move(noun, verb, "obj")
        fixed += 1
    return fixed


def _demanded_clauses(doc: Doc, verb_forms: frozenset[str] | set[str] | None, tokens=None) -> int:
    """'demanded that Hamas renounce its struggle' read as a noun phrase (see the module text)."""
    if not verb_forms:
        return 0
    fixed = 0
    for that in list(doc) if tokens is None else tokens:
        if that.lower_ != "that" or that.i + 2 >= len(doc):
            continue
        gov = _governor(doc, that)
        if gov is None or gov.lemma_.lower() not in DEMAND_WORDS:
            continue
        # the subject: one to four tokens after 'that' (a name, 'the US', 'its partners'), then the verb
        for k in range(that.i + 2, min(len(doc), that.i + 6)):
            w = doc[k]
            if w.lower_ not in verb_forms or w.tag_ in NOT_BASE_VERB_TAGS or w.pos_ in VERB_LIKE:
                continue
            subj_tokens = doc[that.i + 1: k]
            if not subj_tokens or any(t.is_punct or t.pos_ in VERB_LIKE for t in subj_tokens):
                break
            subj = next((t for t in reversed(subj_tokens) if t.pos_ in NOMINAL), None)
            if subj is None or subj.i != k - 1:
                break
            fixed += _make_clause(doc, that, subj, w, gov)
            break
    return fixed


def _governor(doc: Doc, that: Token) -> Token | None:
    """The word of demanding a 'that' clause belongs to: the nearest verb or noun before 'that' within three
    tokens ('demanded that', 'demanded Friday that', 'its demand today that')."""
    for j in range(that.i - 1, max(-1, that.i - 4), -1):
        t = doc[j]
        if t.pos_ == "VERB" and t.lemma_.lower() in DEMAND_WORDS:
            return t
        if t.is_punct:
            return None
    return None


def _make_clause(doc: Doc, that: Token, subj: Token, verb: Token, gov: Token) -> bool:
    """Rebuilds 'that SUBJ VERB OBJECT...' as a clause under `gov` (ccomp of a verb, acl of a noun); False (and
    nothing changed) when the parse does not allow it."""
    obj = verb.head if verb.head.i > verb.i and verb.head.pos_ in ("NOUN", "PROPN") else next(
        (c for c in verb.children if c.i > verb.i and c.pos_ in ("NOUN", "PROPN")), None)
    clause = set(range(that.i, verb.i + 1))
    if obj is not None:
        clause |= {t.i for t in obj.subtree if t.i > verb.i}
        clause.add(obj.i)
    if gov.i in clause or any(a.i in clause for a in gov.ancestors):
        return False
    if gov.sent.start != verb.sent.start:
        return False
    verb.head, verb.dep_, verb.pos_ = gov, "ccomp" if gov.pos_ == "VERB" else "acl", "VERB"
    for i in sorted(clause):
        t = doc[i]
        if t.i == verb.i:
            continue
        if t.i == subj.i:
            _move(t, verb, "nsubj")
        elif t.i == that.i:
            _move(t, verb, "mark")
        elif obj is not None and t.i == obj.i:
            _move(t, verb, "obj")
        elif t.head.i not in clause or t.head.i == t.i:
            _move(t, verb)
    return True


def _own_phrase(c: Token) -> bool:
    """A word after a noun that belongs to its phrase: an apposition, 'of X' ('Thousands of workers'), a name
    part; not a time or place phrase ('on Sunday')."""
    if c.dep_ in ("appos", "list", "punct", "flat", "compound", "amod", "nummod", "det", "acl", "acl:relcl"):
        return True
    return c.dep_.startswith("nmod") and any(g.dep_ == "case" and g.lower_ == "of" for g in c.children)


def _only_verb(sent, verb: Token) -> bool:
    """No verb in the sentence outside `verb`'s own phrase ('Archbishop Tutu on Sunday called/VBN-acl for
    sanctions ...': the participle is all the sentence has for a verb)."""
    inside = {t.i for t in verb.subtree}
    return not any(t.pos_ in VERB_LIKE and t.i not in inside for t in sent)


def _nominal_roots(doc: Doc) -> int:
    """'Germany/ROOT on Wednesday lifted/amod sanctions/obj', 'British aircraft/ROOT ... killed/acl 4 Iraqis'
    (see the module text)."""
    fixed = 0
    for sent in list(doc.sents):
        root = sent.root
        if root.pos_ not in ("NOUN", "PROPN") or any(t.dep_ == "ROOT" and t.pos_ in VERB_LIKE for t in sent):
            continue
        verb = None
        for c in root.children:
            if c.i <= root.i or c.pos_ not in NOMINAL or c.dep_ not in ("obj", "dobj", "nmod", "appos", "dep", "list"):
                continue
            # (the tagger may call it JJ while the POS model says VERB: an object under a name settles it)
            v = next((g for g in c.children if g.dep_ == "amod" and g.i < c.i and (
                g.tag_ in PARTICIPLE_TAGS or g.pos_ == "VERB" and g.tag_ != "VBG" and c.dep_ in ("obj", "dobj"))),
                None)
            if v is not None:
                verb = v
                break
        if verb is None:
            verb = next((c for c in root.children if c.i > root.i and c.dep_ in ("acl", "acl:relcl")
                         and (c.tag_ == "VBD" or c.tag_ == "VBN" and _only_verb(sent, c))
                         and not any(g.dep_ in ("mark", "obl:agent") or g.tag_ in ("WDT", "WP")
                                     or g.lower_ == "by" for g in c.children)
                         and (c.pos_ == "VERB" or any(g.dep_ in ("obj", "dobj") for g in c.children))), None)
            if verb is None:
                continue
            for g in list(verb.children):
                if g.dep_ in SUBJECT_DEPS and g.i < verb.i:
                    _move(g, root, "dep")  # 'using precision guided missiles/nsubj killed': not the subject
        noun = verb.head
        verb.head, verb.dep_, verb.pos_ = verb, "ROOT", "VERB"
        if noun.i != root.i:
            _move(noun, verb, "obj")
        # what follows the root moves to the verb, but not an apposition before it ('Kenzo Oshima, the UN
        # coordinator, demanded ...')
        movers = [c for c in root.children if c.i > root.i and c.i != verb.i and c.i != noun.i
                  and not (c.i < verb.i and _own_phrase(c))]
        _move(root, verb, "nsubj")
        for c in movers:
            _move(c, verb)
        fixed += 1
    return fixed


TIME_WORDS = frozenset({
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "yesterday", "week",
    "weekend", "month", "year", "day", "night", "morning", "afternoon", "evening", "january", "february", "march",
    "april", "may", "june", "july", "august", "september", "october", "november", "december"})


def _that_clauses_on_time_phrases(doc: Doc, tokens=None) -> int:
    """'said on Friday that Sudan must reach ...' (see the module text)."""
    fixed = 0
    for verb in doc if tokens is None else tokens:
        if not verb.dep_.startswith("acl") or verb.i < verb.head.i:
            continue
        when = verb.head
        if when.lower_ not in TIME_WORDS or when.head.pos_ not in VERB_LIKE or when.head.i == when.i:
            continue
        that = [c for c in verb.children if c.lower_ == "that" and c.dep_ == "mark" and c.i < verb.i]
        if not that or not any(c.dep_ in SUBJECT_DEPS and c.i > that[0].i for c in verb.children):
            continue
        verb.head, verb.dep_ = when.head, "ccomp"
        fixed += 1
    return fixed


def _compound_subjects(doc: Doc, tokens=None) -> int:
    """'Iraq's national security advisor/compound met/ROOT with ...': a finite verb with no subject and a noun
    read as a compound before it; the noun is its subject."""
    fixed = 0
    for verb in doc if tokens is None else tokens:
        if verb.pos_ != "VERB" or verb.tag_ not in ("VBD", "VBZ", "VBP"):
            continue
        kids = list(verb.children)
        if any(c.dep_ in SUBJECT_DEPS or c.dep_ == "expl" for c in kids):
            continue
        comp = [c for c in kids if c.dep_ == "compound" and c.i < verb.i and c.pos_ in NOMINAL]
        if len(comp) != 1 or any(c.pos_ in VERB_LIKE for c in doc[comp[0].i + 1: verb.i]):
            continue
        comp[0].dep_ = "nsubj"
        fixed += 1
    return fixed


LINKING_VERBS = frozenset({"be", "become", "remain", "seem", "stay", "turn", "appear", "prove", "look", "sound",
                           "feel", "get", "grow", "go", "come", "name", "elect", "appoint", "call", "make", "consider"})


def _nominal_xcomps(doc: Doc, tokens=None) -> int:
    """'lifted Friday a day-old blockade/xcomp': a noun phrase with a determiner after a verb with no object of
    its own (and not a linking verb such as 'become') is the verb's object."""
    fixed = 0
    for noun in doc if tokens is None else tokens:
        if noun.dep_ != "xcomp" or noun.pos_ != "NOUN" or noun.i < noun.head.i:
            continue
        verb = noun.head
        if verb.pos_ != "VERB" or verb.lemma_.lower() in LINKING_VERBS:
            continue
        if any(c.dep_ in ("obj", "dobj", "iobj") for c in verb.children):
            continue
        if not any(c.dep_ == "det" and c.i < noun.i for c in noun.children):
            continue
        noun.dep_ = "obj"
        fixed += 1
    return fixed


def _double_objects(doc: Doc, tokens=None) -> int:
    """'gave the Ivory Coast/iobj 5.1 million dollars/appos of aid': a verb with an indirect object and no direct
    one, and a noun phrase read as an apposition right after the indirect object (no comma): the verb's object."""
    fixed = 0
    for io in doc if tokens is None else tokens:
        if io.dep_ != "iobj" or io.head.pos_ != "VERB":
            continue
        verb = io.head
        if any(c.dep_ in ("obj", "dobj") for c in verb.children):
            continue
        app = next((c for c in io.children if c.dep_ == "appos" and c.i > io.i), None)
        if app is None or any(t.is_punct for t in doc[io.i + 1: app.left_edge.i + 1]):
            continue
        _move(app, verb, "obj")
        for c in list(io.children):
            if c.i > app.i and c.dep_.startswith("nmod"):
                _move(c, app)  # '... dollars of aid'
        fixed += 1
    return fixed


def _subjects_read_as_time_conjuncts(doc: Doc, tokens=None) -> int:
    """'late on Saturday, Abe/conj-of-Saturday and U.S. President Donald Trump/nsubj agreed': a name joined to a
    time word, with 'and' + the verb's subject right after it, is the first of the coordinated subjects."""
    fixed = 0
    for a in doc if tokens is None else tokens:
        if a.dep_ != "conj" or a.pos_ != "PROPN" or a.head.lower_ not in TIME_WORDS or a.i + 2 >= len(doc):
            continue
        cc = doc[a.i + 1]
        if cc.lower_ not in ("and", "or"):
            continue
        subj = next((t for t in doc[a.i + 2: min(len(doc), a.i + 10)] if t.dep_ in SUBJECT_DEPS
                     and t.head.pos_ in VERB_LIKE and t.left_edge.i in (a.i + 1, a.i + 2)), None)
        if subj is None:
            continue
        verb = subj.head
        a.head, a.dep_ = verb, subj.dep_
        subj.head, subj.dep_ = a, "conj"
        _move(cc, subj, "cc")
        fixed += 1
    return fixed


def _infinitive_complements(doc: Doc, wrapper_lemmas: frozenset[str] | set[str] | None, tokens=None) -> int:
    """'threatened to/mark resume/advcl': the wrapper's infinitive is its complement (see the module text)."""
    if not wrapper_lemmas:
        return 0
    fixed = 0
    for verb in doc if tokens is None else tokens:
        if verb.dep_ != "advcl" or verb.pos_ != "VERB" or verb.i < verb.head.i or verb.tag_ in NOT_BASE_VERB_TAGS:
            continue
        head = verb.head
        if head.lemma_.lower() not in wrapper_lemmas or head.pos_ not in ("VERB", "ADJ"):
            continue
        to = [c for c in verb.children if c.dep_ == "mark" and c.lower_ == "to" and c.i == verb.i - 1]
        if not to:
            continue
        if any(c.dep_ in ("xcomp", "ccomp") or c.dep_ == "advcl" and c.i < verb.i for c in head.children
               if c.i != verb.i):
            continue  # the wrapper has its complement already: this one is a purpose clause
        verb.dep_ = "xcomp"
        fixed += 1
    return fixed


def repair_participle_clauses(doc: Doc, verb_forms: frozenset[str] | set[str] | None = None,
                              wrapper_lemmas: frozenset[str] | set[str] | None = None) -> int:
    """Repairs `doc` in place (see the module text); returns how many clauses were given back their verb.
    `verb_forms`: base forms of the verbs the coder knows (for demanded clauses read as noun phrases);
    `wrapper_lemmas`: verbs that take an infinitive complement (threaten, agree ...)."""
    # one pass over the labels finds the words each repair starts from (most documents need few of them)
    # (from the doc's arrays: a Token object for each word of every document would cost more than the repairs)
    n = len(doc)
    if not n:
        return 0
    # (its own three columns, not the shared view: that is made after the repairs, which change the parse)
    rows = doc.to_array([DEP, POS, LOWER])
    deps, poss, lowers = rows[:, 0].tolist(), rows[:, 1].tolist(), rows[:, 2].tolist()
    forget(doc)  # the repairs below change heads and labels: later readers make a new view
    root_id, that_id = get_string_id("ROOT"), get_string_id("that")
    dep_names: dict[int, str] = {}
    by_dep_rows: dict[int, list[int]] = {}
    roots = False
    that_rows: list[int] = []
    for i, dep in enumerate(deps):
        by_dep_rows.setdefault(dep, []).append(i)
        if dep == root_id:
            pos = poss[i]
            if pos == NOUN_ID or pos == PROPN_ID:
                roots = True
            elif lowers[i] == that_id:
                that_rows.append(i)
        elif lowers[i] == that_id:
            that_rows.append(i)
    for dep in by_dep_rows:
        dep_names[dep] = doc.vocab.strings[dep] if dep else ""
    wanted = ("amod", "advcl", "acl", "acl:relcl", "compound", "xcomp", "iobj", "conj")
    by_dep: dict[str, list[Token]] = {dep_names[d]: [doc[i] for i in ix] for d, ix in by_dep_rows.items()
                                      if dep_names[d] in wanted}
    thats = [doc[i] for i in that_rows]
    fixed = _nominal_roots(doc) if roots else 0
    amods = by_dep.get("amod", [])
    if amods:
        fixed += _clause_amods(doc, verb_forms, list(amods))
    if thats:
        fixed += _demanded_clauses(doc, verb_forms, thats)
    if "advcl" in by_dep:
        fixed += _infinitive_complements(doc, wrapper_lemmas, by_dep["advcl"])
    acls = by_dep.get("acl", []) + by_dep.get("acl:relcl", [])
    if acls and thats:
        fixed += _that_clauses_on_time_phrases(doc, acls)
    if "compound" in by_dep:
        heads = {c.head.i: c.head for c in by_dep["compound"] if c.i < c.head.i and c.head.pos_ == "VERB"}
        if heads:
            fixed += _compound_subjects(doc, list(heads.values()))
    if "xcomp" in by_dep:
        fixed += _nominal_xcomps(doc, by_dep["xcomp"])
    if "iobj" in by_dep:
        fixed += _double_objects(doc, by_dep["iobj"])
    if "conj" in by_dep:
        fixed += _subjects_read_as_time_conjuncts(doc, by_dep["conj"])
    if not any(t.dep_ == "amod" for t in amods):
        return fixed  # (both shapes below need a participle read as an adjective)
    for sent in list(doc.sents):
        root = sent.root
        if root.pos_ not in ("NOUN", "PROPN"):
            continue
        verb = next((c for c in root.children if c.dep_ == "amod" and c.tag_ in PARTICIPLE_TAGS and c.i < root.i),
                    None)
        if verb is None:
            continue
        before = [c for c in root.children if c.i < verb.i]
        subj = [c for c in list(verb.children) + before if c.dep_ in SUBJECT_DEPS]
        if not subj:
            nominal = [c for c in before if c.pos_ in NOMINAL and c.dep_ not in ("det", "amod", "nummod")]
            if not nominal:
                continue
            subj = nominal[:1]
        verb.head, verb.dep_, verb.pos_ = verb, "ROOT", "VERB"
        _move(root, verb, "obj")
        for c in before:
            _move(c, verb, "nsubj" if c is subj[0] and c.dep_ not in SUBJECT_DEPS else None)
        for c in list(root.children):
            if c.dep_ == "punct" and c.i > root.i and c.i == sent.end - 1:
                _move(c, verb)
        fixed += 1
    for verb in [t for t in amods if t.i > 0 and t.dep_ == "amod"]:
        aux = doc[verb.i - 1]
        if aux.lemma_.lower() != "have":
            continue
        noun = verb.head
        if verb.dep_ != "amod" or verb.tag_ not in PARTICIPLE_TAGS or noun.head.i != aux.i or noun.i <= verb.i \
                or noun.dep_ not in ("obj", "dobj") or noun.pos_ not in ("NOUN", "PROPN"):
            continue
        moved = [c for c in aux.children if c.i != noun.i]
        if aux.head.i == aux.i:
            verb.head, verb.dep_ = verb, "ROOT"
        else:
            verb.head, verb.dep_ = aux.head, aux.dep_
        verb.pos_ = "VERB"
        _move(aux, verb, "aux")
        _move(noun, verb, "obj")
        for c in moved:
            _move(c, verb)
        fixed += 1
    return fixed
