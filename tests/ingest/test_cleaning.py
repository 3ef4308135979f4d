"""The plain-text cleaner on pages it has never seen: header facts, furniture cut, the article kept whole."""

from __future__ import annotations

import gzip
import json
import sys
from datetime import date

from tests.conftest import REPO, shared_path

from eventline.ingest.cleaning import canonical_outlet, clean_scraped_text, parse_date, split_dateline

WIRE_PAGE = "\n".join(
    [
        "Subscribe | Sign in | Menu",
        "Search",
        "Ankara and Athens restart talks on maritime zones",
        "",
        "3 Comments",
        "By Eleni Kostas",
        "ATHENS",
        "",
        "ATHENS, Jan 25 (Reuters) - Greece and Turkey resumed exploratory talks on their maritime disputes on "
        "Monday after a pause of nearly five years, officials from both countries said.",
        "",
        "Advertisement",
        "",
        "The talks in Istanbul follow months of tension over energy exploration in the eastern Mediterranean, "
        "where warships from both countries shadowed each other last summer.",
        "Diplomats cautioned that no quick breakthrough was expected.",
        "",
        "© Thomson Reuters 2021.",
        "Read More",
        "You may also like",
        "Ten beaches you have to see this summer before the crowds arrive and the prices go up again",
        "Login to leave a comment",
    ]
)


def test_wire_page():
    page = clean_scraped_text(WIRE_PAGE)
    assert page.title == "Ankara and Athens restart talks on maritime zones"
    assert page.publisher == "Reuters"
    assert page.pub_date == date(2021, 1, 25)  # month and day from the dateline, year from the copyright
    assert page.byline == "Eleni Kostas"
    assert page.body.startswith("Greece and Turkey resumed exploratory talks")
    assert page.body.endswith("Diplomats cautioned that no quick breakthrough was expected.")
    assert "Advertisement" not in page.body and "beaches" not in page.body


def test_outlet_from_team_byline_and_copyright_owner():
    lines = ["Budget talks collapse in the capital", "Metro Courier News Desk", "Updated: 2 May 2022, 10:15"]
    lines += ["Lawmakers walked out of the budget talks on Monday, saying the government had ignored them."] * 3
    assert clean_scraped_text("\n".join(lines)).publisher == "Metro Courier"
    footer = ["Lawmakers walked out of the budget talks on Monday, saying the government had ignored them."] * 3
    page = clean_scraped_text("\n".join([*footer, "Copyright 2022 Harbor Gazette Ltd. All rights reserved."]))
    assert page.publisher == "Harbor Gazette"


def test_helpers():
    assert parse_date("Updated: Apr 29, 2018, 04:10 PM IST") == date(2018, 4, 29)
    assert parse_date("date 2024-03-29 Newsletter") == date(2024, 3, 29)
    assert parse_date("Published 3 September 2019") == date(2019, 9, 3)
    assert parse_date("no date 2024") is None
    assert split_dateline("SEOUL (Yonhap) - North Korea fired two missiles on Sunday.") == (
        "North Korea fired two missiles on Sunday.",
        "SEOUL",
        "Yonhap",
    )
    assert canonical_outlet("Thomson Reuters") == "Reuters"
    assert canonical_outlet("AP") == "Associated Press"


def test_no_prose_keeps_short_text():
    assert clean_scraped_text("Talks resume.\nBoth sides agree.").body == "Talks resume.\n\nBoth sides agree."
    assert clean_scraped_text("\n\n  \n").body == ""


def test_scrapinghub_sample_scores_well():
    bench = shared_path("data", "boilerplate", "scrapinghub")
    sys.path.insert(0, str(REPO / "bench"))
    try:
        from boilerplate import prf, visible_lines
    finally:
        sys.path.pop(0)
    truth = json.loads((bench / "ground-truth.json").read_text(encoding="utf-8"))
    f1s = []
    for key, gt in list(truth.items())[:40]:
        html = gzip.open(bench / "html" / f"{key}.html.gz").read().decode("utf-8", "replace")
        f1s.append(prf(clean_scraped_text(visible_lines(html)).body, gt["articleBody"])[2])
    assert sum(f1s) / len(f1s) > 0.8
