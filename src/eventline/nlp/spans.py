"""Cheap access to the text of spans of a parsed document."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from eventline.nlp.arrays import doc_arrays


def doc_text(doc: Doc) -> str:
    """`doc.text`, computed once for the latest document asked about (from the ORTH/SPACY arrays of the shared
    array view, which is several times faster than spaCy's join over Token objects)."""
    return doc_arrays(doc).text


def span_text(span: Span) -> str:
    """`span.text` (the same string) sliced from the document's text."""
    return doc_arrays(span.doc).text[span.start_char:span.end_char]


def sentence_starts(doc: Doc) -> list[int]:
    """Token index of each sentence's first token, as `doc.sents` would give them (from the SENT_START array,
    without building a Span per sentence). The document must have sentence boundaries."""
    return list(doc_arrays(doc).sent_starts)
