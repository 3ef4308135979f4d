import pytest
from tests.analysis.fixtures import make_store, record, thaw_then_freeze

from eventline.analysis.shifts import certainty, find_shifts


@pytest.fixture()
def db(tmp_path):
    return make_store(tmp_path / "s.duckdb", thaw_then_freeze())


def test_thaw_then_freeze_is_a_shift_toward_conflict_with_evidence(db):
    shifts = find_shifts(db, "PRK", "JPN")
    assert len(shifts) == 1
    s = shifts[0]
    assert (s["actor"], s["recipient"], s["direction"], s["at"]) == ("PRK", "JPN", "toward conflict", "2024-03")
    assert s["before"]["periods"] == ["2018-04"] and s["before"]["dominant_event"] == "AGREE"
    assert s["after"]["dominant_event"] == "REJECT"
    assert s["before"]["goldstein_mean"] > 0 > s["after"]["goldstein_mean"]
    assert {e["doc_id"] for e in s["before"]["evidence"]} == {"d18"}
    assert {e["doc_id"] for e in s["after"]["evidence"]} >= {"d24"}
    assert any("AGREE to REJECT" in r for r in s["reasons"])
    assert 0.5 < s["certainty"] < 1


def test_steady_dyads_have_no_shift(db):
    assert find_shifts(db, "JPN", "PRK") == []
    all_shifts = find_shifts(db)
    assert [(s["actor"], s["recipient"]) for s in all_shifts] == [("PRK", "JPN")]


def test_yearly_view_sees_2002_to_2018_as_toward_cooperation(db):
    shifts = find_shifts(db, "PRK", "JPN", by="year")
    assert [(s["at"], s["direction"]) for s in shifts] == [("2018", "toward cooperation"),
                                                           ("2024", "toward conflict")]


def test_same_mode_from_agree_to_reject_is_a_shift_even_when_means_stay_positive():
    recs = [record("a", "d1", "2020-01-05", "USAGOV", "CHNGOV", "036", mode="meet"),
            record("b", "d2", "2020-02-05", "USAGOV", "CHNGOV", "057"),
            record("c", "d2", "2020-02-06", "USAGOV", "CHNGOV", "1246", mode="meet", sentence_index=2)]
    from eventline.analysis.merge import merge_records
    from eventline.analysis.shifts import find_shifts as fs

    shifts = fs(None, events=merge_records(recs))
    assert len(shifts) == 1
    assert shifts[0]["reasons"] == ["'meet' went from cooperation to conflict"]


def test_certainty_grows_with_evidence():
    one = certainty([4.0], [-5.0])
    many = certainty([4.0, 3.4, 4.0, 2.8], [-5.0, -4.4, -5.0, -5.0])
    assert 0 < one < 0.9 and one < many <= 1
    assert certainty([4.0], [4.0]) == 0.0


def test_negated_cooperation_leans_away():
    recs = [record("a", "d1", "2020-01-05", "USAGOV", "CHNGOV", "036"),
            record("b", "d2", "2020-02-05", "USAGOV", "CHNGOV", "036", negated=True)]
    from eventline.analysis.merge import merge_records

    shifts = find_shifts(None, events=merge_records(recs))
    assert shifts and shifts[0]["direction"] == "toward conflict"


def test_a_demand_after_an_attack_is_not_a_turn_to_cooperation():
    from eventline.analysis.merge import merge_records

    recs = [record("a", "d1", "2022-10-04", "PRKMIL", "JPN", "190"),
            record("b", "d2", "2023-05-29", "PRKGOV", "JPNGOV", "100")]  # PLOVER REQUEST, but a demand
    assert find_shifts(None, events=merge_records(recs)) == []
