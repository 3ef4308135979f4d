"""The dashboard in a real browser (Debian's Chromium through Playwright) against a live server: pick a dyad,
count the chart's points against the events, open an event's document and see its sentence highlighted.

Skips when Chromium or Playwright is absent. Screenshots go to pytest's temporary folder, or to the folder
named by EVENTLINE_SCREENSHOTS (`EVENTLINE_SCREENSHOTS=docs/img` refreshes the README's pictures).
"""

from __future__ import annotations

import json
import os
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def _get(base: str, path: str, **params) -> dict:
    url = f"{base}{path}" + (f"?{urllib.parse.urlencode(params)}" if params else "")
    with urllib.request.urlopen(url, timeout=30) as resp:
        return json.loads(resp.read())


def _matches(entities: list[dict], code: str) -> bool:
    return any(e.get("country") == code or (e.get("code") or "").startswith(code) for e in entities)


def _shots(tmp_path: Path) -> Path:
    where = os.environ.get("EVENTLINE_SCREENSHOTS")
    folder = Path(where) if where else tmp_path
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture
def page(browser, live_server):
    base, _ = live_server
    context = browser.new_context(viewport={"width": 1440, "height": 1000}, device_scale_factor=1)
    pg = context.new_page()
    pg.set_default_timeout(20_000)
    problems: list[str] = []
    pg.on("pageerror", lambda exc: problems.append(f"page error: {exc}"))
    pg.on("console", lambda msg: problems.append(f"console {msg.type}: {msg.text}") if msg.type == "error" else None)
    pg.on("request", lambda req: None if req.url.startswith(base) else problems.append(f"outside request: {req.url}"))
    pg.problems = problems
    yield pg
    context.close()


def test_pick_a_dyad_chart_points_and_highlighted_sentence(page, live_server, tmp_path):
    base, kind = live_server
    print(f"browser store: {kind}")
    pair = _get(base, "/api/dyads")["pairs"][0]
    a, b = pair["a"], pair["b"]

    page.goto(base + "/")
    page.wait_for_selector("#quick-dyads .chip")
    page.fill("#code-a", a)
    page.fill("#code-b", b)
    page.select_option("#by", "month")
    page.click("#show")
    page.wait_for_selector(f'#chart[data-dyad="{a}-{b}"]')
    page.wait_for_selector("#events[data-loaded]")

    # One Goldstein point per month and direction that has events, counted from the event records themselves.
    records = _get(base, "/api/events", actor=a, recipient=b, both="true", limit=500)["events"]
    expected = set()
    for r in records:
        if len(r["date"]) < 7:
            continue
        if _matches(r["actor"], a) and _matches(r["recipient"], b):
            expected.add(("A->B", r["date"][:7]))
        if _matches(r["actor"], b) and _matches(r["recipient"], a):
            expected.add(("B->A", r["date"][:7]))
    points = page.locator("#chart circle.gpoint")
    drawn = {(points.nth(i).get_attribute("data-direction"), points.nth(i).get_attribute("data-period"))
             for i in range(points.count())}
    series = _get(base, f"/api/dyads/{a}/{b}/series", by="month")
    assert drawn == {(p["direction"], p["period"]) for p in series["periods"] if p["goldstein_mean"] is not None}
    assert points.count() == len(drawn) > 0
    # Merged events are dated inside the months of their mentions; on the hand-made store (no merging across
    # months) the points are exactly the months of the records.
    assert drawn <= expected
    if kind == "sample":
        assert drawn == expected
    assert page.locator("#chart rect.bar").count() >= len(expected)

    # Shifts of the dyad are marked on the chart and listed with their evidence.
    shifts = (_get(base, "/api/shifts", actor=a, recipient=b)["shifts"]
              + _get(base, "/api/shifts", actor=b, recipient=a)["shifts"])
    assert page.locator("#shifts .shift").count() == len(shifts)
    if shifts:
        assert page.locator("#chart .shift-line").count() >= 1
        assert page.locator("#shifts .evidence li").count() >= 2

    # The events table lists the dyad's records, newest first.
    rows = page.locator("#events tbody tr[data-event]")
    assert rows.count() == min(25, len(records))
    page.screenshot(path=str(_shots(tmp_path) / "dashboard.png"), full_page=True)

    # A row opens its document with the sentence, actor and trigger highlighted.
    first = records[0]
    page.click(f'#events tbody tr[data-event="{first["id"]}"]')
    sentence = page.locator("#doc-text .hl-sentence")
    sentence.wait_for()
    assert sentence.count() == 1
    assert sentence.text_content() == first["text"]
    if first.get("trigger"):
        assert first["trigger"]["text"] in [t.text_content() for t in sentence.locator(".hl-trigger").all()]
    actors = [t.text_content() for t in sentence.locator(".hl-actor").all()]
    assert any(e["text"] in actors for e in first["actor"])
    page.screenshot(path=str(_shots(tmp_path) / "document.png"))
    page.keyboard.press("Escape")
    assert page.locator("#doc-modal").is_hidden()
    assert not page.problems, page.problems


def test_picker_searches_by_name_and_options_redraw(page, live_server):
    base, _ = live_server
    pair = _get(base, "/api/dyads")["pairs"][0]
    a = pair["a"]
    name = next((x["name"] for x in _get(base, "/api/actors", q=a)["actors"] if x["code"] == a and x["name"]), None)
    page.goto(base + "/")
    page.wait_for_selector('#chart[data-dyad]')
    if name:
        page.fill("#code-a", "")
        page.type("#code-a", name[:5])
        page.wait_for_selector(f'#actor-list option[value="{a}"]', state="attached")
    points = page.locator("#chart circle.gpoint").count()

    # Stack by PLOVER category: the legend names categories, the Goldstein points stay.
    page.select_option("#stack", "plover")
    legend = page.inner_text("#legend")
    assert "Verbal cooperation" not in legend and "mean Goldstein" in legend
    assert page.locator("#chart circle.gpoint").count() == points

    # Share of volume: a second request, the axis says so, same points.
    page.check("#normalise")
    page.locator("#chart-title", has_text="share").wait_for()  # (no wait_for_function: the page's CSP forbids eval)
    assert page.locator("#chart circle.gpoint").count() == points

    # A malformed code is refused with the server's message, not a blank page.
    page.fill("#code-a", "!!")
    page.click("#show")
    page.wait_for_selector("#message:not([hidden])")
    assert page.inner_text("#message")
    assert not [p for p in page.problems if "outside request" in p or "page error" in p]


def test_claims_and_quality_panels(page, live_server):
    base, _ = live_server
    quality = _get(base, "/api/quality")
    groups = _get(base, "/api/claims")["groups"]
    page.goto(base + "/")
    page.wait_for_selector("#quality dd[data-key='documents']")
    assert page.inner_text("#quality dd[data-key='documents']").replace(",", "") == str(quality["documents"])
    if groups:
        page.wait_for_selector("#claims .claim-group")
        assert page.locator("#claims .claim-group").count() == min(12, len(groups))
        disputed = [g for g in groups[:12] if g.get("disputed")]
        assert page.locator("#claims .claim-group[data-disputed='1']").count() == len(disputed)
