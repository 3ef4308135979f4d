"""The WARC reader on real archives written with warcio: HTML responses become documents, everything else
is skipped and counted, and damaged archives are reported without stopping the run."""

from __future__ import annotations

import gzip
from datetime import date
from io import BytesIO
from pathlib import Path

import pytest

pytest.importorskip("warcio")

from warcio.statusandheaders import StatusAndHeaders  # noqa: E402
from warcio.warcwriter import WARCWriter  # noqa: E402

import eventline  # noqa: E402
from eventline.ingest.readers import read_file  # noqa: E402
from eventline.ingest.readers.warc import WarcStats, read_warc_file  # noqa: E402
from eventline.ingest.reading import ReadError  # noqa: E402

PARAGRAPHS = [
    "The foreign ministers of the two neighbouring states met in the capital on Tuesday to discuss the "
    "disputed border crossing, the first such meeting in more than a year.",
    "Officials from both delegations said the talks focused on reopening trade routes that have been closed "
    "since the spring, and on the return of detained fishermen held by each side.",
    "A joint statement issued after the meeting said both governments had agreed to set up a working group "
    "that would report back within three months with proposals for a permanent settlement.",
    "Opposition lawmakers criticised the talks as premature, arguing that the government had given away too "
    "much before any concessions had been offered in return by the other side.",
]


def article(title: str, published: str | None) -> bytes:
    meta = f'<meta property="article:published_time" content="{published}">' if published else ""
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    page = (
        f"<!DOCTYPE html><html><head><title>{title}</title>{meta}</head><body>"
        f"<nav><a href='/'>Home</a> | <a href='/world'>World</a></nav>"
        f"<article><h1>{title}</h1>{body}</article><footer>Copyright The Daily Example</footer></body></html>"
    )
    return page.encode("utf-8")


def write_warc(path: Path, gz: bool = True) -> None:
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=gz)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "eventline tests"}))

        def response(uri: str, body: bytes, ctype: str = "text/html; charset=utf-8", status: str = "200 OK",
                     warc_date: str = "2024-03-27T10:00:00Z") -> None:  # fmt: skip
            http = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
            rec = writer.create_warc_record(
                uri, "response", payload=BytesIO(body), http_headers=http,
                warc_headers_dict={"WARC-Date": warc_date},
            )  # fmt: skip
            writer.write_record(rec)

        request = StatusAndHeaders("GET /world/talks HTTP/1.1", [("Host", "news.example.org")], is_http_request=True)
        writer.write_record(
            writer.create_warc_record("https://news.example.org/world/talks", "request", http_headers=request)
        )
        response("https://news.example.org/world/talks", article("Ministers meet on border", "2024-03-26"))
        response("https://news.example.org/world/undated", article("Border talks resume", None))
        response("https://news.example.org/missing", b"<html><body>Not found</body></html>", status="404 Not Found")
        response("https://news.example.org/logo.png", b"\x89PNG\r\n\x1a\n" + b"\0" * 64, ctype="image/png")
        writer.write_record(
            writer.create_warc_record(
                "https://news.example.org/world/talks",
                "metadata",
                payload=BytesIO(b"via: crawler"),
                warc_content_type="application/warc-fields",
            )
        )


@pytest.mark.parametrize("gz", [True, False])
def test_html_responses_become_documents(tmp_path: Path, gz: bool) -> None:
    path = tmp_path / ("crawl.warc.gz" if gz else "crawl.warc")
    write_warc(path, gz=gz)
    stats = WarcStats()
    docs = list(read_warc_file(path, stats=stats))
    assert [d.url for d in docs] == ["https://news.example.org/world/talks", "https://news.example.org/world/undated"]
    dated, undated = docs
    assert dated.pub_date == date(2024, 3, 26)  # the page's own date wins
    assert undated.pub_date == date(2024, 3, 27)  # else the capture date
    assert undated.meta["date_from"] == "capture"
    assert "working group" in dated.text and "Copyright" not in dated.text
    assert dated.title == "Ministers meet on border"
    assert dated.id != undated.id and dated.source == str(path)
    assert stats.documents == 2
    assert stats.skipped == {
        "warcinfo record": 1, "request record": 1, "metadata record": 1, "HTTP 404": 1, "image/png response": 1
    }  # fmt: skip
    assert stats.problems == 0


def test_registered_by_name_and_by_content(tmp_path: Path) -> None:
    named = tmp_path / "crawl.warc.gz"
    write_warc(named)
    assert len(list(read_file(named))) == 2
    plain = tmp_path / "crawl.warc"
    write_warc(plain, gz=False)
    unnamed = tmp_path / "capture-0001"
    unnamed.write_bytes(plain.read_bytes())
    assert [d.url for d in read_file(unnamed)][0] == "https://news.example.org/world/talks"
    # and through the public reader, over a folder
    assert len(list(eventline.read(tmp_path))) == 6


def test_truncated_archive_keeps_what_precedes_the_damage(tmp_path: Path) -> None:
    whole = tmp_path / "whole.warc.gz"
    write_warc(whole)
    data = whole.read_bytes()
    # Cut inside the gzip member of the second page (the last 40% of the file holds it and the rest).
    cut = tmp_path / "cut.warc.gz"
    members = _member_offsets(data)
    third_response = members[4]  # warcinfo, request, response 1, response 2 (the undated page), ...
    cut.write_bytes(data[: third_response - 200])
    problems = []
    docs = list(read_warc_file(cut, problems.append))
    assert [d.url for d in docs] == ["https://news.example.org/world/talks"]
    assert len(problems) == 1 and "cut.warc.gz@" in problems[0].path


def test_corrupt_bytes_mid_archive_are_reported_not_fatal(tmp_path: Path) -> None:
    whole = tmp_path / "whole.warc.gz"
    write_warc(whole)
    data = bytearray(whole.read_bytes())
    members = _member_offsets(bytes(data))
    start = members[3]  # the undated page's gzip member
    for i in range(start + 20, start + 60):
        data[i] ^= 0x5A
    bad = tmp_path / "bad.warc.gz"
    bad.write_bytes(bytes(data))
    problems = []
    docs = list(eventline.read(bad, on_problem=problems.append))
    assert [d.url for d in docs] == ["https://news.example.org/world/talks"]
    assert problems and all("bad.warc.gz" in p.path for p in problems)


def test_not_a_warc_at_all(tmp_path: Path) -> None:
    fake = tmp_path / "fake.warc.gz"
    fake.write_bytes(gzip.compress(b"this is not a web archive\n" * 10))
    with pytest.raises(ReadError):
        list(read_warc_file(fake))
    problems = []
    assert list(eventline.read(fake, on_problem=problems.append)) == []
    assert len(problems) == 1


def _member_offsets(data: bytes) -> list[int]:
    """Start offsets of the gzip members (one per WARC record) in a .warc.gz."""
    import zlib

    offsets, pos = [], 0
    while pos < len(data):
        offsets.append(pos)
        d = zlib.decompressobj(16 + zlib.MAX_WBITS)
        d.decompress(data[pos:])
        pos = len(data) - len(d.unused_data)
    return offsets
