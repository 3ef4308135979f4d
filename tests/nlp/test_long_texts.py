"""Long documents are parsed in pieces and joined back into one Doc (eventline.nlp.long_texts)."""

from __future__ import annotations

from eventline.nlp.long_texts import parse, split_text

PARAGRAPH = ("North Korea said on Friday it was willing to hold talks with Japan. "
             "Japan's prime minister told reporters he wanted a summit with Pyongyang.\n\n")


def test_split_text_keeps_every_character_and_cuts_at_line_breaks():
    text = PARAGRAPH * 40
    pieces = split_text(text, size=1_000)
    assert len(pieces) > 5
    assert "".join(pieces) == text
    assert all(len(p) <= 1_000 for p in pieces)
    assert all(p.endswith("\n\n") for p in pieces[:-1])


def test_split_text_without_line_breaks_cuts_after_a_sentence():
    text = PARAGRAPH.replace("\n\n", " ") * 40
    pieces = split_text(text, size=1_000)
    assert "".join(pieces) == text
    assert all(p.rstrip().endswith(".") for p in pieces[:-1])


def test_split_text_leaves_short_text_whole():
    assert split_text("A short text.", size=1_000) == ["A short text."]


def test_parse_joins_pieces_into_one_doc_like_a_whole_parse(nlp):
    long_text = PARAGRAPH * 30
    items = [("A short one. It stays whole.", "short"), (long_text, "long"), ("Another short text.", "last")]
    out = list(parse(nlp, items, batch_size=4, piece_chars=500))
    assert [context for _, context in out] == ["short", "long", "last"]
    joined = out[1][0]
    assert joined.text == long_text
    whole = nlp(long_text)
    assert [t.text for t in joined] == [t.text for t in whole]
    # every piece starts a sentence, so sentence boundaries agree with a parse of the whole text
    assert [s.text for s in joined.sents] == [s.text for s in whole.sents]
    assert all(t.head.sent == t.sent for t in joined)
    assert [t.idx for t in joined] == [t.idx for t in whole]


def test_pipeline_codes_a_document_longer_than_a_piece(pipeline):
    from eventline.nlp.long_texts import PIECE_CHARS

    text = PARAGRAPH * (PIECE_CHARS // len(PARAGRAPH) + 5)
    coded = list(pipeline.process([{"id": "long", "text": text, "pub_date": "2018-04-30"}]))[0]
    assert coded.spacy_doc.text == text
    first, last = coded.events[0], coded.events[-1]
    assert len(coded.events) >= 2
    # offsets of events in the last piece still point at their words in the original text
    for event in (first, last):
        start, end = event["span"]
        assert text[start:end] == event["text"]
