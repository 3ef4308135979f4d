"""eventline's coder on PETRARCH dictionaries written here, through the shipped parser; and the validation suite
(a sample of ../shared/data/peer-suite/udpetrarch) through `eventline.coding.petrarch.suite`."""

from __future__ import annotations

from datetime import date

import pytest
from tests.conftest import shared_path

from eventline.coding.petrarch import PetrarchCoder, PetrarchResolver
from eventline.coding.petrarch.actors import build_kb, parse_actors, parse_agents
from eventline.coding.petrarch.verbs import parse_verbs, to_dictionary
from eventline.ingest import Document

VERBS = """
--- RESTORE  [050]  ---
RESTORE
- * TIES  [051]

--- ARRIVE  [042:043]  ---
ARRIVE

--- POSTPONE  [---]  ---
POSTPONE
- % *  [120]

--- CRITICIZE  [111]  ---
CRITICIZE
"""

ACTORS = """
ARNOR [ARN]
GONDOR [GON]
+MINAS_TIRITH
OSGILIATH [OSG]
GOLLUM
\t[HOB < 19950601]
\t[HOBGOV 19950601 - 19990815]
"""

AGENTS = """
POLICE {} [~COP]
MSF {} [NGO~]
SOLDIER [~MIL]
GOVERNMENT [~GOV]
"""


@pytest.fixture(scope="module")
def coder() -> PetrarchCoder:
    resolver = PetrarchResolver(build_kb(parse_actors(ACTORS), parse_agents(AGENTS)))
    return PetrarchCoder(resolver=resolver, dictionary=to_dictionary(parse_verbs(VERBS)))


def triples(nlp, coder: PetrarchCoder, text: str, when: date = date(1995, 1, 1)) -> set[tuple[str, str, str]]:
    doc = nlp(text)
    events = coder.code(doc, Document(id="t", text=text, pub_date=when))
    return {(e["cameo"], a["code"], r["code"]) for e in events for a in e["actor"] for r in e["recipient"]}


def test_pattern_object_and_agents(nlp, coder) -> None:
    assert triples(nlp, coder, "Arnor police have restored ties with Gondor.") == {("051", "ARNCOP", "GON")}
    assert triples(nlp, coder, "MSF Arnor has restored order in Minas Tirith.") == {("050", "NGOARN", "GON")}
    assert triples(nlp, coder, "Soldiers from Osgiliath criticized Gondor.") == {("111", "OSGMIL", "GON")}


def test_dated_actor_codes(nlp, coder) -> None:
    text = "Gollum has restored ties with Gondor."
    assert triples(nlp, coder, text, date(1995, 1, 1)) == {("051", "HOB", "GON")}
    assert triples(nlp, coder, text, date(1996, 1, 1)) == {("051", "HOBGOV", "GON")}


def test_paired_and_compound_events(nlp, coder) -> None:
    assert triples(nlp, coder, "Arnor arrived in Gondor on Monday.") == {("042", "ARN", "GON"), ("043", "GON", "ARN")}
    got = triples(nlp, coder, "Gondor and Osgiliath have postponed their meeting.")
    assert got == {("120", "GON", "OSG"), ("120", "OSG", "GON")}
    assert triples(nlp, coder, "Gondor has postponed the meeting.") == set()  # '%' needs a compound subject


def test_passive_without_agent(nlp, coder) -> None:
    assert ("111", "OSG", "ARN") in triples(nlp, coder, "Arnor was criticized over its dispute with Osgiliath.")


SAMPLE = 60


def test_validation_suite_sample() -> None:
    folder = shared_path("data", "peer-suite", "udpetrarch")
    from eventline.coding.petrarch.suite import read_records, run

    records = read_records(folder)
    # as the harness reads them: a record whose only coding is not self-closing is not scored
    assert len(records) == 243 and sum(r.noevents for r in records) == 6
    result = run(folder, limit=SAMPLE)
    assert result.crashes == 0
    # measured on these 60 records: recall 0.968, precision 0.961 with the shipped parser (0.952 / 0.968 with
    # the one before it); full suite: docs/benchmarks.md
    assert result.recall >= 0.94, result.as_dict()
    assert result.precision >= 0.94, result.as_dict()


def test_suite_scoring_counts_unreachable_codes_and_shared_ids() -> None:
    from eventline.coding.petrarch.suite import SuiteRecord, score

    records = [SuiteRecord("A-1", "X", None, "t", {("050", "ARN", "GON"), ("345", "ARN", "GON")}),
               SuiteRecord("A-1", "X", None, "t", {("170", "ARN", "GON")}),
               SuiteRecord("B-1", "X", None, "t", noevents=True)]
    got = {"A-1": {("050", "ARN", "GON"), ("170", "ARN", "GON")}}
    s = score(records, got)
    # the two A-1 records share their events: each of them scores the other's as an extra
    assert (s.correct, s.not_coded, s.extra) == (3, 1, 2)
    assert s.unreachable == 1 and s.duplicate_ids == ["A-1"]


def test_reciprocal_record_is_mirrored(coder) -> None:
    """The general coder writes 'X and Y held talks' as actor X, recipient Y, reciprocal: PETRARCH output has
    both directions."""
    rec = {"id": "r1", "cameo": "040", "pattern": "", "reciprocal": True,
           "actor": [{"code": "ARN", "start": 0, "end": 5}],
           "recipient": [{"code": "GON", "start": 10, "end": 16}, {"code": "OSG", "start": 21, "end": 30}]}
    got = {(r["actor"][0]["code"], r["recipient"][0]["code"]) for r in coder._directed(rec)}
    assert got == {("ARN", "GON"), ("GON", "ARN"), ("ARN", "OSG"), ("OSG", "ARN"), ("GON", "OSG"), ("OSG", "GON")}
    one_way = dict(rec, reciprocal=False)
    assert [(r["actor"][0]["code"], [x["code"] for x in r["recipient"]]) for r in coder._directed(one_way)] == \
        [("ARN", ["GON", "OSG"])]
    # an actor with two codes on the same words: each choice is still mirrored
    two = dict(rec, recipient=[{"code": "GON", "start": 10, "end": 16, "name": "g"},
                               {"code": "GONGOV", "start": 10, "end": 16, "name": "g"}])
    got = {(r["actor"][0]["code"], r["recipient"][0]["code"]) for r in coder._directed(two)}
    assert got == {("ARN", "GON"), ("GON", "ARN"), ("ARN", "GONGOV"), ("GONGOV", "ARN")}
