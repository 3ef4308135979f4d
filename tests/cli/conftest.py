"""Fixtures for the CLI tests: the helpers of tests/store (generated corpora, a tiny saved spaCy pipeline) and a
way to run the real `eventline` command in a subprocess."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parents[1] / "store"))

from store_corpus import save_tiny_model  # noqa: E402

sys.path.insert(0, str(Path(__file__).parent))

from cli_run import EVENTLINE, run_eventline  # noqa: E402,F401  (kept importable from conftest too)


@pytest.fixture(scope="session")
def tiny_model(tmp_path_factory) -> Path:
    return save_tiny_model(tmp_path_factory.mktemp("tiny_model_cli") / "model")
