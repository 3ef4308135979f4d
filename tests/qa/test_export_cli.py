"""`eventline export --out`: a folder works for every format (jsonl too), the files written are named, and an
impossible output path is a usage error with a message, not a traceback."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from eventline import Document
from eventline.cli import app
from eventline.store import Store

runner = CliRunner()


class Coded:
    """A coded document without a parse (what `Store.write_batch` reads of pipeline.CodedDocument)."""

    def __init__(self, document: Document, events: list[dict]) -> None:
        self.document, self.events, self.claims, self.spacy_doc = document, events, [], None


def _record(i: int) -> dict:
    return {"id": f"d1-e{i}", "doc_id": "d1", "date": "2024-03-26", "date_basis": "publication",
            "actor": [{"text": "North Korea", "code": "PRK", "country": "PRK", "sector": None, "start": 0, "end": 11}],
            "recipient": [{"text": "Japan", "code": "JPN", "country": "JPN", "sector": None, "start": 40,
                           "end": 45}],
            "cameo": "036", "event": "AGREE", "goldstein": 4.0, "quad_class": 1, "negated": False,
            "modality": "actual", "said_by": [], "text": "North Korea said it would hold talks with Japan.",
            "span": [0, 48], "trigger": {"text": "hold talks", "start": 25, "end": 35}, "confidence": 0.9}


@pytest.fixture()
def db(tmp_path):
    path = tmp_path / "s.duckdb"
    with Store(path) as store:
        store.write_batch([Coded(Document(id="d1", text="North Korea said it would hold talks with Japan."),
                                 [_record(1)])])
    return path


def test_jsonl_into_an_existing_folder_or_a_path_ending_in_a_slash(db, tmp_path):
    folder = tmp_path / "out"
    folder.mkdir()
    result = runner.invoke(app, ["export", "--db", str(db), "--format", "jsonl", "--out", str(folder)])
    assert result.exit_code == 0, result.output
    written = folder / "eventline.jsonl"
    assert [json.loads(line)["cameo"] for line in written.read_text(encoding="utf-8").splitlines()] == ["036"]
    assert str(written) in result.output
    fresh = tmp_path / "fresh"
    result = runner.invoke(app, ["export", "--db", str(db), "--format", "jsonl", "--out", f"{fresh}/"])
    assert result.exit_code == 0 and (fresh / "eventline.jsonl").is_file()


def test_the_message_names_the_files_written(db, tmp_path):
    result = runner.invoke(app, ["export", "--db", str(db), "--format", "gdelt", "--out", str(tmp_path / "g")],
                           terminal_width=300)
    assert result.exit_code == 0, result.output
    assert "eventline.export.CSV" in result.output and "eventline.mentions.CSV" in result.output


def test_an_output_path_under_a_file_is_a_usage_error(db, tmp_path):
    blocker = tmp_path / "notes.txt"
    blocker.write_text("x", encoding="utf-8")
    for fmt, out in (("jsonl", blocker / "x.jsonl"), ("gdelt", blocker / "g")):
        result = runner.invoke(app, ["export", "--db", str(db), "--format", fmt, "--out", str(out)])
        assert result.exit_code == 2, result.output
        assert "cannot write there" in result.output
        assert not isinstance(result.exception, OSError)
