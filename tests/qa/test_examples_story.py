"""The bundled examples tell the story `make demo` is for: North Korea offers Japan talks (2018, again in
February 2024) and then rejects any contact (March 2024). Checked on a store coded by the shipped pipeline."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = REPO / "examples"


@pytest.fixture(scope="module")
def examples_store(tmp_path_factory, pipeline):
    from eventline.store import Store
    from eventline.store.ingest import IngestSummary, ingest, read_into

    if not EXAMPLES.is_dir():
        pytest.skip("examples/ is absent")
    inputs = [str(p) for p in sorted(EXAMPLES.rglob("*")) if p.is_file() and not p.name.upper().startswith("README")]
    store = Store(tmp_path_factory.mktemp("story") / "examples.duckdb")
    summary = IngestSummary()
    ingest(read_into(summary, inputs), store, pipeline, summary=summary)
    assert not summary.unreadable
    yield store
    store.close()


def _prk_jpn(con, cameo_root: str) -> list[tuple[str, str]]:
    from eventline.analysis import merged_events

    out = []
    for ev in merged_events(con):
        if ev["negated"] or not ev["cameo"].startswith(cameo_root):
            continue
        if any(a.get("country") == "PRK" for a in ev["actor"]) and any(r.get("country") == "JPN"
                                                                        for r in ev["recipient"]):
            out.append((ev["date"], ev["text"]))
    return out


def test_north_korea_offers_japan_talks_in_2018_and_rejects_them_in_2024(examples_store):
    offers = _prk_jpn(examples_store.con, "03")  # CAMEO 03: express intent to cooperate (036: to meet)
    rejections = _prk_jpn(examples_store.con, "12")  # CAMEO 12: reject
    assert any(d.startswith("2018") for d, _ in offers), offers
    assert any(d.startswith("2024-02") for d, _ in offers), offers
    assert any(d.startswith("2024-03") for d, _ in rejections), rejections


def test_demo_report_shows_the_turn_from_talks_to_rejection(examples_store):
    from eventline.analysis import demo_report
    from eventline.analysis.shifts import find_shifts

    shifts = find_shifts(examples_store.con, "PRK", "JPN")
    turn = [s for s in shifts if s["at"] == "2024-03"]
    assert turn, [s["at"] for s in shifts]
    assert turn[0]["direction"] == "toward conflict"
    assert turn[0]["before"]["dominant_event"] == "AGREE"
    assert turn[0]["after"]["dominant_event"] == "REJECT"
    report = demo_report(examples_store.con)
    assert "PRK -> JPN: toward conflict at 2024-03" in report
    assert "In short:" in report
    assert "abducted persons: JPN says 17; PRK says 13" in report  # the disputed numbers close the report


def test_examples_hold_a_disputed_claim_for_the_claims_panel(examples_store):
    from eventline.analysis import claim_groups

    groups = claim_groups(examples_store.con)
    assert groups and groups[0]["disputed"]  # disputed groups come first
    values = {k: sorted(v) for d in groups[0]["disputes"] for k, v in d["values"].items()}
    assert values.get("JPN") == [17] and values.get("PRK") == [13]


def test_japan_does_no_material_conflict_to_north_korea_in_the_examples(examples_store):
    from eventline.analysis import merged_events

    wrong = [(ev["date"], ev["cameo"], ev["text"]) for ev in merged_events(examples_store.con)
             if ev["quad_class"] == 4 and not ev["negated"]
             and any(a.get("country") == "JPN" for a in ev["actor"])
             and any(r.get("country") == "PRK" for r in ev["recipient"])]
    assert not wrong  # the articles report no Japanese attack, abduction or seizure against North Korea
