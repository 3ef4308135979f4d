"""Scorers for the shipped pipeline's config.

`eventline.morphologizer_scorer.v1` is spaCy's morphologizer scorer made safe for gold documents that come with
their own Vocab (as `spacy.training.converters.conllu_to_docs` makes them): spaCy looks up the *predicted* morph
string in the gold Vocab and raises a KeyError when the model predicts a feature bundle the gold file never
uses. Adding the predicted strings to the gold StringStore first makes the scores well defined.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from spacy.pipeline.morphologizer import morphologizer_score
from spacy.training import Example
from spacy.util import registry


def safe_morphologizer_score(examples: Iterable[Example], **kwargs: Any) -> dict[str, Any]:
    examples = list(examples)
    for example in examples:
        strings = example.reference.vocab.strings
        for token in example.predicted:
            strings.add(str(token.morph))
    return morphologizer_score(examples, **kwargs)


@registry.scorers("eventline.morphologizer_scorer.v1")
def make_safe_morphologizer_scorer() -> Callable[..., dict[str, Any]]:
    return safe_morphologizer_score


__all__ = ["make_safe_morphologizer_scorer", "safe_morphologizer_score"]
