from eventline import Document
from eventline.store import Store


def _record(i: str) -> dict:
    ent = {"text": "Japan", "code": "JPN", "country": "JPN", "sector": None, "name": None, "start": 0, "end": 5}
    return {
        "id": i, "doc_id": "d1", "pub_date": "2024-03-29", "date": "2024-03-29", "date_basis": "publication",
        "actor": [ent], "recipient": [], "cameo": "036", "event": "AGREE", "goldstein": 4.0, "quad_class": 1,
        "negated": False, "modality": "actual", "said_by": [], "text": "Japan agreed.", "span": [0, 13],
        "confidence": 0.9, "pattern": "agree",
    }


def test_store_round_trips_documents_and_events(tmp_path):
    path = tmp_path / "s.duckdb"
    with Store(path) as store:
        store.insert_documents([Document(id="d1", text="Japan agreed.", pub_date="2024-03-29")])
        store.insert_events([_record("e1"), _record("e1"), _record("e2")])
    with Store(path, read_only=True) as store:
        assert store.con.execute("SELECT count(*) FROM events").fetchone()[0] == 2
        code = store.con.execute("SELECT actor[1].code, extra->>'pattern' FROM events WHERE id='e1'").fetchone()
        assert code == ("JPN", "agree")
