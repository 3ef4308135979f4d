"""Hand-made event records and documents for the analysis tests: small stores whose right answers are known."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from eventline import Document
from eventline.store import Store

GOLDSTEIN = {"036": 4.0, "040": 1.0, "043": 2.8, "057": 8.0, "0311": 5.2, "125": -5.0, "1246": -5.0, "130": -4.4,
             "112": -2.0, "190": -10.0, "181": -9.0, "010": 0.0, "100": -5.0}
CATEGORY = {"036": "AGREE", "040": "CONSULT", "043": "CONSULT", "057": "AGREE", "0311": "AGREE", "125": "REJECT",
            "1246": "REJECT", "130": "THREATEN", "112": "ACCUSE", "190": "ASSAULT", "181": "ASSAULT", "010": None,
            "100": "REQUEST"}


def quad(cameo: str) -> int:
    root = int(cameo[:2])
    return 1 if root <= 5 else 2 if root <= 8 else 3 if root <= 13 else 4


def entity(code: str, text: str | None = None, start: int = 0) -> dict[str, Any]:
    country = code[:3] if code[:3] not in ("IGO", "NGO") else None
    sector = code[3:6] or None
    text = text or code
    return {"text": text, "code": code, "country": country, "sector": sector, "name": None, "start": start,
            "end": start + len(text)}


def record(id: str, doc_id: str, date: str, actor: str, recipient: str | None, cameo: str, text: str = "",
           sentence_index: int = 0, negated: bool = False, mode: str | None = None, confidence: float = 0.8,
           publisher: str | None = None, pub_date: str | None = None, url: str | None = None) -> dict[str, Any]:
    text = text or f"{actor} did {cameo} to {recipient}."
    return {
        "id": id, "doc_id": doc_id, "url": url, "publisher": publisher, "pub_date": pub_date or date[:10]
        if len(date) == 10 else pub_date, "date": date, "date_basis": "explicit",
        "actor": [entity(actor, start=0)], "recipient": [entity(recipient, start=10)] if recipient else [],
        "cameo": cameo, "event": CATEGORY.get(cameo), "mode": mode, "context": [],
        "goldstein": GOLDSTEIN.get(cameo, 0.0), "quad_class": quad(cameo), "negated": negated,
        "modality": "actual", "said_by": [], "text": text, "sentence_index": sentence_index,
        "span": [100 * sentence_index, 100 * sentence_index + len(text)],
        "trigger": {"text": "did", "start": 4, "end": 7}, "confidence": confidence, "coder": "test",
    }


def make_store(path: Path, records: list[dict[str, Any]], documents: list[Document] | None = None) -> Path:
    docs = {d.id: d for d in documents or []}
    for r in records:
        docs.setdefault(r["doc_id"], Document(id=r["doc_id"], text=r["text"], publisher=r.get("publisher"),
                                              pub_date=r.get("pub_date"), url=r.get("url")))
    with Store(path) as store:
        store.insert_documents(docs.values())
        store.insert_events(records)
    return path


def one_event_many_articles() -> tuple[list[dict[str, Any]], list[Document]]:
    """Three outlets (plus a stored near-copy of one) report Japan and South Korea agreeing on 2018-04-29,
    over two sentences in one article; one outlet dates it a day later; one only says 'in April 2018'.
    A different event (a rejection) between the same pair the same day must stay separate."""
    records = [
        record("m1", "a1", "2018-04-29", "JPNGOV", "KORGOV", "036", "Japan agreed to cooperate with Seoul.",
               0, publisher="Reuters"),
        record("m2", "a1", "2018-04-29", "JPNGOV", "KORGOV", "0311", "Tokyo agreed to work with Seoul.",
               3, publisher="Reuters"),
        record("m3", "a2", "2018-04-29", "JPNGOV", "KORGOV", "036", "Japan and Seoul agree.", 1,
               publisher="WION", confidence=0.9),
        record("m4", "a3", "2018-04-30", "JPNGOV", "KORGOV", "036", "Japan agreed with Korea on Sunday.", 2,
               publisher="Kyodo"),
        record("m5", "a4", "2018-04", "JPNGOV", "KORGOV", "036", "In April Japan signed up with Seoul.", 0,
               publisher="AP", pub_date="2018-05-10"),
        record("m6", "a2", "2018-04-29", "JPNGOV", "KORGOV", "125", "Japan rejected Seoul's proposal.", 4,
               publisher="WION"),
    ]
    documents = [
        Document(id="a1", text="...", publisher="Reuters", pub_date="2018-04-29"),
        Document(id="a1-copy", text="... copy", publisher="Yahoo News", pub_date="2018-04-29", duplicate_of="a1"),
        Document(id="a2", text="...", publisher="WION", pub_date="2018-04-29"),
        Document(id="a3", text="...", publisher="Kyodo", pub_date="2018-04-30"),
        Document(id="a4", text="...", publisher="AP", pub_date="2018-05-10"),
    ]
    return records, documents


def thaw_then_freeze() -> list[dict[str, Any]]:
    """PRK toward JPN: cooperative in 2018-04, conflictual in 2024-03; JPN toward PRK cooperative in both."""
    return [
        record("p1", "d18", "2018-04-29", "PRKGOV", "JPNGOV", "036", "Kim agreed to talk to Japan any time.", 0,
               mode="meet"),
        record("p2", "d18", "2018-04-27", "PRKGOV", "JPNGOV", "043", "Kim relayed a message to Abe.", 1),
        record("p3", "d24", "2024-03-29", "PRKGOV", "JPNGOV", "125", "North Korea rules out any meeting.", 0,
               mode="meet"),
        record("p4", "d24", "2024-03-29", "PRKGOV", "JPNGOV", "1246", "Pyongyang will reject any talks.", 2),
        record("p5", "d24", "2024-03-25", "PRK", "JPN", "130", "North Korea will respond sharply to Japan.", 3),
        record("p6", "d24b", "2024-03-26", "PRKGOV", "JPNGOV", "125", "Ri said no meeting at any level.", 1),
        record("j1", "d18", "2018-04-29", "JPNGOV", "PRKGOV", "036", "Abe intends to hold a summit.", 2),
        record("j2", "d24", "2024-03-29", "JPNGOV", "PRKGOV", "036", "Kishida wants talks.", 1),
        record("x1", "d24", "2024-03-29", "USA", "KOR", "040", "Washington consulted Seoul.", 5),
        record("x2", "d24", "2024-03-29", "KOR", "USA", "040", "Seoul consulted Washington.", 6),
        record("h1", "d24", "2002", "PRKGOV", "JPN", "181", "North Korea admitted in 2002 to kidnapping.", 7),
    ]
