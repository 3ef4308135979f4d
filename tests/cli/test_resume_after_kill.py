"""An ingest killed with SIGKILL mid-run resumes on the next run with no loss and no duplicates."""

from __future__ import annotations

import os
import signal
import subprocess
import time

import duckdb
from cli_run import EVENTLINE, run_eventline
from store_corpus import corpus, write_jsonl


def _documents(db) -> list[tuple]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(
            "SELECT id, content_hash, duplicate_of, duplicate_kind, n_sentences FROM documents ORDER BY id"
        ).fetchall()
    finally:
        con.close()


def test_kill_9_then_rerun_equals_a_clean_run(tmp_path, tiny_model):
    docs = corpus(800, seed=11, copies_every=13)
    src = write_jsonl(tmp_path / "docs.jsonl", docs)
    killed_db = tmp_path / "killed.duckdb"
    batch = 10
    proc = subprocess.Popen(
        [*EVENTLINE, "ingest", str(src), "--db", str(killed_db), "--model", str(tiny_model), "--workers", "1",
         "--batch-size", str(batch), "--verbose"],
        stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True,
    )
    committed = 0
    deadline = time.monotonic() + 120
    try:
        for line in proc.stderr:
            if "committed" in line:
                committed += 1
                if committed == 5:
                    os.kill(proc.pid, signal.SIGKILL)
                    break
            assert time.monotonic() < deadline, "ingest too slow to reach five batches"
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.wait(timeout=30)
        proc.stderr.close()
    assert proc.returncode == -signal.SIGKILL

    partial = _documents(killed_db)
    # Whole batches only (the kill may land after a later commit than the fifth), never all of it.
    assert len(partial) % batch == 0 and batch * 5 <= len(partial) < len(docs)

    resumed = run_eventline("ingest", str(src), "--db", str(killed_db), "--model", str(tiny_model), "--workers", "1",
                            "--batch-size", str(batch), "--json")
    assert resumed.returncode == 0, resumed.stderr
    import json

    summary = json.loads(resumed.stdout)
    assert summary["skipped"] == {"already in store": len(partial)}

    clean_db = tmp_path / "clean.duckdb"
    clean = run_eventline("ingest", str(src), "--db", str(clean_db), "--model", str(tiny_model), "--workers", "1",
                          "--batch-size", "64", "--quiet")
    assert clean.returncode == 0, clean.stderr

    after = _documents(killed_db)
    assert after == _documents(clean_db)
    assert len(after) == len({row[0] for row in after}) == len(docs)
    assert any(row[3] == "exact" for row in after) and any(row[3] == "near" for row in after)
    con = duckdb.connect(str(killed_db), read_only=True)
    statuses = [r[0] for r in con.execute("SELECT status FROM runs ORDER BY started_at").fetchall()]
    events = con.execute("SELECT count(*), count(DISTINCT id) FROM events").fetchone()
    con.close()
    clean_events = duckdb.connect(str(clean_db), read_only=True).execute("SELECT count(*) FROM events").fetchone()
    assert statuses == ["interrupted", "finished"]
    assert events[0] == events[1] == clean_events[0]
