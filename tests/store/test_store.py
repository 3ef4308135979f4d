"""The Store: atomic batches, schema versions, runs, and records read back valid against event.schema.json."""

from __future__ import annotations

import duckdb
import pytest
from store_corpus import KCNA, Coded, event_schema, record

from eventline import Document
from eventline.store import SCHEMA_VERSION, Store, StoreError


def test_event_records_round_trip_and_are_schema_valid(tmp_path):
    schema = event_schema()
    import jsonschema

    year_only = record(2, date="2002", date_basis="explicit", trigger=None, context=None, sentence_index=None,
                       event=None, cameo="010", quad_class=1, modality="historical")
    with Store(tmp_path / "s.duckdb") as store:
        store.write_batch([Coded(Document(id="d1", text="Japan said it would meet China."), [record(1), year_only])])
    with Store(tmp_path / "s.duckdb", read_only=True) as store:
        records = store.event_records()
    assert [r["id"] for r in records] == ["d1-e1", "d1-e2"]
    for r in records:
        jsonschema.validate(r, schema)
    first = records[0]
    assert first == {k: v for k, v in record(1).items()} | {"said_by": [KCNA | {"name": None}]}
    assert first["cameo"] == "036" and first["pattern"] == "would meet" and first["scores"] == {"verb": 0.5}
    second = records[1]
    assert "trigger" not in second and "sentence_index" not in second and second["event"] is None


def test_event_records_filter_order_and_limit(tmp_path):
    with Store(tmp_path / "s.duckdb") as store:
        store.write_batch([Coded(Document(id="d1", text="x"), [record(i, cameo=f"0{i}") for i in range(1, 6)])])
        picked = store.event_records(where="cameo >= ?", params=["03"], order_by="id DESC", limit=2)
    assert [r["id"] for r in picked] == ["d1-e5", "d1-e4"]


def test_a_batch_that_fails_leaves_nothing_behind(tmp_path):
    with Store(tmp_path / "s.duckdb") as store:
        store.write_batch([Coded(Document(id="ok", text="fine"), [record(1, doc_id="ok")])], run_id=None)
        bad = record(1, doc_id="bad", goldstein="not a number")
        with pytest.raises(Exception):  # noqa: B017 - whatever pyarrow/DuckDB raise, the batch must roll back
            store.write_batch([Coded(Document(id="bad", text="broken"), [bad]), Document(id="bad2", text="y")])
        counts = store.counts()
    assert counts["documents"] == 1 and counts["events"] == 1


def test_writing_the_same_rows_twice_adds_nothing(tmp_path):
    with Store(tmp_path / "s.duckdb") as store:
        batch = [Coded(Document(id="d1", text="a"), [record(1), record(1)]), Document(id="d1", text="a")]
        assert store.write_batch(batch) == (1, 1)
        store.write_batch(batch)
        assert store.counts()["documents"] == 1 and store.counts()["events"] == 1


def test_schema_version_is_recorded_and_old_stores_are_upgraded(tmp_path):
    path = tmp_path / "s.duckdb"
    with Store(path) as store:
        assert store.schema_version == SCHEMA_VERSION
        # Make it look like a version-1 file.
        store.con.execute("ALTER TABLE documents DROP COLUMN duplicate_kind")
        store.con.execute("ALTER TABLE runs DROP COLUMN skipped")
        store.con.execute("UPDATE meta SET value = '1' WHERE key = 'schema_version'")
    with Store(path) as store:
        assert store.schema_version == SCHEMA_VERSION
        cols = {r[0] for r in store.con.execute("DESCRIBE documents").fetchall()}
        assert "duplicate_kind" in cols
        store.con.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", [str(SCHEMA_VERSION + 1)])
    with pytest.raises(StoreError, match="newer eventline"):
        Store(path)
    with Store(path, read_only=True) as store:  # readers still open it
        assert store.schema_version == SCHEMA_VERSION + 1


def test_runs_left_running_are_marked_interrupted(tmp_path):
    path = tmp_path / "s.duckdb"
    with Store(path) as store:
        dead = store.start_run(["a.jsonl"], coder="t")
    with Store(path) as store:
        alive = store.start_run(["a.jsonl"], coder="t")
        store.finish_run(alive, counts={"documents_read": 3, "skipped": {"already in store": 3}})
        runs = {r["run_id"]: r for r in store.runs()}
    assert runs[dead]["status"] == "interrupted"
    assert runs[alive]["status"] == "finished" and runs[alive]["skipped"] == {"already in store": 3}
    assert runs[alive]["documents_read"] == 3 and runs[alive]["finished_at"]


def test_read_only_open_of_missing_file_fails_without_creating_it(tmp_path):
    with pytest.raises(FileNotFoundError):
        Store(tmp_path / "missing.duckdb", read_only=True)
    assert not (tmp_path / "missing.duckdb").exists()


def test_read_only_store_refuses_writes(tmp_path):
    Store(tmp_path / "s.duckdb").close()
    with Store(tmp_path / "s.duckdb", read_only=True) as store, pytest.raises(duckdb.Error):
        store.write_batch([Document(id="x", text="y")])


def test_entity_fields_beyond_the_struct_survive_the_store_and_parquet(tmp_path):
    """An inferred recipient keeps its `inferred` mark through DuckDB and through the Spark runner's Parquet."""
    from eventline.scale.parquet import event_records as parquet_records
    from eventline.scale.parquet import events_table

    inferred = {"text": "China", "code": "CHN", "country": "CHN", "sector": None, "name": None,
                "start": 20, "end": 25, "inferred": "sentence"}
    marked = record(1, recipient=[record(1)["recipient"][0], inferred])
    with Store(tmp_path / "s.duckdb") as store:
        store.write_batch([Coded(Document(id="d1", text="Japan said it would meet China."), [marked])])
    with Store(tmp_path / "s.duckdb", read_only=True) as store:
        (back,) = store.event_records()
        raw = store.con.execute("SELECT recipient FROM events").fetchone()[0]
    assert "inferred" not in back["recipient"][0]
    assert back["recipient"][1]["inferred"] == "sentence"
    assert "entity_marks" not in back
    assert all("inferred" not in e for e in raw)  # the struct column holds the struct's fields only
    (from_parquet,) = parquet_records(events_table([marked]))
    assert from_parquet["recipient"][1]["inferred"] == "sentence" and "entity_marks" not in from_parquet
