"""The Spark runner: codes each input file as one Spark task and writes the Parquet layout of
`eventline.scale.parquet`. Needs the optional extra: `pip install 'eventline[spark]'` (PySpark 4, Java 17).

Each Python worker builds one Pipeline on first use and keeps it for every task it runs (Spark reuses its
Python workers), so the model loads once per worker process, not once per file. Inputs whose `_done` marker
exists are skipped, so a rerun after a failure only codes what is missing.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from eventline.ingest import ReadProblem, iter_input_files
from eventline.scale.parquet import input_id, is_done, write_input_output

SUMMARY_SCHEMA = "path string, input_id string, documents long, events long, claims long, problems string"

_PIPELINES: dict[tuple[str | None, str | None], Any] = {}


def require_pyspark() -> None:
    try:
        import pyspark  # noqa: F401
    except ImportError as exc:
        raise RuntimeError(
            "the Spark runner needs PySpark: pip install 'eventline[spark]' (and Java 17 on PATH)"
        ) from exc


def _pipeline(model: str | None, actors: str | None) -> Any:
    key = (model, actors)
    if key not in _PIPELINES:
        from eventline.pipeline import Pipeline

        _PIPELINES[key] = Pipeline(model=model, actors=actors)
    return _PIPELINES[key]


def code_input(path: str, out_dir: str, model: str | None = None, actors: str | None = None) -> dict[str, Any]:
    """Codes one input file and writes its output files. Runs inside a Spark task (or directly, in tests)."""
    from eventline.ingest import read

    problems: list[ReadProblem] = []
    documents = list(read(path, on_problem=problems.append))
    pipe = _pipeline(model, actors)
    events: list[dict[str, Any]] = []
    claims: list[dict[str, Any]] = []
    doc_rows = []
    for coded in pipe.process(documents):
        events.extend(coded.events)
        claims.extend(coded.claims)
        d = coded.document.to_dict()
        doc_rows.append({k: d.get(k) for k in
                         ("id", "title", "publisher", "url", "pub_date", "source", "content_hash", "duplicate_of",
                          "text")})
    name = input_id(path)
    summary = {"path": path, "input_id": name, "documents": len(doc_rows), "events": len(events),
               "claims": len(claims), "problems": "; ".join(str(p) for p in problems)}
    write_input_output(out_dir, name, events, doc_rows, claims, summary)
    return summary


def _code_partitions(batches: Iterator[Any], out_dir: str, model: str | None, actors: str | None) -> Iterator[Any]:
    import pandas as pd

    for batch in batches:
        rows = [code_input(path, out_dir, model, actors) for path in batch["path"]]
        yield pd.DataFrame(rows, columns=["path", "input_id", "documents", "events", "claims", "problems"])


@dataclass
class SparkRun:
    out_dir: Path
    coded: list[dict[str, Any]] = field(default_factory=list)
    skipped_done: list[str] = field(default_factory=list)

    @property
    def documents(self) -> int:
        return sum(int(r["documents"]) for r in self.coded)

    @property
    def events(self) -> int:
        return sum(int(r["events"]) for r in self.coded)


def spark_session(master: str | None = "local[2]", app_name: str = "eventline") -> Any:
    """A SparkSession set up as eventline needs it (workers use this interpreter; quiet console).
    master=None keeps what spark-submit configured."""
    require_pyspark()
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    if master is None or master.startswith("local"):
        os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    from pyspark.sql import SparkSession

    builder = SparkSession.builder if master is None else SparkSession.builder.master(master)
    return (
        builder.appName(app_name)
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.execution.arrow.pyspark.enabled", "true")
        .config("spark.python.worker.reuse", "true")
        .getOrCreate()
    )


def run_spark(
    inputs: list[str],
    out_dir: str | Path,
    master: str | None = "local[2]",
    model: str | None = None,
    actors: str | None = None,
    spark: Any = None,
) -> SparkRun:
    """Codes every input file as one task; returns what was coded and what was already done."""
    out = Path(out_dir).resolve()
    out.mkdir(parents=True, exist_ok=True)
    files = [str(p.resolve()) for p in iter_input_files(inputs) if str(p) != "-"]
    run = SparkRun(out)
    todo = []
    for f in files:
        (run.skipped_done if is_done(out, input_id(f)) else todo).append(f)
    if not todo:
        return run
    own_session = spark is None
    spark = spark or spark_session(master)
    try:
        rdd = spark.sparkContext.parallelize([(f,) for f in todo], numSlices=len(todo))
        frame = spark.createDataFrame(rdd, "path string")
        out_s = str(out)

        def code(batches: Iterator[Any]) -> Iterator[Any]:
            return _code_partitions(batches, out_s, model, actors)

        run.coded = [row.asDict() for row in frame.mapInPandas(code, SUMMARY_SCHEMA).collect()]
    finally:
        if own_session:
            spark.stop()
    return run
