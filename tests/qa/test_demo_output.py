"""`eventline demo` prints news sentences as they are: brackets in a sentence are text, not Rich markup."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from eventline import Document
from eventline.cli import app
from eventline.store import Store

SENTENCE = "North Korea [KCNA] said it would hold talks with Japan [/b] soon."


class Coded:
    """A coded document without a parse (what `Store.write_batch` reads of pipeline.CodedDocument)."""

    def __init__(self, document: Document, events: list[dict]) -> None:
        self.document, self.events, self.claims, self.spacy_doc = document, events, [], None


def _record(i: int) -> dict:
    return {"id": f"br-e{i}", "doc_id": f"br{i}", "date": "2030-01-15", "date_basis": "publication",
            "publisher": f"Outlet {i}",
            "actor": [{"text": "North Korea", "code": "PRK", "country": "PRK", "sector": None, "start": 0, "end": 11}],
            "recipient": [{"text": "Japan", "code": "JPN", "country": "JPN", "sector": None, "start": 51,
                           "end": 56}],
            "cameo": "036", "event": "AGREE", "goldstein": 4.0, "quad_class": 1, "negated": False,
            "modality": "actual", "said_by": [], "text": SENTENCE, "span": [0, len(SENTENCE)],
            "trigger": {"text": "hold talks", "start": 34, "end": 44}, "confidence": 0.9}


def test_demo_prints_sentences_with_brackets_verbatim(tmp_path: Path) -> None:
    db = tmp_path / "demo.duckdb"
    with Store(db) as store:  # one event reported five times: the top event of its own month in the timeline
        store.write_batch([Coded(Document(id=f"br{i}", text=SENTENCE), [_record(i)]) for i in range(5)])
    result = CliRunner().invoke(app, ["demo", "--db", str(db)], terminal_width=250)
    assert result.exit_code == 0, result.output
    assert "[KCNA]" in result.output and "[/b]" in result.output
