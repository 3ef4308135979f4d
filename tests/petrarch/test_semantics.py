"""PETRARCH pattern and actor semantics in `PetrarchCoder` / `PetrarchResolver`, on dictionaries written here and
sentences of our own, through the shipped parser."""

from __future__ import annotations

from datetime import date

import pytest

from eventline.coding.petrarch import PetrarchCoder, PetrarchResolver
from eventline.coding.petrarch.actors import build_kb, parse_actors, parse_agents
from eventline.coding.petrarch.verbs import parse_verbs, to_dictionary
from eventline.ingest import Document

VERBS = """
&TIETYPES
+MILITARY
+ECONOMIC
+CULTURAL

&SANCTION
+TOTAL BOYCOTT
+EMBARGO

--- CALL  [010] ---
CALL
- * (FOR &SANCTION)  [172]
- * (FOR)  [113]

--- ABANDON  [1121]  ---
ABANDON
- * {NEW &TIETYPES RELATIONS} [1951]
- * {&TIETYPES TIES} [080]

--- WELCOME  [050] ---
WELCOME
- * {&TIETYPES MEMOS} (FROM) [091]
- * {&TIETYPES MEMOS} [092]

--- RISEN  [---] ---
RISEN
- {DEATH TOLL} * [190]

--- RECEIVE  [033]  ---
RECEIVE
- + * MONEY $  [071]

--- LEAVE  [012] ---
LEAVE

--- LEFT  [042:043]  ---
LEFT [042:043]

--- PRESENT  [040]  ---
PRESENT

--- CRITICIZE  [111]  ---
CRITICIZE
"""

ACTORS = """
ARNOR [ARN]
GONDOR [GON]
OSGILIATH [OSG]
ERIADOR [ERI]
LORIEN [ELR/GAL]
"""

AGENTS = """
AMBASSADOR [~GOV]
LAWMAKER [~LEG]
"""


@pytest.fixture(scope="module")
def coder() -> PetrarchCoder:
    resolver = PetrarchResolver(build_kb(parse_actors(ACTORS), parse_agents(AGENTS)))
    return PetrarchCoder(resolver=resolver, dictionary=to_dictionary(parse_verbs(VERBS)))


def triples(nlp, coder: PetrarchCoder, text: str) -> set[tuple[str, str, str]]:
    doc = nlp(text)
    events = coder.code(doc, Document(id="t", text=text, pub_date=date(1995, 1, 1)))
    return {(e["cameo"], a["code"], r["code"]) for e in events for a in e["actor"] for r in e["recipient"]}


def test_phrase_modifiers_are_required(nlp, coder) -> None:
    assert triples(nlp, coder, "Arnor abandoned new economic relations with Gondor.") == {("1951", "ARN", "GON")}
    # words between the modifiers are allowed, not between the last one and the head
    assert triples(nlp, coder, "Arnor abandoned new global economic relations with Gondor.") == {
        ("1951", "ARN", "GON")}
    assert triples(nlp, coder, "Arnor abandoned economic relations with Gondor.") == {("1121", "ARN", "GON")}
    assert triples(nlp, coder, "Arnor abandoned military ties with Gondor.") == {("080", "ARN", "GON")}


def test_longest_pattern_and_required_prepositions(nlp, coder) -> None:
    assert triples(nlp, coder, "Arnor welcomed cultural memos from Gondor.") == {("091", "ARN", "GON")}
    # '(FROM)' is not there: the shorter pattern
    assert triples(nlp, coder, "Arnor welcomed cultural memos sent by Gondor.") == {("092", "ARN", "GON")}


def test_several_word_set_members_need_all_their_words(nlp, coder) -> None:
    assert triples(nlp, coder, "Arnor called for an embargo against Gondor.") == {("172", "ARN", "GON")}
    assert triples(nlp, coder, "Arnor called for a total boycott against Gondor.") == {("172", "ARN", "GON")}
    assert triples(nlp, coder, "Arnor called for a boycott against Gondor.") == {("113", "ARN", "GON")}


def test_words_before_the_verb_and_a_source_after_it(nlp, coder) -> None:
    assert triples(nlp, coder, "Eriador's death toll has risen in the dispute with Osgiliath.") == {
        ("190", "ERI", "OSG")}
    assert triples(nlp, coder, "Eriador has received money from Osgiliath.") == {("071", "OSG", "ERI")}


def test_inflected_verb_entries_have_their_own_default(nlp, coder) -> None:
    assert triples(nlp, coder, "Arnor left for Gondor on Monday.") == {("042", "ARN", "GON"), ("043", "GON", "ARN")}
    assert triples(nlp, coder, "Arnor will leave Gondor on Monday.") == {("012", "ARN", "GON")}


def test_actor_lists_owners_and_several_codes(nlp, coder) -> None:
    got = triples(nlp, coder, "Arnor, Osgiliath, Eriador and Gondor welcomed the memos.")
    assert got == set()  # no target
    got = triples(nlp, coder, "Osgiliath, Eriador and Arnor criticized Gondor.")
    assert got == {("111", "OSG", "GON"), ("111", "ERI", "GON"), ("111", "ARN", "GON")}
    got = triples(nlp, coder, "The ambassadors of Arnor, Osgiliath and Eriador criticized Gondor.")
    assert got == {("111", "ARNGOV", "GON"), ("111", "OSGGOV", "GON"), ("111", "ERIGOV", "GON")}
    got = triples(nlp, coder, "Lawmakers in Arnor and Osgiliath criticized Gondor.")
    assert got == {("111", "ARNLEG", "GON"), ("111", "OSGLEG", "GON")}
    # an actor with two codes: one event for each
    doc = nlp("Lorien criticized Gondor.")
    events = coder.code(doc, Document(id="t", text=doc.text, pub_date=date(1995, 1, 1)))
    assert sorted((e["actor"][0]["code"], e["recipient"][0]["code"]) for e in events) == [
        ("ELR", "GON"), ("GAL", "GON")]
    assert len({e["id"] for e in events}) == 2


def test_passive_the_parser_misses(nlp, coder) -> None:
    assert triples(nlp, coder, "Gondor was heavily and unjustly criticized over its dispute with Osgiliath.") == {
        ("111", "OSG", "GON")}
