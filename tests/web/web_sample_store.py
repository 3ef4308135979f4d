"""A small hand-made store for the API and dashboard tests: India and Pakistan over six months of 2024.

Cooperation (talks, a trade agreement, aid) from January to March, then conflict (accusations, threats,
shelling) from April to June, so the dyad series has both quad classes and a visible stance shift.
Every offset (sentence span, actor, recipient, said_by and trigger) is computed from the document text.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from eventline import Document
from eventline.store import Store

COUNTRIES = {"IND": "India", "PAK": "Pakistan", "CHN": "China"}


@dataclass
class Ev:
    actor: tuple[str, str]  # (words in the sentence, actor code)
    recipient: tuple[str, str] | None
    trigger: str
    cameo: str
    event: str | None
    goldstein: float
    quad: int
    modality: str = "actual"
    negated: bool = False
    said_by: tuple[str, str] | None = None
    date: str | None = None  # None: the publication date
    confidence: float = 0.8


@dataclass
class Art:
    doc_id: str
    pub_date: str
    title: str
    publisher: str
    sentences: list[tuple[str, list[Ev]]] = field(default_factory=list)
    duplicate_of: str | None = None


def _entity(text: str, code: str, sentence: str, base: int) -> dict[str, Any]:
    i = sentence.index(text)
    country = code[:3] if code[:3] in COUNTRIES else None
    sector = code[3:6] or None
    name = COUNTRIES.get(code) if len(code) == 3 else None
    return {"text": text, "code": code, "country": country, "sector": sector, "name": name,
            "start": base + i, "end": base + i + len(text)}


ARTICLES = [
    Art("pti-2024-01-09", "2024-01-09", "India and Pakistan agree to resume talks", "PTI", [
        ("India and Pakistan agreed on Tuesday to resume the composite dialogue suspended since 2019.",
         [Ev(("India", "IND"), ("Pakistan", "PAK"), "agreed", "057", "AGREE", 8.0, 1, date="2024-01-09")]),
        ("Islamabad said it would send its foreign secretary to New Delhi next month.",
         [Ev(("Islamabad", "PAKGOV"), ("New Delhi", "INDGOV"), "would send", "036", "CONSULT", 4.0, 1,
             modality="future", said_by=("Islamabad", "PAKGOV"))]),
    ]),
    Art("dawn-2024-01-22", "2024-01-22", "Foreign secretaries meet in Delhi", "Dawn", [
        ("Pakistan's foreign secretary met Indian officials in New Delhi on January 20.",
         [Ev(("Pakistan's foreign secretary", "PAKGOV"), ("Indian officials", "INDGOV"), "met", "040", "CONSULT",
             1.0, 1, date="2024-01-20")]),
    ]),
    Art("hindu-2024-02-14", "2024-02-14", "Trade pact signed at Wagah", "The Hindu", [
        ("India signed a limited trade agreement with Pakistan at the Wagah border crossing.",
         [Ev(("India", "IND"), ("Pakistan", "PAK"), "signed", "057", "AGREE", 8.0, 1)]),
        ("New Delhi also offered Pakistan flood relief supplies, the ministry said.",
         [Ev(("New Delhi", "INDGOV"), ("Pakistan", "PAK"), "offered", "070", "AID", 7.0, 2,
             said_by=("the ministry", "INDGOV"))]),
    ]),
    Art("dawn-2024-03-05", "2024-03-05", "Pakistan thanks India for relief", "Dawn", [
        ("Pakistan thanked India for the relief convoys that crossed the border last week.",
         [Ev(("Pakistan", "PAK"), ("India", "IND"), "thanked", "051", "COOPERATE", 3.4, 1)]),
        ("Islamabad did not reject a proposal for a joint water commission.",
         [Ev(("Islamabad", "PAKGOV"), None, "did not reject", "120", "REJECT", -4.0, 3, negated=True)]),
    ]),
    # A copy of the March article: recorded as a duplicate, not coded (no events), as ingest does.
    Art("wire-2024-03-05", "2024-03-05", "Pakistan thanks India for relief (wire copy)", "Wire",
        [("Pakistan thanked India for the relief convoys that crossed the border last week.", [])],
        duplicate_of="dawn-2024-03-05"),
    Art("pti-2024-04-11", "2024-04-11", "India accuses Pakistan over border firing", "PTI", [
        ("India accused Pakistan of violating the ceasefire along the Line of Control.",
         [Ev(("India", "IND"), ("Pakistan", "PAK"), "accused", "112", "ACCUSE", -2.0, 3)]),
        ("Pakistan's army rejected India's charge as baseless.",
         [Ev(("Pakistan's army", "PAKMIL"), ("India", "IND"), "rejected", "120", "REJECT", -4.0, 3)]),
    ]),
    Art("dawn-2024-04-28", "2024-04-28", "Islamabad warns of response", "Dawn", [
        ("Islamabad warned New Delhi that any incursion would be met with force.",
         [Ev(("Islamabad", "PAKGOV"), ("New Delhi", "INDGOV"), "warned", "138", "THREATEN", -7.0, 3)]),
    ]),
    Art("hindu-2024-05-17", "2024-05-17", "Shelling across the LoC", "The Hindu", [
        ("Indian troops shelled Pakistani posts near Poonch on May 15, officials said.",
         [Ev(("Indian troops", "INDMIL"), ("Pakistani posts", "PAKMIL"), "shelled", "190", "ASSAULT", -10.0, 4,
             date="2024-05-15", said_by=("officials", "INDGOV"))]),
        ("Pakistan recalled its envoy from New Delhi in protest.",
         [Ev(("Pakistan", "PAK"), ("New Delhi", "INDGOV"), "recalled", "161", "SANCTION", -4.0, 4)]),
    ]),
    Art("dawn-2024-06-03", "2024-06-03", "Army says it repelled attack", "Dawn", [
        ("Pakistan's army said it repelled an attack by Indian forces and killed three soldiers.",
         [Ev(("Pakistan's army", "PAKMIL"), ("Indian forces", "INDMIL"), "killed", "190", "ASSAULT", -10.0, 4,
             said_by=("Pakistan's army", "PAKMIL"))]),
        ("A spokesman threatened India with further retaliation.",
         [Ev(("A spokesman", "UNK"), ("India", "IND"), "threatened", "130", "THREATEN", -4.4, 3,
             confidence=0.4)]),
    ]),
    Art("xinhua-2024-06-10", "2024-06-10", "China urges restraint", "Xinhua", [
        ("China urged India and Pakistan to exercise restraint.",
         [Ev(("China", "CHN"), ("India", "IND"), "urged", "100", "REQUEST", -5.0, 3)]),
    ]),
]

CLAIMS = [
    # (doc_id, sentence, value, counted, subject_key, claimant text, claimant code)
    ("dawn-2024-06-03", "Pakistan's army said it repelled an attack by Indian forces and killed three soldiers.",
     3.0, "soldiers killed", "killed:soldiers:2024-06", "Pakistan's army", "PAKMIL"),
    ("pti-2024-04-11", "India accused Pakistan of violating the ceasefire along the Line of Control.",
     12.0, "ceasefire violations", "violations:ceasefire:2024-04", "India", "IND"),
]
# The second claimant for each subject, added in a document of its own.
CLAIM_DOC = Art("pti-2024-06-04", "2024-06-04", "India denies losses", "PTI", [
    ("The Indian army said no soldiers were killed in the exchange.", []),
    ("Pakistan counted only two ceasefire violations in April.", []),
])
CLAIMS += [
    ("pti-2024-06-04", "The Indian army said no soldiers were killed in the exchange.", 0.0, "soldiers killed",
     "killed:soldiers:2024-06", "The Indian army", "INDMIL"),
    ("pti-2024-06-04", "Pakistan counted only two ceasefire violations in April.", 2.0, "ceasefire violations",
     "violations:ceasefire:2024-04", "Pakistan", "PAK"),
]


def _event_id(doc_id: str, si: int, k: int) -> str:
    return hashlib.sha1(f"{doc_id}:{si}:{k}".encode()).hexdigest()[:16]


def build(arts: list[Art] | None = None) -> tuple[list[Document], list[dict[str, Any]]]:
    """Documents and event records for the articles (all offsets checked against the text)."""
    docs, records = [], []
    for art in arts or ARTICLES + [CLAIM_DOC]:
        text, base = "", []
        for sentence, _ in art.sentences:
            if text:
                text += " "
            base.append(len(text))
            text += sentence
        docs.append(Document(id=art.doc_id, text=text, title=art.title, publisher=art.publisher,
                             pub_date=art.pub_date, url=f"https://news.example/{art.doc_id}",
                             duplicate_of=art.duplicate_of))
        for si, ((sentence, evs), b) in enumerate(zip(art.sentences, base, strict=True)):
            for k, ev in enumerate(evs):
                t = sentence.index(ev.trigger)
                rec = {
                    "id": _event_id(art.doc_id, si, k), "doc_id": art.doc_id,
                    "url": f"https://news.example/{art.doc_id}", "publisher": art.publisher,
                    "pub_date": art.pub_date, "date": ev.date or art.pub_date,
                    "date_basis": "explicit" if ev.date else "publication",
                    "actor": [_entity(*ev.actor, sentence, b)],
                    "recipient": [_entity(*ev.recipient, sentence, b)] if ev.recipient else [],
                    "cameo": ev.cameo, "event": ev.event, "mode": None, "context": [],
                    "goldstein": ev.goldstein, "quad_class": ev.quad, "negated": ev.negated,
                    "modality": ev.modality,
                    "said_by": [_entity(*ev.said_by, sentence, b)] if ev.said_by else [],
                    "text": sentence, "sentence_index": si, "span": [b, b + len(sentence)],
                    "trigger": {"text": ev.trigger, "start": b + t, "end": b + t + len(ev.trigger)},
                    "confidence": ev.confidence, "location": None, "coder": "eventline test fixture",
                }
                assert text[rec["span"][0]:rec["span"][1]] == sentence
                records.append(rec)
    return docs, records


def build_store(path: Path) -> dict[str, Any]:
    """Writes the sample store; returns what the tests expect of it."""
    docs, records = build()
    with Store(path) as store:
        store.insert_documents(docs, run_id="fixture")
        store.insert_events(records, run_id="fixture")
        texts = {d.id: d.text for d in docs}
        claims = []
        for i, (doc_id, sentence, value, counted, key, who, code) in enumerate(CLAIMS):
            start = texts[doc_id].index(sentence)
            claimant = _entity(who, code, sentence, start)
            assert texts[doc_id][claimant["start"]:claimant["end"]] == who
            claims.append({"id": f"c{i}", "doc_id": doc_id, "text": sentence, "span": [start, start + len(sentence)],
                           "value": value, "counted": counted, "subject_key": key, "claimant": claimant})
        store.insert_claims(claims, run_id="fixture")
    return {"documents": docs, "events": records}
