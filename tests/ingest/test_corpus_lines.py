"""The two-pass folder read: lines repeated across a folder's text files are furniture in each of them."""

from __future__ import annotations

from pathlib import Path

import eventline
from eventline.ingest.readers.text import learn_common_lines

TOPICS = ("grain corridor", "port inspection", "border crossing", "fishing quota", "rail link")


def _page(topic: str) -> str:
    para = (
        f"Officials said on Monday that the {topic} would be reviewed again before the end of the year, "
        f"after months of complaints from the regions that depend on it. The ministry said the {topic} had been "
        "shared with neighbouring governments, which are expected to reply within weeks."
    )
    return "\n".join(
        [
            "Harbor Gazette | World | Business | Sign in",
            f"Talks on the {topic} resume",
            para,
            "Read our weekly digest",  # the site's own box, between two paragraphs of every article
            para.replace("Monday", "Tuesday"),
            "© Harbor Gazette 2022. All rights reserved.",
        ]
    )


def _corpus(tmp_path: Path, n: int) -> Path:
    folder = tmp_path / "scraped"
    folder.mkdir()
    for i, topic in enumerate(TOPICS[:n]):
        (folder / f"page{i}.txt").write_text(_page(topic), encoding="utf-8")
    return folder


def test_folder_read_drops_lines_repeated_across_files(tmp_path):
    folder = _corpus(tmp_path, 4)
    docs = list(eventline.read(folder, corpus_lines=True))
    assert len(docs) == 4
    for doc in docs:
        assert "weekly digest" not in doc.text and doc.text.count("\n\n") == 1, doc.text
        assert doc.title.startswith("Talks on the")
    # The same page read on its own (or with the pass off, the default) keeps the line:
    # only the corpus says it is furniture.
    (single,) = eventline.read(folder / "page0.txt")
    assert "Read our weekly digest" in single.text
    assert all("Read our weekly digest" in d.text for d in eventline.read(folder))


def test_two_files_are_not_a_corpus(tmp_path):
    # A re-scrape shares everything with the original; fewer than three files teach nothing.
    assert len(learn_common_lines(sorted(_corpus(tmp_path, 2).iterdir()))) == 0


def test_learned_lines_are_the_short_repeated_ones_and_the_table_is_bounded(tmp_path):
    files = sorted(_corpus(tmp_path, 5).iterdir())
    common = learn_common_lines(files)
    assert "Read our weekly digest" in common and "Harbor Gazette | World | Business | Sign in" in common
    assert "Talks on the rail link resume" not in common  # one file only
    assert not any(line in common for line in _page("rail link").splitlines() if len(line) > 200)  # paragraphs
    tiny = learn_common_lines(files, table_size=4)  # pruned as it fills, the repeated lines still come out
    assert len(tiny.keys) <= len(common) and "Read our weekly digest" in tiny
