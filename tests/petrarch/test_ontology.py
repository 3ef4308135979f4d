"""The PETRARCH internal coding ontology (PICO) and negated events, on an ontology and dictionaries written here."""

from __future__ import annotations

from datetime import date

from eventline.coding.petrarch import PetrarchCoder, PetrarchResolver
from eventline.coding.petrarch.actors import build_kb, parse_actors, parse_agents
from eventline.coding.petrarch.ontology import parse_ontology
from eventline.coding.petrarch.verbs import parse_verbs, to_dictionary
from eventline.ingest import Document

PICO = """
# a comment line
010:0x1000#Make Public Statement
011:0x1000-0xFFFF
050:0x0080#DiplomaticCoop
060:0x0070#MaterialCoop
080:0x0200
08:0x0200
110:0x1007f#0xFFFF+0x0080#Disapprove
121:-0xFFFF+0x0070
190:0x00a0
"""

VERBS = """
--- CLASH  [110]  ---
CLASH

--- ATTACK  [190]  ---
ATTACK
"""


def test_values_and_negations() -> None:
    onto = parse_ontology(PICO)
    assert onto.values["110"] == 0xFFFF + 0x80 and onto.values["121"] == 0x70 - 0xFFFF
    assert onto.negate("110") == "050"
    assert onto.negate("010") == "011"
    assert onto.negate("060") == "121"
    assert onto.negate("121") == "060"  # a negated negation
    assert onto.negate("190") is None  # no code for 'did not attack'
    assert onto.negate("999") is None
    assert onto.codes[0x200] == "080"  # of two codes with one value, the three-digit one


def test_negated_events_through_the_coder(nlp) -> None:
    resolver = PetrarchResolver(build_kb(parse_actors("ARNOR [ARN]\nGONDOR [GON]\n"), parse_agents("")))
    dictionary = to_dictionary(parse_verbs(VERBS))
    plain = PetrarchCoder(resolver=resolver, dictionary=dictionary)
    dictionary = to_dictionary(parse_verbs(VERBS))
    dictionary.ontology = parse_ontology(PICO)
    coder = PetrarchCoder(resolver=resolver, dictionary=dictionary)

    def got(c: PetrarchCoder, text: str) -> set[tuple[str, str, str]]:
        events = c.code(nlp(text), Document(id="t", text=text, pub_date=date(1995, 1, 1)))
        return {(e["cameo"], a["code"], r["code"]) for e in events for a in e["actor"] for r in e["recipient"]}

    assert got(coder, "Arnor clashed with Gondor.") == {("110", "ARN", "GON")}
    assert got(coder, "Arnor did not clash with Gondor.") == {("050", "ARN", "GON")}
    assert got(coder, "Arnor will not clash with Gondor.") == {("050", "ARN", "GON")}
    assert got(coder, "Arnor never attacked Gondor.") == set()
    assert got(plain, "Arnor did not clash with Gondor.") == {("110", "ARN", "GON")}  # no ontology: as said
