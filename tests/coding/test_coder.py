"""The event coder: dictionary, code transforms, frames on real parses, records on the seeds, component, CLI."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from tests.conftest import SHARED, shared_path

from eventline.coding import transforms
from eventline.coding.codebook_access import code_info
from eventline.coding.dictionary import inflections, load_dictionary, parse_pattern
from eventline.nlp import MODEL_DIR


def test_pattern_syntax():
    ps = parse_pattern("040", "hold|have =talks|dialogue +with", noun=False)
    assert {p.lemma for p in ps} == {"hold", "have"}
    assert ps[0].objects == frozenset({"talks", "dialogue"}) and ps[0].preps == ("with",)
    (p,) = parse_pattern("120", "rule_out", noun=False)
    assert (p.lemma, p.particle) == ("rule", "out")
    (n,) = parse_pattern("041", "telephone|phone call +with", noun=True)
    assert n.lemma == "call" and n.modifiers == frozenset({"telephone", "phone"})
    (a,) = parse_pattern("130", "respond !sharply +to", noun=False)
    assert a.adverbs == frozenset({"sharply"})


def test_inflections_cover_irregular_and_doubling():
    assert {"held", "holds", "holding"} <= set(inflections("hold"))
    assert {"bombed", "bombing"} <= set(inflections("bomb"))
    assert "ruled" in inflections("rule") and "occupied" in inflections("occupy")


def test_shipped_dictionary_codes_are_cameo_codes():
    d = load_dictionary()
    assert len(d.verbs) > 300 and len(d.nouns) > 50
    roots = set()
    for table in (d.verbs, d.nouns):
        for plist in table.values():
            for p in plist:
                assert code_info(p.code) is not None, p
                roots.add(p.code[:2])
    assert roots >= {f"{i:02d}" for i in range(1, 21)} - {"09"} | {"09"}
    assert d.wrappers["rule_out"] == "reject" and d.wrappers["say"] == "attribution"
    # inflected forms reach their lemma even when a lemmatizer fails
    assert d.verb_key("cit", "citing") is None or d.verb_key("cit", "citing") == "cite"
    assert d.verb_key("xx", "imposed") == "impose"


def test_transforms_follow_cameo_structure():
    assert transforms.intent("040") == "036" and transforms.intent("0841") == "0353"
    assert transforms.reject("036") == "125" and transforms.reject("040") == "125"
    assert transforms.reject("085") == "1244"
    assert transforms.threaten("163") == "1312" and transforms.threaten("190") == "1384"
    assert transforms.appeal("084") == "0253" and transforms.demand("084") == "1053"
    assert transforms.demand("040") == "106"


@pytest.fixture(scope="module")
def coder_nlp():
    if not (MODEL_DIR / "config.cfg").exists():
        pytest.skip("shipped spaCy model not built")
    from eventline import nlp as nlp_stage

    return nlp_stage.load()


@pytest.fixture(scope="module")
def coder():
    from eventline.actors import ActorResolver
    from eventline.coding import EventCoder

    return EventCoder(resolver=ActorResolver())


def _code(coder_nlp, coder, text, when=date(2024, 3, 29)):
    from eventline.ingest import Document

    return coder.code(coder_nlp(text), Document(id="t", text=text, pub_date=when))


def _dyads(records):
    return {(r["cameo"][:2], tuple(sorted(a["country"] or "" for a in r["actor"])),
             tuple(sorted(a["country"] or "" for a in r["recipient"]))) for r in records}


def test_light_verb_with_prepositional_recipient(coder_nlp, coder):
    recs = _code(coder_nlp, coder, "Japan imposed new sanctions on North Korea on Tuesday.")
    assert ("16", ("JPN",), ("PRK",)) in _dyads(recs)
    r = next(r for r in recs if r["cameo"].startswith("16"))
    assert r["date"] == "2024-03-26" and r["date_basis"] == "relative"
    assert r["quad_class"] in (3, 4) and r["goldstein"] < 0


def test_intent_wrapper_makes_03_and_future(coder_nlp, coder):
    recs = _code(coder_nlp, coder, "China said it wants to hold talks with India.")
    r = next(r for r in recs if r["cameo"].startswith("03"))
    assert r["cameo"] == "036" and r["modality"] == "future"


def test_rejection_of_talks(coder_nlp, coder):
    recs = _code(coder_nlp, coder, "Iran rejected talks with the United States.")
    assert any(r["cameo"] == "125" and r["recipient"] and r["recipient"][0]["country"] == "USA" for r in recs)


def test_no_event_between_an_actor_and_itself(coder_nlp, coder):
    recs = _code(coder_nlp, coder, "Japan praised Japan.")
    assert not any(r["recipient"] and {a["code"] for a in r["actor"]} == {a["code"] for a in r["recipient"]}
                   for r in recs)


def test_sport_sentences_are_discarded(coder_nlp, coder):
    text = "Brazil attacked Argentina in the second half of the World Cup football match."
    assert _code(coder_nlp, coder, text) == []


def test_seed_records_are_schema_valid_and_carry_the_key_events(coder_nlp, coder, seeds_dir: Path):
    import jsonschema

    import eventline

    schema = json.loads((SHARED / "spec" / "event.schema.json").read_text())
    recs = []
    for document in eventline.read(seeds_dir):
        recs += coder.code(coder_nlp(document.text), document)
    for r in recs:
        jsonschema.validate(r, schema)
        assert "Sakura" not in r["text"] and "Facebook" not in r["text"]
    ids = [r["id"] for r in recs]
    assert len(ids) == len(set(ids))
    d = _dyads(recs)
    assert any(k[0] == "03" and "PRK" in k[1] and "JPN" in k[2] for k in d)
    assert any(k[0] == "03" and "JPN" in k[1] and "PRK" in k[2] for k in d)
    assert any(r["cameo"][:2] == "18" and r["modality"] == "historical" for r in recs)
    assert any(r["cameo"][:2] == "16" and "PRK" in {a["country"] for a in r["recipient"]} for r in recs)


def test_spacy_component_sets_doc_events():
    if not (MODEL_DIR / "config.cfg").exists():
        pytest.skip("shipped spaCy model not built")
    import spacy

    nlp = spacy.load(MODEL_DIR)
    nlp.add_pipe("eventline")
    doc = nlp.make_doc("x")
    doc = nlp("Israel launched air strikes on Syria.")
    assert isinstance(doc._.events, list)
    assert any(r["cameo"][:2] in ("19", "18") for r in doc._.events)


def test_explain_command_shows_match_and_event():
    if not (MODEL_DIR / "config.cfg").exists():
        pytest.skip("shipped spaCy model not built")
    from typer.testing import CliRunner

    from eventline.cli import app

    res = CliRunner().invoke(app, ["explain", "Russia expelled two British diplomats.", "--date", "2020-05-05"])
    assert res.exit_code == 0, res.output
    assert "match:" in res.output and "events:" in res.output
    bad = CliRunner().invoke(app, ["explain", "x", "--date", "May 5"])
    assert bad.exit_code == 2


def test_gold_dev_present_or_skip():
    shared_path("data", "gold-dev", "PLOVER_GSR_CAMEO.txt")


def test_explain_refuses_empty_text():
    from typer.testing import CliRunner

    from eventline.cli import app

    result = CliRunner().invoke(app, ["explain", "  "])
    assert result.exit_code == 2 and "empty" in result.output
