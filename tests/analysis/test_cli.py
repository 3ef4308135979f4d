import json

from tests.analysis.fixtures import make_store, thaw_then_freeze
from typer.testing import CliRunner

from eventline.cli import app

runner = CliRunner()


def test_timeline_json_and_table(tmp_path):
    db = make_store(tmp_path / "s.duckdb", thaw_then_freeze())
    result = runner.invoke(app, ["timeline", "PRK", "JPN", "--db", str(db), "--by", "year", "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["by"] == "year"
    cells = {(p["period"], p["direction"]): p["events"] for p in data["periods"]}
    assert cells == {("2002", "A->B"): 1, ("2018", "A->B"): 2, ("2018", "B->A"): 1, ("2024", "A->B"): 2,
                     ("2024", "B->A"): 1}
    table = runner.invoke(app, ["timeline", "prk", "jpn", "--db", str(db)])
    assert table.exit_code == 0 and "PRK->JPN" in table.output and "2024-03" in table.output


def test_shifts_json(tmp_path):
    db = make_store(tmp_path / "s.duckdb", thaw_then_freeze())
    result = runner.invoke(app, ["shifts", "PRK", "JPN", "--db", str(db), "--format", "json"])
    assert result.exit_code == 0, result.output
    shifts = json.loads(result.output)
    assert [(s["actor"], s["recipient"], s["direction"]) for s in shifts] == [("PRK", "JPN", "toward conflict")]
    everything = runner.invoke(app, ["shifts", "--db", str(db)])
    assert everything.exit_code == 0 and "toward conflict" in everything.output


def test_claims_on_a_store_without_claims_and_usage_errors(tmp_path):
    db = make_store(tmp_path / "s.duckdb", thaw_then_freeze())
    result = runner.invoke(app, ["claims", "--db", str(db), "--format", "json"])
    assert result.exit_code == 0 and json.loads(result.output) == []
    missing = runner.invoke(app, ["shifts", "--db", str(tmp_path / "nope.duckdb")])
    assert missing.exit_code == 2
    bad = runner.invoke(app, ["timeline", "PRK", "JPN", "--db", str(db), "--by", "fortnight"])
    assert bad.exit_code == 2


def test_demo_report_shows_the_busiest_dyad_and_its_shift(tmp_path):
    from eventline.analysis import demo_report

    db = make_store(tmp_path / "s.duckdb", thaw_then_freeze())
    report = demo_report(db)
    assert report.startswith("Dyad PRK <-> JPN by month")
    assert "PRK -> JPN: toward conflict at 2024-03" in report
    assert "Ri said no meeting at any level." in report
    assert "[" not in report  # printed through Rich: no markup brackets
    # the story at a glance, after the details: each direction's shifts in time order
    overview = report[report.index("In short:"):].splitlines()
    assert any(line.split()[:5] == ["PRK", "->", "JPN", "2024-03", "toward"] for line in overview), overview


def test_export_command_dispatches_to_the_analysis_layouts(tmp_path):
    db = make_store(tmp_path / "s.duckdb", thaw_then_freeze())
    result = runner.invoke(app, ["export", "--db", str(db), "--format", "icews", "--out", str(tmp_path / "o")])
    assert result.exit_code == 0, result.output
    lines = (tmp_path / "o" / "eventline.icews.tab").read_text(encoding="utf-8").splitlines()
    assert len(lines) == 1 + 9  # header + merged events (11 mentions, the three 2024 rejections are one)


def test_bad_ranges_codes_and_counts_are_usage_errors_not_silent_or_tracebacks(tmp_path):
    import pytest

    from eventline.analysis import dyad_series, find_shifts

    db = make_store(tmp_path / "s.duckdb", thaw_then_freeze())
    cases = [
        (["timeline", "PRK", "JPN", "--start", "2024-13"], "not a date"),  # was ignored: every period shown
        (["timeline", "PRK", "JPN", "--start", "2025", "--end", "2024"], "after end"),  # was an empty table
        (["timeline", "PRK", "JPN", "--top", "-1"], "--top"),  # was a table without rows
        (["timeline", "PRK;x", "JPN"], "not a country or actor code"),
        (["timeline", "PRK", "prk"], "two different codes"),  # as the API's series: one side twice is no dyad
        (["shifts", "--window", "0"], "--window"),  # was ZeroDivisionError
        (["shifts", "--min-certainty", "2"], "--min-certainty"),
    ]
    for args, message in cases:
        result = runner.invoke(app, [*args, "--db", str(db)], terminal_width=200)
        assert result.exit_code == 2, (args, result.output)
        assert message in result.output, (args, result.output)
        assert "Traceback" not in result.output
    with pytest.raises(ValueError, match="window"):
        find_shifts(db, "PRK", "JPN", window=0)
    with pytest.raises(ValueError, match="not a date"):
        dyad_series(db, "PRK", "JPN", start="2024-02-30")
    ok = runner.invoke(app, ["timeline", "PRK", "JPN", "--db", str(db), "--start", "2024-03", "--end", "2024-03"])
    assert ok.exit_code == 0 and "2024-03" in ok.output and "2018" not in ok.output
