"""The JSON API on the hand-made sample store: every endpoint, and bad input (wrong codes, huge limits,
SQL-looking strings, path tricks) answered with a 4xx and a message, never a stack trace."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
import web_sample_store as sample
from tests.conftest import shared_path


def _matches(entities: list[dict], code: str) -> bool:
    return any(e.get("country") == code or (e.get("code") or "").startswith(code) for e in entities)


def _expected_records():
    _, records = sample.build()
    return records


def _assert_error(resp, status: int) -> str:
    assert resp.status_code == status, resp.text
    body = resp.json()
    assert isinstance(body.get("error"), str) and body["error"]
    assert "Traceback" not in resp.text and 'File "' not in resp.text
    return body["error"]


# ---- health and OpenAPI ---------------------------------------------------------------------------------------

def test_health_reports_store_counts(client):
    body = client.get("/api/health").json()
    docs, records = sample.build()
    assert body["status"] == "ok"
    assert body["counts"]["documents"] == len(docs)
    assert body["counts"]["events"] == len(records)
    assert body["counts"]["claims"] == len(sample.CLAIMS)
    assert body["store"] == "sample.duckdb"  # the file name only, not where it lives


def test_openapi_describes_every_endpoint(client):
    spec = client.get("/api/openapi.json").json()
    paths = set(spec["paths"])
    for path in ("/api/events", "/api/dyads/{a}/{b}/series", "/api/shifts", "/api/claims",
                 "/api/documents/{doc_id}", "/api/health", "/api/actors", "/api/dyads", "/api/quality"):
        assert path in paths
    limit = next(p for p in spec["paths"]["/api/events"]["get"]["parameters"] if p["name"] == "limit")
    assert limit["schema"]["maximum"] == 500
    # No CDN-backed docs pages.
    assert client.get("/docs").status_code == 404


# ---- events ---------------------------------------------------------------------------------------------------

def test_events_newest_first_with_paging(client):
    records = _expected_records()
    first = client.get("/api/events", params={"limit": 5}).json()
    assert first["total"] == len(records)
    dates = [e["date"] for e in first["events"]]
    assert dates == sorted(dates, reverse=True)
    assert dates[0] == max(r["date"] for r in records)
    seen = []
    for offset in range(0, len(records), 5):
        page = client.get("/api/events", params={"limit": 5, "offset": offset}).json()
        seen += [e["id"] for e in page["events"]]
    assert sorted(seen) == sorted(r["id"] for r in records)


def test_events_filters(client):
    records = _expected_records()
    got = client.get("/api/events", params={"actor": "IND", "recipient": "PAK", "limit": 500}).json()
    want = {r["id"] for r in records if _matches(r["actor"], "IND") and _matches(r["recipient"], "PAK")}
    assert {e["id"] for e in got["events"]} == want and got["total"] == len(want)

    both = client.get("/api/events", params={"actor": "ind", "recipient": "pak", "both": "true"}).json()
    want_both = want | {r["id"] for r in records if _matches(r["actor"], "PAK") and _matches(r["recipient"], "IND")}
    assert {e["id"] for e in both["events"]} == want_both

    mil = client.get("/api/events", params={"actor": "PAKMIL"}).json()
    assert mil["total"] == sum(1 for r in records if _matches(r["actor"], "PAKMIL")) > 0

    assault = client.get("/api/events", params={"event": "ASSAULT"}).json()
    assert {e["cameo"] for e in assault["events"]} == {"190"}
    assert client.get("/api/events", params={"cameo": "19"}).json()["total"] == assault["total"]

    spring = client.get("/api/events", params={"start": "2024-04", "end": "2024-05-31"}).json()
    assert spring["total"] == sum(1 for r in records if "2024-04" <= r["date"][:7] <= "2024-05")

    words = client.get("/api/events", params={"q": "ceasefire"}).json()
    assert words["total"] == sum(1 for r in records if "ceasefire" in r["text"].lower()) >= 1


def test_event_records_are_schema_valid(client):
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(shared_path("spec", "event.schema.json").read_text())
    events = client.get("/api/events", params={"limit": 500}).json()["events"]
    assert events
    for record in events:
        jsonschema.validate(record, schema)


# ---- dyads, shifts, claims, quality, actors ------------------------------------------------------------------

def test_dyad_series_has_a_period_per_month_and_direction(client):
    records = _expected_records()
    body = client.get("/api/dyads/IND/PAK/series", params={"by": "month"}).json()
    assert (body["a"], body["b"], body["by"]) == ("IND", "PAK", "month")
    for direction, (x, y) in (("A->B", ("IND", "PAK")), ("B->A", ("PAK", "IND"))):
        months = {r["date"][:7] for r in records if _matches(r["actor"], x) and _matches(r["recipient"], y)}
        got = [p for p in body["periods"] if p["direction"] == direction]
        assert {p["period"] for p in got} == months
        for p in got:
            assert sum(p["counts_by_quad"].values()) >= 1
            assert -10 <= p["goldstein_mean"] <= 10
            assert p["event_ids"]
    # Cooperative early in the year, conflictual late: the fixture's shape survives the API.
    ab = {p["period"]: p for p in body["periods"] if p["direction"] == "A->B"}
    assert ab["2024-01"]["goldstein_mean"] > 0 > ab["2024-05"]["goldstein_mean"]


def test_dyad_series_options(client):
    norm = client.get("/api/dyads/IND/PAK/series", params={"normalise": "true"}).json()
    assert norm["periods"] and all("normalised" in p for p in norm["periods"])
    yearly = client.get("/api/dyads/IND/PAK/series", params={"by": "year"}).json()
    assert {p["period"] for p in yearly["periods"]} == {"2024"}
    ranged = client.get("/api/dyads/IND/PAK/series", params={"start": "2024-04-01", "end": "2024-06-30"}).json()
    assert ranged["periods"] and all(p["period"] >= "2024-04" for p in ranged["periods"])


def test_dyads_lists_the_busiest_pair_first(client):
    body = client.get("/api/dyads").json()
    assert {body["pairs"][0]["a"], body["pairs"][0]["b"]} == {"IND", "PAK"}
    assert all(d["a"] != d["b"] for d in body["dyads"])


def test_shifts_find_the_turn_toward_conflict(client):
    body = client.get("/api/shifts", params={"actor": "IND", "recipient": "PAK"}).json()
    assert body["shifts"], body
    shift = body["shifts"][0]
    assert shift["before"]["goldstein_mean"] > shift["after"]["goldstein_mean"]
    assert shift["before"]["evidence"] and shift["after"]["evidence"]
    period = shift.get("period") or shift.get("at")
    assert "2024-02" < period <= "2024-05"


def test_claims_put_disputed_numbers_side_by_side(client):
    groups = client.get("/api/claims").json()["groups"]
    disputed = [g for g in groups if g["disputed"]]
    assert len(disputed) == 2
    soldiers = next(g for g in disputed if any(c["value"] == 3 for c in g["claims"]))
    assert {c["claimant"]["code"]: c["value"] for c in soldiers["claims"]} == {"PAKMIL": 3, "INDMIL": 0}


def test_quality_panel_figures(client):
    body = client.get("/api/quality").json()
    records = _expected_records()
    assert body["documents"] == len(sample.ARTICLES) + 1
    assert body["duplicates"] == 1
    pub = sum(1 for r in records if r["date_basis"] == "publication") / len(records)
    assert body["share_dated_by_publication"] == pytest.approx(pub, abs=0.001)
    assert body["share_unknown_actor"] > 0


def test_actor_search_by_name_and_code(client):
    by_name = client.get("/api/actors", params={"q": "army"}).json()["actors"]
    assert "PAKMIL" in {a["code"] for a in by_name}
    by_code = client.get("/api/actors", params={"q": "ind"}).json()["actors"]
    assert by_code[0]["code"] == "IND" and by_code[0]["mentions"] > 0


# ---- documents ------------------------------------------------------------------------------------------------

def test_document_with_event_offsets(client):
    body = client.get("/api/documents/hindu-2024-05-17").json()
    text = body["document"]["text"]
    assert body["document"]["title"] == "Shelling across the LoC"
    assert len(body["events"]) == 2
    for ev in body["events"]:
        s, e = ev["span"]
        assert text[s:e] == ev["text"]
        assert text[ev["trigger"]["start"]:ev["trigger"]["end"]] == ev["trigger"]["text"]
        for ent in ev["actor"] + ev["recipient"] + ev["said_by"]:
            assert text[ent["start"]:ent["end"]] == ent["text"]


def test_unknown_document_is_404(client):
    assert "no document" in _assert_error(client.get("/api/documents/nope"), 404)


@pytest.mark.parametrize("path", [
    "/api/documents/../../etc/passwd",
    "/api/documents/..%2F..%2F..%2Fetc%2Fpasswd",
    "/api/documents/%2Fetc%2Fpasswd",
    "/api/documents/x'%20OR%20'1'='1",
    "/static/../../pyproject.toml",
    "/static/..%2F..%2Fapp.py",
    "/static/%2e%2e/%2e%2e/store/store.py",
    "/static/....//....//etc/passwd",
    "/../../etc/passwd",
])
def test_path_tricks_read_nothing_outside_the_store(client, path):
    resp = client.get(path)
    assert resp.status_code in (404, 422), (path, resp.status_code)
    assert "root:" not in resp.text and "import " not in resp.text and "[project]" not in resp.text


def test_control_characters_in_document_id(client):
    _assert_error(client.get("/api/documents/abc%00def"), 422)


# ---- bad input ------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("params", [
    {"limit": 10**9}, {"limit": 501}, {"limit": 0}, {"limit": -1}, {"limit": "ten"}, {"offset": -5},
    {"offset": 10**12}, {"actor": "I"}, {"actor": "IND' OR 1=1 --"}, {"recipient": "PAK;DROP TABLE events"},
    {"cameo": "1; DROP"}, {"event": "BOGUS"}, {"start": "2024-02-30"}, {"start": "yesterday"},
    {"end": "2024-13"}, {"start": "2024-06", "end": "2024-01"}, {"q": "x" * 500}, {"both": "perhaps"},
])
def test_events_bad_parameters_are_4xx_with_a_message(client, params):
    _assert_error(client.get("/api/events", params=params), 422)


def test_sql_looking_text_is_just_text(client):
    before = client.get("/api/health").json()["counts"]
    for q in ["'; DROP TABLE events; --", "%' OR '1'='1", "_", "%"]:
        body = client.get("/api/events", params={"q": q}).json()
        assert body["total"] == 0, q  # no sentence contains these literally
    assert client.get("/api/health").json()["counts"] == before


@pytest.mark.parametrize("path, status", [
    ("/api/dyads/IND/XYZ/series", 404),
    ("/api/dyads/IND/IND/series", 422),
    ("/api/dyads/IN/PAK/series", 422),
    ("/api/dyads/IND/PAK'--/series", 422),
    ("/api/dyads/IND/PAK/series?by=decade", 422),
    ("/api/dyads/IND/PAK/series?top=1000", 422),
    ("/api/dyads/IND/PAK/series?start=2024-99", 422),
    ("/api/shifts?actor=%27%20OR%201%3D1", 422),
    ("/api/shifts?by=fortnight", 422),
    ("/api/actors?limit=100000", 422),
    ("/api/dyads?limit=100000", 422),
    ("/api/nothing-here", 404),
])
def test_other_bad_requests(client, path, status):
    _assert_error(client.get(path), status)


def test_api_is_read_only(client):
    for method in ("post", "put", "delete", "patch"):
        assert getattr(client, method)("/api/events").status_code == 405
    con = client.app.state.store.con
    with pytest.raises(Exception):  # noqa: B017 - DuckDB refuses writes on a read-only connection
        con.execute("CREATE TABLE intruder (i INTEGER)")


# ---- the page -------------------------------------------------------------------------------------------------

def test_dashboard_page_and_assets_are_local(client):
    page = client.get("/")
    assert page.status_code == 200 and "text/html" in page.headers["content-type"]
    assert "default-src 'self'" in page.headers["content-security-policy"]
    for asset in ("/static/app.js", "/static/app.css", "/static/favicon.svg"):
        resp = client.get(asset)
        assert resp.status_code == 200 and resp.content
    html = page.text + client.get("/static/app.css").text
    assert "https://" not in html and "http://" not in html and "//cdn" not in html
    js = client.get("/static/app.js").text
    assert "fetch(" in js and "https://" not in js and "innerHTML" not in js


# ---- the command ----------------------------------------------------------------------------------------------

def test_serve_command_serves_the_store(sample_db: Path):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    cmd = [sys.executable, "-c", "from eventline.cli import main; main()", "serve", "--db", str(sample_db),
           "--port", str(port)]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env={**os.environ})
    try:
        deadline = time.time() + 60
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/health", timeout=2) as resp:
                    body = json.loads(resp.read())
                break
            except OSError:
                if time.time() > deadline or proc.poll() is not None:
                    err = proc.stderr.read().decode() if proc.poll() is not None else ""
                    pytest.fail(f"serve did not answer: {err}")
                time.sleep(0.2)
        assert body["status"] == "ok" and body["counts"]["events"] > 0
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_serve_without_a_store_is_a_usage_error(tmp_path):
    from typer.testing import CliRunner

    from eventline.cli import app

    result = CliRunner().invoke(app, ["serve", "--db", str(tmp_path / "missing.duckdb")])
    assert result.exit_code == 2
    assert "no eventline store" in result.output


def test_claims_disputed_filter_matches_the_cli_option(sample_db, tmp_path):
    import shutil

    from fastapi.testclient import TestClient

    from eventline.store import Store
    from eventline.web import create_app

    db = tmp_path / "claims.duckdb"
    shutil.copy(sample_db, db)
    with Store(db) as store:  # one more group, with a single claimant: not disputed
        doc_id, text = store.con.execute("SELECT id, text FROM documents ORDER BY id LIMIT 1").fetchall()[0]
        store.insert_claims([{"id": "c-single", "doc_id": doc_id, "text": text[:40], "span": [0, 40], "value": 5.0,
                              "counted": "drones", "subject_key": "downed:drones", "claimant": None}], run_id="t")
    with TestClient(create_app(db), raise_server_exceptions=False) as c:
        every = c.get("/api/claims").json()["groups"]
        disputed = c.get("/api/claims", params={"disputed": "true"}).json()["groups"]
        bad = c.get("/api/claims", params={"disputed": "maybe"})
    assert any(not g["disputed"] for g in every)
    assert disputed and disputed == [g for g in every if g["disputed"]]
    assert bad.status_code == 422 and "disputed" in bad.json()["error"]


def test_actor_search_reads_every_text_of_a_code_and_the_example_is_the_most_frequent(tmp_path):
    from fastapi.testclient import TestClient

    from eventline import Document
    from eventline.store import Store
    from eventline.web import create_app

    class Coded:  # a coded document without a parse, as Store.write_batch reads it
        def __init__(self, document, events):
            self.document, self.events, self.claims, self.spacy_doc = document, events, [], None

    def record(i: int, actor_text: str) -> dict:
        text = f"{actor_text} shelled India."
        return {"id": f"e{i}", "doc_id": f"d{i}", "date": "2024-06-01", "date_basis": "publication",
                "actor": [{"text": actor_text, "code": "PAKMIL", "country": "PAK", "sector": "MIL", "start": 0,
                           "end": len(actor_text)}],
                "recipient": [{"text": "India", "code": "IND", "country": "IND", "sector": None,
                               "start": len(actor_text) + 9, "end": len(actor_text) + 14}],
                "cameo": "195", "event": "ASSAULT", "goldstein": -10.0, "quad_class": 4, "negated": False,
                "modality": "actual", "said_by": [], "text": text, "span": [0, len(text)],
                "trigger": {"text": "shelled", "start": len(actor_text) + 1, "end": len(actor_text) + 8},
                "confidence": 0.9}

    # one mention says 'army'; the code's usual text, written later, is 'Pakistani troops'
    texts = ["the Pakistani army"] + [f"unit {k}" for k in range(30)] + ["Pakistani troops"] * 40
    db = tmp_path / "codes.duckdb"
    with Store(db) as store:
        store.write_batch([Coded(Document(id=f"d{i}", text=record(i, t)["text"]), [record(i, t)])
                           for i, t in enumerate(texts)])
    with TestClient(create_app(db)) as c:
        found = c.get("/api/actors", params={"q": "army"}).json()["actors"]
        everything = c.get("/api/actors", params={"limit": 500}).json()["actors"]
    assert "PAKMIL" in {a["code"] for a in found}
    pakmil = next(a for a in everything if a["code"] == "PAKMIL")
    assert pakmil["example"] == "Pakistani troops" and pakmil["mentions"] == len(texts)
    assert next(a for a in everything if a["code"] == "PAK")["mentions"] == len(texts)  # counted by country
