"""Sentences, tokens, tags, lemmas and dependency parses: loads the spaCy pipeline eventline ships (trained
by `make model`, see training/) or any installed spaCy pipeline the user names."""

from __future__ import annotations

from pathlib import Path

import spacy
from spacy.language import Language

MODEL_DIR = Path(__file__).parent / "model"


def load(model: str | Path | None = None) -> Language:
    """The shipped pipeline when `model` is None, else a spaCy pipeline name or path."""
    if model is None:
        if not (MODEL_DIR / "config.cfg").exists():
            raise RuntimeError(
                f"eventline's shipped spaCy pipeline is missing at {MODEL_DIR}; run `make model` to train it"
            )
        return spacy.load(MODEL_DIR)
    return spacy.load(model)


__all__ = ["MODEL_DIR", "load"]
