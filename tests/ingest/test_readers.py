"""Each reader, the registry and content sniffing, encodings, and inputs that must be reported and skipped."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from tests.conftest import EXAMPLES, REPO

import eventline
from eventline.ingest import Document, ReadProblem
from eventline.ingest.readers import READERS, read_file, register

ARTICLE = """Site Name | Home | World | Sign in

Ministers agree to resume border talks next month

By Ana Ruiz
Published: 12 March 2021

LIMA (Andes Wire) - The foreign ministers of Peru and Ecuador agreed on Friday to resume talks on their \
shared border next month, both governments said.

The talks stalled last year after a dispute over fishing rights, and the two sides had traded accusations \
of provocation since then.

Officials said the first round would take place in Quito and focus on river navigation and trade.

© 2021 Andes Wire. All rights reserved.
Read More
Login to comment
"""


def read_all(*paths, problems=None):
    sink = problems if problems is not None else []
    return list(eventline.read([str(p) for p in paths], on_problem=sink.append))


def test_text_reader(tmp_path):
    path = tmp_path / "peru-ecuador.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    (doc,) = read_all(path)
    assert doc.id == "peru-ecuador"
    assert doc.title == "Ministers agree to resume border talks next month"
    assert doc.publisher == "Andes Wire"
    assert doc.pub_date == date(2021, 3, 12)
    assert doc.text.startswith("The foreign ministers of Peru and Ecuador agreed")
    assert doc.text.endswith("focus on river navigation and trade.")
    assert doc.source == str(path)


def test_html_reader():
    (doc,) = read_all(EXAMPLES / "html" / "2022-10-04_asia-dispatch_missile-over-japan.html")
    assert doc.title == "Japan protests after North Korean missile flies over its territory"
    assert doc.publisher == "Asia Dispatch"
    assert doc.pub_date == date(2022, 10, 4)
    assert doc.url == "https://asiadispatch.example/news/2022/10/04/north-korea-missile-japan"
    assert doc.text.startswith("North Korea launched an intermediate-range ballistic missile")
    assert "Share on Facebook" not in doc.text and "All rights reserved" not in doc.text
    assert "Asian shares edge higher" not in doc.text


def test_html_page_without_article_falls_back_to_the_cleaner(tmp_path):
    paragraphs = "".join(f"<div>{line}</div>" for line in ARTICLE.splitlines())
    path = tmp_path / "page.htm"
    path.write_text(f"<html><body>{paragraphs}</body></html>", encoding="utf-8")
    (doc,) = read_all(path)
    assert "Peru and Ecuador" in doc.text and "Login" not in doc.text


def test_jsonl_reader_streams_and_reports_bad_lines(tmp_path):
    path = tmp_path / "docs.jsonl"
    lines = [
        json.dumps({"id": "a", "text": "Body A.", "title": "A", "date": "2020-01-02", "url": "u", "publisher": "P"}),
        "{not json",
        json.dumps({"id": "b", "title": "no text"}),
        "",
        json.dumps({"text": "Body C.", "lang": "en"}),
        json.dumps({"id": "d", "text": "Body D.", "date": "2020-13-45"}),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    problems: list[ReadProblem] = []
    docs = read_all(path, problems=problems)
    assert [d.text for d in docs] == ["Body A.", "Body C."]
    a, c = docs
    assert (a.id, a.title, a.pub_date, a.url, a.publisher) == ("a", "A", date(2020, 1, 2), "u", "P")
    assert c.id and c.meta == {"lang": "en"}  # no id: one derived from the content
    assert [p.path for p in problems] == [f"{path}:2", f"{path}:3", f"{path}:6"]
    assert problems[0].reason.startswith("not valid JSON") and "'text'" in problems[1].reason


def test_example_jsonl_ids_and_dates():
    docs = read_all(EXAMPLES / "news.jsonl")
    assert len(docs) == 5 and all(d.pub_date and d.publisher and d.url for d in docs)
    assert docs[0].id == "harbor-post-2018-04-29-kim-open-to-japan"


@pytest.mark.parametrize(
    "encoding",
    ["utf-8", "utf-8-sig", "cp1252", "latin-1", "utf-16"],
)
def test_encodings(tmp_path, encoding):
    accented = ARTICLE.replace("Ana Ruiz", "Ana Muñoz").replace(
        "both governments said.", "both governments said in Lima’s “joint” statement – officially."
    )
    if encoding == "latin-1":
        accented = accented.replace("’", "'").replace("“", '"').replace("”", '"').replace("–", "-").replace("©", "(c)")
    path = tmp_path / f"a-{encoding}.txt"
    path.write_bytes(accented.encode(encoding))
    (doc,) = read_all(path)
    assert "\ufeff" not in doc.text and "\ufffd" not in doc.text
    assert doc.text.startswith("The foreign ministers")
    if encoding != "latin-1":
        assert "Lima’s “joint” statement – officially." in doc.text
    assert doc.meta.get("byline") == "Ana Muñoz"


def test_binary_and_empty_inputs_are_reported_and_skipped(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.jsonl").write_text("\n\n  \n", encoding="utf-8")
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    (tmp_path / "noext").write_bytes(bytes(range(256)) * 8)
    (tmp_path / "page.html").write_bytes(b"\x00\x01\x02" * 100)
    problems: list[ReadProblem] = []
    docs = read_all(tmp_path, tmp_path / "missing.txt", problems=problems)
    assert [d.id for d in docs] == ["good"]
    reasons = {Path(p.path).name: p.reason for p in problems}
    assert set(reasons) == {"empty.txt", "blank.jsonl", "image.txt", "noext", "page.html", "missing.txt"}
    assert "empty" in reasons["empty.txt"] and "empty" in reasons["blank.jsonl"]
    assert "binary" in reasons["image.txt"] and "binary" in reasons["noext"] and "binary" in reasons["page.html"]


def test_default_problem_report_names_the_path(tmp_path, capsys):
    (tmp_path / "empty.txt").write_bytes(b"")
    assert list(eventline.read(tmp_path / "empty.txt")) == []
    assert f"{tmp_path / 'empty.txt'}: empty file" in capsys.readouterr().err


def test_content_sniffing_without_a_suffix(tmp_path):
    (tmp_path / "a").write_text(json.dumps({"id": "j1", "text": "Body."}) + "\n", encoding="utf-8")
    (tmp_path / "b").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "c").write_bytes((EXAMPLES / "html" / "2022-10-04_asia-dispatch_missile-over-japan.html").read_bytes())
    docs = read_all(tmp_path)
    assert [d.id for d in docs] == ["j1", "b", "c"]
    assert docs[2].publisher == "Asia Dispatch"


def test_registry_takes_a_new_kind(tmp_path):
    def read_lines(path, on_problem):
        for i, line in enumerate(path.read_text().splitlines()):
            yield Document(id=f"{path.name}-{i}", text=line)

    register(".lines.gz", read_lines)
    try:
        path = tmp_path / "x.lines.gz"
        path.write_text("one\ntwo\n")
        assert [d.text for d in read_file(path)] == ["one", "two"]
        assert ".txt" in READERS and ".html" in READERS and ".jsonl" in READERS
    finally:
        READERS.pop(".lines.gz")


def test_stdin_is_sniffed():
    line = json.dumps({"id": "from-stdin", "text": "Body from standard input."})
    code = "import eventline; print([(d.id, d.source) for d in eventline.read('-')])"
    out = subprocess.run(
        [sys.executable, "-c", code], input=line + "\n", capture_output=True, text=True, cwd=REPO, check=True
    )
    assert out.stdout.strip() == "[('from-stdin', '-')]"


def test_fifty_megabyte_text_is_read_in_bounded_parts(tmp_path):
    paragraph = (
        "The two delegations met again on Tuesday and agreed that the working groups would report "
        "to the ministers before the end of the month, officials from both sides said.\n\n"
    )
    path = tmp_path / "huge.txt"
    with path.open("w", encoding="utf-8") as fh:
        fh.write("Menu\nHome\n\n")
        block = paragraph * 1000 + "Advertisement\n\n"
        while fh.tell() < 50 * 1024 * 1024:
            fh.write(block)
    size = path.stat().st_size
    # A separate process, so that its peak memory (max RSS) is the reader's alone.
    code = (
        "import sys, eventline\n"
        "n = chars = longest = furniture = 0\n"
        "for d in eventline.read(sys.argv[1]):\n"
        "    n += 1; chars += len(d.text); longest = max(longest, len(d.text))\n"
        "    furniture += d.text.count('Advertisement') + d.text.count('Menu')\n"
        # VmHWM, not ru_maxrss: Linux carries ru_maxrss over from the forking parent (pytest) across exec.
        "hwm = [int(l.split()[1]) for l in open('/proc/self/status') if l.startswith('VmHWM')][0]\n"
        "print(n, chars, longest, furniture, hwm // 1024)\n"
    )
    out = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, text=True, cwd=REPO, check=True)
    n_docs, n_chars, longest, furniture, peak_mib = map(int, out.stdout.split())
    assert n_docs > 10 and furniture == 0
    assert n_chars > 0.9 * size
    assert longest < 3 * 1024 * 1024
    assert peak_mib < 150, f"peak RSS {peak_mib} MiB for a {size >> 20} MiB input"
