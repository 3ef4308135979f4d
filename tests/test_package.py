from typer.testing import CliRunner

import eventline
from eventline.cli import app


def test_version_flag_prints_package_version():
    result = CliRunner().invoke(app, ["--version"])
    assert result.exit_code == 0
    assert eventline.__version__ in result.output


def test_document_from_jsonl_dict_parses_date_and_hash():
    doc = eventline.Document.from_dict({"id": "a", "text": "Hello  world.", "date": "2024-03-29"})
    assert doc.pub_date.isoformat() == "2024-03-29"
    same = eventline.Document.from_dict({"id": "b", "text": "hello world."})
    assert doc.content_hash == same.content_hash
