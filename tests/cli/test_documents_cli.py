"""`eventline code`, `ingest`, `export` and `demo` on the command line: outputs, summaries and exit codes."""

from __future__ import annotations

import json

import duckdb
import pytest
from cli_run import run_eventline
from store_corpus import Coded, corpus, event_schema, record, write_jsonl
from typer.testing import CliRunner

from eventline import Document
from eventline.cli import app
from eventline.store import Store

runner = CliRunner()


def invoke(*args: str, input: str | None = None):
    return runner.invoke(app, list(args), input=input)


def test_ingest_twice_adds_nothing_the_second_time(tmp_path, tiny_model):
    src = write_jsonl(tmp_path / "docs.jsonl", corpus(25, copies_every=6))
    db = tmp_path / "s.duckdb"
    first = invoke("ingest", str(src), "--db", str(db), "--model", str(tiny_model), "--json")
    assert first.exit_code == 0, first.output
    one = json.loads(first.stdout)
    second = invoke("ingest", str(src), "--db", str(db), "--model", str(tiny_model), "--json")
    two = json.loads(second.stdout)
    assert second.exit_code == 0
    assert one["documents_read"] == 25 and one["coded"] + one["exact_duplicates"] + one["near_duplicates"] == 25
    assert one["exact_duplicates"] >= 1 and one["near_duplicates"] >= 1
    assert two["coded"] == 0 and two["skipped"] == {"already in store": 25}
    assert two["store"]["documents"] == one["store"]["documents"] == 25


def test_ingest_summary_table_names_what_happened(tmp_path, tiny_model):
    src = write_jsonl(tmp_path / "docs.jsonl", corpus(8))
    result = invoke("ingest", str(src), "--db", str(tmp_path / "s.duckdb"), "--model", str(tiny_model))
    assert result.exit_code == 0
    for label in ("documents read", "coded", "exact duplicates", "near duplicates", "events coded", "time"):
        assert label in result.stdout


def test_unreadable_input_is_reported_and_the_rest_goes_on(tmp_path, tiny_model):
    src = write_jsonl(tmp_path / "docs.jsonl", corpus(5))
    missing = tmp_path / "nope.jsonl"
    db = tmp_path / "s.duckdb"
    result = invoke("ingest", str(missing), str(src), "--db", str(db), "--model", str(tiny_model), "--json")
    assert result.exit_code == 1
    assert str(missing) in result.stderr and "no such file" in result.stderr
    assert json.loads(result.stdout)["coded"] == 5
    code = invoke("code", str(missing), str(src), "--model", str(tiny_model))
    assert code.exit_code == 1 and str(missing) in code.stderr


@pytest.mark.parametrize(
    "args",
    [
        ["ingest", "x.jsonl"],  # no --db
        ["ingest", "--db", "s.duckdb"],  # no input
        ["code", "x.jsonl", "--format", "xml"],
        ["code", "x.jsonl", "--model", "no_such_spacy_pipeline_xyz"],
        ["ingest", "x.jsonl", "--db", "s.duckdb", "--workers", "0"],
        ["export", "--db", "missing.duckdb", "--format", "jsonl", "--out", "o.jsonl"],
        ["export", "--db", "s.duckdb", "--format", "csv", "--out", "o"],
    ],
)
def test_usage_errors_exit_2(tmp_path, monkeypatch, args):
    monkeypatch.chdir(tmp_path)
    assert invoke(*args).exit_code == 2


def test_code_writes_jsonl_and_tsv_and_reads_stdin(tmp_path, tiny_model):
    src = write_jsonl(tmp_path / "docs.jsonl", corpus(3))
    jsonl = invoke("code", str(src), "--model", str(tiny_model))
    assert jsonl.exit_code == 0
    for line in jsonl.stdout.splitlines():  # events only once the coder produces them
        assert json.loads(line)["doc_id"].startswith("doc-")
    tsv = invoke("code", "-", "--model", str(tiny_model), "--format", "tsv", input=src.read_text())
    assert tsv.exit_code == 0
    assert tsv.stdout.splitlines()[0].split("\t")[:4] == ["doc_id", "date", "actor", "cameo"]
    table = invoke("code", str(src), "--model", str(tiny_model), "--format", "table")
    assert table.exit_code == 0


def test_export_jsonl_and_parquet_from_the_command_line(tmp_path):
    import jsonschema

    schema = event_schema()
    db = tmp_path / "s.duckdb"
    with Store(db) as store:
        store.write_batch([Coded(Document(id="d1", text="a"), [record(1), record(2, date="2023-11")])])
    out = tmp_path / "events.jsonl"
    result = invoke("export", "--db", str(db), "--format", "jsonl", "--out", str(out))
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in out.read_text().splitlines()]
    assert [r["id"] for r in records] == ["d1-e1", "d1-e2"]
    for r in records:
        jsonschema.validate(r, schema)
    pq = tmp_path / "pq"
    result = invoke("export", "--db", str(db), "--format", "parquet", "--out", str(pq))
    assert result.exit_code == 0, result.output
    assert sorted(p.parent.name for p in pq.rglob("*.parquet")) == ["month=11", "month=3"]
    assert invoke("export", "--db", str(db), "--format", "parquet", "--out", str(pq)).exit_code == 2
    assert invoke("export", "--db", str(db), "--format", "parquet", "--out", str(pq), "--overwrite").exit_code == 0
    stdout = invoke("export", "--db", str(db), "--format", "jsonl", "--out", "-")
    assert [json.loads(line)["id"] for line in stdout.stdout.splitlines()] == ["d1-e1", "d1-e2"]


def test_ingest_with_two_workers_in_a_real_process(tmp_path, tiny_model):
    src = write_jsonl(tmp_path / "docs.jsonl", corpus(40, copies_every=7))
    dbs = []
    for workers in ("1", "2"):
        db = tmp_path / f"w{workers}.duckdb"
        result = run_eventline("ingest", str(src), "--db", str(db), "--model", str(tiny_model), "--workers", workers,
                               "--batch-size", "6", "--quiet")
        assert result.returncode == 0, result.stderr
        dbs.append(db)
    rows = [duckdb.connect(str(db), read_only=True).execute(
        "SELECT id, duplicate_of, n_sentences FROM documents ORDER BY id").fetchall() for db in dbs]
    assert rows[0] == rows[1] and len(rows[0]) == 40


def test_demo_codes_the_bundled_examples(tmp_path, tiny_model, monkeypatch):
    from eventline.cli.documents import examples_dir

    if examples_dir() is None:
        pytest.skip("examples/ is empty")
    db = tmp_path / "demo.duckdb"
    result = invoke("demo", "--db", str(db), "--model", str(tiny_model), "--workers", "1")
    assert result.exit_code == 0, result.output
    assert f"eventline serve --db {db}" in result.stdout
    with Store(db, read_only=True) as store:
        assert store.counts()["documents"] > 0
    again = invoke("demo", "--db", str(db), "--model", str(tiny_model), "--workers", "1")
    assert again.exit_code == 0 and "already in store" in again.stdout


def test_ingest_from_parquet_loads_a_spark_output_folder_once(tmp_path):
    from eventline.scale.parquet import write_input_output

    out = tmp_path / "spark-out"
    doc = {"id": "d1", "text": "Japan said it would meet China.", "pub_date": "2024-03-29", "content_hash": "h"}
    write_input_output(out, "input-1", [record(1), record(2)], [doc], [], {"documents": 1})
    db = tmp_path / "s.duckdb"
    for _ in range(2):
        result = invoke("ingest", "--from-parquet", str(out), "--db", str(db))
        assert result.exit_code == 0, result.output
    with Store(db, read_only=True) as store:
        assert store.counts()["documents"] == 1 and store.counts()["events"] == 2
        assert [r["id"] for r in store.event_records()] == ["d1-e1", "d1-e2"]
