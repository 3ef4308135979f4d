"""Cheap access to the text of spans of a parsed document."""

from __future__ import annotations

from spacy.attrs import ORTH, SENT_START, SPACY
from spacy.tokens import Doc, Span

# spaCy's Doc.text and Span.text join the text of every token on each call; the coder asks for the text of
# many sentences of the same document, so the document's text is kept for the latest document.
_LATEST: list[object] = [None, ""]


def doc_text(doc: Doc) -> str:
    """`doc.text`, computed once for the latest document asked about (from the ORTH/SPACY arrays, which is
    several times faster than spaCy's join over Token objects)."""
    if _LATEST[0] is not doc:
        n = len(doc)
        if n:
            strings = doc.vocab.strings
            rows = doc.to_array([ORTH, SPACY]).reshape(n, 2).tolist()
            text = "".join([strings[orth] + " " if space else strings[orth] for orth, space in rows])
        else:
            text = ""
        _LATEST[0], _LATEST[1] = doc, text
    return _LATEST[1]  # type: ignore[return-value]


def span_text(span: Span) -> str:
    """`span.text` (the same string) sliced from the document's text."""
    return doc_text(span.doc)[span.start_char:span.end_char]


def sentence_starts(doc: Doc) -> list[int]:
    """Token index of each sentence's first token, as `doc.sents` would give them (from the SENT_START array,
    without building a Span per sentence). The document must have sentence boundaries."""
    n = len(doc)
    if not n:
        return []
    starts = (doc.to_array([SENT_START]).reshape(n).astype("int64") == 1).nonzero()[0].tolist()
    return starts if starts and starts[0] == 0 else [0, *starts]
