import csv
import json

import pytest
from tests.analysis.fixtures import make_store, one_event_many_articles

from eventline.analysis.exports import (
    EXPORTERS,
    GDELT_EVENT_COLUMNS,
    GDELT_MENTION_COLUMNS,
    ICEWS_COLUMNS,
    POLECAT_COLUMNS,
)


@pytest.fixture()
def db(tmp_path):
    records, documents = one_event_many_articles()
    return make_store(tmp_path / "s.duckdb", records, documents)


def _rows(path, header):
    with open(path, encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh, delimiter="\t"))
    if header:
        return rows[0], rows[1:]
    return None, rows


def test_gdelt_events_and_mentions(db, tmp_path):
    files = EXPORTERS["gdelt"](db, tmp_path / "out")
    events_file, mentions_file = files
    assert events_file.name.endswith(".export.CSV") and mentions_file.name.endswith(".mentions.CSV")
    _, events = _rows(events_file, header=False)
    assert len(GDELT_EVENT_COLUMNS) == 61 and all(len(r) == 61 for r in events)
    assert len(events) == 2  # merged events, not the six mentions
    rows = [dict(zip(GDELT_EVENT_COLUMNS, r, strict=True)) for r in events]
    agreed = next(r for r in rows if r["EventRootCode"] == "03")
    assert agreed["EventCode"] == "036" and agreed["EventBaseCode"] == "036"  # leading zero kept
    assert agreed["SQLDATE"] == "20180429" and agreed["MonthYear"] == "201804" and agreed["Year"] == "2018"
    assert (agreed["NumMentions"], agreed["NumSources"], agreed["NumArticles"]) == ("5", "5", "5")
    assert agreed["Actor1Code"] == "JPNGOV" and agreed["Actor1CountryCode"] == "JPN"
    assert agreed["Actor1Type1Code"] == "GOV" and agreed["Actor2CountryCode"] == "KOR"
    assert agreed["QuadClass"] == "1" and float(agreed["GoldsteinScale"]) == 4.0
    _, mentions = _rows(mentions_file, header=False)
    assert all(len(r) == len(GDELT_MENTION_COLUMNS) == 16 for r in mentions)
    assert len(mentions) == 6
    by_record = {r[-1]: dict(zip(GDELT_MENTION_COLUMNS, r, strict=True)) for r in mentions}
    assert by_record["m2"]["GLOBALEVENTID"] == agreed["GLOBALEVENTID"]
    assert by_record["m2"]["SentenceID"] == "4"  # 1-based, as GDELT counts sentences
    assert by_record["m2"]["MentionIdentifier"] == "a1" and by_record["m2"]["MentionSourceName"] == "Reuters"
    assert by_record["m6"]["GLOBALEVENTID"] != agreed["GLOBALEVENTID"]


def test_icews_layout(db, tmp_path):
    (path,) = EXPORTERS["icews"](db, tmp_path / "out")
    header, rows = _rows(path, header=True)
    assert header == ICEWS_COLUMNS and len(header) == 20
    assert len(rows) == 2 and all(len(r) == 20 for r in rows)
    recs = [dict(zip(header, r, strict=True)) for r in rows]
    reject = next(r for r in recs if r["CAMEO Code"] == "125")
    assert reject["Event Date"] == "2018-04-29" and float(reject["Intensity"]) == -5.0
    assert reject["Source Sectors"] == "GOV" and reject["Story ID"] == "a2" and reject["Sentence Number"] == "5"
    assert reject["Source Country"] and reject["Source Country"] != "KOR"
    agree = next(r for r in recs if r["CAMEO Code"] == "036")
    assert agree["CAMEO Code"] == "036"


def test_polecat_layout(db, tmp_path):
    (path,) = EXPORTERS["polecat"](db, tmp_path / "out")
    header, rows = _rows(path, header=True)
    assert header == POLECAT_COLUMNS
    assert len(rows) == 2 and all(len(r) == len(POLECAT_COLUMNS) for r in rows)
    recs = [dict(zip(header, r, strict=True)) for r in rows]
    assert sorted(r["Event Type"] for r in recs) == ["AGREE", "REJECT"]
    assert {r["Quad Code"] for r in recs} == {"VERBAL COOPERATION", "VERBAL CONFLICT"}


def test_plover_json_lines(db, tmp_path):
    (path,) = EXPORTERS["plover"](db, tmp_path / "out")
    lines = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert len(lines) == 2
    agree = next(r for r in lines if r["event"] == ["AGREE"])
    assert agree["cameo"] == "036" and agree["quad_code"] == 1
    assert agree["actor"][0]["code"] == "JPN" and agree["actor"][0]["sector"] == "GOV"
    assert sorted(m["id"] for m in agree["mentions"]) == ["m1", "m2", "m3", "m4", "m5"]
    assert agree["num_mentions"] == 5


def test_exports_are_utf8(tmp_path):
    from tests.analysis.fixtures import record

    recs = [record("u1", "d1", "2024-03-01", "TUR", "SYR", "036", text="Ankara ve Şam anlaştı — «işbirliği».")]
    db = make_store(tmp_path / "s.duckdb", recs)
    (path,) = EXPORTERS["plover"](db, tmp_path / "o")
    assert "Şam" in path.read_text(encoding="utf-8")
