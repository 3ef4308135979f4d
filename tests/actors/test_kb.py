"""Knowledge base and lookups: dated roles, demonyms, capitals, organisations, extensions (no parse needed)."""

from __future__ import annotations

from datetime import date

import pytest

from eventline.actors import ActorResolver, known_actors
from eventline.actors.kb import normalise


@pytest.fixture(scope="module")
def resolver() -> ActorResolver:
    return ActorResolver()


def test_us_president_depends_on_the_date(resolver):
    assert resolver.lookup("Donald Trump", date(2018, 4, 28)).code == "USAGOV"
    assert resolver.lookup("Donald Trump", date(2022, 1, 1)).code == "USAELI"  # former leader
    assert resolver.lookup("Joe Biden", date(2022, 1, 1)).code == "USAGOV"
    assert resolver.lookup("Donald Trump", date(2025, 6, 1)).code == "USAGOV"


def test_abe_is_government_in_2018_and_not_in_2024(resolver):
    assert resolver.lookup("Shinzo Abe", date(2018, 4, 28)).code == "JPNGOV"
    later = resolver.lookup("Shinzo Abe", date(2024, 3, 29))
    assert later.country == "JPN" and later.sector != "GOV"


def test_names_normalise_hyphens_case_and_accents():
    assert normalise("Kim Jong-Un") == normalise("Kim Jong Un") == normalise("kim jong un")
    assert normalise("Moon-Jae-in") == normalise("Moon Jae-in")
    assert normalise("Shinzō Abe") == "shinzo abe"


@pytest.mark.parametrize(("text", "when", "code"), [
    ("Kim Jong-Un", date(2018, 4, 29), "PRKGOV"),
    ("Moon-Jae-in", date(2018, 4, 29), "KORGOV"),
    ("Suh Hoon", date(2018, 4, 29), "KORSPY"),
    ("Fumio Kishida", date(2024, 3, 29), "JPNGOV"),
    ("Choe Son Hui", date(2024, 3, 29), "PRKGOV"),
    ("Ri Ryong Nam", date(2024, 3, 29), "PRKGOV"),
    ("Kim Yo Jong", date(2024, 3, 29), "PRKGOV"),
    ("KCNA", None, "PRKMED"),
    ("the Blue House", None, "KORGOV"),
    ("the Kremlin", None, "RUSGOV"),
    ("Tokyo", None, "JPN"),
    ("Pyongyang", None, "PRK"),
    ("Seoul", None, "KOR"),
    ("Washington", None, "USA"),
    ("North Korean", None, "PRK"),
    ("United Nations", None, "IGOUNO"),
    ("IAEA", None, "IGOUNOIAE"),
])
def test_lookup_by_text(resolver, text, when, code):
    found = resolver.lookup(text, when)
    assert found is not None and found.code == code


def test_igo_has_no_country(resolver):
    un = resolver.lookup("UN Security Council")
    assert un.country is None and un.sector == "IGO"


def test_extension_adds_and_overrides_entries():
    extra = [
        {"kind": "person", "name": "Jane Placeholder", "country": "NOR", "sector": "GOV", "start": "2020-01-01"},
        {"kind": "org", "name": "KCNA", "country": "PRK", "sector": "GOV"},
    ]
    r = ActorResolver(extra=extra)
    assert r.lookup("Jane Placeholder", date(2021, 1, 1)).code == "NORGOV"
    assert r.lookup("KCNA").code == "PRKGOV"
    assert ActorResolver().lookup("Jane Placeholder") is None


def test_extension_file_in_the_same_tsv_format(tmp_path):
    path = tmp_path / "mine.tsv"
    path.write_text("kind\tcode\tcountry\tsector\tstart\tend\tname\taliases\tcontext\tnote\n"
                    "org\t\tKOR\tMED\t\t\tNewsis\tNewsis Agency\t\t\n", encoding="utf-8")
    assert ActorResolver(extra=path).lookup("Newsis Agency").code == "KORMED"


def test_known_actors_lists_codes_with_names():
    codes = {a["code"]: a for a in known_actors()}
    assert codes["PRK"]["name"] == "North Korea"
    assert codes["JPNGOV"]["country"] == "JPN"
    assert "IGOUNO" in codes


@pytest.mark.parametrize(("text", "when", "code"), [
    ("Omar Hassan Ahmad al-Bashir", date(2000, 1, 1), "SDNGOV"),  # CountryInfo leaders (names with spaces)
    ("Francois Mitterrand", date(1990, 6, 1), "FRAGOV"),  # a country with its own cabinet list keeps its presidents
    ("Francois Mitterrand", date(2000, 6, 1), "FRAELI"),
    ("Abdelaziz Bouteflika", date(2005, 1, 1), "DZAGOV"),
    ("Darfur", None, "SDN"),  # CountryInfo regions and major cities
    ("Calgary", None, "CAN"),
    ("Islamic Salvation Front", None, "DZAREB"),
    ("Revolutionary United Front", None, "SLEREB"),
    ("Yoruba", None, "NGACVL"),
    ("Kofi Annan", date(2000, 1, 1), "IGOUNO"),
])
def test_imported_and_hand_kept_facts(resolver, text, when, code):
    found = resolver.lookup(text, when)
    assert found is not None and found.code == code, found


def test_countryinfo_officials_are_dated_and_end():
    from eventline.actors.kb import load

    kb = load()
    people = [e for e in kb.people.values() if e.roles and all(r.country == "SDN" for r in e.roles)]
    assert len(people) > 100  # ministers, not only heads of state
    # an official listed as in office when the list was last updated is not assumed in office for ever
    open_ended = [r for e in people for r in e.roles if r.end is None and "minister of" in r.note.lower()]
    assert not open_ended


def test_role_nouns_from_the_agent_dictionaries(resolver):
    assert resolver.lookup("militiamen").sector == "MIL"
    assert resolver.lookup("fishermen").sector == "AGR"
    assert resolver.lookup("columnist").sector == "MED"
    assert resolver.lookup("ambassador to") is None  # pattern fragments are not role nouns


def test_groups_with_several_countries_have_none(resolver):
    kurds = resolver.lookup("Kurds")
    assert kurds.country is None and kurds.sector == "CVL"


def test_a_replacement_knowledge_base(nlp):
    from eventline.actors.kb import KnowledgeBase

    kb = KnowledgeBase()
    kb.add_rows([{"kind": "country", "code": "", "country": "XYZ", "sector": "", "start": "", "end": "",
                  "name": "Freedonia", "aliases": "Freedonian", "context": "", "note": ""},
                 {"kind": "agent", "code": "", "country": "", "sector": "MIL", "start": "", "end": "",
                  "name": "troops", "aliases": "", "context": "", "note": ""}])
    r = ActorResolver(kb=kb)
    assert r.lookup("Japan") is None
    ms = r.resolve(nlp("Freedonian troops crossed the river."))
    assert [(m.text, m.code) for m in ms] == [("Freedonian troops", "XYZMIL")]


@pytest.mark.parametrize(("text", "code"), [("Indian", "IND"), ("American", "USA"), ("French", "FRA"),
                                            ("Aruban", "ABW"), ("Bermudian", "BMU")])
def test_shared_demonyms_go_to_their_country(resolver, text, code):
    assert resolver.lookup(text).code == code
