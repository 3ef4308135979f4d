"""The real `eventline` process ends without the interpreter's teardown (eventline.cli._exit_now): exit codes,
output and the store must come out exactly as with a normal exit."""

from __future__ import annotations

import json
import subprocess

from cli_run import EVENTLINE, run_eventline
from store_corpus import corpus, write_jsonl

from eventline.store import Store


def test_ingest_leaves_a_closed_store_and_no_teardown_noise(tmp_path, tiny_model):
    src = write_jsonl(tmp_path / "docs.jsonl", corpus(12, copies_every=5))
    db = tmp_path / "s.duckdb"
    result = run_eventline("ingest", str(src), "--db", str(db), "--model", str(tiny_model), "--workers", "2",
                           "--json")
    assert result.returncode == 0, result.stderr
    summary = json.loads(result.stdout)  # the whole summary reached the pipe
    assert summary["documents_read"] == 12
    assert "leaked" not in result.stderr and "Traceback" not in result.stderr
    assert not db.with_name(db.name + ".wal").exists()  # the store was checkpointed and closed
    with Store(db, read_only=True) as store:
        assert store.counts()["documents"] == 12


NEWS = [
    "Japan's prime minister met the South Korean president in Seoul on Monday.",
    "China accused the United States of interfering in its affairs, the foreign ministry said.",
    "Russian forces shelled the city of Kharkiv overnight, Ukrainian officials said.",
    "The European Union imposed new sanctions on Iran on Tuesday.",
    "Protesters rallied outside the parliament in Nairobi to demand the president's resignation.",
]


def _news(tmp_path, copies: int = 1):
    docs = [{"id": f"n{i}", "date": "2024-05-02", "text": " ".join(NEWS[i % len(NEWS):] + NEWS[:i % len(NEWS)])}
            for i in range(copies * len(NEWS))]
    return write_jsonl(tmp_path / "news.jsonl", docs)


def test_exit_codes_pass_through_and_output_is_whole(tmp_path):
    src = _news(tmp_path)
    missing = tmp_path / "missing.txt"
    ok = run_eventline("code", str(src), "--format", "jsonl")
    assert ok.returncode == 0, ok.stderr
    records = [json.loads(line) for line in ok.stdout.splitlines()]
    assert len(records) >= len(NEWS)  # every line arrived whole, none cut at a buffer's edge
    unreadable = run_eventline("code", str(src), str(missing), "--format", "jsonl")
    assert unreadable.returncode == 1 and str(missing) in unreadable.stderr
    assert unreadable.stdout == ok.stdout  # what could be read was still written out in full
    assert run_eventline("ingest", str(src), "--db", str(tmp_path / "x.duckdb"), "--workers", "0").returncode == 2


def test_output_cut_short_by_the_reader_is_no_error(tmp_path):
    src = _news(tmp_path, copies=40)  # far more than a pipe holds, so the writer meets the closed pipe
    command = " ".join([*(f"'{part}'" for part in EVENTLINE), "code", f"'{src}'", "--format", "jsonl",
                        "| head -1; exit ${PIPESTATUS[0]}"])
    result = subprocess.run(["bash", "-c", command], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert len(result.stdout.splitlines()) == 1
    assert "Traceback" not in result.stderr and "Exception" not in result.stderr
