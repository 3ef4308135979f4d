"""Duplicate detection at ingest: exact copies (same content hash) and near copies (MinHash over word shingles,
found through an LSH index).

A `Deduplicator` is told about every original document it should match against (`remember`) and asked about each
new one (`check`). It knows nothing about parsing or the store: the store persists each document's signature
(`Signature.hashvalues`) and hands them back with `remember(..., hashvalues=...)` when it is reopened, so copies
are found across ingest runs.

What counts as a near copy: estimated Jaccard similarity of the sets of `SHINGLE_WORDS`-word shingles of the
lower-cased words is at least `threshold` (default 0.8). Texts shorter than `MIN_WORDS` words get no signature
and are only matched exactly: short texts (headlines, single sentences) that differ in one word are usually
different news, not copies.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from datasketch import LeanMinHash, MinHash, MinHashLSH

from eventline.ingest.document import Document

NUM_PERM = 128
SEED = 1
SCHEME = "affine32"  # datasketch permutation scheme; stored signatures are only comparable within one scheme.
SHINGLE_WORDS = 3
MIN_WORDS = 25
DEFAULT_THRESHOLD = 0.8

_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True)
class Duplicate:
    """The verdict on a document that repeats one seen before."""

    kind: str  # "exact" or "near"
    of: str  # id of the original document
    similarity: float  # 1.0 for exact copies, the estimated Jaccard similarity for near ones


def shingles(text: str, size: int = SHINGLE_WORDS) -> list[bytes]:
    """The distinct `size`-word shingles of the lower-cased words of `text`, UTF-8 encoded."""
    words = [w.lower() for w in _WORD.findall(text)]
    if len(words) <= size:
        return [" ".join(words).encode("utf-8")] if words else []
    return list({" ".join(words[i : i + size]).encode("utf-8") for i in range(len(words) - size + 1)})


class Deduplicator:
    """Exact and near-duplicate matching against the documents `remember`ed so far.

    Usage, per incoming document:
        dup = dedup.check(doc)          # None, or Duplicate(kind, of, similarity)
        if dup is None:
            dedup.remember(doc.id, doc.content_hash, signature)
    where `signature = dedup.signature(doc.text)` (None for short texts) is what the store persists.
    """

    def __init__(self, threshold: float = DEFAULT_THRESHOLD, num_perm: int = NUM_PERM) -> None:
        self.threshold = threshold
        self.num_perm = num_perm
        self._by_hash: dict[str, str] = {}
        self._signatures: dict[str, LeanMinHash] = {}
        self._lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
        self._order: dict[str, int] = {}
        self._permutations = MinHash(num_perm=num_perm, seed=SEED, scheme=SCHEME).permutations

    def __len__(self) -> int:
        return len(self._order)

    def signature(self, text: str) -> LeanMinHash | None:
        """The MinHash of `text`'s shingles, or None when the text is too short to compare approximately."""
        if len(_WORD.findall(text)) < MIN_WORDS:
            return None
        m = MinHash(num_perm=self.num_perm, seed=SEED, permutations=self._permutations, scheme=SCHEME)
        m.update_batch(shingles(text))
        return LeanMinHash(m)

    def check(self, document: Document, signature: LeanMinHash | None = None) -> Duplicate | None:
        """Whether `document` repeats a remembered one: the exact copy if any, else the most similar near copy
        (ties go to the one remembered first). Pass `signature` when already computed."""
        original = self._by_hash.get(document.content_hash)
        if original is not None and original != document.id:
            return Duplicate("exact", original, 1.0)
        if signature is None:
            return None
        best: Duplicate | None = None
        best_key: tuple[float, int] | None = None
        for candidate in self._lsh.query(signature):
            if candidate == document.id:
                continue
            similarity = float(signature.jaccard(self._signatures[candidate]))
            if similarity < self.threshold:
                continue
            key = (-similarity, self._order[candidate])
            if best_key is None or key < best_key:
                best, best_key = Duplicate("near", candidate, round(similarity, 4)), key
        return best

    def remember(
        self,
        doc_id: str,
        content_hash: str,
        signature: LeanMinHash | None = None,
        hashvalues: Sequence[int] | np.ndarray | None = None,
    ) -> None:
        """Adds an original document to match later ones against; its signature, or its stored hash values."""
        if doc_id in self._order:
            return
        self._order[doc_id] = len(self._order)
        self._by_hash.setdefault(content_hash, doc_id)
        if signature is None and hashvalues is not None and len(hashvalues) == self.num_perm:
            signature = LeanMinHash(seed=SEED, hashvalues=np.asarray(hashvalues, dtype=np.uint32), scheme=SCHEME)
        if signature is not None:
            self._signatures[doc_id] = signature
            self._lsh.insert(doc_id, signature)


def hashvalues(signature: LeanMinHash | None) -> list[int] | None:
    """A signature as plain ints, the form the store keeps (documents.minhash)."""
    return None if signature is None else [int(v) for v in signature.hashvalues]


__all__ = ["DEFAULT_THRESHOLD", "Deduplicator", "Duplicate", "MIN_WORDS", "hashvalues", "shingles"]
