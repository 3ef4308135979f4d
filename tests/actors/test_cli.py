"""`eventline actors --unknown --db FILE` on a real store."""

from __future__ import annotations

from typer.testing import CliRunner

from eventline.cli import app
from eventline.store import Store


def _entity(text, code, country, sector):
    return {"text": text, "code": code, "country": country, "sector": sector, "name": None, "start": 0, "end": 1}


def _record(i, actor, recipient, sentence):
    return {"id": f"e{i}", "doc_id": f"d{i}", "date": "2024-03-29", "date_basis": "publication",
            "actor": [actor], "recipient": [recipient], "cameo": "036", "event": "CONSULT", "goldstein": 4.0,
            "quad_class": 1, "negated": False, "modality": "actual", "said_by": [], "text": sentence,
            "span": [0, len(sentence)], "confidence": 0.9}


def test_unknown_lists_unresolved_names_with_examples(tmp_path):
    db = tmp_path / "s.duckdb"
    with Store(db) as store:
        store.insert_events([
            _record(1, _entity("Zorblat Quixmore", "UNK", None, None), _entity("Japan", "JPN", "JPN", None),
                    "Zorblat Quixmore wants talks with Japan."),
            _record(2, _entity("Zorblat Quixmore", "UNK", None, None), _entity("UN", "IGOUNO", None, "IGO"),
                    "Zorblat Quixmore met the UN."),
            _record(3, _entity("Japan", "JPN", "JPN", None), _entity("Fringe Front", "UNK", None, None),
                    "Japan rejected the Fringe Front."),
        ])
    result = CliRunner().invoke(app, ["actors", "--unknown", "--db", str(db), "--format", "json"])
    assert result.exit_code == 0, result.output
    import json

    rows = json.loads(result.output)
    assert [r["name"] for r in rows] == ["Zorblat Quixmore", "Fringe Front"]
    assert rows[0]["mentions"] == 2 and "Zorblat Quixmore met the UN." in rows[0]["examples"]
    table = CliRunner().invoke(app, ["actors", "--unknown", "--db", str(db), "--limit", "1"])
    assert "Zorblat Quixmore" in table.output and "Fringe Front" not in table.output


def test_unknown_on_a_file_that_is_not_a_store_is_a_usage_error(tmp_path):
    import duckdb
    from typer.testing import CliRunner

    from eventline.cli import app

    other = tmp_path / "other.duckdb"
    with duckdb.connect(str(other)) as con:
        con.execute("CREATE TABLE t (x INTEGER)")
    result = CliRunner().invoke(app, ["actors", "--unknown", "--db", str(other)])
    assert result.exit_code == 2 and "Traceback" not in result.output


def test_unknown_leaves_out_unresolved_pronouns_and_prints_examples_on_one_line(tmp_path):
    db = tmp_path / "s.duckdb"
    with Store(db) as store:
        store.insert_events([
            _record(1, _entity("She", "UNK", None, None), _entity("Japan", "JPN", "JPN", None),
                    "She accused Japan of stalling."),
            _record(2, _entity("they", "UNK", None, None), _entity("Japan", "JPN", "JPN", None),
                    "Officials said\nthey would keep trying to open talks with Japan.\n\n"),
            _record(3, _entity("Fringe Front", "UNK", None, None), _entity("Japan", "JPN", "JPN", None),
                    "The Fringe Front\n\nthreatened Japan."),
        ])
    table = CliRunner().invoke(app, ["actors", "--unknown", "--db", str(db)])
    assert table.exit_code == 0, table.output
    assert "Fringe Front" in table.output
    assert "She" not in table.output and " they " not in table.output
    assert "e.g. The Fringe Front threatened Japan." in table.output
