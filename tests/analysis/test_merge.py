from tests.analysis.fixtures import make_store, one_event_many_articles, record

from eventline.analysis.merge import merge_records, merged_events


def test_several_articles_reporting_one_event_merge_into_one(tmp_path):
    records, documents = one_event_many_articles()
    db = make_store(tmp_path / "s.duckdb", records, documents)
    events = merged_events(db)
    assert len(events) == 2  # the agreement and the separate rejection
    agreed = next(e for e in events if e["cameo"].startswith("03"))
    assert sorted(agreed["mentions"]) == ["m1", "m2", "m3", "m4", "m5"]
    assert agreed["num_mentions"] == 5
    # a1, a2, a3, a4 coded, plus a1-copy stored as a near duplicate of a1 (not coded)
    assert agreed["num_articles"] == 5
    assert agreed["num_sources"] == 5  # Reuters, WION, Kyodo, AP, Yahoo News
    assert agreed["date"] == "2018-04-29"  # the most reported day
    assert agreed["date_range"][-1] == "2018-04-30"
    assert agreed["event"] == "AGREE"
    rejected = next(e for e in events if e["cameo"] == "125")
    assert rejected["mentions"] == ["m6"] and rejected["num_articles"] == 1


def test_every_mention_belongs_to_exactly_one_event(tmp_path):
    records, documents = one_event_many_articles()
    db = make_store(tmp_path / "s.duckdb", records, documents)
    for one_a_day in (False, True):
        ids = [m for e in merged_events(db, one_a_day=one_a_day) for m in e["mentions"]]
        assert sorted(ids) == sorted(r["id"] for r in records)


def test_one_a_day_keeps_one_event_per_date_dyad_and_code(tmp_path):
    records, documents = one_event_many_articles()
    db = make_store(tmp_path / "s.duckdb", records, documents)
    events = merged_events(db, one_a_day=True)
    keys = [(e["date"], e["cameo"]) for e in events]
    assert sorted(keys) == sorted([("2018-04", "036"), ("2018-04-29", "036"), ("2018-04-29", "0311"),
                                   ("2018-04-29", "125"), ("2018-04-30", "036")])
    same_day = next(e for e in events if e["date"] == "2018-04-29" and e["cameo"] == "036")
    assert same_day["mentions"] == ["m1", "m3"]


def test_window_splits_reports_too_far_apart():
    recs = [record("a", "d1", "2024-03-01", "PRKGOV", "JPNGOV", "125"),
            record("b", "d2", "2024-03-03", "PRKGOV", "JPNGOV", "125"),
            record("c", "d3", "2024-03-10", "PRKGOV", "JPNGOV", "125")]
    assert [e["mentions"] for e in merge_records(recs, window_days=3)] == [["a", "b"], ["c"]]
    assert [e["mentions"] for e in merge_records(recs, window_days=10)] == [["a", "b", "c"]]
    assert len(merge_records(recs, window_days=0)) == 3


def test_different_sector_direction_or_polarity_stay_apart():
    recs = [record("a", "d1", "2024-03-01", "PRKGOV", "JPNGOV", "036"),
            record("b", "d1", "2024-03-01", "PRKMIL", "JPNGOV", "036"),
            record("c", "d1", "2024-03-01", "JPNGOV", "PRKGOV", "036"),
            record("d", "d1", "2024-03-01", "PRKGOV", "JPNGOV", "036", negated=True)]
    assert len(merge_records(recs)) == 4


def test_imprecise_date_with_two_candidate_events_is_not_forced_into_one():
    recs = [record("a", "d1", "2024-03-01", "PRKGOV", "JPNGOV", "125"),
            record("b", "d2", "2024-03-20", "PRKGOV", "JPNGOV", "125"),
            record("c", "d3", "2024-03", "PRKGOV", "JPNGOV", "125")]
    assert sorted(e["mentions"] for e in merge_records(recs)) == [["a"], ["b"], ["c"]]
