"""Coder mechanisms on real parses of the shipped model: who the recipient is (reciprocal pairs, the owner of a
rejected proposal, the one a demand is made of, the embedded clause of a threat, the place of a curfew, the aim
of a protest, coordinated clauses), announced hostile acts as threats, negated future nominal events."""

from __future__ import annotations

from datetime import date


def _countries(ents: list[dict]) -> set[str]:
    return {e["country"] for e in ents if e.get("country")}


def _find(recs: list[dict], root: str, actor: str, recipient: str) -> list[dict]:
    return [r for r in recs if r["cameo"].startswith(root) and actor in _countries(r["actor"])
            and recipient in _countries(r["recipient"])]


def test_reciprocal_event_has_first_party_as_actor_and_the_other_as_recipient(code):
    recs = code("Japan and South Korea held talks in Tokyo on Monday.")
    r = next(r for r in recs if r["cameo"].startswith("04"))
    assert r["reciprocal"] is True
    assert _countries(r["actor"]) == {"JPN"} and _countries(r["recipient"]) == {"KOR"}


def test_owner_of_a_rejected_proposal_is_the_recipient(code):
    recs = code("Bangladesh rejected India's proposal for a free trade agreement.")
    assert _find(recs, "12", "BGD", "IND"), recs


def test_demand_goes_to_whoever_is_to_act(code):
    recs = code("Russia demanded that Japan withdraw its troops.")
    assert _find(recs, "10", "RUS", "JPN"), [(r["cameo"], r["actor"], r["recipient"]) for r in recs]


def test_threat_recipient_from_the_embedded_clause(code):
    recs = code("Iran threatened to cut off electricity to Azerbaijan.")
    assert _find(recs, "13", "IRN", "AZE"), [(r["cameo"], r["recipient"]) for r in recs]


def test_announced_hostile_act_is_a_threat(code):
    recs = code("Russia said it would impose sanctions on Georgia.")
    assert _find(recs, "13", "RUS", "GEO"), [(r["cameo"], r["recipient"]) for r in recs]
    assert not any(r["cameo"].startswith("16") for r in recs)


def test_place_of_a_located_act_is_the_target(code):
    recs = code("Serbia lifted the curfew in Montenegro.")
    assert _find(recs, "08", "SRB", "MNE"), [(r["cameo"], r["recipient"]) for r in recs]


def test_meeting_in_a_place_does_not_make_the_place_a_target(code):
    recs = code("Iran and Iraq held talks in Geneva.")
    assert not any("CHE" in _countries(r["recipient"]) for r in recs)


def test_protest_aimed_through_its_purpose_clause(code):
    recs = code("Palestinian prisoners began a hunger strike to protest Israel's policies.")
    assert _find(recs, "14", "PSE", "ISR"), [(r["cameo"], r["actor"], r["recipient"]) for r in recs]


def test_no_meeting_will_take_place_is_a_rejection(code):
    recs = code("Iran said there would be no meeting at any level with the United States.")
    assert _find(recs, "12", "IRN", "USA"), [(r["cameo"], r["recipient"]) for r in recs]


def test_coordinated_clause_shares_the_recipient(code):
    recs = code("Syria said it had no interest in a summit with Turkey and would reject any talks.")
    rejections = _find(recs, "12", "SYR", "TUR")
    assert len({r["trigger"]["start"] for r in rejections}) == 2, [(r["cameo"], r["trigger"]) for r in recs]


def test_accused_is_the_object_not_the_charge(code):
    recs = code("Palestinians blamed Israel for the bombing of a school in Gaza.")
    assert _find(recs, "11", "PSE", "ISR"), [(r["cameo"], r["recipient"]) for r in recs]


def test_verbs_for_sanction_retreat_concede_mobilize(code):
    cases = [
        ("The United States suspended military aid to Egypt.", "16"),
        ("Serbia lifted its restrictions on Kosovo.", "08"),
        ("The teachers' union in Nigeria called off its strike.", "08"),
        ("Israel strengthened its forces in Lebanon.", "15"),
    ]
    for text, root in cases:
        recs = code(text)
        assert any(r["cameo"].startswith(root) for r in recs), (text, [r["cameo"] for r in recs])


def test_required_preposition_separates_formal_complaint_from_dissent(code):
    from eventline.coding.dictionary import parse_pattern

    (p,) = parse_pattern("114", "protest &to", noun=False)
    assert p.required_preps == frozenset({"to"}) and "to" in p.preps
    formal = code("Lebanon protested to the United Nations about the raids.")
    assert any(r["cameo"] == "114" for r in formal), [r["cameo"] for r in formal]
    street = code("Thousands of Kenyan students protested in Nairobi on Monday.")
    assert not any(r["cameo"] == "114" for r in street), [r["cameo"] for r in street]


def test_allegation_of_an_attack_is_an_accusation_too(code):
    recs = code("Russia alleged that Ukraine had shelled Donetsk.")
    acc = _find(recs, "11", "RUS", "UKR")
    assert acc and acc[0]["cameo"] == "112", [(r["cameo"], r["actor"], r["recipient"]) for r in recs]
    assert any(r["cameo"].startswith("19") and "UKR" in _countries(r["actor"]) for r in recs)
    top = max(recs, key=lambda r: r["confidence"])
    assert top["cameo"] == "112"


def test_refusing_a_hostile_act_negates_it(code):
    recs = code("Turkey refused to attack Syria.")
    attacks = [r for r in recs if r["cameo"].startswith("19")]
    assert attacks and all(r["negated"] for r in attacks), [(r["cameo"], r["negated"]) for r in recs]


def test_event_in_a_purpose_clause_ranks_below_the_protest(code):
    recs = code("Thousands of Algerian workers blocked roads in Algiers to demand higher wages from the government.")
    assert recs, "nothing coded"
    top = max(recs, key=lambda r: r["confidence"])
    assert top["cameo"].startswith("14"), [(r["cameo"], r["confidence"]) for r in recs]


def test_reported_future_cooperation_is_intent(code):
    recs = code("Israel said it would release 150 Palestinian prisoners.")
    assert any(r["cameo"].startswith("03") and "ISR" in _countries(r["actor"]) for r in recs), \
        [(r["cameo"], r["modality"]) for r in recs]


def test_attempted_violence_is_the_violence(code):
    recs = code("Militants said they attempted to assassinate Prime Minister Iyad Allawi of Iraq.")
    assert any(r["cameo"] == "185" for r in recs), [r["cameo"] for r in recs]
    assert not any(r["cameo"].startswith("13") for r in recs)


def test_circumstance_phrase_is_not_what_was_agreed(code):
    recs = code("Bosnia and Slovenia agreed to a ceasefire after two days of fierce fighting.")
    assert any(r["event"] in ("AGREE", "RETREAT") for r in recs), [r["cameo"] for r in recs]
    assert not any(r["cameo"].startswith("13") for r in recs), [r["cameo"] for r in recs]


def test_fronted_call_frames_an_agreement_between_two_parties(code):
    recs = code("In a phone conversation, Germany and France agreed that Iran must return to the talks.",
                when=date(2019, 6, 2))
    calls = [r for r in recs if r["cameo"].startswith("04")]
    assert calls, [(r["cameo"], r["trigger"]["text"]) for r in recs]
    r = calls[0]
    assert r["reciprocal"] and _countries(r["actor"]) | _countries(r["recipient"]) == {"DEU", "FRA"}


def test_surface_coordination_joins_a_second_actor_the_parser_folded_in():
    """'Abe and U.S. President Donald Trump' read as one name: the resolver's second mention, attached back inside
    the first phrase, joins the actor list; a second actor in another clause does not."""
    import spacy

    from eventline.actors.mention import ActorMention, MentionIndex
    from eventline.coding.coder import _surface_coordination

    nlp = spacy.blank("en")
    words = ["Abe", "and", "Trump", "agreed", "."]
    doc = spacy.tokens.Doc(nlp.vocab, words=words, heads=[3, 0, 0, 3, 3], deps=["nsubj", "cc", "flat", "ROOT", "punct"],
                           pos=["PROPN", "CCONJ", "PROPN", "VERB", "PUNCT"])
    abe = ActorMention("Abe", 0, 3, 0, 1, 0, "JPNGOV", "JPN", "GOV", None)
    trump = ActorMention("Trump", 8, 13, 2, 3, 2, "USAGOV", "USA", "GOV", None)
    out = [abe]
    _surface_coordination(out, doc, MentionIndex([abe, trump]))
    assert out == [abe, trump]
    doc2 = spacy.tokens.Doc(nlp.vocab, words=["Abe", "and", "Trump", "agreed", "."], heads=[0, 3, 3, 3, 3],
                            deps=["ROOT", "cc", "nsubj", "conj", "punct"],
                            pos=["PROPN", "CCONJ", "PROPN", "VERB", "PUNCT"])
    out2 = [abe]
    _surface_coordination(out2, doc2, MentionIndex([abe, trump]))
    assert out2 == [abe]


def test_participle_modifier_is_a_state_not_an_event(code):
    recs = code("Palestinian workers in the Israeli-occupied West Bank stayed home on Monday to protest the decision.")
    assert not any(r["cameo"].startswith("192") for r in recs), [(r["cameo"], r["trigger"]) for r in recs]
    recs = code("Hamas called off its armed struggle against Israel.")
    assert not any(r["cameo"].startswith("072") for r in recs), [(r["cameo"], r["trigger"]) for r in recs]


def test_relative_clause_subject_is_the_antecedent_and_no_control_by_a_place(code):
    recs = code("Abe met with the director of South Korea's intelligence service, who visited Tokyo to brief Abe.",
                when=date(2018, 4, 29))
    briefs = [r for r in recs if r["trigger"]["text"].startswith("brief")]
    assert briefs, [(r["cameo"], r["trigger"]["text"]) for r in recs]
    assert all("KOR" in _countries(r["actor"]) for r in briefs), [(r["actor"], r["recipient"]) for r in briefs]


def _codes(ents: list[dict]) -> set[str]:
    return {e["code"] for e in ents if e.get("code")}


def test_owner_of_a_rejected_demand_is_the_recipient_not_the_actor(code):
    recs = code("Iran rejected the IAEA's demand for access to the site.")
    rej = [r for r in recs if r["cameo"].startswith("12")]
    assert rej and "IRN" in _countries(rej[0]["actor"]), [(r["cameo"], r["actor"], r["recipient"]) for r in recs]
    assert any(c.startswith("IGO") for c in _codes(rej[0]["recipient"]))


def test_nationality_two_words_into_a_compound_is_the_actor(code):
    recs = code("Israeli air strikes killed at least 20 people in Gaza overnight.")
    assert any(r["cameo"][:2] in ("18", "19") and "ISR" in _countries(r["actor"]) for r in recs), \
        [(r["cameo"], r["actor"]) for r in recs]


def test_unresolved_object_of_the_embedded_clause_leaves_a_reciprocal_pair(code):
    recs = code("Saudi Arabia and Iran agreed to reopen their embassies within two months.")
    agree = [r for r in recs if r["cameo"].startswith("03")]
    assert agree and agree[0]["reciprocal"], [(r["cameo"], r["actor"], r["recipient"]) for r in recs]
    assert _countries(agree[0]["actor"]) | _countries(agree[0]["recipient"]) == {"SAU", "IRN"}


def test_planned_deployment_is_no_threat(code):
    recs = code("France will deploy 1,000 additional troops to Estonia.")
    assert any(r["cameo"].startswith("15") for r in recs), [r["cameo"] for r in recs]
    assert not any(r["cameo"].startswith("13") for r in recs)


def test_speaker_is_not_the_actor_of_reported_violence(code):
    recs = code("Russia closed its border with Iran because of fighting between Azerbaijanis and Armenians, "
                "an editor at the official Armenian news agency said.")
    assert not any(r["cameo"][:2] in ("18", "19", "20") and r["actor"] and r["actor"][0]["text"].endswith("editor")
                   for r in recs), [(r["cameo"], r["actor"]) for r in recs]


def test_demand_recipient_is_the_subject_of_the_demanded_clause(code):
    recs = code("China demanded that the United States cancel plans to sell weapons to Taiwan.")
    dem = [r for r in recs if r["cameo"].startswith("10")]
    assert dem and "USA" in _countries(dem[0]["recipient"]), [(r["cameo"], r["recipient"]) for r in recs]


def test_participle_read_as_adjective_is_given_back_its_clause():
    """'Britain mobilized/amod army reservists/ROOT': the participle becomes the verb, the noun its object, the
    name before it its subject; 'it had halted/amod aid/obj-of-had': the participle takes the auxiliary's place."""
    import spacy

    from eventline.coding.repair import repair_participle_clauses

    nlp = spacy.blank("en")
    words = ["Britain", "mobilized", "army", "reservists", "."]
    doc = spacy.tokens.Doc(nlp.vocab, words=words, heads=[3, 3, 3, 3, 3],
                           deps=["compound", "amod", "compound", "ROOT", "punct"],
                           pos=["PROPN", "VERB", "NOUN", "NOUN", "PUNCT"], tags=["NNP", "VBN", "NN", "NNS", "."])
    assert repair_participle_clauses(doc) == 1
    assert (doc[1].dep_, doc[3].head.i, doc[3].dep_, doc[0].head.i, doc[0].dep_) == ("ROOT", 1, "obj", 1, "nsubj")
    words = ["it", "had", "halted", "aid", "."]
    doc = spacy.tokens.Doc(nlp.vocab, words=words, heads=[1, 1, 3, 1, 1],
                           deps=["nsubj", "ROOT", "amod", "obj", "punct"],
                           pos=["PRON", "AUX", "VERB", "NOUN", "PUNCT"], tags=["PRP", "VBD", "VBN", "NN", "."],
                           lemmas=["it", "have", "halt", "aid", "."])
    assert repair_participle_clauses(doc) == 1
    assert doc[2].dep_ == "ROOT" and doc[1].head.i == 2 and doc[1].dep_ == "aux" and doc[3].head.i == 2
    assert doc[0].head.i == 2
    # an attributive participle inside a normal clause is left alone
    words = ["The", "banned", "party", "met", "."]
    doc = spacy.tokens.Doc(nlp.vocab, words=words, heads=[2, 2, 3, 3, 3],
                           deps=["det", "amod", "nsubj", "ROOT", "punct"],
                           pos=["DET", "VERB", "NOUN", "VERB", "PUNCT"], tags=["DT", "VBN", "NN", "VBD", "."])
    assert repair_participle_clauses(doc) == 0 and doc[1].dep_ == "amod"


def test_quantity_phrase_subject_is_the_people_counted(code):
    recs = code("Thousands of Kenyan students blocked roads in Nairobi on Monday.")
    assert any(r["cameo"].startswith("14") and "KEN" in _countries(r["actor"]) for r in recs), \
        [(r["cameo"], r["actor"]) for r in recs]


def test_protest_aimed_through_an_in_protest_of_phrase(code):
    recs = code("A group of Chechen refugees are continuing a hunger strike in protest of the Russian government's "
                "refusal to accept the independence of Chechnya.")
    assert any(r["cameo"].startswith("14") and "RUS" in _countries(r["recipient"]) for r in recs), \
        [(r["cameo"], r["recipient"]) for r in recs]


def test_stated_aim_of_a_protest_is_not_a_second_protest(code):
    recs = code("Thousands of French workers marched in Paris on Saturday to protest against the pension reform.")
    assert len([r for r in recs if r["cameo"].startswith("14")]) == 1, [(r["cameo"], r["trigger"]) for r in recs]


def _doc(words, heads, deps, pos, tags, lemmas=None):
    import spacy

    nlp = spacy.blank("en")
    return spacy.tokens.Doc(nlp.vocab, words=words, heads=heads, deps=deps, pos=pos, tags=tags,
                            lemmas=lemmas or [w.lower() for w in words])


def test_participle_with_its_own_auxiliary_is_a_complement_clause():
    """'Clinton has/aux imposed/amod sanctions/obl ..., the House said': an adjective takes no auxiliary."""
    from eventline.coding.repair import repair_participle_clauses

    words = ["Clinton", "has", "imposed", "sanctions", ",", "the", "House", "said", "."]
    doc = _doc(words, heads=[2, 2, 3, 7, 3, 6, 7, 7, 7],
               deps=["nsubj", "aux", "amod", "obl", "punct", "det", "nsubj", "ROOT", "punct"],
               pos=["PROPN", "AUX", "VERB", "NOUN", "PUNCT", "DET", "PROPN", "VERB", "PUNCT"],
               tags=["NNP", "VBZ", "VBN", "NNS", ",", "DT", "NNP", "VBD", "."])
    assert repair_participle_clauses(doc) == 1
    assert (doc[2].head.i, doc[2].dep_, doc[3].head.i, doc[3].dep_, doc[0].head.i) == (7, "ccomp", 2, "obj", 2)
    # a participle with no auxiliary or subject in an oblique noun stays an adjective
    words = ["They", "met", "in", "occupied", "Hebron", "."]
    doc = _doc(words, heads=[1, 1, 4, 4, 1, 1], deps=["nsubj", "ROOT", "case", "amod", "obl", "punct"],
               pos=["PRON", "VERB", "ADP", "VERB", "PROPN", "PUNCT"], tags=["PRP", "VBD", "IN", "VBN", "NNP", "."])
    assert repair_participle_clauses(doc) == 0 and doc[3].dep_ == "amod"


def test_coordinated_verb_read_as_adjective_joins_the_clause():
    """'condemned an attack on Thursday and promised/amod aid/conj-of-Thursday': the second verb of the clause;
    'civilians and armed/amod militias' stays a noun phrase."""
    from eventline.coding.repair import repair_participle_clauses

    words = ["X", "condemned", "an", "attack", "on", "Thursday", "and", "promised", "aid", "."]
    heads = [1, 1, 3, 1, 5, 3, 8, 8, 5, 1]
    deps = ["nsubj", "ROOT", "det", "obj", "case", "nmod", "cc", "amod", "conj", "punct"]
    pos = ["PROPN", "VERB", "DET", "NOUN", "ADP", "PROPN", "CCONJ", "VERB", "NOUN", "PUNCT"]
    tags = ["NNP", "VBD", "DT", "NN", "IN", "NNP", "CC", "VBN", "NN", "."]
    lemmas = ["x", "condemn", "an", "attack", "on", "thursday", "and", "promise", "aid", "."]
    doc = _doc(words, heads, deps, pos, tags, lemmas)
    assert repair_participle_clauses(doc) == 0  # a participle: only for verbs the dictionary knows
    doc = _doc(words, heads, deps, pos, tags, lemmas)
    assert repair_participle_clauses(doc, {"promise"}) == 1
    assert (doc[7].head.i, doc[7].dep_, doc[8].head.i, doc[8].dep_, doc[6].head.i) == (1, "conj", 7, "obj", 7)
    words = ["X", "killed", "civilians", "and", "armed", "militias", "."]
    doc = _doc(words, heads=[1, 1, 1, 5, 5, 2, 1], deps=["nsubj", "ROOT", "obj", "cc", "amod", "conj", "punct"],
               pos=["PROPN", "VERB", "NOUN", "CCONJ", "VERB", "NOUN", "PUNCT"],
               tags=["NNP", "VBD", "NNS", "CC", "VBN", "NNS", "."],
               lemmas=["x", "kill", "civilian", "and", "arm", "militia", "."])
    assert repair_participle_clauses(doc, {"arm", "kill"}) == 0 and doc[4].dep_ == "amod"


def test_demanded_clause_read_as_noun_phrase_gets_its_verb():
    """'demanded that Hamas/compound renounce/NOUN its struggle/appos': the base form of a known verb after
    'that' + a name under a verb of demanding is the clause's verb."""
    from eventline.coding.repair import repair_participle_clauses

    words = ["Washington", "demanded", "that", "Hamas", "renounce", "its", "struggle", "."]
    doc = _doc(words, heads=[1, 1, 4, 4, 1, 6, 4, 1],
               deps=["nsubj", "ROOT", "mark", "compound", "ccomp", "nmod:poss", "appos", "punct"],
               pos=["PROPN", "VERB", "SCONJ", "PROPN", "NOUN", "PRON", "NOUN", "PUNCT"],
               tags=["NNP", "VBD", "IN", "NNP", "NN", "PRP$", "NN", "."],
               lemmas=["washington", "demand", "that", "hamas", "renounce", "its", "struggle", "."])
    assert repair_participle_clauses(doc, {"renounce"}) == 1
    assert (doc[4].pos_, doc[4].head.i, doc[4].dep_) == ("VERB", 1, "ccomp")
    assert (doc[3].head.i, doc[3].dep_, doc[6].head.i, doc[6].dep_, doc[2].dep_) == (4, "nsubj", 4, "obj", "mark")
    # not under a verb of demanding: left alone
    doc = _doc(["He", "said", "that", "Hamas", "renounce", "."], heads=[1, 1, 4, 4, 1, 1],
               deps=["nsubj", "ROOT", "mark", "compound", "ccomp", "punct"],
               pos=["PRON", "VERB", "SCONJ", "PROPN", "NOUN", "PUNCT"], tags=["PRP", "VBD", "IN", "NNP", "NN", "."],
               lemmas=["he", "say", "that", "hamas", "renounce", "."])
    assert repair_participle_clauses(doc, {"renounce"}) == 0


def test_repaired_clauses_are_coded(code):
    recs = code("President Bill Clinton has imposed sanctions on the Taliban, the White House said Tuesday.")
    assert any(r["cameo"] == "163" for r in recs), [(r["cameo"], r["actor"]) for r in recs]
    recs = code("Washington demanded that Hamas renounce its armed struggle against Israel.")
    dem = [r for r in recs if r["cameo"].startswith("10")]
    assert dem and "PSE" in _countries(dem[0]["recipient"]), [(r["cameo"], r["recipient"]) for r in recs]


def test_place_further_down_is_the_target(code):
    """The place of a located act one or more phrases below the event ('at targets in Jericho', 'the mandate for
    the force in Lebanon') or in a wrapper's embedded clause ('agreed to set up a centre in Tokyo')."""
    recs = code("Israeli tanks fired shells at targets in Jericho on Monday.")
    assert any(r["cameo"].startswith("19") and "PSE" in _countries(r["recipient"]) for r in recs), \
        [(r["cameo"], r["recipient"]) for r in recs]
    recs = code("The Security Council agreed to an extension of the mandate for the peacekeeping force in Lebanon.")
    assert any(r["cameo"].startswith("03") and "LBN" in _countries(r["recipient"]) for r in recs), \
        [(r["cameo"], r["recipient"]) for r in recs]
    recs = code("The APEC forum has agreed to set up an energy research center in Tokyo.")
    assert any(r["cameo"].startswith("03") and "JPN" in _countries(r["recipient"]) for r in recs), \
        [(r["cameo"], r["recipient"]) for r in recs]


def test_unresolved_recipient_gives_way_to_the_place(code):
    recs = code("Syria is willing to withdraw its soldiers from villages in Lebanon.")
    got = [r for r in recs if r["cameo"].startswith("03") or r["cameo"].startswith("08")]
    assert got and "LBN" in _countries(got[0]["recipient"]), [(r["cameo"], r["recipient"]) for r in recs]


def test_wrapper_infinitive_read_as_adverbial_clause_is_its_complement():
    """'threatened to/mark resume/advcl attacks': the infinitive of a wrapper verb is its complement; a purpose
    clause of a verb that is no wrapper ('marched to demand') stays adverbial."""
    from eventline.coding.repair import repair_participle_clauses

    words = ["Hamas", "threatened", "to", "resume", "attacks", "."]
    heads, deps = [1, 1, 3, 1, 3, 1], ["nsubj", "ROOT", "mark", "advcl", "obj", "punct"]
    pos = ["PROPN", "VERB", "PART", "VERB", "NOUN", "PUNCT"]
    tags = ["NNP", "VBD", "TO", "VB", "NNS", "."]
    doc = _doc(words, heads, deps, pos, tags, ["hamas", "threaten", "to", "resume", "attack", "."])
    assert repair_participle_clauses(doc, wrapper_lemmas={"threaten"}) == 1 and doc[3].dep_ == "xcomp"
    doc = _doc(["They", "marched", "to", "demand", "reforms", "."], heads, deps, pos, tags,
               ["they", "march", "to", "demand", "reform", "."])
    assert repair_participle_clauses(doc, wrapper_lemmas={"threaten"}) == 0 and doc[3].dep_ == "advcl"


def test_threat_aimed_at_a_place_in_its_infinitive(code):
    recs = code("President Bouteflika threatened to institute a curfew in Algiers.")
    assert any(r["cameo"].startswith("13") and "DZA" in _countries(r["recipient"]) for r in recs), \
        [(r["cameo"], r["recipient"]) for r in recs]


def test_name_root_with_a_verb_read_as_adjective_of_its_object():
    """'Germany/ROOT on Wednesday lifted/amod sanctions/obj': the verb becomes the root, the name its subject."""
    from eventline.coding.repair import repair_participle_clauses

    words = ["Germany", "on", "Wednesday", "lifted", "sanctions", "."]
    doc = _doc(words, heads=[0, 2, 0, 4, 0, 0], deps=["ROOT", "case", "obl", "amod", "obj", "punct"],
               pos=["PROPN", "ADP", "PROPN", "VERB", "NOUN", "PUNCT"], tags=["NNP", "IN", "NNP", "JJ", "NNS", "."])
    assert repair_participle_clauses(doc) == 1
    assert (doc[3].dep_, doc[0].head.i, doc[0].dep_, doc[4].head.i, doc[4].dep_, doc[2].head.i) == \
        ("ROOT", 3, "nsubj", 3, "obj", 3)
    # a finite clause read as a modifier of the root noun ('British aircraft/ROOT ... killed/acl 4 Iraqis')
    words = ["British", "aircraft", "using", "missiles", "killed", "Iraqis", "."]
    doc = _doc(words, heads=[1, 1, 1, 4, 1, 4, 1], deps=["amod", "ROOT", "acl", "nsubj", "acl", "obj", "punct"],
               pos=["ADJ", "NOUN", "VERB", "NOUN", "VERB", "PROPN", "PUNCT"],
               tags=["JJ", "NN", "VBG", "NNS", "VBD", "NNPS", "."])
    assert repair_participle_clauses(doc) == 1
    assert (doc[4].dep_, doc[1].head.i, doc[1].dep_, doc[3].dep_) == ("ROOT", 4, "nsubj", "dep")


def test_required_preposition_hung_on_the_object(code):
    recs = code("The United States fired missiles at Russia this week.")
    assert _find(recs, "19", "USA", "RUS"), [(r["cameo"], r["actor"], r["recipient"]) for r in recs]


def test_what_is_demanded_or_refused_ranks_below_the_demand(code):
    for text in ("China demanded that the United States cancel plans to sell weapons to Taiwan.",
                 "Britain said on Friday that Sudan must reach an agreement with the rebels.",
                 "Bangladesh rejected an Indian proposal for signing a free trade agreement."):
        recs = code(text)
        top = max(recs, key=lambda r: r["confidence"]) if recs else None
        assert top is not None and top["cameo"][:2] in ("10", "12"), [(r["cameo"], r["confidence"]) for r in recs]


def test_that_clause_on_a_time_phrase_is_the_verbs_complement():
    from eventline.coding.repair import repair_participle_clauses

    words = ["Britain", "said", "on", "Friday", "that", "Sudan", "must", "act", "."]
    doc = _doc(words, heads=[1, 1, 3, 1, 7, 7, 7, 3, 1],
               deps=["nsubj", "ROOT", "case", "obl", "mark", "nsubj", "aux", "acl:relcl", "punct"],
               pos=["PROPN", "VERB", "ADP", "PROPN", "SCONJ", "PROPN", "AUX", "VERB", "PUNCT"],
               tags=["NNP", "VBD", "IN", "NNP", "IN", "NNP", "MD", "VB", "."])
    assert repair_participle_clauses(doc) == 1 and (doc[7].head.i, doc[7].dep_) == (1, "ccomp")
    # a real relative clause ('the day that he arrived' has 'that' as its object, not its marker)
    words = ["He", "left", "on", "Friday", "that", "we", "arrived", "."]
    doc = _doc(words, heads=[1, 1, 3, 1, 6, 6, 3, 1],
               deps=["nsubj", "ROOT", "case", "obl", "obl", "nsubj", "acl:relcl", "punct"],
               pos=["PRON", "VERB", "ADP", "PROPN", "PRON", "PRON", "VERB", "PUNCT"],
               tags=["PRP", "VBD", "IN", "NNP", "WDT", "PRP", "VBD", "."])
    assert repair_participle_clauses(doc) == 0


def test_subject_hung_on_the_noun_and_compound_subjects():
    """'bulldozers/nsubj-of-homes demolished/amod homes': nouns take no subjects, so the participle is the verb;
    'advisor/compound met': a finite verb with no subject takes the compound noun before it."""
    from eventline.coding.repair import repair_participle_clauses

    words = ["Israeli", "bulldozers", "demolished", "homes", ",", "officials", "said", "."]
    doc = _doc(words, heads=[1, 3, 3, 6, 6, 6, 6, 6],
               deps=["amod", "nsubj", "amod", "nsubj", "punct", "nsubj", "ROOT", "punct"],
               pos=["ADJ", "NOUN", "VERB", "NOUN", "PUNCT", "NOUN", "VERB", "PUNCT"],
               tags=["JJ", "NNS", "VBD", "NNS", ",", "NNS", "VBD", "."])
    assert repair_participle_clauses(doc) == 1
    assert (doc[2].head.i, doc[2].dep_, doc[1].head.i, doc[1].dep_, doc[3].head.i) == (6, "ccomp", 2, "nsubj", 2)
    words = ["The", "advisor", "met", "with", "Assad", "."]
    doc = _doc(words, heads=[1, 2, 2, 4, 2, 2], deps=["det", "compound", "ROOT", "case", "obl", "punct"],
               pos=["DET", "NOUN", "VERB", "ADP", "PROPN", "PUNCT"], tags=["DT", "NN", "VBD", "IN", "NNP", "."])
    assert repair_participle_clauses(doc) == 1 and doc[1].dep_ == "nsubj"


def test_part_of_the_object_is_the_object(code):
    recs = code("The United States suspended part of its military aid program for Bosnia.")
    assert any(r["cameo"].startswith("16") for r in recs), [(r["cameo"], r["pattern"]) for r in recs]


def test_noun_phrase_read_as_xcomp_is_the_object():
    from eventline.coding.repair import repair_participle_clauses

    words = ["The", "army", "lifted", "Friday", "a", "blockade", "."]
    heads, deps = [1, 2, 2, 2, 5, 2, 2], ["det", "nsubj", "ROOT", "obl:unmarked", "det", "xcomp", "punct"]
    pos = ["DET", "NOUN", "VERB", "PROPN", "DET", "NOUN", "PUNCT"]
    tags = ["DT", "NN", "VBD", "NNP", "DT", "NN", "."]
    doc = _doc(words, heads, deps, pos, tags, ["the", "army", "lift", "friday", "a", "blockade", "."])
    assert repair_participle_clauses(doc) == 1 and doc[5].dep_ == "obj"
    doc = _doc(["The", "army", "became", "Friday", "a", "force", "."], heads, deps, pos, tags,
               ["the", "army", "become", "friday", "a", "force", "."])
    assert repair_participle_clauses(doc) == 0 and doc[5].dep_ == "xcomp"


def test_participle_that_is_the_only_verb_of_a_name_rooted_sentence():
    """'Archbishop Tutu on Sunday called/VBN-acl for sanctions': with no other verb in the sentence the
    participle is its verb; an apposition between the name and the verb stays with the name."""
    from eventline.coding.repair import repair_participle_clauses

    words = ["Archbishop", "Tutu", "on", "Sunday", "called", "for", "sanctions", "."]
    doc = _doc(words, heads=[0, 0, 3, 0, 0, 6, 4, 0],
               deps=["ROOT", "flat", "case", "nmod", "acl", "case", "obl", "punct"],
               pos=["NOUN", "PROPN", "ADP", "PROPN", "VERB", "ADP", "NOUN", "PUNCT"],
               tags=["NN", "NNP", "IN", "NNP", "VBN", "IN", "NNS", "."])
    assert repair_participle_clauses(doc) == 1
    assert (doc[4].dep_, doc[0].head.i, doc[0].dep_, doc[3].head.i) == ("ROOT", 4, "nsubj", 4)
    # 'troops stationed in Iraq were attacked': another verb, so the participle stays a modifier
    words = ["Troops", "stationed", "in", "Iraq", "were", "attacked", "."]
    doc = _doc(words, heads=[5, 0, 3, 1, 5, 5, 5],
               deps=["nsubj:pass", "acl", "case", "obl", "aux:pass", "ROOT", "punct"],
               pos=["NOUN", "VERB", "ADP", "PROPN", "AUX", "VERB", "PUNCT"],
               tags=["NNS", "VBN", "IN", "NNP", "VBD", "VBN", "."])
    assert repair_participle_clauses(doc) == 0


def test_apposition_of_an_indirect_object_is_the_direct_object():
    from eventline.coding.repair import repair_participle_clauses

    words = ["The", "EU", "gave", "Ghana", "five", "dollars", "of", "aid", "."]
    doc = _doc(words, heads=[1, 2, 2, 2, 5, 3, 7, 3, 2],
               deps=["det", "nsubj", "ROOT", "iobj", "nummod", "appos", "case", "nmod", "punct"],
               pos=["DET", "PROPN", "VERB", "PROPN", "NUM", "NOUN", "ADP", "NOUN", "PUNCT"],
               tags=["DT", "NNP", "VBD", "NNP", "CD", "NNS", "IN", "NN", "."])
    assert repair_participle_clauses(doc) == 1
    assert (doc[5].head.i, doc[5].dep_, doc[7].head.i) == (2, "obj", 5)
    words = ["They", "told", "Ghana", ",", "the", "host", ",", "nothing", "."]
    doc = _doc(words, heads=[1, 1, 1, 5, 5, 2, 5, 1, 1],
               deps=["nsubj", "ROOT", "iobj", "punct", "det", "appos", "punct", "obj", "punct"],
               pos=["PRON", "VERB", "PROPN", "PUNCT", "DET", "NOUN", "PUNCT", "PRON", "PUNCT"],
               tags=["PRP", "VBD", "NNP", ",", "DT", "NN", ",", "NN", "."])
    assert repair_participle_clauses(doc) == 0


def test_pattern_object_word_is_not_the_recipient(code):
    recs = code("Britain mobilized army reservists on Tuesday.")
    mob = [r for r in recs if r["cameo"].startswith("15")]
    assert mob and not mob[0]["recipient"], [(r["cameo"], r["recipient"]) for r in recs]


def test_name_read_as_conjunct_of_a_time_word_is_a_coordinated_subject():
    """'on Monday, Merkel/conj-of-Monday and President Macron/nsubj met': Merkel is the first subject."""
    from eventline.coding.repair import repair_participle_clauses

    words = ["On", "Monday", ",", "Merkel", "and", "President", "Macron", "met", "."]
    doc = _doc(words, heads=[1, 7, 3, 1, 6, 6, 7, 7, 7],
               deps=["case", "obl", "punct", "conj", "cc", "nmod:desc", "nsubj", "ROOT", "punct"],
               pos=["ADP", "PROPN", "PUNCT", "PROPN", "CCONJ", "PROPN", "PROPN", "VERB", "PUNCT"],
               tags=["IN", "NNP", ",", "NNP", "CC", "NNP", "NNP", "VBD", "."])
    assert repair_participle_clauses(doc) == 1
    assert (doc[3].head.i, doc[3].dep_, doc[6].head.i, doc[6].dep_, doc[4].head.i) == (7, "nsubj", 3, "conj", 6)


def test_a_participle_modifying_its_victims_takes_the_by_agent_as_actor(code):
    # 'citizens abducted by North Korean agents': the agents did it, the citizens had it done to them
    recs = code("Abe said Tokyo must settle the fate of Japanese citizens abducted by North Korean agents decades ago.")
    abductions = [r for r in recs if r["cameo"].startswith("18")]
    assert abductions
    assert all(_countries(r["actor"]) == {"PRK"} and "JPN" in _countries(r["recipient"]) for r in abductions)


def test_a_main_verb_the_parser_hung_on_its_subject_keeps_that_subject(code):
    # parsers read 'tanks fired shells ..., witnesses said' with 'fired' as a participle on 'tanks'
    recs = code("Israeli tanks fired four shells at targets in Jericho, witnesses said.")
    assert any(r["cameo"].startswith("19") and "ISR" in _countries(r["actor"]) for r in recs)
