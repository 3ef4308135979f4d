import pytest
from tests.analysis.fixtures import make_store, one_event_many_articles, thaw_then_freeze

from eventline.analysis import dyads, quality
from eventline.analysis.timeline import dyad_series


@pytest.fixture()
def db(tmp_path):
    return make_store(tmp_path / "s.duckdb", thaw_then_freeze())


def _cell(series, period, direction):
    return next(p for p in series["periods"] if p["period"] == period and p["direction"] == direction)


def test_monthly_series_counts_events_not_mentions(db):
    s = dyad_series(db, "PRK", "JPN", by="month")
    assert [(p["period"], p["direction"]) for p in s["periods"]] == [
        ("2018-04", "A->B"), ("2018-04", "B->A"), ("2024-03", "A->B"), ("2024-03", "B->A")]
    late = _cell(s, "2024-03", "A->B")
    # p3, p4, p6 are one rejection (same dyad, root 12, within three days); p5 a threat by other actor codes
    assert late["events"] == 2 and late["mentions"] == 4
    assert late["counts_by_quad"] == {1: 0, 2: 0, 3: 2, 4: 0}
    assert late["counts_by_event"] == {"REJECT": 1, "THREATEN": 1}
    assert late["goldstein_sum"] == pytest.approx(-9.4)
    assert late["goldstein_mean"] == pytest.approx(-4.7)
    early = _cell(s, "2018-04", "A->B")
    assert early["events"] == 2 and early["goldstein_mean"] == pytest.approx(3.4)
    assert early["top_events"][0]["text"] == "Kim agreed to talk to Japan any time."
    # the 2002 abduction is dated to the year only: not in a month, reported as imprecise
    assert len(s["imprecise"]) == 1
    assert s["totals"]["A->B"]["events"] == 4


def test_volume_and_normalised_shares(db):
    s = dyad_series(db, "PRK", "JPN", by="month", normalise=True)
    late = _cell(s, "2024-03", "A->B")
    # 2024-03 holds 2 PRK->JPN events, 1 JPN->PRK and the two USA/KOR consultations
    assert late["volume"] == 5
    assert late["normalised"]["events"] == pytest.approx(2 / 5)
    assert late["normalised"]["counts_by_quad"][3] == pytest.approx(2 / 5)


def test_yearly_series_includes_year_dated_events_and_date_filter(db):
    s = dyad_series(db, "PRK", "JPN", by="year")
    assert [p["period"] for p in s["periods"] if p["direction"] == "A->B"] == ["2002", "2018", "2024"]
    s = dyad_series(db, "JPN", "PRK", by="year", start="2018", end="2018-12-31")
    assert [(p["period"], p["direction"], p["events"]) for p in s["periods"]] == [
        ("2018", "A->B", 1), ("2018", "B->A", 2)]


def test_actor_codes_match_by_prefix(db):
    s = dyad_series(db, "PRKGOV", "JPN", by="month")
    late = _cell(s, "2024-03", "A->B")
    assert late["events"] == 1  # the threat was coded with bare country codes (PRK), not PRKGOV


def test_week_and_day_periods(db):
    s = dyad_series(db, "PRK", "JPN", by="week")
    assert {p["period"] for p in s["periods"]} == {"2018-W17", "2024-W13"}
    s = dyad_series(db, "PRK", "JPN", by="day")
    assert "2018-04-27" in {p["period"] for p in s["periods"]}
    with pytest.raises(ValueError):
        dyad_series(db, "PRK", "JPN", by="fortnight")


def test_dyads_and_quality(tmp_path):
    db = make_store(tmp_path / "s.duckdb", thaw_then_freeze())
    assert dyads(db)[0] == ("PRK", "JPN", 5)
    records, documents = one_event_many_articles()
    db2 = make_store(tmp_path / "q.duckdb", records, documents)
    q = quality(db2)
    assert q["documents"] == 5 and q["duplicates"] == 1
    assert q["events"] == 6 and q["merged_events"] == 2
    assert q["share_dated_by_publication"] == 0.0
