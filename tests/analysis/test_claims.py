"""Numeric claims: extraction on hand-built parses (so the rules are tested apart from the parser's accuracy),
extraction on the shipped model's parse, and grouping with disputes."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from eventline import Document
from eventline.actors import ActorResolver
from eventline.analysis.claims import claim_groups, extract_claims, group_claims, interval, number_value
from eventline.nlp import MODEL_DIR
from eventline.store import Store

_VOCAB = spacy.blank("en").vocab


def parsed(*sentences: list[tuple[str, str, str, str, int, str]]) -> Doc:
    """A Doc from hand-written parses: (word, lemma, pos, tag, head offset within the sentence, dep)."""
    words, lemmas, pos, tags, heads, deps, starts = [], [], [], [], [], [], []
    for sent in sentences:
        base = len(words)
        for k, (w, lemma, p, t, head, dep) in enumerate(sent):
            words.append(w)
            lemmas.append(lemma)
            pos.append(p)
            tags.append(t)
            heads.append(base + head)
            deps.append(dep)
            starts.append(k == 0)
    spaces = [not (i + 1 < len(words) and words[i + 1] in ".,") for i in range(len(words))]
    return Doc(_VOCAB, words=words, spaces=spaces, lemmas=lemmas, pos=pos, tags=tags, heads=heads, deps=deps,
               sent_starts=starts)


REBELS = [
    ("The", "the", "DET", "DT", 1, "det"), ("rebels", "rebel", "NOUN", "NNS", 2, "nsubj"),
    ("claim", "claim", "VERB", "VBP", 2, "ROOT"), ("at", "at", "ADP", "IN", 4, "advmod"),
    ("least", "least", "ADJ", "JJS", 5, "advmod"), ("40", "40", "NUM", "CD", 6, "nummod"),
    ("soldiers", "soldier", "NOUN", "NNS", 8, "nsubjpass"), ("were", "be", "AUX", "VBD", 8, "auxpass"),
    ("captured", "capture", "VERB", "VBN", 2, "ccomp"), (".", ".", "PUNCT", ".", 2, "punct"),
]
ARMY = [
    ("The", "the", "DET", "DT", 1, "det"), ("army", "army", "NOUN", "NN", 2, "nsubj"),
    ("says", "say", "VERB", "VBZ", 2, "ROOT"), ("only", "only", "ADV", "RB", 4, "advmod"),
    ("twelve", "twelve", "NUM", "CD", 6, "nummod"), ("detained", "detain", "VERB", "VBN", 6, "amod"),
    ("soldiers", "soldier", "NOUN", "NNS", 7, "nsubj"), ("exist", "exist", "VERB", "VBP", 2, "ccomp"),
    (",", ",", "PUNCT", ",", 2, "punct"), ("and", "and", "CCONJ", "CC", 2, "cc"),
    ("that", "that", "SCONJ", "IN", 13, "mark"), ("five", "five", "NUM", "CD", 13, "nsubj"),
    ("have", "have", "AUX", "VBP", 13, "aux"), ("died", "die", "VERB", "VBN", 2, "conj"),
    (".", ".", "PUNCT", ".", 2, "punct"),
]
HEADER = [("Top", "top", "ADJ", "JJ", 1, "amod"), ("10", "10", "NUM", "CD", 2, "nummod"),
          ("Places", "place", "NOUN", "NNS", 2, "ROOT")]
DATED = [
    ("Talks", "talk", "NOUN", "NNS", 1, "nsubj"), ("ended", "end", "VERB", "VBD", 1, "ROOT"),
    ("two", "two", "NUM", "CD", 3, "nummod"), ("days", "day", "NOUN", "NNS", 4, "npadvmod"),
    ("after", "after", "ADP", "IN", 1, "prep"), ("March", "March", "PROPN", "NNP", 4, "pobj"),
    ("3", "3", "NUM", "CD", 5, "nummod"), ("in", "in", "ADP", "IN", 1, "prep"),
    ("2019", "2019", "NUM", "CD", 7, "pobj"), (".", ".", "PUNCT", ".", 1, "punct"),
]


def test_number_values_and_qualifier_intervals():
    assert number_value(["17"]) == 17
    assert number_value(["1,500"]) == 1500
    assert number_value(["1.5", "million"]) == 1_500_000
    assert number_value(["twenty-five"]) == 25
    assert number_value(["two", "hundred"]) == 200
    assert number_value(["eight"]) == 8
    assert number_value(["several"]) is None
    assert interval(10, "at least") == (10, float("inf"))
    assert interval(10, "up to") == (0, 10)
    assert interval(10, None) == (10, 10)


def test_extracts_value_qualifier_counted_and_claimant_from_a_parse():
    doc = parsed(REBELS, ARMY, HEADER, DATED)
    document = Document(id="d1", text=doc.text, pub_date="2023-05-02")
    claims = extract_claims(doc, document, ActorResolver())
    got = [(c["value"], c["qualifier"], c["counted"], c["claimant"]["text"] if c["claimant"] else None)
           for c in claims]
    assert got == [(40, "at least", "soldiers", "The rebels"), (12, "only", "detained soldiers", "The army"),
                   (5, None, "detained soldiers", "The army")]
    forty, twelve, five = claims
    # 'detained' and 'captured' are different words for what happened; the soldiers are persons in both
    assert twelve["subject_key"] == "detained persons"
    assert five["subject_key"] == "detained persons" and five["facet"] == "dead"
    assert five["refers_to"] == twelve["id"]
    assert forty["date"] == "2023-05-02" and forty["doc_id"] == "d1"
    start, end = forty["span"]
    assert document.text[start:end] == "The rebels claim at least 40 soldiers were captured."
    ns, ne = forty["number_span"]
    assert document.text[ns:ne] == "40"
    # no claims from the page header (no sentence), the time span ('two days') or the dates
    assert forty["subject_key"] == "detained persons"  # 'captured' and 'detained' are one thing counted
    (group,) = [g for g in group_claims(claims) if g["subject"] == "detained persons"]
    assert group["disputed"]
    assert group["disputes"][0]["values"] == {"the army": [12], "the rebels": [40]}


def test_groups_flag_claimants_who_disagree(tmp_path):
    def claim(i, value, who, qualifier=None, facet=None, subject="abducted persons"):
        claimant = {"text": who, "code": who, "country": who, "sector": None, "name": None, "start": 0, "end": 3}
        return {"id": i, "doc_id": "d" + i, "sentence_index": 0, "text": f"{who} says {value}.", "span": [0, 9],
                "value": float(value), "qualifier": qualifier, "counted": "people", "subject_key": subject,
                "claimant": claimant if who else None, "date": "2024-03-29", "facet": facet}

    rows = [claim("1", 17, "JPN"), claim("2", 13, "PRK"), claim("3", 5, None, facet="returned"),
            claim("4", 8, "PRK", facet="dead"), claim("5", 17, "JPN"),
            claim("6", 100, "SYR", "at least", subject="killed persons"), claim("7", 120, "TUR",
                                                                                  subject="killed persons"),
            claim("8", 30, "USA", "about", subject="injured persons"),
            claim("9", 50, "RUS", subject="injured persons")]
    db = tmp_path / "c.duckdb"
    with Store(db) as store:
        store.insert_claims(rows)
    groups = claim_groups(db)
    assert [g["subject"] for g in groups] == ["abducted persons", "injured persons", "killed persons"]
    abducted = groups[0]
    assert abducted["disputed"] and abducted["disputes"] == [{"facet": None, "values": {"JPN": [17], "PRK": [13]}}]
    assert len(abducted["claims"]) == 5
    assert {c["facet"] for c in abducted["claims"]} == {None, "returned", "dead"}
    assert groups[1]["disputed"]  # about 30 vs 50
    assert not groups[2]["disputed"]  # at least 100 and 120 agree
    assert group_claims([]) == []


needs_model = pytest.mark.skipif(not (MODEL_DIR / "config.cfg").exists(),
                                 reason="needs the shipped spaCy pipeline (make model)")


@needs_model
def test_extraction_on_the_shipped_parse(nlp):
    text = ("The ministry said at least 25 civilians were killed in the strike. "
            "Rebels insist more than 40 people died. The talks lasted three days.")
    doc = nlp(text)
    claims = extract_claims(doc, Document(id="n1", text=text, pub_date="2022-01-10"), ActorResolver())
    values = {(c["value"], c["qualifier"]) for c in claims}
    assert (25, "at least") in values and (40, "more than") in values
    assert 3 not in {c["value"] for c in claims}
    by_value = {c["value"]: c for c in claims}
    assert by_value[25]["claimant"]["text"].lower().endswith("ministry")
    assert by_value[25]["subject_key"] == "killed persons"
    assert by_value[40]["subject_key"] in ("dead persons", "killed persons")



def test_a_year_and_the_next_number_are_two_numbers_but_hundred_and_five_is_one(nlp):
    text = ("Pyongyang has acknowledged 13 abductees, saying five returned home in 2002 and eight have died. "
            "Officials said two hundred and five people fled the town.")
    claims = extract_claims(nlp(text), Document(id="d2", text=text, pub_date="2018-06-14"), ActorResolver())
    values = [c["value"] for c in claims]
    assert 2010 not in values  # '2002 and eight' is not one number
    assert 8 in values and 13 in values
    assert 205 in values
