"""Helpers for the store and CLI tests: generated JSONL corpora, a tiny saved spaCy pipeline, the event schema.

Imported by tests/store and tests/cli (their conftest.py puts this folder on sys.path); named uniquely so it
never clashes with the other conftest modules."""

from __future__ import annotations

import json
import os
import random
from pathlib import Path

import pytest

from eventline import Document

REPO = Path(__file__).resolve().parents[2]
WORDS = (
    "minister president talks border trade sanctions troops summit agreement ceasefire capital envoy parliament "
    "election protest embassy visit accord aid rebels army police court opposition statement officials region "
    "meeting foreign defence security council pact tariffs strike negotiations delegation spokesman ministry"
).split()


def event_schema() -> dict:
    """event.schema.json from ../shared/spec, or a skip when ../shared is absent."""
    shared = Path(os.environ.get("EVENTLINE_SHARED", REPO.parent / "shared")).resolve()
    path = shared / "spec" / "event.schema.json"
    if not path.exists():
        pytest.skip("needs shared/spec/event.schema.json (absent)")
    return json.loads(path.read_text(encoding="utf-8"))


def save_tiny_model(path: Path) -> Path:
    """A spaCy pipeline with only a tokenizer and a sentencizer: fast to load, also in subprocesses."""
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.to_disk(path)
    return path


def article(rng: random.Random, n_words: int = 80) -> str:
    """A distinct pseudo-article: sentences of random words."""
    sentences = []
    for _ in range(max(1, n_words // 10)):
        words = [rng.choice(WORDS) for _ in range(10)]
        sentences.append(" ".join(words).capitalize() + ".")
    return " ".join(sentences)


def corpus(n: int, seed: int = 0, copies_every: int = 0) -> list[dict]:
    """n JSONL-shaped documents with distinct ids and texts (dates spread over 2024). With copies_every=k,
    every k-th document is instead an exact copy (odd positions) or a near copy (even ones) of an earlier one."""
    rng = random.Random(seed)
    docs: list[dict] = []
    for i in range(n):
        doc = {"id": f"doc-{i:05d}", "date": f"2024-{1 + i % 12:02d}-{1 + i % 28:02d}", "publisher": "Test Wire"}
        if copies_every and i and i % copies_every == 0:
            source = docs[rng.randrange(len(docs))]["text"]
            doc["text"] = source if (i // copies_every) % 2 else source + " Officials declined to comment."
        else:
            doc["text"] = article(rng)
        docs.append(doc)
    return docs


def write_jsonl(path: Path, docs: list[dict]) -> Path:
    path.write_text("".join(json.dumps(d) + "\n" for d in docs), encoding="utf-8")
    return path


# Hand-made event records, for tests that must not depend on the coder.
JAPAN = {"text": "Japan", "code": "JPN", "country": "JPN", "sector": "GOV", "name": None, "start": 0, "end": 5}
KCNA = {"text": "KCNA", "code": "PRKMED", "country": "PRK", "sector": "MED", "name": None}


def record(i: int, doc_id: str = "d1", **changes) -> dict:
    r = {
        "id": f"{doc_id}-e{i}", "doc_id": doc_id, "url": "https://example.org/a", "publisher": "Test Wire",
        "pub_date": "2024-03-29", "date": "2024-03-28", "date_basis": "relative", "actor": [JAPAN],
        "recipient": [{"text": "China", "code": "CHN", "country": "CHN", "sector": None, "name": None,
                       "start": 20, "end": 25}],
        "cameo": "036", "event": "CONSULT", "mode": None, "context": ["diplomatic"], "goldstein": 4.0,
        "quad_class": 1, "negated": False, "modality": "future", "said_by": [KCNA],
        "text": "Japan said it would meet China.", "sentence_index": i, "span": [0, 31],
        "trigger": {"text": "meet", "start": 22, "end": 26}, "confidence": 0.8, "location": None,
        "coder": "eventline test", "pattern": "would meet", "scores": {"verb": 0.5},
    }
    r.update(changes)
    return r


class Coded:
    """Shaped like pipeline.CodedDocument, without a parse."""

    def __init__(self, document: Document, events: list[dict]) -> None:
        self.document, self.events, self.claims, self.spacy_doc = document, events, [], None
