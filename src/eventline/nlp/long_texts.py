"""Parsing long documents in pieces.

spaCy sizes its work arrays by the longest document of a batch: one 700,000-character page (a comment thread,
a market report) takes over 2 GB to parse in one piece. Texts longer than `PIECE_CHARS` are cut at line breaks
into pieces of about that size, parsed as separate documents and joined back with `Doc.from_docs`, so the
caller gets one `Doc` whose text equals the input exactly and memory stays bounded by the piece size.

The size is about one news article (5,000 characters, some 1,100 tokens), so a batch of pieces costs what a batch
of articles does: on that 700k-character page the parse peaks at about 100 MB above the loaded model (2 GB whole,
300 MB in 20k-character pieces). On 150 Timeline17 articles, 58 of them cut, the records are the same but for 3
of 1,858 (the words on either side of a cut see less context).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import TypeVar

import numpy
from spacy.language import Language
from spacy.tokens import Doc

PIECE_CHARS = 5_000
_LINE_BREAKS = re.compile(r"\n\s*")
_SENTENCE_END = re.compile(r"[.!?][\"')\]]*\s+")

Context = TypeVar("Context")
_NO_TENSOR = numpy.zeros((0, 0), dtype="float32")


def split_text(text: str, size: int = PIECE_CHARS) -> list[str]:
    """Pieces of at most about `size` characters whose concatenation is `text`, cut after a line break where
    there is one in the second half of a window, else after a sentence end, else after a space."""
    if len(text) <= size:
        return [text]
    pieces: list[str] = []
    start = 0
    while len(text) - start > size:
        window = text[start:start + size]
        cut = _last_end(_LINE_BREAKS, window, size // 2) or _last_end(_SENTENCE_END, window, size // 2)
        if not cut:
            space = window.rfind(" ", size // 2)
            cut = space + 1 if space > 0 else size
        pieces.append(text[start:start + cut])
        start += cut
    pieces.append(text[start:])
    return [p for p in pieces if p]


def _last_end(pattern: re.Pattern[str], window: str, not_before: int) -> int:
    end = 0
    for match in pattern.finditer(window, not_before):
        end = match.end()
    return end if end < len(window) else 0


def parse(nlp: Language, items: Iterable[tuple[str, Context]], batch_size: int = 4,
          piece_chars: int = PIECE_CHARS) -> Iterator[tuple[Doc, Context]]:
    """`nlp.pipe(items, as_tuples=True)` that parses long texts in pieces (see the module's docstring), in order."""

    def pieces() -> Iterator[tuple[str, tuple[Context, int, int]]]:
        for text, context in items:
            parts = split_text(text, piece_chars)
            for k, part in enumerate(parts):
                yield part, (context, k, len(parts))

    pending: list[Doc] = []
    for piece, (context, k, n) in nlp.pipe(pieces(), as_tuples=True, batch_size=batch_size):
        # the tok2vec output (96 floats a token) is not used after parsing: a 700k-character page carries 56 MB
        piece.tensor = _NO_TENSOR
        if n == 1:
            yield piece, context
            continue
        pending.append(piece)
        if k == n - 1:
            whole = Doc.from_docs(pending, ensure_whitespace=False)
            pending = []
            yield whole, context
