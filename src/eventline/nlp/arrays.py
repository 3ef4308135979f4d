"""One array view of a parsed document, shared by every reader of it (actor resolver, event coder, parse repairs,
claims, span texts).

Building spaCy Token objects (`doc[i]`, `token.head`, `.lower_`) word by word costs more than most of what the
readers do with them, and each reader used to call `Doc.to_array` and convert the result itself. `doc_arrays(doc)`
reads the token attributes once (one `to_array` call) and hands out plain Python lists, column by column, each
made on first use: hashes (`ints`), strings (`strings`, through the StringStore once per distinct hash), absolute
head indices (`heads`), sentence starts and the document's text.

Only the latest document is kept (memory stays flat). A reader that changes the parse (the coder's repairs) must
call `forget(doc)` afterwards, so that the next reader sees the new heads and labels.
"""

from __future__ import annotations

from operator import add
from typing import Any

import numpy as np
from spacy.attrs import DEP, HEAD, IDX, IS_PUNCT, IS_SPACE, LEMMA, LOWER, ORTH, POS, SENT_START, SPACY, TAG
from spacy.tokens import Doc

ATTRS = (ORTH, LOWER, LEMMA, POS, TAG, DEP, HEAD, SENT_START, IDX, SPACY, IS_SPACE, IS_PUNCT)
_COLUMN = {attr: k for k, attr in enumerate(ATTRS)}
_SIGNED = (HEAD, SENT_START)  # columns whose negative values to_array returns wrapped as uint64

# hash -> string, shared by all documents (the StringStore lookup is the slow part of reading strings)
_STRINGS: dict[int, str] = {}


class DocArrays:
    """The attribute arrays of one document. `raw` is to_array(ATTRS) (uint64, n x len(ATTRS))."""

    __slots__ = ("doc", "n", "raw", "_ints", "_strings", "_heads", "_sent_starts", "_text", "_whitespace")

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.n = n = len(doc)
        self.raw = doc.to_array(list(ATTRS)).reshape(n, len(ATTRS)) if n else np.zeros((0, len(ATTRS)), np.uint64)
        self._ints: dict[int, list[int]] = {}
        self._strings: dict[int, list[str]] = {}
        self._heads: list[int] | None = None
        self._sent_starts: list[int] | None = None
        self._text: str | None = None
        self._whitespace: list[str] | None = None

    def column(self, attr: int) -> np.ndarray:
        """The column of an attribute as to_array gives it (uint64; HEAD and SENT_START as int64)."""
        col = self.raw[:, _COLUMN[attr]]
        return col.astype(np.int64) if attr in _SIGNED else col

    def ints(self, attr: int) -> list[int]:
        """The attribute's values (string hashes, flags, offsets) as a list of Python ints."""
        got = self._ints.get(attr)
        if got is None:
            got = self._ints[attr] = self.column(attr).tolist()
        return got

    def strings(self, attr: int) -> list[str]:
        """The attribute's strings ('' for hash 0), one per token."""
        got = self._strings.get(attr)
        if got is None:
            uniq, inv = np.unique(self.raw[:, _COLUMN[attr]], return_inverse=True)
            strs = strings_of(self.doc, uniq.tolist())
            got = self._strings[attr] = [strs[k] for k in inv.ravel().tolist()]
        return got

    @property
    def heads(self) -> list[int]:
        """The index of each token's head (a root is its own head)."""
        if self._heads is None:
            self._heads = (self.column(HEAD) + np.arange(self.n, dtype=np.int64)).tolist()
        return self._heads

    @property
    def sent_starts(self) -> list[int]:
        """Token index of each sentence's first token, as `doc.sents` gives them (the document must have sentence
        boundaries)."""
        if self._sent_starts is None:
            if not self.n:
                self._sent_starts = []
            else:
                starts = (self.column(SENT_START) == 1).nonzero()[0].tolist()
                self._sent_starts = starts if starts and starts[0] == 0 else [0, *starts]
        return self._sent_starts

    @property
    def whitespace(self) -> list[str]:
        """Each token's `whitespace_` (' ' or '')."""
        if self._whitespace is None:
            self._whitespace = [" " if sp else "" for sp in self.ints(SPACY)]
        return self._whitespace

    @property
    def text(self) -> str:
        """`doc.text` (joined from the ORTH and SPACY columns)."""
        if self._text is None:
            self._text = "".join(map(add, self.strings(ORTH), self.whitespace))
        return self._text


def strings_of(doc: Doc, hashes: list[int]) -> list[str]:
    """The strings of string hashes ('' for 0), through a cache shared by all documents."""
    cache = _STRINGS
    out: list[Any] = list(map(cache.get, hashes))
    if None in out:
        if len(cache) > 1_000_000:  # (bounded: a long run over many corpora meets ever more words)
            cache.clear()
        store = doc.vocab.strings
        for k, h in enumerate(hashes):
            if out[k] is None:
                out[k] = cache[h] = store[h] if h else ""
    return out


_LATEST: list[DocArrays | None] = [None]


def doc_arrays(doc: Doc) -> DocArrays:
    """The array view of `doc` (made once for the latest document asked about)."""
    view = _LATEST[0]
    if view is None or view.doc is not doc:
        view = _LATEST[0] = DocArrays(doc)
    return view


def forget(doc: Doc) -> None:
    """Drops the view of `doc` (call after changing its parse)."""
    view = _LATEST[0]
    if view is not None and view.doc is doc:
        _LATEST[0] = None
