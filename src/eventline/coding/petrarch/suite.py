"""The PETRARCH / UD-PETRARCH functional validation suite: its records, coded by eventline's own parser and coder
with the suite's dictionaries, scored the way the suite's harness scores them.

A record is scored when its category is in the file's <Include> list, it is not marked evaluate="false", it
has an expected <EventCoding> and no error coding. An event is correct only when event code, source code and
target code all match one expected coding ('A/B' codes stand for each of A and B); events with a null source
or target ('---') are left out; every other event returned is an extra, and counts against precision. A
record expecting no events (noevents="True") scores one correct event when nothing is returned, otherwise one
missed event and its extras. Recall = correct / (correct + not coded); precision = correct / (correct + extra).

Records are read exactly as the harness (and ../shared/eval/peer_suite.py) reads them: only self-closing
`<EventCoding .../>` lines count (a record whose only coding is `<EventCoding noevents="True"> </EventCoding>`
is not scored: 243 of the suite's records, not 245), and the text is passed on as written (entities such as
`&amp;` left as they are). Events are collected per document id, so records that share an id (DEMO-32 twice in
the suite) share their events; `Score.duplicate_ids` lists them. `Score.unreachable` counts missed events whose
code is not a CAMEO code an eventline record can carry (345, 802, 915, 212 in the suite).
"""

from __future__ import annotations

import html
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

RECORDS_GLOB = "*records*.xml"
Triple = tuple[str, str, str]


@dataclass
class SuiteRecord:
    id: str
    category: str
    date: str | None  # YYYY-MM-DD
    text: str
    expected: set[Triple] = field(default_factory=set)
    noevents: bool = False


def _attrs(text: str) -> dict[str, str]:
    return {k: html.unescape(v) for k, v in re.findall(r'(\w+)\s*=\s*"([^"]*)"', text)}


def _split(code: str) -> list[str]:
    return [c for c in code.split("/") if c] or [code]


def read_records(folder: str | Path) -> list[SuiteRecord]:
    """The records the harness scores, from the suite's records XML file in `folder`."""
    folder = Path(folder)
    files = sorted(folder.glob(RECORDS_GLOB)) if folder.is_dir() else [folder]
    if not files:
        raise FileNotFoundError(f"no validation records file ({RECORDS_GLOB}) in {folder}")
    xml = files[0].read_text(encoding="utf-8", errors="replace")
    inc = re.search(r"<Include>(.*?)</Include>", xml, re.S)
    include = set(inc.group(1).split()) if inc else None
    start = xml.find("<Sentences>")
    out: list[SuiteRecord] = []
    for m in re.finditer(r"<Sentence\s+([^>]*)>(.*?)</Sentence>", xml[max(start, 0):], re.S):
        attrs = _attrs(m.group(1))
        body = re.sub(r"<!--.*?-->", "", m.group(2), flags=re.S)
        # as the harness reads them: self-closing codings only ('<EventCoding noevents="True"> </EventCoding>' is
        # not one, and its record is not scored), the text as written (entities left escaped)
        codings = [_attrs(c) for c in re.findall(r"<EventCoding\s+([^>]*)/>", body)]
        text_m = re.search(r"<Text>(.*?)</Text>", body, re.S)
        category = attrs.get("category", "")
        if text_m is None or not codings or (include is not None and category not in include):
            continue
        if attrs.get("evaluate", "true").lower() == "false" or any("error" in c for c in codings):
            continue
        d = attrs.get("date", "")
        rec = SuiteRecord(attrs.get("id", ""), category, f"{d[:4]}-{d[4:6]}-{d[6:8]}" if len(d) == 8 else None,
                          " ".join(text_m.group(1).split()))
        rec.noevents = any(c.get("noevents", "").lower() == "true" for c in codings)
        for c in codings:
            if "eventcode" not in c:
                continue
            for s in _split(c.get("sourcecode", "---")):
                for t in _split(c.get("targetcode", "---")):
                    if s != "---" and t != "---":
                        rec.expected.add((c["eventcode"], s, t))
        out.append(rec)
    return out


def documents(records: Iterable[SuiteRecord]) -> Iterator[dict[str, Any]]:
    """The records as eventline input documents (id, text, pub_date)."""
    for r in records:
        yield {"id": r.id, "text": r.text, "pub_date": r.date}


def triples(events: Iterable[dict[str, Any]]) -> dict[str, set[Triple]]:
    """doc_id -> (cameo, source code, target code) for every actor x recipient pair of its event records."""
    out: dict[str, set[Triple]] = defaultdict(set)
    for e in events:
        for a in e.get("actor") or [{}]:
            for t in e.get("recipient") or [{}]:
                out[str(e.get("doc_id"))].add((str(e.get("cameo")), a.get("code") or "---", t.get("code") or "---"))
    return out


@dataclass
class Score:
    records: int = 0
    correct: int = 0
    not_coded: int = 0
    extra: int = 0
    crashes: int = 0
    unreachable: int = 0  # missed expected events whose code is no CAMEO code an event record can carry
    duplicate_ids: list[str] = field(default_factory=list)  # records sharing an id (and so their coded events)
    categories: dict[str, list[int]] = field(default_factory=dict)  # category -> [records, correct, missed, extra]
    failures: list[dict[str, Any]] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.correct / (self.correct + self.not_coded) if self.correct + self.not_coded else 0.0

    @property
    def precision(self) -> float:
        return self.correct / (self.correct + self.extra) if self.correct + self.extra else 0.0

    def as_dict(self) -> dict[str, Any]:
        cats = {}
        for k, (n, c, m, x) in sorted(self.categories.items()):
            cats[k] = {"records": n, "correct": c, "not_coded": m, "extra": x,
                       "recall": round(c / (c + m), 3) if c + m else None,
                       "precision": round(c / (c + x), 3) if c + x else None}
        return {"records": self.records, "correct": self.correct, "not_coded": self.not_coded, "extra": self.extra,
                "crashes": self.crashes, "recall": round(self.recall, 4), "precision": round(self.precision, 4),
                "unreachable": self.unreachable, "duplicate_ids": self.duplicate_ids, "categories": cats}


def score(records: list[SuiteRecord], got: dict[str, set[Triple]], crashed: Iterable[str] = ()) -> Score:
    from eventline.coding.codebook_access import code_info

    s = Score(records=len(records), crashes=len(set(crashed)))
    ids = [r.id for r in records]
    s.duplicate_ids = sorted({i for i in ids if ids.count(i) > 1})
    for r in records:
        found = {x for x in got.get(r.id, set()) if "---" not in x[1:]}
        if r.noevents:
            c, m, x = (1, 0, 0) if not found else (0, 1, len(found))
            expected: set[Triple] = set()
        else:
            expected = r.expected
            c = len(expected & found)
            m, x = len(expected) - c, len(found) - c
        s.correct += c
        s.not_coded += m
        s.extra += x
        cat = s.categories.setdefault(r.category, [0, 0, 0, 0])
        cat[0] += 1
        cat[1] += c
        cat[2] += m
        cat[3] += x
        missed = sorted(expected - found)
        s.unreachable += sum(1 for t in missed if code_info(t[0]) is None)
        if m or x:
            s.failures.append({"id": r.id, "category": r.category, "text": r.text,
                               "missed": missed, "extra": sorted(found - expected)})
    return s


def run(folder: str | Path, pipeline: Any = None, limit: int | None = None) -> Score:
    """Codes the suite's records with eventline (its own parser, the suite's dictionaries) and scores them.
    A record whose coding raises counts as a crash (and codes nothing)."""
    records = read_records(folder)
    if limit is not None:
        records = records[:limit]
    if pipeline is None:
        import eventline

        pipeline = eventline.Pipeline(petrarch_dicts=folder, claims=False)
    events: list[dict[str, Any]] = []
    crashed: list[str] = []
    for doc in documents(records):
        try:
            events += list(pipeline.code([doc]))
        except Exception:  # noqa: BLE001 - a crash is a result of the suite, not a reason to stop it
            crashed.append(doc["id"])
    return score(records, triples(events), crashed)
