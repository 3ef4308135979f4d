"""Shared fixtures. Tests that need ../shared (data, seeds) skip cleanly when it is absent."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("EVENTLINE_SHARED", REPO.parent / "shared")).resolve()
EXAMPLES = REPO / "examples"


def shared_path(*parts: str) -> Path:
    """A path under ../shared, or a skip when it is not there."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"needs {Path('shared', *parts)} (absent)")
    return path


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return shared_path("seeds")


@pytest.fixture(scope="session")
def nlp():
    """The shipped spaCy pipeline, loaded once."""
    from eventline import nlp as nlp_stage

    return nlp_stage.load()


@pytest.fixture(scope="session")
def pipeline():
    """The full eventline Pipeline with the shipped model, loaded once."""
    import eventline

    return eventline.Pipeline()
