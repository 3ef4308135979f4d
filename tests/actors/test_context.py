"""Context countries for generic and unknown actors (ActorResolver._context and the phrase links of _borrow):
what their own phrase, their clause's place, their sentence or their document says, and when they say nothing."""

from __future__ import annotations

import pytest

from eventline.actors import ActorResolver


@pytest.fixture(scope="module")
def resolver() -> ActorResolver:
    return ActorResolver()


def _mention(nlp, resolver, text, words):
    ms = resolver.resolve(nlp(text))
    found = [m for m in ms if words in m.text]
    assert found, f"no mention with {words!r} in {[m.text for m in ms]}"
    return found[0]


def test_the_only_country_of_the_sentence(nlp, resolver):
    m = _mention(nlp, resolver, "Striking teachers demanded higher pay from the Kenyan government.", "teachers")
    assert (m.code, m.inferred) == ("KENEDU", "sentence")
    assert m.entity()["inferred"] == "sentence"


def test_the_place_of_the_clause(nlp, resolver):
    m = _mention(nlp, resolver, "Prisoners rioted at a jail in Mombasa on Monday.", "Prisoners")
    assert (m.country, m.inferred) == ("KEN", "place")


def test_the_only_country_of_the_document(nlp, resolver):
    text = "Kenya's election was held in March. Police arrested twelve men on Friday."
    m = _mention(nlp, resolver, text, "Police")
    assert (m.code, m.inferred) == ("KENCOP", "document")


def test_no_country_when_the_context_is_ambiguous_or_foreign(nlp, resolver):
    assert _mention(nlp, resolver, "Protesters marched as Chinese and Japanese officials met.", "Protesters").country \
        is None
    assert _mention(nlp, resolver, "Foreign investors pulled money out of Brazil.", "investors").country is None
    # an airline's spokeswoman is the airline's, not of the country its flights go to
    m = _mention(nlp, resolver, "Flights to Cairo were cancelled, a spokeswoman for Delta Air Lines said.",
                 "spokeswoman")
    assert m.country != "EGY"


def test_explicit_countries_are_not_marked(nlp, resolver):
    m = _mention(nlp, resolver, "Striking teachers demanded higher pay from the Kenyan government.", "government")
    assert m.code == "KENGOV" and m.inferred is None and "inferred" not in m.entity()


def test_possessor_and_apposition_the_chunks_split(nlp, resolver):
    text = "Jane Mwangi, Kenya's leading human rights activist, staged a hunger strike."
    assert _mention(nlp, resolver, text, "activist").country == "KEN"
    m = _mention(nlp, resolver, text, "Jane Mwangi")
    assert m.country == "KEN" and m.inferred is None  # the text says it


def test_groups_tied_to_a_party_or_leader(nlp, resolver):
    assert _mention(nlp, resolver, "Fighters loyal to Syrian President Bashar al-Assad shelled the town.",
                    "Fighters").code == "SYRREB"
    assert _mention(nlp, resolver, "Angry activists from the defeated Fatah Party staged rallies.",
                    "activists").country == "PSE"


def test_anti_and_pro_modifiers_name_no_country(nlp, resolver):
    m = _mention(nlp, resolver, "An anti-American cleric spoke in Karachi on Friday.", "cleric")
    assert m.country == "PAK"  # where he spoke, not the country he is against


def test_tripoli_in_lebanese_context(nlp, resolver):
    assert _mention(nlp, resolver, "Clashes erupted in Tripoli, in northern Lebanon.", "Tripoli").country == "LBN"
    assert _mention(nlp, resolver, "Clashes erupted in Tripoli on Sunday.", "Tripoli").country == "LBY"
