"""The spaCy pipeline eventline ships (src/eventline/nlp/model) and loading other pipelines by path."""

from __future__ import annotations

import spacy

from eventline import nlp as nlp_stage


def test_shipped_model_has_expected_components(nlp):
    assert nlp.pipe_names[0] == "news_sentences"
    for name in ("tok2vec", "tagger", "morphologizer", "trainable_lemmatizer", "parser"):
        assert name in nlp.pipe_names
    assert "senter" in nlp.component_names  # shipped, disabled: the parser splits sentences
    assert nlp.meta["name"] == "eventline_en"


def test_shipped_model_is_small():
    size = sum(f.stat().st_size for f in nlp_stage.MODEL_DIR.rglob("*") if f.is_file())
    assert size < 25_000_000


def test_parse_tags_and_lemmas_are_sensible(nlp):
    doc = nlp("The rebels attacked two army bases in the north on Sunday.")
    by_text = {t.text: t for t in doc}
    assert by_text["attacked"].dep_ == "ROOT"
    assert by_text["rebels"].head.text == "attacked" and by_text["rebels"].dep_ == "nsubj"
    assert by_text["bases"].head.text == "attacked" and by_text["bases"].dep_ in {"dobj", "obj"}
    assert by_text["attacked"].tag_ == "VBD" and by_text["attacked"].pos_ == "VERB"
    assert by_text["attacked"].lemma_ == "attack"
    assert by_text["rebels"].lemma_ == "rebel"


def test_model_loads_from_a_path(tmp_path, nlp):
    nlp.to_disk(tmp_path / "copy")
    other = nlp_stage.load(tmp_path / "copy")
    assert other.pipe_names == nlp.pipe_names
    assert [t.dep_ for t in other("Police arrested him.")] == [t.dep_ for t in nlp("Police arrested him.")]


def test_other_pipeline_gets_news_rules(tmp_path):
    blank = spacy.blank("en")
    blank.add_pipe("senter")
    blank.initialize()
    blank.to_disk(tmp_path / "senter")
    loaded = nlp_stage.load(tmp_path / "senter")
    assert loaded.pipe_names == ["news_sentences", "senter"]
    assert nlp_stage.load(tmp_path / "senter", news_sentences=False).pipe_names == ["senter"]


def test_pipeline_uses_the_named_model(tmp_path, nlp):
    import eventline

    blank = spacy.blank("en")
    blank.add_pipe("sentencizer")
    blank.to_disk(tmp_path / "plain")
    pipeline = eventline.Pipeline(model=tmp_path / "plain")
    assert "sentencizer" in pipeline.nlp.pipe_names and "parser" not in pipeline.nlp.pipe_names


def test_evaluate_with_gold_docs_in_their_own_vocab(nlp):
    """spaCy's morphologizer scorer raises a KeyError when a predicted feature bundle is missing from the gold
    Vocab (as with conllu_to_docs); the shipped config uses eventline.morphologizer_scorer.v1 instead."""
    from spacy.tokens import Doc
    from spacy.training import Example
    from spacy.vocab import Vocab

    words = ["Rebels", "attacked", "the", "town", "."]
    gold = Doc(Vocab(), words=words, spaces=[True, True, True, False, False],
               pos=["NOUN", "VERB", "DET", "NOUN", "PUNCT"],
               morphs=["Number=Plur", "Tense=Past|VerbForm=Fin", "PronType=Art", "Number=Sing", ""],
               heads=[1, 1, 3, 1, 1], deps=["nsubj", "ROOT", "det", "obj", "punct"])
    scores = nlp.evaluate([Example(nlp.make_doc("Rebels attacked the town."), gold)])
    assert scores["dep_uas"] == 1.0
    assert 0.0 <= scores["morph_acc"] <= 1.0
