"""Verb classes and frames of the event dictionary on real parses of the shipped model: giving way (allow),
consensus as intent, measured and grouped objects ('300 tons of food', 'a mission of observers'), compound objects
('the ceasefire agreement'), conditional threats, conditions that no wrapper embeds, a wrapper coded on its own
when what it frames is dropped, subjects the parser left as obliques, required subjects ('peacekeepers arrived'),
'were engaged in', and the dictionary's subject syntax."""

from __future__ import annotations


def _codes(recs: list[dict]) -> list[tuple[str, str | None, set, set]]:
    return [(r["cameo"], r["event"], {a["country"] for a in r["actor"]}, {a["country"] for a in r["recipient"]})
            for r in recs]


def _has(recs: list[dict], event: str, actor: str | None = None, recipient: str | None = None) -> bool:
    return any(ev == event and (actor is None or actor in a) and (recipient is None or recipient in r)
               for _, ev, a, r in _codes(recs))


def test_allowing_someone_to_act_is_giving_way(code):
    recs = code("Israel allowed Palestinian farmers to reach their land.")
    assert _has(recs, "CONCEDE", "ISR"), _codes(recs)


def test_decided_to_is_the_act_itself_not_an_intent(code):
    recs = code("The court decided to release the journalists.")
    assert any(r["cameo"] == "0841" for r in recs), _codes(recs)


def test_a_measured_quantity_of_relief_goods_is_aid(code):
    recs = code("Norway handed over 300 tons of food to Sudan.")
    assert _has(recs, "AID", "NOR", "SDN"), _codes(recs)


def test_compound_object_matches_the_pattern(code):
    recs = code("Rebels violated the ceasefire agreement in Darfur on Sunday.")
    assert any(r["cameo"] == "196" for r in recs), _codes(recs)


def test_modal_hostile_act_under_a_condition_is_a_threat(code):
    recs = code("The European Union may suspend trade talks with Turkey if Ankara refuses to cooperate.")
    assert any(r["cameo"].startswith("13") for r in recs), _codes(recs)
    assert not any(r["cameo"].startswith("16") for r in recs), _codes(recs)


def test_a_condition_is_not_what_the_wrapper_embeds(code):
    """'will boycott the elections unless X resigns': a threatened boycott, not a rejection of resigning."""
    recs = code("The opposition party will boycott the elections unless the prime minister resigns.")
    assert any(r["cameo"] == "133" for r in recs), _codes(recs)
    assert not any(r["cameo"].startswith("12") for r in recs), _codes(recs)


def test_wrapper_is_coded_when_its_embedded_event_is_dropped(code):
    """'rejected calls for a meeting': the meeting has no one to meet, the rejection stands."""
    recs = code("Japan's foreign minister rejected calls for a meeting.")
    assert _has(recs, "REJECT", "JPN"), _codes(recs)


def test_unmarked_oblique_before_the_verb_is_its_subject(code):
    recs = code("A senior U.S. official today praised Haiti for the reforms.")
    assert _has(recs, "SUPPORT", "USA", "HTI"), _codes(recs)


def test_arriving_peacekeepers_are_protection(code):
    recs = code("Indian peacekeeping troops arrived in Lebanon on Monday.")
    assert _has(recs, "AID", "IND", "LBN"), _codes(recs)
    recs = code("Indian troops arrived in Lebanon on Monday.")
    assert not _has(recs, "AID"), _codes(recs)


def test_engaged_in_names_who_did_it(code):
    recs = code("Government forces were engaged in ethnic cleansing against the Kurdish population.")
    assert any(r["cameo"] == "203" for r in recs), _codes(recs)


def test_consensus_is_intent_and_accepting_a_proposal_is_agreement(code):
    recs = code("Egypt accepted a proposal for a ceasefire in Gaza.")
    assert _has(recs, "AGREE", "EGY"), _codes(recs)


def test_noun_with_an_object_is_a_verb():
    """'The Kurds reject/NOUN the plan/obj': a noun takes no object, so 'reject' is the clause's verb."""
    import spacy

    from eventline.actors import ActorResolver
    from eventline.coding import EventCoder
    from eventline.ingest import Document

    nlp = spacy.blank("en")
    words = ["The", "Kurds", "reject", "the", "new", "Turkish", "plan", ",", "their", "leader", "said", "."]
    doc = spacy.tokens.Doc(
        nlp.vocab, words=words, heads=[1, 2, 10, 6, 6, 6, 2, 10, 9, 10, 10, 10],
        deps=["det", "compound", "ccomp", "det", "amod", "amod", "obj", "punct", "nmod:poss", "nsubj", "ROOT",
              "punct"],
        pos=["DET", "PROPN", "NOUN", "DET", "ADJ", "ADJ", "NOUN", "PUNCT", "PRON", "NOUN", "VERB", "PUNCT"],
        tags=["DT", "NNPS", "NN", "DT", "JJ", "JJ", "NN", ",", "PRP$", "NN", "VBD", "."],
        lemmas=["the", "kurd", "reject", "the", "new", "turkish", "plan", ",", "their", "leader", "say", "."],
        sent_starts=[True] + [False] * 11)
    recs = EventCoder(resolver=ActorResolver()).code(doc, Document(id="t", text=doc.text))
    assert any(r["cameo"].startswith("12") for r in recs), _codes(recs)


def test_subject_fallback_skips_time_words():
    import spacy

    from eventline.coding import frames as F

    nlp = spacy.blank("en")
    words = ["Officials", "today", "praised", "Haiti", "."]
    doc = spacy.tokens.Doc(nlp.vocab, words=words, heads=[2, 2, 2, 2, 2],
                           deps=["obl:unmarked", "obl:unmarked", "ROOT", "obj", "punct"],
                           pos=["NOUN", "NOUN", "VERB", "PROPN", "PUNCT"])
    assert [t.text for t in F.subjects(doc[2])] == ["Officials"]
    words = ["Today", "praised", "Haiti", "."]
    doc = spacy.tokens.Doc(nlp.vocab, words=words, heads=[1, 1, 1, 1], deps=["obl:unmarked", "ROOT", "obj", "punct"],
                           pos=["NOUN", "VERB", "PROPN", "PUNCT"], lemmas=["today", "praise", "Haiti", "."])
    assert F.subjects(doc[1]) == []


def test_subject_syntax_in_pattern_strings():
    from eventline.coding.dictionary import parse_pattern

    (p,) = parse_pattern("074", "arrive ^peacekeeper|blue_helmets +in", noun=False)
    assert p.subjects == frozenset({"peacekeeper", "blue helmets"}) and p.preps == ("in",)
    (q,) = parse_pattern("074", "arrive +in", noun=False)
    assert p.specificity > q.specificity and q.subjects is None
