"""The store in the standard event-data layouts: GDELT 2.0 (events + mentions), ICEWS, POLECAT and PLOVER JSON
lines. `EXPORTERS[fmt](con, out) -> list of written files`; the `export` command dispatches to these (the store
owns jsonl and parquet).

GDELT and ICEWS rows are merged events (`merge.merged_events`), each with its mention counts; GDELT's mentions
file has one row per mention record, with its sentence and character offsets. POLECAT and PLOVER rows are too.
All files are UTF-8; CAMEO codes are written as strings with their leading zero. GDELT files have no header
(as GDELT publishes them; the column names are `GDELT_EVENT_COLUMNS` / `GDELT_MENTION_COLUMNS`); ICEWS and
POLECAT files have their header row. Knows nothing of parsing or coding.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

import duckdb

from eventline.analysis.merge import merge_records
from eventline.analysis.records import connect, date_bounds, mention_records, public

_ACTOR_FIELDS = ["Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code", "Religion2Code",
                 "Type1Code", "Type2Code", "Type3Code"]
_GEO_FIELDS = ["Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID"]

GDELT_EVENT_COLUMNS = (
    ["GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate"]
    + [f"Actor1{f}" for f in _ACTOR_FIELDS] + [f"Actor2{f}" for f in _ACTOR_FIELDS]
    + ["IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale", "NumMentions",
       "NumSources", "NumArticles", "AvgTone"]
    + [f"Actor1Geo_{f}" for f in _GEO_FIELDS] + [f"Actor2Geo_{f}" for f in _GEO_FIELDS]
    + [f"ActionGeo_{f}" for f in _GEO_FIELDS]
    + ["DATEADDED", "SOURCEURL"]
)
GDELT_MENTION_COLUMNS = [
    "GLOBALEVENTID", "EventTimeDate", "MentionTimeDate", "MentionType", "MentionSourceName", "MentionIdentifier",
    "SentenceID", "Actor1CharOffset", "Actor2CharOffset", "ActionCharOffset", "InRawText", "Confidence",
    "MentionDocLen", "MentionDocTone", "MentionDocTranslationInfo", "Extras",
]
ICEWS_COLUMNS = [
    "Event ID", "Event Date", "Source Name", "Source Sectors", "Source Country", "Event Text", "CAMEO Code",
    "Intensity", "Target Name", "Target Sectors", "Target Country", "Story ID", "Sentence Number", "Publisher",
    "City", "District", "Province", "Country", "Latitude", "Longitude",
]
POLECAT_COLUMNS = [
    "Event ID", "Event Date", "Event Type", "Event Mode", "Event Intensity", "Quad Code", "Contexts", "Actor Name",
    "Actor Country", "Actor COW", "Primary Actor Sector", "Actor Sectors", "Actor Title", "Actor Name Raw",
    "Wikipedia Actor ID", "Recipient Name", "Recipient Country", "Recipient COW", "Primary Recipient Sector",
    "Recipient Sectors", "Recipient Title", "Recipient Name Raw", "Wikipedia Recipient ID", "Placename", "City",
    "State", "Country", "Latitude", "Longitude", "GeoNames ID", "Raw Placename", "Feature Type", "Source",
    "Publication Date", "Story People", "Story Organizations", "Story Locations", "Language", "Version",
]

# CAMEO root names, for ICEWS "Event Text" when the codebook has no name for a code.
def _cameo_name(code: str | None) -> str:
    """The codebook's short name of a CAMEO code (or of its nearest parent); the code itself when unknown."""
    from eventline.coding.codebook_access import code_info

    info = code_info(code) if code else None
    return info.name if info is not None else (code or "")


@lru_cache(maxsize=1)
def _country_names() -> dict[str, str]:
    path = Path(__file__).resolve().parents[1] / "actors" / "data" / "countries.tsv"
    names: dict[str, str] = {}
    try:
        with path.open(encoding="utf-8") as fh:
            rows = csv.DictReader((line for line in fh if not line.startswith("#")), delimiter="\t")
            for row in rows:
                if row.get("kind") == "country" and row.get("country") and row.get("name"):
                    names.setdefault(row["country"], row["name"])
    except OSError:
        pass
    return names


def country_name(code: str | None) -> str:
    return _country_names().get(code or "", code or "") if code else ""


def _tsv(path: Path, rows: list[list[Any]], header: list[str] | None) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
        if header:
            writer.writerow(header)
        for row in rows:
            writer.writerow(["" if v is None else _clean(v) for v in row])
    return path


def _clean(value: Any) -> Any:
    if isinstance(value, str):
        return " ".join(value.split())  # no tabs or new lines inside a field
    if isinstance(value, float):
        return f"{value:.4f}".rstrip("0").rstrip(".") if value != int(value) else f"{value:.1f}"
    return value


def _first_day(value: str | None) -> date | None:
    bounds = date_bounds(value)
    return bounds[0] if bounds else None


def _out_dir(out: Path) -> Path:
    out = Path(out)
    if out.suffix:  # a file name was given: write beside it, using its stem
        return out.parent
    out.mkdir(parents=True, exist_ok=True)
    return out


def _stem(out: Path, default: str) -> str:
    out = Path(out)
    return out.name.split(".")[0] if out.suffix else default


def _sectors(entities: list[dict[str, Any]]) -> str:
    return ",".join(dict.fromkeys(e.get("sector") for e in entities if e.get("sector")))


def _names(entities: list[dict[str, Any]]) -> str:
    return "; ".join(e.get("name") or e.get("text") or "" for e in entities)


def _actor_cols(entities: list[dict[str, Any]]) -> list[Any]:
    if not entities:
        return [""] * len(_ACTOR_FIELDS)
    e = entities[0]
    sector = e.get("sector")
    return [e.get("code") or "", (e.get("name") or e.get("text") or "").upper(), e.get("country") or "", "", "",
            "", "", sector or "", "", ""]


def _geo_cols(location: dict[str, Any] | None) -> list[Any]:
    if not location:
        return [0, "", "", "", "", "", "", ""]
    return [1 if location.get("country") else 4, location.get("name") or "", location.get("country") or "", "", "",
            location.get("lat"), location.get("lon"), ""]


def _events_and_mentions(con: duckdb.DuckDBPyConnection) -> tuple[list[dict[str, Any]], dict[str, dict]]:
    records = mention_records(con)
    return merge_records(records), {r["id"]: r for r in records}


def export_gdelt(con: Any, out: Path) -> list[Path]:
    """GDELT 2.0: `<stem>.export.CSV` (61 tab-separated columns, one row per merged event) and
    `<stem>.mentions.CSV` (16 columns, one row per mention record; Extras holds the eventline record id)."""
    con = connect(con)
    directory, stem = _out_dir(out), _stem(out, "eventline")
    events, mentions = _events_and_mentions(con)
    event_rows, mention_rows = [], []
    for n, e in enumerate(events, start=1):
        day = _first_day(e["date"])
        sqldate = day.strftime("%Y%m%d") if day else ""
        fraction = round(day.year + (day.timetuple().tm_yday - 1) / 365, 4) if day else ""
        added = (_first_day(e.get("pub_date")) or day)
        cameo = e.get("cameo") or ""
        event_rows.append(
            [n, sqldate, sqldate[:6], sqldate[:4], fraction]
            + _actor_cols(e.get("actor") or []) + _actor_cols(e.get("recipient") or [])
            + [1, cameo, cameo[:3], cameo[:2], e.get("quad_class"), e.get("goldstein"), e["num_mentions"],
               e["num_sources"], e["num_articles"], ""]
            + _geo_cols(None) + _geo_cols(None) + _geo_cols(e.get("location"))
            + [added.strftime("%Y%m%d000000") if added else "", e.get("url") or e.get("doc_id") or ""]
        )
        for mid in e["mentions"]:
            m = mentions[mid]
            start = (m.get("span") or [0])[0]
            actor_off = (m.get("actor") or [{}])[0].get("start")
            recip_off = (m.get("recipient") or [{}])[0].get("start") if m.get("recipient") else None
            trigger = m.get("trigger") or {}
            mention_day = _first_day(m.get("pub_date")) or day
            mention_rows.append([
                n, sqldate + "000000" if sqldate else "",
                mention_day.strftime("%Y%m%d000000") if mention_day else "", 1,
                m.get("publisher") or "", m.get("url") or m["doc_id"], (m.get("sentence_index") or 0) + 1,
                actor_off if actor_off is not None else -1, recip_off if recip_off is not None else -1,
                trigger.get("start", start) if trigger else start, 1,
                round(100 * (m.get("confidence") or 0)), "", "", "", mid,
            ])
    return [
        _tsv(directory / f"{stem}.export.CSV", event_rows, None),
        _tsv(directory / f"{stem}.mentions.CSV", mention_rows, None),
    ]


def export_icews(con: Any, out: Path) -> list[Path]:
    """ICEWS: 20 tab-separated columns with a header, one row per merged event (story and sentence of its
    representative mention)."""
    con = connect(con)
    directory, stem = _out_dir(out), _stem(out, "eventline")
    events, mentions = _events_and_mentions(con)
    rows = []
    for n, e in enumerate(events, start=1):
        rep = mentions[e["representative"]]
        loc = e.get("location") or {}
        actor, recipient = e.get("actor") or [], e.get("recipient") or []
        rows.append([
            n, e["date"], _names(actor), _sectors(actor), country_name((actor or [{}])[0].get("country")),
            _cameo_name(e.get("cameo")), e.get("cameo"), e.get("goldstein"), _names(recipient), _sectors(recipient),
            country_name((recipient or [{}])[0].get("country")) if recipient else "", rep["doc_id"],
            (rep.get("sentence_index") or 0) + 1, rep.get("publisher") or "", "", "", "",
            country_name(loc.get("country")) if loc else "", loc.get("lat") if loc else "",
            loc.get("lon") if loc else "",
        ])
    return [_tsv(directory / f"{stem}.icews.tab", rows, ICEWS_COLUMNS)]


def export_polecat(con: Any, out: Path) -> list[Path]:
    """POLECAT: its tab-separated layout with a header, one row per merged event."""
    con = connect(con)
    directory, stem = _out_dir(out), _stem(out, "eventline")
    events, mentions = _events_and_mentions(con)
    rows = []
    for e in events:
        rep = mentions[e["representative"]]
        loc = e.get("location") or {}
        actor, recipient = e.get("actor") or [], e.get("recipient") or []
        a0, r0 = (actor or [{}])[0], (recipient or [{}])[0]
        rows.append([
            e["event_id"], e["date"], e.get("event") or "", e.get("mode") or "", e.get("goldstein"),
            _quad_code(e.get("quad_class")), ";".join(e.get("context") or []),
            _names(actor), country_name(a0.get("country")), "", a0.get("sector") or "", _sectors(actor), "",
            "; ".join(x.get("text") or "" for x in actor), "",
            _names(recipient), country_name(r0.get("country")) if recipient else "", "", r0.get("sector") or "",
            _sectors(recipient), "", "; ".join(x.get("text") or "" for x in recipient), "",
            loc.get("name") or "", "", "", country_name(loc.get("country")) if loc else "", loc.get("lat"),
            loc.get("lon"), "", loc.get("name") or "", "", rep.get("publisher") or "", rep.get("pub_date") or "",
            "", "", "", "en", e.get("coder") or rep.get("coder") or "",
        ])
    return [_tsv(directory / f"{stem}.polecat.tsv", rows, POLECAT_COLUMNS)]


def _quad_code(q: int | None) -> str:
    return {1: "VERBAL COOPERATION", 2: "MATERIAL COOPERATION", 3: "VERBAL CONFLICT", 4: "MATERIAL CONFLICT"}.get(
        q or 0, "")


def _plover_entity(e: dict[str, Any]) -> dict[str, Any]:
    return {"code": e.get("country") or e.get("code"), "sector": e.get("sector"), "entity_text": e.get("text"),
            "actor_code": e.get("code"), "name": e.get("name")}


def export_plover(con: Any, out: Path) -> list[Path]:
    """PLOVER JSON lines: one record per merged event with PLOVER's field names (id, date, actor, recipient,
    event, mode, context, quad_code, event_scale, event_text, text, coder), plus CAMEO and the mention ids."""
    con = connect(con)
    directory, stem = _out_dir(out), _stem(out, "eventline")
    events, mentions = _events_and_mentions(con)
    path = directory / f"{stem}.plover.jsonl"
    with path.open("w", encoding="utf-8") as fh:
        for e in events:
            rec = {
                "id": e["event_id"],
                "date": e["date"],
                "actor": [_plover_entity(x) for x in e.get("actor") or []],
                "recipient": [_plover_entity(x) for x in e.get("recipient") or []],
                "event": [e["event"]] if e.get("event") else [],
                "mode": [e["mode"]] if e.get("mode") else [],
                "context": list(e.get("context") or []),
                "quad_code": e.get("quad_class"),
                "event_scale": e.get("goldstein"),
                "event_text": [(e.get("trigger") or {}).get("text")] if e.get("trigger") else [],
                "text": e.get("text"),
                "event_loc": e.get("location"),
                "cameo": e.get("cameo"),
                "negated": e.get("negated"),
                "modality": e.get("modality"),
                "coder": mentions[e["representative"]].get("coder"),
                "mentions": [public(mentions[m]) for m in e["mentions"]],
                "num_mentions": e["num_mentions"],
                "num_sources": e["num_sources"],
                "num_articles": e["num_articles"],
            }
            fh.write(json.dumps(rec, ensure_ascii=False, default=str) + "\n")
    return [path]


EXPORTERS: dict[str, Callable[[duckdb.DuckDBPyConnection, Path], list[Path]]] = {
    "gdelt": export_gdelt,
    "icews": export_icews,
    "polecat": export_polecat,
    "plover": export_plover,
}
