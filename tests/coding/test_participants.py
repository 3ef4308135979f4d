"""Implicit recipients (eventline.coding.participants) on real parses: the other actor under the event's words,
the event's place, the actor's own country for domestic events; never the attribution, never the actor."""

from __future__ import annotations

from datetime import date

import pytest

from eventline.nlp import MODEL_DIR


@pytest.fixture(scope="module")
def coder():
    if not (MODEL_DIR / "config.cfg").exists():
        pytest.skip("shipped spaCy model not built")
    from eventline.actors import ActorResolver
    from eventline.coding import EventCoder

    return EventCoder(resolver=ActorResolver())


def _records(nlp, coder, text):
    from eventline.ingest import Document

    return coder.code(nlp(text), Document(id="t", text=text, pub_date=date(2024, 3, 29)))


def _one(records, root):
    found = [r for r in records if r["cameo"].startswith(root)]
    assert found, [(r["cameo"], r["actor"], r["recipient"]) for r in records]
    return found[0]


def test_other_actor_under_the_event_words_not_the_attribution(nlp, coder):
    r = _one(_records(nlp, coder, "Russia threatened to stop talks if the United States deploys missiles, the "
                                  "Washington Post reported."), "13")
    assert [(e["country"], e["inferred"]) for e in r["recipient"]] == [("USA", "sentence")]
    assert r["recipient"][0]["text"] == "United States"


def test_attribution_countries_are_never_recipients(nlp, coder):
    for text in ("Ecuador rejected the plan on Monday, a Colombian diplomat said.",
                 "Ecuador rejected the plan on Monday, according to the Colombian newspaper El Tiempo."):
        r = _one(_records(nlp, coder, text), "12")
        assert [a["country"] for a in r["actor"]] == ["ECU"]
        assert r["recipient"] == [], text


def test_place_of_the_event(nlp, coder):
    r = _one(_records(nlp, coder, "Students staged demonstrations in Lagos to demand reforms."), "10")
    (e,) = r["recipient"]
    assert (e["text"], e["country"], e["inferred"]) == ("Lagos", "NGA", "place")
    assert r["text"][e["start"]:e["end"]] == "Lagos"


def test_domestic_events_aim_at_the_actors_own_country(nlp, coder):
    r = _one(_records(nlp, coder, "Bolivian miners blocked roads on Tuesday."), "14")
    (e,) = r["recipient"]
    assert (e["text"], e["code"], e["inferred"]) == ("Bolivian", "BOL", "domestic")
    r = _one(_records(nlp, coder, "The Mexican government lifted the curfew on Monday, police said."), "08")
    assert [(e["country"], e["inferred"]) for e in r["recipient"]] == [("MEX", "domestic")]


def test_no_self_events_and_no_inference_without_a_sector(nlp, coder):
    # the state itself lifting its own emergency: recipient SDN would repeat the actor's code
    r = _one(_records(nlp, coder, "Sudan lifted the state of emergency on Monday."), "08")
    assert r["recipient"] == []
    # generic people without a country: nothing to infer from
    r = _one(_records(nlp, coder, "Striking workers blocked roads on Tuesday."), "14")
    assert r["recipient"] == []


def test_explicit_recipients_are_left_alone(nlp, coder):
    r = _one(_records(nlp, coder, "Japan imposed new sanctions on North Korea on Tuesday."), "16")
    assert [e["country"] for e in r["recipient"]] == ["PRK"]
    assert not any("inferred" in e for e in r["recipient"])


def test_inferred_entities_stay_valid_event_records(nlp, coder):
    import json

    import jsonschema
    from tests.conftest import shared_path

    schema = json.loads(shared_path("spec", "event.schema.json").read_text(encoding="utf-8"))
    for r in _records(nlp, coder, "Bolivian miners blocked roads on Tuesday, police said."):
        jsonschema.validate(r, schema)
