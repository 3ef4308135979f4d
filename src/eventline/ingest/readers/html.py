"""Reader for web pages (.html, .htm): trafilatura finds the body, title, date, outlet and URL. When it finds
no article, the page's visible text goes through the plain-text cleaner instead."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from urllib.parse import urlparse

from eventline.ingest.cleaning import canonical_outlet, clean_scraped_text, split_dateline
from eventline.ingest.decoding import decode_bytes
from eventline.ingest.document import Document
from eventline.ingest.reading import ReadError

BLOCK_TAGS = frozenset(
    "p div br li ul ol h1 h2 h3 h4 h5 h6 tr table section article header footer nav aside blockquote pre figure "
    "figcaption form dt dd".split()
)


def read_html_file(path: Path) -> Iterator[Document]:
    html = decode_bytes(path.read_bytes())
    yield document_from_html(html, path.stem, str(path))


def document_from_html(html: str, doc_id: str, source: str | None, url: str | None = None) -> Document:
    import trafilatura

    extracted = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        date_extraction_params={"extensive_search": True, "original_date": True},
    )
    data = extracted.as_dict() if hasattr(extracted, "as_dict") else (extracted or {})
    body = (data.get("text") or "").strip()
    visible = visible_text(html)
    cleaned = clean_scraped_text(visible)
    if not body or len(body) >= 0.9 * len(visible):
        # No article found, or the whole page kept (no article markup): the plain-text cleaner decides.
        body = cleaned.body
        data = {**data, "text": None}
    if not body.strip():
        raise ReadError("no article text found in the page")
    title = data.get("title") or cleaned.title
    paragraphs = [line.strip() for line in body.splitlines() if line.strip()]
    if title and paragraphs and " ".join(paragraphs[0].split()) == " ".join(title.split()):
        paragraphs = paragraphs[1:]  # trafilatura keeps the headline as the first line of the body
    meta = {k: v for k, v in (("byline", data.get("author")),) if v}
    if paragraphs:
        paragraphs[0], place, dateline_outlet = split_dateline(paragraphs[0])
        if place:
            meta["dateline"] = place
    else:
        dateline_outlet = None
    page_url = url or data.get("url")
    publisher = data.get("sitename") or dateline_outlet or cleaned.publisher
    if not publisher and page_url:
        publisher = urlparse(page_url).hostname
    pub_date = _as_date(data.get("date")) or cleaned.pub_date
    return Document(
        id=doc_id,
        text="\n\n".join(paragraphs),
        title=title,
        publisher=canonical_outlet(publisher),
        url=page_url,
        pub_date=pub_date,
        source=source,
        meta=meta,
    )


def _as_date(value: object) -> date | None:
    if isinstance(value, str) and re.match(r"\d{4}-\d\d-\d\d", value):
        try:
            return date.fromisoformat(value[:10])
        except ValueError:
            return None
    return None


def visible_text(html: str) -> str:
    """The page's visible text, one line per block element (what a scraper would save)."""
    import lxml.html

    try:
        root = lxml.html.fromstring(html)
    except Exception as exc:  # lxml raises a few kinds for broken documents
        raise ReadError(f"not a readable HTML page: {exc}") from exc
    for el in root.xpath("//script|//style|//noscript|//template|//svg"):
        el.drop_tree()
    out: list[str] = []

    def walk(el) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag in BLOCK_TAGS:
            out.append("\n")
        if el.text:
            out.append(el.text)
        for child in el:
            walk(child)
            if child.tail:
                out.append(child.tail)
        if tag in BLOCK_TAGS:
            out.append("\n")

    walk(root)
    return "\n".join(" ".join(line.split()) for line in "".join(out).split("\n") if line.strip())
