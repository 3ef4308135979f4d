"""Sentences, tokens, tags, lemmas and dependency parses: loads the spaCy pipeline eventline ships (trained
by `make model`, see training/) or any installed spaCy pipeline the user names."""

from __future__ import annotations

from pathlib import Path

import spacy
from spacy.language import Language

from eventline.nlp import scorers as _scorers  # noqa: F401  (registers eventline.morphologizer_scorer.v1)
from eventline.nlp.sentences import NewsSentences, add_tokenizer_exceptions, set_news_sentence_starts

MODEL_DIR = Path(__file__).parent / "model"
NEWS_SENTENCES = "news_sentences"


def load(model: str | Path | None = None, news_sentences: bool = True) -> Language:
    """The shipped pipeline when `model` is None, else a spaCy pipeline name (installed package) or path.

    The shipped pipeline already contains the `news_sentences` rules (see eventline.nlp.sentences); for another
    pipeline with a parser or senter they are added in front when `news_sentences` is true.
    """
    if model is None:
        if not (MODEL_DIR / "config.cfg").exists():
            raise RuntimeError(
                f"eventline's shipped spaCy pipeline is missing at {MODEL_DIR}; run `make model` to train it"
            )
        return spacy.load(MODEL_DIR)
    nlp = spacy.load(model)
    if news_sentences and NEWS_SENTENCES not in nlp.component_names and (
        "parser" in nlp.pipe_names or "senter" in nlp.pipe_names
    ):
        add_tokenizer_exceptions(nlp)
        nlp.add_pipe(NEWS_SENTENCES, first=True)
    return nlp


__all__ = ["MODEL_DIR", "NewsSentences", "add_tokenizer_exceptions", "load", "set_news_sentence_starts"]
