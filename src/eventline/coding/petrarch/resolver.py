"""An actor resolver over PETRARCH actor and agent dictionaries, read the way PETRARCH reads noun phrases.

A noun phrase's code is its first actor's code (the one valid on the document's date) with the codes of the
agents in the phrase added in text order: after it ('Russian police' -> RUSCOP), or before it for prefix agents
('MSF Arnor' -> NGOARN); an agent code the actor code already ends with is not repeated ('White House security
officials' -> USAGOV). A phrase of agents alone takes its actor from 'of / in / from X' right after it ('the
government of Gondor' -> GONGOV) or, when it is coordinated with a phrase before it, from that phrase
('Danish media and government' -> DNKMED, DNKGOV). A subject pronoun ('Ethiopia indicated it would act')
stands for the nearest actor before it in its sentence.

It is an `ActorResolver` (same `resolve`, `resolve_span`, `lookup`) whose knowledge base holds the PETRARCH
entries, so eventline's event coder runs on it unchanged.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from spacy.tokens import Doc

from eventline.actors import ActorMention, ActorResolver
from eventline.actors.kb import KnowledgeBase, normalise
from eventline.coding.petrarch.actors import PetrarchActor, PetrarchAgent, split_code

NOMINAL = frozenset({"PROPN", "NOUN", "ADJ", "NUM"})
OWNER_PREPS = frozenset({"of", "in", "from", "at", "for"})
SUBJECT_PRONOUNS = frozenset({"it", "they", "he", "she"})


@dataclass
class _Atom:
    start: int
    end: int
    actor: PetrarchActor | None = None
    agent: PetrarchAgent | None = None


@dataclass
class _Phrase:
    start: int
    end: int
    atoms: list[_Atom] = field(default_factory=list)
    actor: PetrarchActor | None = None
    agents: list[PetrarchAgent] = field(default_factory=list)
    mention: ActorMention | None = None
    owners: list[PetrarchActor] = field(default_factory=list)  # more owners: 'ambassadors of Arnor and Gondor'


@dataclass
class PetrarchMention(ActorMention):
    """A mention that stands for more than one coded actor: `members`, the other actors of an agent phrase with
    several owners ('the ambassadors of Arnor, Osgiliath and Gondor': ARNGOV, and OSGGOV, GONGOV), and
    `alternatives`, the other codes of an actor with several ('LORIEN [ELR/GAL]'), each also an ActorMention on
    the same words. `PetrarchCoder` codes the members as a compound actor and each alternative as its own event."""

    members: list[ActorMention] = field(default_factory=list)
    alternatives: list[ActorMention] = field(default_factory=list)


class PetrarchResolver(ActorResolver):
    """Resolves actor mentions with a knowledge base built from PETRARCH dictionaries (`actors.build_kb`)."""

    def __init__(self, kb: KnowledgeBase) -> None:  # eventline's own knowledge base is not loaded
        self.extra = None
        self.kb = kb
        self._entity_prefixes = {k[:i] for k in kb.entities for i in range(1, len(k) + 1)}
        self._agent_prefixes = {k[:i] for k in kb.agents for i in range(1, len(k) + 1)}

    # ---------------------------------------------------------------- public API

    def resolve(self, doc: Doc, when: date | None = None) -> list[ActorMention]:
        atoms = self._match(doc)
        phrases = self._phrases(doc, atoms)
        for ph in phrases:
            ph.actor = next((a.actor for a in ph.atoms if a.actor is not None), None)
            ph.agents = [a.agent for a in ph.atoms if a.agent is not None]
        self._borrow(doc, phrases)
        mentions: list[ActorMention] = []
        for ph in phrases:
            m = self._mention(doc, ph, when)
            if m is not None:
                ph.mention = m
                mentions.append(m)
        group = 0
        for a, b in zip(phrases, phrases[1:], strict=False):
            if a.mention and b.mention and _coordinated(doc, a, b):
                if a.mention.group is None:
                    group += 1
                    a.mention.group = group
                b.mention.group = a.mention.group
        mentions += self._pronouns(doc, mentions)
        mentions.sort(key=lambda m: (m.token_start, m.token_end))
        return mentions

    # ---------------------------------------------------------------- matching

    def _match(self, doc: Doc) -> list[_Atom]:
        parts: list[tuple[str, int]] = []
        for tok in doc:
            for p in normalise(tok.text).split():
                parts.append((p, tok.i))
        atoms: list[_Atom] = []
        i, n = 0, len(parts)
        while i < n:
            best: _Atom | None = None
            if i > 0 and parts[i - 1][1] == parts[i][1]:
                i += 1
                continue
            for table, prefixes, is_actor in ((self.kb.entities, self._entity_prefixes, True),
                                              (self.kb.agents, self._agent_prefixes, False)):
                key: tuple[str, ...] = ()
                for j in range(i, n):
                    key = key + (parts[j][0],)
                    if key not in prefixes:
                        break
                    if j + 1 < n and parts[j + 1][1] == parts[j][1]:
                        continue  # ends inside a token
                    t0, t1 = parts[i][1], parts[j][1] + 1
                    if best is not None and t1 - t0 <= best.end - best.start:
                        continue
                    if is_actor:
                        entries = table.get(key)  # type: ignore[union-attr]
                        if entries and self._case_ok(doc, t0, t1, key):
                            best = _Atom(t0, t1, actor=entries[-1])
                    else:
                        agent = table.get(key)  # type: ignore[union-attr]
                        if agent is not None:
                            best = _Atom(t0, t1, agent=agent)
            if best is not None:
                atoms.append(best)
                while i < n and parts[i][1] < best.end:
                    i += 1
            else:
                i += 1
        return atoms

    @staticmethod
    def _case_ok(doc: Doc, t0: int, t1: int, key: tuple[str, ...]) -> bool:
        """Names are written with a capital; short ones ('KU', 'AU', 'Ent') only in capitals."""
        words = [doc[t] for t in range(t0, t1) if doc[t].lower_ != "the"] or [doc[t0]]
        if len(key) == 1 and len(key[0]) <= 3:
            return all(w.text.replace(".", "").isupper() for w in words)
        return words[0].text[:1].isupper()

    # ---------------------------------------------------------------- phrases

    def _phrases(self, doc: Doc, atoms: list[_Atom]) -> list[_Phrase]:
        at: dict[int, _Atom] = {t: a for a in atoms for t in range(a.start, a.end)}
        phrases: list[_Phrase] = []
        cur: list[int] = []
        cur_atoms: list[_Atom] = []

        def close() -> None:
            toks = list(cur)
            while toks and toks[-1] not in at and doc[toks[-1]].pos_ in ("DET", "PART", "PUNCT", "ADP"):
                toks.pop()
            if toks and cur_atoms:
                phrases.append(_Phrase(toks[0], toks[-1] + 1, list(cur_atoms)))
            cur.clear()
            cur_atoms.clear()

        i = 0
        while i < len(doc):
            tok = doc[i]
            if i in at:
                a = at[i]
                if tok.is_sent_start and cur:
                    close()
                cur.extend(range(a.start, a.end))
                cur_atoms.append(a)
                i = a.end
                continue
            possessive = tok.tag_ == "POS" or tok.lower_ in ("'s", "’s", "'")
            hyphen = tok.text == "-" and i > 0 and not doc[i - 1].whitespace_
            # 'awful and evil minister': coordinated adjectives stay inside the phrase
            adj_and = tok.lower_ in ("and", "or") and cur and doc[i - 1].pos_ == "ADJ" and i + 1 < len(doc) \
                and doc[i + 1].pos_ == "ADJ"
            if (tok.pos_ in NOMINAL or possessive or hyphen or adj_and) and not (tok.is_sent_start and cur):
                cur.append(i)
            elif tok.pos_ == "DET" and not cur:
                cur.append(i)
            else:
                close()
            i += 1
        close()
        return phrases

    @staticmethod
    def _borrow(doc: Doc, phrases: list[_Phrase]) -> None:
        """Agent-only phrases take their actor from 'of/in/from X' after them, or from the phrase they are
        coordinated with ('Danish media and government')."""
        for idx, ph in enumerate(phrases):
            if ph.actor is not None or not ph.agents:
                continue
            nxt = phrases[idx + 1] if idx + 1 < len(phrases) else None
            if nxt is not None and nxt.actor is not None and nxt.start - ph.end == 1 \
                    and doc[ph.end].lower_ in OWNER_PREPS:
                ph.actor = nxt.actor
                ph.agents = ph.agents + nxt.agents
                # 'the ambassadors of Arnor, Osgiliath and Gondor': each owner of the list
                prev_ph = nxt
                for more in phrases[idx + 2:]:
                    if more.actor is None or not _coordinated(doc, prev_ph, more):
                        break
                    ph.owners.append(more.actor)
                    prev_ph = more
                continue
            prev = phrases[idx - 1] if idx > 0 else None
            if prev is not None and prev.actor is not None and ph.start - prev.end == 1 \
                    and doc[prev.end].lower_ in ("and", "or", "&"):
                ph.actor = prev.actor
                ph.agents = prev.agents[:-1] + ph.agents if prev.agents else ph.agents
        # 'Lawmakers and officials in Arnor': an agent phrase coordinated with one that found its actor
        for idx in range(len(phrases) - 2, -1, -1):
            ph, nxt = phrases[idx], phrases[idx + 1]
            if ph.actor is None and ph.agents and nxt.actor is not None and not any(
                    a.actor for a in nxt.atoms[:1]) and nxt.start - ph.end == 1 \
                    and doc[ph.end].lower_ in ("and", "or"):
                ph.actor = nxt.actor
                ph.owners = list(nxt.owners)

    def _mention(self, doc: Doc, ph: _Phrase, when: date | None) -> ActorMention | None:
        kind = "organisation" if ph.actor is not None else "agent"
        # (actor, its codes with the phrase's agents) for the phrase's actor and its other owners
        coded: list[tuple[PetrarchActor, list[str]]] = []
        for actor in ([ph.actor] if ph.actor is not None else []) + ph.owners:
            codes = [self._with_agents(c, ph.agents) for c in actor.codes_on(when)]
            if codes:
                coded.append((actor, codes))
        if not coded and ph.actor is None and not ph.agents:
            return None
        start = ph.start
        while start < ph.end - 1 and doc[start].pos_ == "DET":
            start += 1
        span = doc[start:ph.end]

        def make(code: str | None, actor: PetrarchActor | None, cls: type[ActorMention] = ActorMention) -> ActorMention:
            country, sector = split_code(code) if code else (None, ph.agents[-1].agent_code if ph.agents else None)
            return cls(text=span.text, start=span.start_char, end=span.end_char, token_start=start,
                       token_end=ph.end, head=ph.end - 1, code=code, country=country, sector=sector,
                       name=actor.name.title() if actor is not None else None, kind=kind)

        if not coded:
            return make(None, ph.actor)
        (actor, codes), more = coded[0], coded[1:]
        m = make(codes[0], actor, PetrarchMention)
        assert isinstance(m, PetrarchMention)
        m.alternatives = [make(c, actor) for c in codes[1:]]
        for other, other_codes in more:
            member = make(other_codes[0], other, PetrarchMention)
            assert isinstance(member, PetrarchMention)
            member.alternatives = [make(c, other) for c in other_codes[1:]]
            m.members.append(member)
        return m

    @staticmethod
    def _with_agents(code: str, agents: list[PetrarchAgent]) -> str:
        prefix = "".join(g.agent_code for g in agents if g.prefix)
        suffix = ""
        for g in agents:
            if g.prefix or (code + suffix).endswith(g.agent_code):
                continue
            suffix += g.agent_code
        return prefix + code + suffix

    @staticmethod
    def _pronouns(doc: Doc, mentions: list[ActorMention]) -> list[ActorMention]:
        """A subject pronoun stands for the nearest resolved actor before it in the same sentence."""
        out: list[ActorMention] = []
        covered = {t for m in mentions for t in range(m.token_start, m.token_end)}
        for tok in doc:
            if tok.lower_ not in SUBJECT_PRONOUNS or tok.i in covered or not tok.dep_.startswith("nsubj"):
                continue
            sent_start = tok.sent.start
            before = [m for m in mentions if m.resolved and sent_start <= m.token_start and m.token_end <= tok.i]
            if not before:
                continue
            src = before[-1]
            out.append(ActorMention(text=tok.text, start=tok.idx, end=tok.idx + len(tok.text), token_start=tok.i,
                                    token_end=tok.i + 1, head=tok.i, code=src.code, country=src.country,
                                    sector=src.sector, name=src.name, kind="pronoun"))
        return out


def _coordinated(doc: Doc, a: _Phrase, b: _Phrase) -> bool:
    """Phrases joined by 'and', 'or', 'nor', ',' or ', and' ('Mordor, Rohan, Arnor and Bree')."""
    between = [t.lower_ for t in doc[a.end:b.start]]
    return between in (["and"], ["or"], ["nor"], [","], [",", "and"], [",", "or"])
