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
