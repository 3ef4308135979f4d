"""Fixtures for the store tests: a tiny saved spaCy pipeline (tokenizer + sentencizer) so ingest runs the real
Pipeline without waiting for the shipped model, and generated JSONL corpora."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

WORDS = (
    "minister president talks border trade sanctions troops summit agreement ceasefire capital envoy parliament "
    "election protest embassy visit accord aid rebels army police court opposition statement officials region "
    "meeting foreign defence security council pact tariffs strike negotiations delegation spokesman ministry"
).split()


@pytest.fixture(scope="session")
def tiny_model(tmp_path_factory) -> Path:
    """A saved spaCy pipeline with only a tokenizer and a sentencizer: fast to load in subprocesses."""
    import spacy

    path = tmp_path_factory.mktemp("tiny_model") / "model"
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.to_disk(path)
    return path


@pytest.fixture(scope="session")
def tiny_pipeline(tiny_model):
    import eventline

    return eventline.Pipeline(model=tiny_model)


def article(rng: random.Random, n_words: int = 80) -> str:
    """A distinct pseudo-article: sentences of random words."""
    sentences = []
    for _ in range(max(1, n_words // 10)):
        words = [rng.choice(WORDS) for _ in range(10)]
        sentences.append(" ".join(words).capitalize() + ".")
    return " ".join(sentences)


def write_corpus(path: Path, n: int, seed: int = 0) -> list[dict]:
    """n JSONL documents with distinct ids and texts (dates spread over 2024)."""
    rng = random.Random(seed)
    docs = [
        {"id": f"doc-{i:05d}", "text": article(rng), "date": f"2024-{1 + i % 12:02d}-{1 + i % 28:02d}",
         "publisher": "Test Wire"}
        for i in range(n)
    ]
    path.write_text("".join(json.dumps(d) + "\n" for d in docs), encoding="utf-8")
    return docs
