"""News sentence splitting: the rule component alone (blank pipeline) and the shipped model with it."""

from __future__ import annotations

import pytest
import spacy

from eventline.nlp import add_tokenizer_exceptions
from eventline.nlp.sentences import sentence_start_constraints


@pytest.fixture(scope="module")
def rules_only():
    """news_sentences + a punctuation sentencizer: shows what the rules alone decide."""
    nlp = spacy.blank("en")
    add_tokenizer_exceptions(nlp)
    nlp.add_pipe("news_sentences")
    nlp.add_pipe("sentencizer")
    return nlp


def sents(nlp, text: str) -> list[str]:
    return [s.text.strip() for s in nlp(text).sents if s.text.strip()]


def test_titles_and_months_do_not_end_sentences(rules_only):
    text = "Lt. Gen. Kim met Sen. Warren on Jan. 5 in the capital. Talks ended."
    assert sents(rules_only, text) == ["Lt. Gen. Kim met Sen. Warren on Jan. 5 in the capital.", "Talks ended."]


def test_number_abbreviation_is_merged_and_glued(rules_only):
    doc = rules_only("He lives at No. 10 Downing Street. No. It is not.")
    assert "No." in [t.text for t in doc][:5]
    assert sents(rules_only, "He lives at No. 10 Downing Street.") == ["He lives at No. 10 Downing Street."]


def test_dateline_stays_with_first_sentence(rules_only):
    for text in ("SEOUL (Reuters) - North Korea fired a missile. Japan protested.",
                 "WASHINGTON, Jan. 5 (AP) -- The Senate voted. The House did not.",
                 "KABUL - Gunmen attacked a checkpoint. Two died."):
        got = sents(rules_only, text)
        assert len(got) == 2, got
        assert got[0].split()[0] in {"SEOUL", "WASHINGTON,", "KABUL"}


def test_headline_and_paragraphs_split_on_line_breaks():
    words = ["Rebels", "seize", "town", "\n", "Rebels", "took", "the", "town", ".", "\n\n", "Officials", "said", "so"]
    spaces = ["", " ", "", "", " ", " ", " ", "", "", "", " ", " ", ""]
    forced = sentence_start_constraints(words, spaces)
    assert forced[4] is True  # after a short headline line
    assert forced[10] is True  # after a paragraph break
    assert forced[3] is False and forced[9] is False  # whitespace never starts a sentence


def test_wrapped_line_is_not_split():
    words = ["The", "minister", "met", "with", "\n", "President", "Obama", "."]
    spaces = [" ", " ", " ", "", "", " ", "", ""]
    assert 5 not in sentence_start_constraints(words, spaces) or not sentence_start_constraints(words, spaces)[5]


def test_lowercase_and_closing_quote_do_not_start_sentences():
    nlp = spacy.blank("en")
    nlp.add_pipe("news_sentences")
    doc = nlp('"We will fight!" he said. "Never." She left.')
    closing_quote, he = doc[5], doc[6]
    assert (closing_quote.text, he.text) == ('"', "he")
    assert closing_quote.is_sent_start is False and he.is_sent_start is False
    assert doc[9].text == '"' and doc[9].is_sent_start is not False  # an opening quote may start one
    assert doc[13].text == "She" and doc[13].is_sent_start is not False


def test_shipped_model_splits_news(nlp):
    text = (
        "Floods kill 40 in Pakistan\n"
        "ISLAMABAD (Reuters) - Floods killed at least 40 people, Gen. Ahmed Khan said on Sept. 3. "
        "The U.S. embassy offered aid. \"We are ready to help,\" a spokesman said.\n\n"
        "Rescue teams reached No. 4 district on Monday."
    )
    got = sents(nlp, text)
    assert got == [
        "Floods kill 40 in Pakistan",
        "ISLAMABAD (Reuters) - Floods killed at least 40 people, Gen. Ahmed Khan said on Sept. 3.",
        "The U.S. embassy offered aid.",
        '"We are ready to help," a spokesman said.',
        "Rescue teams reached No. 4 district on Monday.",
    ]


def test_list_items_keep_their_marker(rules_only):
    text = "The plan has three parts:\n1. A ceasefire in the north.\n2. Talks in Geneva.\n- Aid for refugees."
    assert sents(rules_only, text) == [
        "The plan has three parts:",
        "1. A ceasefire in the north.",
        "2. Talks in Geneva.",
        "- Aid for refugees.",
    ]
