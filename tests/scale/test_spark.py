"""The Spark runner on local[2]: same events as the local pipeline, deterministic files, finished inputs skipped."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import duckdb
import pytest

pytest.importorskip("pyspark")
if shutil.which("java") is None:
    pytest.skip("Spark needs Java 17 on PATH", allow_module_level=True)

import eventline  # noqa: E402
from eventline.scale.parquet import event_records, load_into_store, read_events  # noqa: E402
from eventline.scale.spark import run_spark, spark_session  # noqa: E402
from eventline.store import Store  # noqa: E402

pytestmark = [pytest.mark.slow, pytest.mark.spark]

ARTICLES = [
    [
        ("a1", "2023-05-12", "Japan and South Korea held talks in Tokyo on Friday. "
         "The two governments agreed to resume security cooperation."),
        ("a2", "2023-06-02", "North Korea fired two ballistic missiles into the sea on Thursday, "
         "the South Korean military said."),
    ],
    [
        ("b1", "2024-03-29", "North Korea rejected any talks with Japan, state media reported on Friday."),
        ("b2", "2024-04-03", "The United States imposed new sanctions on North Korea on Wednesday."),
    ],
]


@pytest.fixture(scope="module")
def spark():
    session = spark_session("local[2]")
    yield session
    session.stop()


@pytest.fixture()
def inputs(tmp_path: Path) -> list[str]:
    paths = []
    for i, docs in enumerate(ARTICLES):
        path = tmp_path / "in" / f"part{i}.jsonl"
        path.parent.mkdir(exist_ok=True)
        path.write_text("\n".join(json.dumps({"id": d, "date": day, "text": text}) for d, day, text in docs) + "\n")
        paths.append(str(path))
    return paths


def _key(record: dict) -> tuple:
    return (record["id"], record["cameo"], record["date"], tuple(e["code"] for e in record["actor"]),
            tuple(e["code"] for e in record["recipient"]), record["text"])


def test_spark_local2_gives_the_same_events_as_the_local_pipeline(spark, inputs, tmp_path, pipeline):
    out = tmp_path / "out"
    run = run_spark(inputs, out, spark=spark)
    assert len(run.coded) == 2 and run.documents == 4

    local = list(pipeline.code(eventline.read(inputs)))
    from_spark = event_records(read_events(out))
    assert local, "the local pipeline coded nothing: the comparison would be empty"
    assert sorted(map(_key, from_spark)) == sorted(map(_key, local))

    # Hive partitions by event date, one deterministic file per input and month.
    files = sorted(p.relative_to(out).as_posix() for p in out.glob("year=*/month=*/*.parquet"))
    assert files and all(f.startswith("year=20") for f in files)
    with duckdb.connect() as con:
        direct = con.execute(
            f"SELECT count(*) FROM read_parquet('{out}/year=*/month=*/*.parquet', hive_partitioning = true)"
        ).fetchone()[0]
    assert direct == len(local)

    # A second run finds every input done and codes nothing.
    again = run_spark(inputs, out, spark=spark)
    assert again.coded == [] and len(again.skipped_done) == 2


def test_parquet_output_loads_into_a_store_once(spark, inputs, tmp_path):
    out = tmp_path / "out"
    run_spark(inputs, out, spark=spark)
    with Store(tmp_path / "s.duckdb") as store:
        first = load_into_store(store.con, out)
        second = load_into_store(store.con, out)
        n_events = store.con.execute("SELECT count(*) FROM events").fetchone()[0]
    assert first["documents"] == 4 and first["events"] == n_events
    assert second == {"documents": 0, "events": 0, "claims": 0}


def test_spark_output_gives_the_same_analysis_as_a_local_ingest(spark, inputs, tmp_path):
    import subprocess
    import sys

    from eventline.analysis import dyads
    from eventline.analysis.timeline import dyad_series

    eventline_cmd = str(Path(sys.executable).parent / "eventline")
    local_db, spark_db, out = tmp_path / "local.duckdb", tmp_path / "spark.duckdb", tmp_path / "out"
    subprocess.run([eventline_cmd, "ingest", *inputs, "--db", str(local_db), "--workers", "1", "--quiet"], check=True)
    run_spark(inputs, out, spark=spark)
    subprocess.run([eventline_cmd, "ingest", "--from-parquet", str(out), "--db", str(spark_db), "--quiet"], check=True)

    with Store(local_db, read_only=True) as a, Store(spark_db, read_only=True) as b:
        pairs = dyads(a.con)
        assert pairs, "nothing coded locally: the comparison would be empty"
        assert dyads(b.con) == pairs
        x, y = pairs[0][0], pairs[0][1]
        assert dyad_series(b.con, x, y, by="month") == dyad_series(a.con, x, y, by="month")
