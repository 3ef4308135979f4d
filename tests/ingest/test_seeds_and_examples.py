"""The seed articles and our own example corpus read as clean documents (title, outlet, date, body)."""

from __future__ import annotations

from datetime import date

from tests.conftest import EXAMPLES

import eventline

FURNITURE = ("Read More", "Login", "Log in", "©", "Copyright", "Share this", "Comments", "img", "Newsletter")


def test_seed_documents(seeds_dir):
    docs = {d.id[:3]: d for d in eventline.read(seeds_dir)}
    assert set(docs) == {"000", "002"}
    wion, japan_today = docs["000"], docs["002"]

    assert wion.text.startswith("North Korea leader Kim Jong-Un has agreed to have a dialogue with Japan")
    assert wion.text.endswith("long-range missile tests last year.")
    assert wion.pub_date == date(2018, 4, 29)
    assert wion.title == "North Korea willing to talk to Japan at 'any time'"
    assert wion.publisher == "WION"

    assert japan_today.text.startswith("North Korea has no interest in dialogue with Japan")
    assert japan_today.text.endswith("prompting fresh sanctions from Seoul and Washington.")
    assert japan_today.pub_date == date(2024, 3, 29)
    assert japan_today.title == "North Korea again rules out any meetings with Japan"
    assert japan_today.publisher in {"Reuters", "Japan Today"}
    for doc in (wion, japan_today):
        assert not any(f in doc.text for f in FURNITURE), doc.text
        assert doc.source and doc.content_hash


def test_example_corpus_reads_whole():
    problems = []
    docs = list(eventline.read(EXAMPLES, on_problem=problems.append))
    assert problems == []
    assert len(docs) == 15  # README.md is a note, not an article
    years = {d.pub_date.year for d in docs}
    assert years == {2018, 2019, 2022, 2023, 2024}
    for doc in docs:
        assert doc.title and doc.publisher and doc.pub_date, doc.id
        assert not any(f in doc.text for f in FURNITURE), (doc.id, doc.text)
        assert doc.text[0].isupper() and doc.text.rstrip().endswith("."), doc.id


def test_example_text_files_keep_every_sentence():
    path = EXAMPLES / "text" / "2018-09-26_eastern-wire_abe-un-speech.txt"
    (doc,) = eventline.read(path)
    assert doc.text.startswith("Japanese Prime Minister Shinzo Abe said on Tuesday")  # dateline cut off
    assert doc.text.endswith("North Korea did not immediately respond to the offer.")
    assert doc.text.count("\n\n") == 3  # four paragraphs
    assert doc.publisher == "Eastern Wire"
    assert doc.meta["dateline"] == "NEW YORK"
    assert doc.meta["byline"] == "Mariko Tanabe"


def test_rescrape_has_the_same_article_but_not_the_same_hash():
    first, again = (
        next(iter(eventline.read(EXAMPLES / "text" / f"2024-03-26_pacific-ledger_kim-yo-jong-rejects{s}.txt")))
        for s in ("", "_rescrape")
    )
    assert first.title == again.title and first.publisher == again.publisher
    assert first.content_hash != again.content_hash
    assert first.text.split("\n\n")[0] == again.text.split("\n\n")[0]
