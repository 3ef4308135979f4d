"""Fixtures for the CLI tests: the helpers of tests/store (generated corpora, a tiny saved spaCy pipeline) and a
way to run the real `eventline` command in a subprocess."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parents[1] / "store"))

from store_corpus import save_tiny_model  # noqa: E402

EVENTLINE = [sys.executable, "-c", "from eventline.cli import main; main()"]


@pytest.fixture(scope="session")
def tiny_model(tmp_path_factory) -> Path:
    return save_tiny_model(tmp_path_factory.mktemp("tiny_model_cli") / "model")


def run_eventline(*args: str, input: str | None = None, timeout: float = 120) -> subprocess.CompletedProcess:
    """`eventline ARGS...` in a subprocess (the installed package, this Python)."""
    return subprocess.run([*EVENTLINE, *args], capture_output=True, text=True, input=input, timeout=timeout)
