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

Only these two shapes, only with a VBD/VBN tag on the word; anything else is left as the parser had it.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

PARTICIPLE_TAGS = frozenset({"VBD", "VBN"})
NOMINAL = frozenset({"NOUN", "PROPN", "PRON"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubj:pass", "nsubjpass", "csubj"})


def _move(child: Token, head: Token, dep: str | None = None) -> None:
    child.head = head
    if dep is not None:
        child.dep_ = dep


def repair_participle_clauses(doc: Doc) -> int:
    """Repairs `doc` in place (see the module text); returns how many clauses were given back their verb."""
    fixed = 0
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
    for aux in list(doc):
        if aux.lemma_.lower() != "have" or aux.i + 1 >= len(doc):
            continue
        verb = doc[aux.i + 1]
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
