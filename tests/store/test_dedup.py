"""Exact and near-duplicate detection (eventline.ingest.dedup)."""

from __future__ import annotations

import random

from store_corpus import article

from eventline import Document
from eventline.ingest.dedup import MIN_WORDS, Deduplicator, hashvalues


def _remember(dedup: Deduplicator, doc: Document) -> None:
    dedup.remember(doc.id, doc.content_hash, dedup.signature(doc.text))


def test_exact_copy_with_other_id_and_spacing_is_found():
    dedup = Deduplicator()
    original = Document(id="a", text=article(random.Random(1), 120))
    _remember(dedup, original)
    copy = Document(id="b", text="  " + original.text.upper().replace(" ", "\n  "))
    verdict = dedup.check(copy, dedup.signature(copy.text))
    assert verdict is not None and (verdict.kind, verdict.of, verdict.similarity) == ("exact", "a", 1.0)
    # A document is never a duplicate of itself.
    assert dedup.check(original, dedup.signature(original.text)) is None


def test_near_copy_is_found_and_a_different_article_is_not():
    rng = random.Random(2)
    dedup = Deduplicator()
    original = Document(id="a", text=article(rng, 200))
    _remember(dedup, original)
    _remember(dedup, Document(id="other", text=article(rng, 200)))
    edited = original.text.replace(".", ",", 1) + " A spokesman declined to comment on the report."
    near = Document(id="b", text=edited)
    verdict = dedup.check(near, dedup.signature(near.text))
    assert verdict is not None and verdict.kind == "near" and verdict.of == "a"
    assert 0.8 <= verdict.similarity < 1.0
    unrelated = Document(id="c", text=article(rng, 200))
    assert dedup.check(unrelated, dedup.signature(unrelated.text)) is None


def test_short_texts_are_only_matched_exactly():
    dedup = Deduplicator()
    short = "The minister met the envoy in the capital on Monday."
    assert len(short.split()) < MIN_WORDS
    assert dedup.signature(short) is None
    _remember(dedup, Document(id="a", text=short))
    other = Document(id="b", text=short.replace("Monday", "Tuesday"))
    assert dedup.check(other, dedup.signature(other.text)) is None
    assert dedup.check(Document(id="c", text=short)).kind == "exact"


def test_signatures_restored_from_stored_hash_values_find_the_same_copies():
    rng = random.Random(3)
    original = Document(id="a", text=article(rng, 150))
    first = Deduplicator()
    stored = hashvalues(first.signature(original.text))
    assert stored is not None and len(stored) == 128 and all(isinstance(v, int) for v in stored)
    reopened = Deduplicator()
    reopened.remember("a", original.content_hash, hashvalues=stored)
    near = Document(id="b", text=original.text + " Officials confirmed the talks.")
    verdict = reopened.check(near, reopened.signature(near.text))
    assert verdict is not None and verdict.kind == "near" and verdict.of == "a"
