"""Acceptance on the seed articles through the real command line: ingest, then shifts and claims.

Runs when ../shared/seeds and the shipped spaCy pipeline are present (skips otherwise); it needs the actor
resolver and the event coder too, and fails (rather than skips) while they cannot code the seeds."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from eventline.nlp import MODEL_DIR

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not (MODEL_DIR / "config.cfg").exists(), reason="needs the shipped spaCy pipeline"),
]

EVENTLINE = [str(Path(sys.executable).parent / "eventline")]


def _run(*args: str) -> str:
    result = subprocess.run(EVENTLINE + list(args), capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    return result.stdout


@pytest.fixture(scope="module")
def seeds_db(seeds_dir, tmp_path_factory):
    db = tmp_path_factory.mktemp("seeds") / "s.duckdb"
    _run("ingest", str(seeds_dir), "--db", str(db))
    return db


def test_prk_to_jpn_shifts_from_talks_in_2018_to_rejection_in_2024(seeds_db):
    shifts = json.loads(_run("shifts", "PRK", "JPN", "--db", str(seeds_db), "--format", "json"))
    found = [s for s in shifts if s["direction"] == "toward conflict"
             and s["before"]["start"][:4] == "2018" and s["after"]["start"][:4] == "2024"]
    assert found, shifts
    shift = found[0]
    assert (shift["actor"], shift["recipient"]) == ("PRK", "JPN")
    before_docs = {e["doc_id"] for e in shift["before"]["evidence"]}
    after_docs = {e["doc_id"] for e in shift["after"]["evidence"]}
    assert before_docs and after_docs and not before_docs & after_docs  # evidence from both articles
    assert shift["before"]["goldstein_mean"] > shift["after"]["goldstein_mean"]


def test_disputed_abductee_count_japan_17_north_korea_13(seeds_db):
    groups = json.loads(_run("claims", "--db", str(seeds_db), "--format", "json"))
    disputed = [g for g in groups if g["disputed"]]
    assert disputed, groups

    def by(group, value):
        return {(c["claimant"] or {}).get("country") for c in group["claims"] if c["value"] == value}

    matching = [g for g in disputed if "JPN" in by(g, 17) and "PRK" in by(g, 13)]
    assert matching, disputed
    group = matching[0]
    assert groups.index(group) < len(disputed)  # disputed groups come first
    facets = {(c["value"], c.get("facet")) for c in group["claims"]}
    assert (5, "returned") in facets
    assert any(v == 8 and f and "dead" in f for v, f in facets)
