"""eventline.nlp.arrays: the shared per-document array view equals what spaCy's Token objects say, and a reader
that changes the parse gets a fresh view after `forget`."""

from __future__ import annotations

from spacy.attrs import DEP, LEMMA, LOWER, ORTH, POS

from eventline.coding import frames as F
from eventline.nlp.arrays import doc_arrays, forget

TEXTS = ["North Korea said on Friday it was willing to talk.\n\nJapan  welcomed it.  ",
         "Abe met Trump. \"We will talk,\" he said. Kim agreed to reopen the border with 1,500 troops.", "x"]


def test_columns_equal_the_tokens(nlp):
    for doc in nlp.pipe(TEXTS):
        view = doc_arrays(doc)
        assert view.text == doc.text
        assert view.strings(ORTH) == [t.text for t in doc]
        assert view.strings(LOWER) == [t.lower_ for t in doc]
        assert view.strings(LEMMA) == [t.lemma_ for t in doc]
        assert view.strings(POS) == [t.pos_ for t in doc]
        assert view.strings(DEP) == [t.dep_ for t in doc]
        assert view.heads == [t.head.i for t in doc]
        assert view.whitespace == [t.whitespace_ for t in doc]
        assert view.sent_starts == [s.start for s in doc.sents]


def test_one_view_per_latest_document(nlp):
    first, second = nlp("Seoul protested."), nlp("Tokyo agreed.")
    view = doc_arrays(first)
    assert doc_arrays(first) is view
    assert doc_arrays(second).text == "Tokyo agreed."
    assert doc_arrays(first) is not view and doc_arrays(first).text == "Seoul protested."
    assert doc_arrays(nlp("")).text == ""


def test_forget_after_changing_the_parse(nlp):
    doc = nlp("Israeli bulldozers demolished homes in Gaza.")
    F.index_doc(doc)
    before = doc_arrays(doc)
    verb = next(t for t in doc if t.lower_ == "demolished")
    gaza = next(t for t in doc if t.text == "Gaza")
    assert gaza.head.i != verb.i
    gaza.head = verb
    forget(doc)
    after = doc_arrays(doc)
    assert after is not before and after.heads[gaza.i] == verb.i
    F.index_doc(doc)  # the children index follows the new view
    assert [c.i for c in F.kids(verb)] == [c.i for c in verb.children]
