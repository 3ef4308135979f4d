"""A folder with nothing eventline reads is not an error (exit 0) but gets a warning naming what it reads."""

from __future__ import annotations

from typer.testing import CliRunner

from eventline.cli import app

runner = CliRunner()


def test_code_and_ingest_warn_when_no_document_was_found(tmp_path):
    folder = tmp_path / "notes"
    folder.mkdir()
    (folder / "README.md").write_text("# notes\n", encoding="utf-8")
    for args in (["code", str(folder)], ["ingest", str(folder), "--db", str(tmp_path / "s.duckdb"), "--quiet"]):
        result = runner.invoke(app, args, terminal_width=300)
        assert result.exit_code == 0, result.output
        assert f"no documents found in {folder}" in result.output
        assert ".jsonl" in result.output


def test_no_warning_when_documents_were_read(tmp_path):
    doc = tmp_path / "a.jsonl"
    doc.write_text('{"id": "a", "date": "2024-03-29", "text": "Japan protested to North Korea on Friday."}\n',
                   encoding="utf-8")
    result = runner.invoke(app, ["code", str(doc)], terminal_width=300)
    assert result.exit_code == 0 and "no documents found" not in result.output
