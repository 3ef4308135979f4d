"""The `code` fixture: text in, event records out, through the session's shipped pipeline."""

from __future__ import annotations

from datetime import date

import pytest

from eventline.nlp import MODEL_DIR


@pytest.fixture(scope="session")
def code(pipeline):
    if not (MODEL_DIR / "config.cfg").exists():
        pytest.skip("shipped spaCy model not built")
    from eventline.ingest import Document

    def run(text: str, when: date = date(2024, 3, 29)) -> list[dict]:
        return pipeline.coder.code(pipeline.nlp(text), Document(id="t", text=text, pub_date=when))

    return run
