"""Commands that read a store say clearly when --db is not one (exit 2, CLI.md), instead of printing empty
results, writing empty exports or serving 500s; `serve` says when it cannot listen before announcing an address."""

from __future__ import annotations

import socket

import duckdb
import pytest
from typer.testing import CliRunner

from eventline.cli import app
from eventline.store import Store, StoreError

runner = CliRunner()


@pytest.fixture()
def other_duckdb(tmp_path):
    """A DuckDB file that some other program wrote: a valid database, but no eventline tables."""
    path = tmp_path / "other.duckdb"
    with duckdb.connect(str(path)) as con:
        con.execute("CREATE TABLE prices (day DATE, value DOUBLE)")
    return path


@pytest.fixture()
def eventline_store(tmp_path):
    path = tmp_path / "s.duckdb"
    Store(path).close()
    return path


def test_read_only_store_refuses_a_duckdb_file_without_eventline_tables(other_duckdb):
    with pytest.raises(StoreError, match="not an eventline store"):
        Store(other_duckdb, read_only=True)


def test_an_empty_eventline_store_still_opens_read_only(eventline_store):
    with Store(eventline_store, read_only=True) as store:
        assert store.counts()["events"] == 0


@pytest.mark.parametrize("args", [["timeline", "PRK", "JPN"], ["shifts"], ["claims"], ["serve"]])
def test_readers_exit_2_on_a_duckdb_file_that_is_not_a_store(other_duckdb, args):
    result = runner.invoke(app, [*args, "--db", str(other_duckdb)])
    assert result.exit_code == 2, result.output
    assert "not an eventline store" in result.output
    assert "Traceback" not in result.output


def test_export_of_a_file_that_is_not_a_store_exits_2_and_writes_nothing(other_duckdb, tmp_path):
    out = tmp_path / "out"
    result = runner.invoke(app, ["export", "--db", str(other_duckdb), "--format", "gdelt", "--out", str(out)])
    assert result.exit_code == 2, result.output
    assert "not an eventline store" in result.output
    assert not out.exists()


def test_serve_on_a_file_that_is_not_duckdb_exits_2(tmp_path):
    path = tmp_path / "notes.duckdb"
    path.write_text("not a database\n", encoding="utf-8")
    result = runner.invoke(app, ["serve", "--db", str(path)])
    assert result.exit_code == 2, result.output
    assert "cannot open the store" in result.output


def test_serve_on_a_port_in_use_exits_2_without_announcing_the_dashboard(eventline_store):
    with socket.create_server(("127.0.0.1", 0)) as busy:
        port = busy.getsockname()[1]
        result = runner.invoke(app, ["serve", "--db", str(eventline_store), "--port", str(port)])
    assert result.exit_code == 2, result.output
    assert f"cannot listen on 127.0.0.1:{port}" in result.output
    assert "dashboard: http" not in result.output


def test_usage_messages_show_paths_with_brackets_as_written(tmp_path):
    missing = tmp_path / "x[red]y.duckdb"
    result = runner.invoke(app, ["export", "--db", str(missing), "--format", "gdelt", "--out", str(tmp_path / "o")],
                           terminal_width=300)
    assert result.exit_code == 2
    assert "x[red]y.duckdb" in result.output
