"""`eventline ingest` on a terminal says what it is doing while the pipeline loads (seconds), then counts."""

from __future__ import annotations

import io
from pathlib import Path

from rich.console import Console

from eventline.cli import documents

REPO = Path(__file__).resolve().parents[2]


def test_progress_names_the_pipeline_load_then_counts_documents(tmp_path, monkeypatch, capsys):
    screen = io.StringIO()
    monkeypatch.setattr(documents, "err", Console(file=screen, force_terminal=True, width=120))
    doc = tmp_path / "one.jsonl"
    doc.write_text('{"id": "p1", "date": "2024-03-29", "text": "Japan protested to North Korea on Friday."}\n',
                   encoding="utf-8")
    summary, store = documents.run_ingest([str(doc)], tmp_path / "s.duckdb")
    store.close()
    shown = screen.getvalue()
    assert "loading the spaCy pipeline" in shown
    assert summary.read == 1 and summary.coded == 1
    assert "documents read" in capsys.readouterr().out  # the summary table
