"""The PETRARCH loaders on small dictionaries written here in the PETRARCH formats."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from eventline.coding.petrarch import find_files, load_petrarch_dictionaries
from eventline.coding.petrarch.actors import build_kb, parse_actors, parse_agents
from eventline.coding.petrarch.discards import discard_hit, parse_discards
from eventline.coding.petrarch.verbs import parse_verbs, to_dictionary

VERBS = """
####### SYNONYM SETS #######
&TIETYPES
+MILITARY
+ECONOMIC

&MONEY
# a comment inside a set does not end it
+CASH_
+GOLDEN_COINS

&MANY
+&MONEY
+(TO THE END)

####### VERB PATTERNS #######
--- QUARREL  [110]  ---
QUARREL    # a comment
+FALL_OUT {+FELL_OUT +FALLEN_OUT +FALLS_OUT}
FEUD [111]
- * (WITH)  [112]
- * (OVER &MONEY)  [1121]
- % *  [120]
- HEAVILY *  [113]
- * ATTACK (BY)  [114]
- $ (IN) ^ *  [115]

--- GREET  [042:043]  ---
GREET {GREETS GREETED GRETT}
- * {WARM &TIETYPES WELCOME}  [051]
- * NOTHING  [---]
"""

ACTORS = """<!-- test actors -->
ARNOR_ [ARN]
+ARNORIAN
MINAS_TIRITH [GON] # a comment
LORIEN [ELR/GAL]
BOROMIR [---]
GOLLUM
+SMEAGOL
\t[HOB < 950601]
\t[HOBGOV 19950601 - 19990815]
\t[HOBREB > 990816]
SAM_GAMGEE [HOB]
\t[ORCHOB 20100109-20100112]
\t[HOBMIL 20080120-20121109]
"""

AGENTS = """!PERSON! = MAN, MEN
POLICE {} [~COP]
MSF {} [NGO~]
GOLDEN_GOOSE {GOLDEN_GEESE} [~GGS]
CONGRESS!PERSON! [~LEG]
SOLDIER [~MIL]
# COMMENTED_OUT [~XXX]
"""


def test_verb_blocks_synsets_and_patterns() -> None:
    verbs = parse_verbs(VERBS)
    assert [m[0].text for m in verbs.members("MONEY")] == ["cash", "golden coins"]
    assert len(verbs.members("MANY")) == 3  # nested set expanded, bracketed phrase kept
    d = to_dictionary(verbs)
    quarrel = {p.text.split("[")[0].strip(): p for p in d.verbs["quarrel"]}
    assert quarrel["- * (WITH)"].particle == "with" and quarrel["- * (WITH)"].code == "112"
    over = quarrel["- * (OVER &MONEY)"]
    assert over.particle == "over" and {"cash", "coins"} <= over.objects and over.code == "1121"
    assert "- HEAVILY *" not in quarrel  # a lone adverb in front of the verb is not matched, as in PETRARCH
    by = quarrel["- * ATTACK (BY)"]
    assert "attack" in by.objects and by.preps == ("by",) and by.particle is None
    # words in front of the verb are held as a constraint the PETRARCH coder checks
    before = d.constraints[quarrel["- $ (IN) ^ *"]]
    assert before.before == (frozenset({"in"}),) and before.source_after is None
    assert d.constraints[over].size == 2 and d.constraints[by].preps == (("by", None),)
    compound = [p for p in d.compound if p.lemma == "quarrel"]
    assert compound and compound[0].code == "120"
    # the block's default, a member verb's own default, a phrasal member verb
    assert [p.code for p in d.verbs["quarrel"] if p.objects is None and not p.preps and p.particle is None
            and p.adverbs is None and p not in d.compound and p not in d.constraints] == ["110"]
    assert any(p.code == "111" and p.objects is None and p.particle is None for p in d.verbs["feud"])
    assert any(p.particle == "out" and p.code == "110" for p in d.verbs["fall"])


def test_paired_codes_forms_and_null_codes() -> None:
    d = to_dictionary(parse_verbs(VERBS))
    default = next(p for p in d.verbs["greet"] if p.objects is None)
    assert default.code == "042" and d.paired[default] == "043"
    assert d.verb_key("gret", "grett") == "greet"  # an irregular form the file spells out
    welcome = next(p for p in d.verbs["greet"] if p.code == "051")
    assert "welcome" in welcome.objects
    assert any(p.code == "---" for p in d.verbs["greet"])  # [---]: matches and codes nothing


def test_actors_synonyms_and_dated_codes() -> None:
    actors = {a.name: a for a in parse_actors(ACTORS)}
    assert set(actors) == {"ARNOR", "MINAS TIRITH", "LORIEN", "BOROMIR", "GOLLUM", "SAM GAMGEE"}
    assert "ARNORIAN" in actors["ARNOR"].forms
    gollum = actors["GOLLUM"]
    assert "SMEAGOL" in gollum.forms
    assert gollum.code_on(date(1995, 5, 31)) == "HOB"
    assert gollum.code_on(date(1995, 6, 1)) == "HOBGOV"
    assert gollum.code_on(date(1999, 8, 15)) == "HOBGOV"
    assert gollum.code_on(date(2001, 1, 1)) == "HOBREB"
    sam = actors["SAM GAMGEE"]
    assert sam.code_on(date(2010, 1, 10)) == "ORCHOB"  # the first restriction that applies wins
    assert sam.code_on(date(2011, 1, 1)) == "HOBMIL"
    assert sam.code_on(date(1990, 1, 1)) == "HOB"  # the undated default
    assert actors["BOROMIR"].resolve(None) == (None, None, None)
    assert actors["LORIEN"].resolve(None)[0] == "ELR"
    assert actors["ARNOR"].resolve(None) == ("ARN", "ARN", None)


def test_agents_prefixes_plurals_substitutions() -> None:
    agents = {a.name: a for a in parse_agents(AGENTS)}
    assert "commented out" not in agents
    assert agents["police"].forms == {"police"}  # {}: no plural
    assert agents["msf"].prefix and agents["msf"].agent_code == "NGO"
    assert {"golden goose", "golden geese"} <= agents["golden goose"].forms
    assert {"soldier", "soldiers"} <= agents["soldier"].forms
    congress = next(a for a in agents.values() if a.agent_code == "LEG")
    assert {"congressman", "congressmen"} <= congress.forms
    kb = build_kb(parse_actors(ACTORS), list(agents.values()))
    assert ("minas", "tirith") in kb.entities and ("congressmen",) in kb.agents


def test_discards() -> None:
    sentence, story = parse_discards("MONTHS LATER\n+Manchester United   # football\nBASEBALL ;AB\n")
    assert sentence == ["months later", "baseball"] and story == ["manchester united"]
    assert discard_hit("It came months later.", sentence) == "months later"
    assert discard_hit("Monthsa later", sentence) is None


def test_folder_loading(tmp_path: Path) -> None:
    (tmp_path / "My_verbs.txt").write_text(VERBS)
    (tmp_path / "My_actors.txt").write_text(ACTORS)
    (tmp_path / "My_agents.txt").write_text(AGENTS)
    (tmp_path / "My_discards.txt").write_text("+Manchester United\n")
    files = find_files(tmp_path)
    assert files["verbs"][0].name == "My_verbs.txt" and files["discards"]
    d, resolver = load_petrarch_dictionaries(tmp_path)
    assert "quarrel" in d.verbs and d.story_discards == ["manchester united"]
    r = resolver.lookup("Smeagol", date(1996, 1, 1))
    assert r is not None and r.code == "HOBGOV"
    with pytest.raises(FileNotFoundError):
        load_petrarch_dictionaries(tmp_path / "absent")
