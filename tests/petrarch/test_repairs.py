"""The PETRARCH path's repairs of parser mistakes, on parses built by hand (so they hold whatever the shipped
model does with these sentences)."""

from __future__ import annotations

from spacy.tokens import Doc
from spacy.vocab import Vocab

from eventline.coding.petrarch.coder import (
    repair_participle_read_as_verb,
    repair_verb_after_modal,
    repair_verb_read_as_adjective,
    repair_verb_tags,
)
from eventline.coding.petrarch.verbs import parse_verbs, to_dictionary


def _doc(rows: list[tuple[str, str, str, int, str]]) -> Doc:
    """rows: (word, pos, tag, head index, dep)."""
    words = [r[0] for r in rows]
    doc = Doc(Vocab(), words=words, pos=[r[1] for r in rows], tags=[r[2] for r in rows],
              heads=[r[3] for r in rows], deps=[r[4] for r in rows])
    for t, r in zip(doc, rows, strict=True):
        t.lemma_ = r[0].lower()
    return doc


def test_verb_read_as_adjective_of_a_root_noun() -> None:
    doc = _doc([("The", "DET", "DT", 1, "det"), ("ambassadors", "NOUN", "NNS", 3, "nsubj"),
                ("presented", "ADJ", "VBD", 3, "amod"), ("credentials", "NOUN", "NNS", 3, "ROOT"),
                (".", "PUNCT", ".", 3, "punct")])
    assert repair_verb_read_as_adjective(doc) == 1
    verb = doc[2]
    assert verb.dep_ == "ROOT" and verb.pos_ == "VERB" and doc[3].head.i == 2 and doc[3].dep_ == "obj"
    assert doc[1].head.i == 2 and doc[4].head.i == 2


def test_verb_of_a_coordinated_clause_read_as_adjective() -> None:
    doc = _doc([("X", "PROPN", "NNP", 1, "nsubj"), ("condemned", "VERB", "VBD", 1, "ROOT"),
                ("it", "PRON", "PRP", 1, "obj"), ("and", "CCONJ", "CC", 5, "cc"),
                ("promised", "ADJ", "VBD", 5, "amod"), ("aid", "NOUN", "NN", 1, "obl")])
    assert repair_verb_read_as_adjective(doc) == 1
    assert doc[4].head.i == 1 and doc[4].dep_ == "conj" and doc[5].head.i == 4 and doc[5].dep_ == "obj"


def test_participle_read_as_a_verb() -> None:
    doc = _doc([("X", "PROPN", "NNP", 1, "nsubj"), ("abandoned", "VERB", "VBD", 1, "ROOT"),
                ("improved", "VERB", "VBN", 1, "xcomp"), ("relations", "NOUN", "NNS", 2, "obj"),
                ("with", "ADP", "IN", 5, "case"), ("Y", "PROPN", "NNP", 2, "obl")])
    assert repair_participle_read_as_verb(doc) == 1
    assert doc[3].head.i == 1 and doc[3].dep_ == "obj" and doc[2].head.i == 3 and doc[2].dep_ == "amod"
    assert doc[5].head.i == 1


def test_verb_tags_and_lost_subjects() -> None:
    d = to_dictionary(parse_verbs("--- ABANDON  [1121]  ---\nABANDON\n\n--- CRITICIZE  [111]  ---\nCRITICIZE\n"))
    doc = _doc([("X", "PROPN", "NNP", 2, "nsubj"), ("will", "AUX", "MD", 2, "aux"),
                ("abandon", "ADP", "VB", 2, "ROOT"), ("ties", "NOUN", "NNS", 2, "obj")])
    assert repair_verb_tags(doc, d) == 1 and doc[2].pos_ == "VERB"
    doc = _doc([("Lorien", "PROPN", "NNP", 1, "advmod"), ("criticized", "VERB", "VBD", 1, "ROOT"),
                ("Gondor", "PROPN", "NNP", 1, "obj")])
    assert repair_verb_tags(doc, d) == 1 and doc[0].dep_ == "nsubj"
    # a noun that is no verb of the dictionary keeps its tag
    doc = _doc([("X", "PROPN", "NNP", 2, "nsubj"), ("will", "AUX", "MD", 2, "aux"),
                ("banana", "NOUN", "NN", 2, "ROOT")])
    assert repair_verb_tags(doc, d) == 0 and doc[2].pos_ == "NOUN"


def test_verb_after_a_modal_hung_under_its_object() -> None:
    d = to_dictionary(parse_verbs("--- ABANDON  [1121]  ---\nABANDON\n"))
    doc = _doc([("X", "PROPN", "NNP", 4, "nsubj"), ("will", "AUX", "MD", 4, "aux"),
                ("abandon", "ADV", "VB", 4, "case"), ("new", "ADJ", "JJ", 4, "amod"),
                ("relations", "NOUN", "NNS", 4, "ROOT"), (".", "PUNCT", ".", 4, "punct")])
    assert repair_verb_after_modal(doc, d) == 1
    assert doc[2].dep_ == "ROOT" and doc[2].pos_ == "VERB" and doc[4].head.i == 2 and doc[4].dep_ == "obj"
    assert doc[0].head.i == 2 and doc[1].head.i == 2 and doc[5].head.i == 2 and doc[3].head.i == 4
    doc = _doc([("X", "PROPN", "NNP", 3, "nsubj"), ("will", "AUX", "MD", 3, "aux"),
                ("abandon", "ADV", "VB", 3, "advmod"), ("improved", "VERB", "VBN", 3, "ROOT"),
                ("relations", "NOUN", "NNS", 3, "obj")])
    assert repair_verb_after_modal(doc, d) == 1
    assert doc[2].dep_ == "ROOT" and doc[4].head.i == 2 and doc[3].head.i == 4 and doc[3].dep_ == "amod"
