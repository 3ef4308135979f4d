"""eventline.nlp.spans: the text of a document and its sentences, read without building Tokens."""

from __future__ import annotations

from eventline.nlp.spans import doc_text, span_text


def test_doc_and_span_text_equal_spacys_own(nlp):
    texts = ["North Korea said on Friday it was willing to talk.\n\nJapan  welcomed it.  ", "  Two\tspaces\n", "x"]
    for text in texts:
        doc = nlp(text)
        assert doc_text(doc) == doc.text == text
        assert [span_text(s) for s in doc.sents] == [s.text for s in doc.sents]
    empty = nlp("")
    assert doc_text(empty) == ""


def test_doc_text_follows_the_latest_document(nlp):
    first, second = nlp("Seoul protested."), nlp("Tokyo agreed.")
    assert doc_text(first) == "Seoul protested."
    assert doc_text(second) == "Tokyo agreed."
    assert doc_text(first) == "Seoul protested."


def test_sentence_starts_match_doc_sents(nlp):
    from eventline.nlp.spans import sentence_starts

    texts = ["Seoul protested. Tokyo agreed on Friday.\n\nPyongyang said nothing.", "One sentence only",
             "Abe met Trump. \"We will talk,\" he said. Kim agreed."]
    for doc in nlp.pipe(texts):
        assert sentence_starts(doc) == [s.start for s in doc.sents]
