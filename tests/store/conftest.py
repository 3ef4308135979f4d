"""Fixtures for the store tests: the real Pipeline on a tiny saved spaCy pipeline (tokenizer + sentencizer), so
ingest runs end to end without waiting for the shipped model."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from store_corpus import save_tiny_model  # noqa: E402


@pytest.fixture(scope="session")
def tiny_model(tmp_path_factory) -> Path:
    return save_tiny_model(tmp_path_factory.mktemp("tiny_model") / "model")


@pytest.fixture(scope="session")
def tiny_pipeline(tiny_model):
    import eventline

    return eventline.Pipeline(model=tiny_model)
