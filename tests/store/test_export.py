"""Exports: JSONL records valid against the schema, Parquet in year=/month= partitions, dispatch to analysis."""

from __future__ import annotations

import json
import sys
import types

import duckdb
import pytest
from store_corpus import Coded, event_schema, record

from eventline import Document
from eventline.store import Store
from eventline.store.export import ExportError, export


@pytest.fixture()
def store_path(tmp_path):
    path = tmp_path / "s.duckdb"
    with Store(path) as store:
        store.write_batch([
            Coded(Document(id="d1", text="a"), [record(1), record(2, cameo="1123", quad_class=3, event="REJECT")]),
            Coded(Document(id="d2", text="b"), [record(1, doc_id="d2", date="2002", date_basis="explicit")]),
        ])
    return path


def test_jsonl_export_writes_schema_valid_records(store_path, tmp_path):
    import jsonschema

    schema = event_schema()
    out = tmp_path / "out" / "events.jsonl"
    with Store(store_path, read_only=True) as store:
        assert export(store.con, "jsonl", out) == [out]
        expected = store.event_records()
    lines = [json.loads(line) for line in out.read_text().splitlines()]
    assert lines == expected and len(lines) == 3
    for r in lines:
        jsonschema.validate(r, schema)
    assert {r["cameo"] for r in lines} == {"036", "1123"}


def test_parquet_export_is_partitioned_by_event_year_and_month(store_path, tmp_path):
    out = tmp_path / "pq"
    with Store(store_path, read_only=True) as store:
        files = export(store.con, "parquet", out)
    parts = sorted(str(f.parent.relative_to(out)) for f in files)
    assert parts == ["year=2002/month=0", "year=2024/month=3"]
    rows = duckdb.sql(
        f"SELECT id, cameo, actor[1].code AS actor, year, month, extra FROM read_parquet('{out}/**/*.parquet', "
        "hive_partitioning = true) ORDER BY id"
    ).fetchall()
    assert [(r[0], r[1], r[2], r[3], r[4]) for r in rows] == [
        ("d1-e1", "036", "JPN", 2024, 3), ("d1-e2", "1123", "JPN", 2024, 3), ("d2-e1", "036", "JPN", 2002, 0)]
    assert json.loads(rows[0][5])["pattern"] == "would meet"


def test_parquet_export_refuses_a_non_empty_folder_unless_told(store_path, tmp_path):
    out = tmp_path / "pq"
    out.mkdir()
    (out / "keep.txt").write_text("x")
    with Store(store_path, read_only=True) as store:
        with pytest.raises(ExportError, match="not empty"):
            export(store.con, "parquet", out)
        files = export(store.con, "parquet", out, overwrite=True)
    assert len(files) == 2


def test_other_formats_go_to_the_analysis_exporters(store_path, tmp_path, monkeypatch):
    written = []

    def gdelt(con, out):
        written.append(con.execute("SELECT count(*) FROM events").fetchone()[0])
        return [out]

    module = types.ModuleType("eventline.analysis.exports")
    module.EXPORTERS = {"gdelt": gdelt}
    monkeypatch.setitem(sys.modules, "eventline.analysis.exports", module)
    with Store(store_path, read_only=True) as store:
        assert export(store.con, "gdelt", tmp_path / "g.tsv") == [tmp_path / "g.tsv"]
        with pytest.raises(ExportError, match="icews"):
            export(store.con, "icews", tmp_path / "i")
        with pytest.raises(ExportError, match="unknown export format"):
            export(store.con, "xml", tmp_path / "x")
    assert written == [3]
