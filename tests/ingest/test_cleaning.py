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
    for key, gt in truth.items():
        html = gzip.open(bench / "html" / f"{key}.html.gz").read().decode("utf-8", "replace")
        f1s.append(prf(clean_scraped_text(visible_lines(html)).body, gt["articleBody"])[2])
    assert len(f1s) == 181
    assert sum(f1s) / len(f1s) >= 0.90  # the target; docs/benchmarks.md has the measured figure


def _para(n: int, topic: str) -> str:
    """A paragraph of running prose, in our own words, about `topic`."""
    sentences = [
        f"The committee said on Monday that the {topic} would be reviewed again before the end of the year.",
        f"Officials in the region have argued for months that the {topic} was drawn up without enough care.",
        f"Several members of parliament asked for the {topic} to be published in full, but the request failed.",
        f"A spokesman for the ministry said the {topic} had been shared with the neighbouring governments.",
    ]
    return " ".join(sentences[i % len(sentences)] for i in range(n))


def test_comment_thread_after_a_post_is_cut():
    post = [_para(2, "water agreement"), _para(1, "river survey")]
    comments = []
    for name, day in (("Tomas", 4), ("Ines", 5), ("Karl", 6), ("Mira", 7)):
        comments += [f"{name} on March {day}, 2021 at 9:1{day} am said:", _para(3, "old treaty")]
    page = "\n".join(
        [
            "River talks resume after long pause | The Valley Post",
            "Home",
            "World",
            "River talks resume after long pause",
            "March 3, 2021 | by Ana Ruiz",
            *post,
            "Posted in World | 4 Comments",
            "Comments",
            *comments,
        ]
    )
    body = clean_scraped_text(page).body
    assert body.split("\n\n") == post


def test_list_introduced_by_a_colon_and_table_after_the_article_stay():
    rows = [f"{m} {d} -- {city} Arena, {city}" for m, d, city in (("June", 9, "Ostrava"), ("June", 12, "Graz"))]
    rows += [f"July {d} -- {city} Hall, {city}" for d, city in ((2, "Lyon"), (5, "Porto"), (8, "Ghent"))]
    page = "\n".join(
        ["Band announces reunion tour", _para(3, "tour plan"), _para(2, "ticket sale"), "The tour dates:", *rows]
    )
    page += "\n" + "\n".join(["Facebook", "Twitter", "Subscribe", "Terms of Use", "Privacy Policy"])
    body = clean_scraped_text(page).body
    assert body.endswith("July 8 -- Ghent Hall, Ghent")
    assert all(r in body for r in rows) and "The tour dates:" in body
    assert "Facebook" not in body and "Privacy" not in body

    results = ["Northside d. Lakeview 70-44", "Northside (1-0): Ortiz 25 points. Bell 17 points."]
    results += ["GIRLS SOCCER", "Eastgate d. Harbor 3-1", "Eastgate (4-0): K. Moss 1 goal. L. Park 2 saves."]
    page = "\n".join([_para(2, "season opener"), *results, "Published 2:16 AM EST Nov 20, 2019", "Terms of Use"])
    body = clean_scraped_text(page).body
    assert all(r in body for r in results) and "Published" not in body


def test_hard_wrapped_paragraph_is_joined():
    wrapped = [
        "Photos released online on Sunday show the minister, who was",
        "appointed in 2019 after a long career in the diplomatic service, meeting",
        "the delegation at the border post.",
    ]
    page = "\n".join(["Minister meets border delegation", *wrapped, "", _para(2, "border plan"), "Share this:"])
    body = clean_scraped_text(page).body
    assert body.startswith(" ".join(wrapped) + "\n\n")


def test_long_menu_is_not_bridged_to_a_site_blurb():
    menu = ["World", "Politics", "Business", "Science", "Health", "Sports", "Travel", "Style", "Opinion", "Video"]
    blurb = (
        "The Valley Post is an independent daily founded in 1921 that covers the region and the world, "
        "and is read by more than a million people every week in print and online. Its reporters work from "
        "eleven bureaus, and its archive of more than a century of editions is open to every reader for free."
    )
    page = "\n".join(["Talks on the water agreement resume", _para(4, "water agreement"), *menu, blurb])
    body = clean_scraped_text(page).body
    assert body == _para(4, "water agreement")


def test_corpus_lines_leave_the_body():
    article = [_para(2, "grain corridor"), "Read our weekly digest", _para(2, "port inspection")]
    page = "\n".join(["Grain corridor reopens", *article, "© Harbor Gazette 2022. All rights reserved."])
    assert "Read our weekly digest" in clean_scraped_text(page).body
    body = clean_scraped_text(page, common_lines=frozenset({"Read our weekly digest"})).body
    assert body.split("\n\n") == [article[0], article[2]]


def test_legal_footer_longer_than_the_article_is_not_the_article():
    article = [_para(2, "trade corridor")]
    legal = [
        "The information on this website is provided for general purposes only and does not replace the advice "
        "of a professional, and nothing on it should be read as a promise of any result whatsoever.",
        "Results vary with the starting point, the goals and the effort of each reader, and the examples shown "
        "are not typical of what most people achieve in the period that is described on these pages.",
        "© 2019 Example Media, LLC. All rights reserved. Example Media is the owner of the marks and designs "
        "shown on this site, and no part of it may be copied without the written consent of the owner.",
    ]
    page = "\n".join(
        [
            "Trade corridor plan wins backing | Example Media",
            "Trade corridor plan wins backing",
            "November 12, 2018 | BY: Staff",
            *article,
            "Related Articles",
            "Ten things to know about the corridor",
            *legal,
        ]
    )
    assert clean_scraped_text(page).body == article[0]
