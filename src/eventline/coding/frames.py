"""Syntactic frames read off a dependency parse, for either label set spaCy pipelines use: Universal
Dependencies (eventline's own model: nsubj, obj, obl + case, nsubj:pass, obl:agent, compound:prt) or ClearNLP
(en_core_web_*: nsubj, dobj, prep + pobj, nsubjpass, agent, prt). The coder only asks these functions.

Knows nothing about events or actors: only who is the subject, the object, a preposition's object, a particle.
"""

from __future__ import annotations

import numpy as np
from spacy.attrs import HEAD
from spacy.tokens import Token

from eventline.nlp.arrays import doc_arrays

SUBJ = frozenset({"nsubj", "nsubj:outer", "csubj", "expl:subj"})
SUBJPASS = frozenset({"nsubj:pass", "nsubjpass", "csubj:pass", "csubjpass"})
OBJ = frozenset({"obj", "dobj"})
IOBJ = frozenset({"iobj", "dative"})
PRT = frozenset({"compound:prt", "prt"})
NOMINAL_MOD = frozenset({"obl", "nmod", "obl:npmod", "obl:arg", "nmod:npmod", "obl:unmarked", "advcl", "acl"})
CLAUSAL = frozenset({"xcomp", "ccomp", "advcl", "acl", "acl:relcl", "relcl", "parataxis", "csubj", "csubjpass",
                     "csubj:pass", "advcl:relcl", "pcomp"})
NEGATORS = frozenset({"not", "n't", "never", "no", "neither", "nor"})
FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})
MODAL_AUX = frozenset({"would", "could", "might", "may", "should", "'d"})
CONDITIONAL_MARKS = frozenset({"if", "unless", "provided", "providing"})
PERSONAL_PRONOUNS = frozenset({"i", "we", "he", "she", "they", "it", "me", "us", "him", "her", "them"})


_CACHE: dict[str, object] = {"doc": None, "view": None, "kids": [], "rows": []}


def index_doc(doc) -> None:
    """Indexes the children of `doc`'s tokens once (spaCy's Token.children scans the sentence on every call).
    Only indices are kept up front, from the HEAD array; a token's children become Token objects when first asked
    for (most tokens never are, and building a Token for every word was a tenth of the coder's time)."""
    view = doc_arrays(doc)
    if _CACHE["doc"] is doc and _CACHE["view"] is view:
        return
    n = len(doc)
    # tokens sorted by their head (stably: in text order under each head), and where each head's run begins
    heads = view.column(HEAD) + np.arange(n, dtype=np.int64)
    _CACHE["doc"] = doc
    _CACHE["view"] = view
    order = np.argsort(heads, kind="stable")
    _CACHE["rows"] = (order.tolist(), np.searchsorted(heads[order], np.arange(n + 1)).tolist())
    _CACHE["kids"] = [None] * n


def child_indices(i: int) -> list[int]:
    """Indices of the children of token `i` of the document last indexed (in text order)."""
    order, bounds = _CACHE["rows"]  # type: ignore[misc]
    return [j for j in order[bounds[i]:bounds[i + 1]] if j != i]


def kids(tok: Token) -> list[Token]:
    """The children of `tok` (from the per-document cache when `index_doc` was called for its document)."""
    if _CACHE["doc"] is tok.doc:
        i = tok.i
        got = _CACHE["kids"][i]  # type: ignore[index]
        if got is None:
            doc = tok.doc
            got = _CACHE["kids"][i] = [doc[j] for j in child_indices(i)]  # type: ignore[index]
        return got
    return list(tok.children)


def lower_lemma(tok: Token) -> str:
    return tok.lemma_.lower()


def prep_of(tok: Token) -> str | None:
    """The preposition that introduces `tok` (UD: its `case`/`mark` child; ClearNLP: its `prep` head)."""
    if tok.dep_ == "pobj" or tok.dep_ == "pcomp":
        h = tok.head
        if h.dep_ in ("prep", "agent") and h.i != tok.i:
            return "by" if h.dep_ == "agent" else _multiword(h)
        return None
    for c in kids(tok):
        if c.dep_ == "case" or (c.dep_ == "mark" and c.i < tok.i and c.lower_ in PREP_MARKS):
            return _multiword(c)
    return None


PREP_MARKS = frozenset({"to", "of", "for", "in", "on", "from", "against", "with", "about", "over", "into", "by",
                        "after", "before", "without", "at"})


def _multiword(c: Token) -> str:
    fixed = [x.lower_ for x in kids(c) if x.dep_ == "fixed"]
    base = c.lower_
    if c.i > 0 and c.nbor(-1).dep_ == "case" and c.nbor(-1).head.i == c.head.i:
        base = c.nbor(-1).lower_ + " " + base  # 'out of', 'because of'
    return " ".join([base, *fixed]) if fixed else base


def prep_objects(tok: Token) -> list[tuple[str, Token]]:
    """(preposition, its object) for the prepositional phrases attached to `tok`."""
    out: list[tuple[str, Token]] = []
    for c in kids(tok):
        dep = c.dep_
        if dep in ("prep", "agent"):
            for g in kids(c):
                if g.dep_ in ("pobj", "pcomp"):
                    out.append(("by" if dep == "agent" else _multiword(c), g))
        elif dep in NOMINAL_MOD or dep == "obl:agent" or dep.startswith("nmod") or dep.startswith("obl"):
            p = prep_of(c)
            if p:
                out.append((p, c))
    return out


def children(tok: Token, deps: frozenset[str]) -> list[Token]:
    return [c for c in kids(tok) if c.dep_ in deps]


def subjects(tok: Token) -> list[Token]:
    """The subjects of `tok`; when the parser gave a verb none, a bare noun phrase right before it that it hung on
    the verb as an unmarked oblique ('A top U.S. official today praised ...'), unless it is a time expression."""
    out = [c for c in kids(tok) if c.dep_ in SUBJ]
    if out or tok.pos_ != "VERB" or any(c.dep_ in SUBJPASS for c in kids(tok)):
        return out
    for c in kids(tok):
        if c.i < tok.i and c.dep_ in UNMARKED_OBLIQUES and c.pos_ in ("NOUN", "PROPN") \
                and c.lemma_.lower() not in TIME_NOUNS and c.lower_ not in TIME_NOUNS \
                and not any(g.dep_ in ("case", "mark") or g.lemma_.lower() in TIME_NOUNS for g in kids(c)):
            return [c]
    return out


UNMARKED_OBLIQUES = frozenset({"obl:unmarked", "obl:npmod", "nmod:unmarked", "npadvmod"})
TIME_NOUNS = frozenset({
    "today", "yesterday", "tomorrow", "tonight", "now", "day", "days", "week", "weeks", "month", "months", "year",
    "years", "morning", "afternoon", "evening", "night", "weekend", "time", "times", "hour", "hours", "minute",
    "decade", "century", "season", "spring", "summer", "autumn", "fall", "winter", "monday", "tuesday", "wednesday",
    "thursday", "friday", "saturday", "sunday", "january", "february", "march", "april", "may", "june", "july",
    "august", "september", "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
    "sep", "sept", "oct", "nov", "dec", "earlier", "later", "ago"})


def passive_subjects(tok: Token) -> list[Token]:
    return [c for c in kids(tok) if c.dep_ in SUBJPASS]


def objects(tok: Token) -> list[Token]:
    return [c for c in kids(tok) if c.dep_ in OBJ]


def is_passive(tok: Token) -> bool:
    for c in kids(tok):
        if c.dep_ in SUBJPASS or c.dep_ in ("aux:pass", "auxpass"):
            return True
    return False


def reduced_passive(tok: Token) -> bool:
    """A past participle modifying a noun ('the fate of citizens abducted by North Korean agents'): a passive
    clause whose patient is the noun it modifies and whose agent, if any, follows 'by'. The parser also hangs the
    main verb of 'Israeli tanks fired shells at ..., witnesses said' on its subject this way: a participle with an
    object, or one hung on a subject or apposition without a 'by' agent, is not taken for a passive."""
    if tok.dep_ != "acl" or tok.tag_ != "VBN" or tok.head.i == tok.i or tok.head.pos_ not in ("NOUN", "PROPN", "PRON"):
        return False
    children = kids(tok)
    if any(c.dep_ in SUBJ or c.dep_ in OBJ for c in children):
        return False
    return bool(agent(tok)) or tok.head.dep_ in REDUCED_PASSIVE_HOSTS


REDUCED_PASSIVE_HOSTS = frozenset({"obj", "dobj", "iobj", "nmod", "obl", "pobj", "nsubj:pass", "nsubjpass"})


def agent(tok: Token) -> list[Token]:
    out = [c for c in kids(tok) if c.dep_ == "obl:agent"]
    for p, o in prep_objects(tok):
        if p == "by" and o not in out:
            out.append(o)
    return out


def particle(tok: Token) -> str | None:
    for c in kids(tok):
        if c.dep_ in PRT:
            return c.lower_
    return None


def conjuncts(tok: Token) -> list[Token]:
    """`tok` and the tokens coordinated with it ('Japan and South Korea')."""
    out = [tok]
    stack = [tok]
    while stack:
        t = stack.pop()
        for c in kids(t):
            if c.dep_ == "conj" and c.pos_ in ("PROPN", "NOUN", "PRON", "X") and c not in out:
                out.append(c)
                stack.append(c)
    return out


def is_negated(tok: Token) -> bool:
    for c in kids(tok):
        if c.dep_ == "neg" or (c.dep_ in ("advmod", "det") and c.lower_ in NEGATORS):
            return True
    return False


def aux_words(tok: Token) -> list[str]:
    return [c.lower_ for c in kids(tok) if c.dep_ in ("aux", "aux:pass", "auxpass")]


def conditional(tok: Token) -> bool:
    """Has an 'if'/'unless' clause attached."""
    for c in kids(tok):
        if c.dep_ in ("advcl", "ccomp") and any(m.lower_ in CONDITIONAL_MARKS for m in kids(c)
                                                 if m.dep_ in ("mark", "advmod")):
            return True
    return False


def is_verbal(tok: Token) -> bool:
    return tok.pos_ in ("VERB", "AUX") or (tok.pos_ == "ADJ" and any(c.dep_ == "cop" for c in kids(tok)))


def clause_head(tok: Token) -> Token:
    """The nearest verb (or copular predicate) that governs `tok` (itself when it is one)."""
    t = tok
    for _ in range(40):
        if is_verbal(t) or t.dep_ in ("ROOT",) or t.head.i == t.i:
            return t
        t = t.head
    return t
