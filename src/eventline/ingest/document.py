"""The document record every stage passes along: cleaned body text plus what is known about its source."""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any


def content_hash(text: str) -> str:
    """Hash of the cleaned body with white space folded, so re-scraped copies of one article collide."""
    folded = " ".join(text.split()).lower()
    return hashlib.sha1(folded.encode("utf-8")).hexdigest()


@dataclass
class Document:
    id: str
    text: str
    title: str | None = None
    publisher: str | None = None
    url: str | None = None
    pub_date: date | None = None
    source: str | None = None
    content_hash: str = ""
    # Set at ingest when this document repeats another (exact or near copy): the id it duplicates.
    duplicate_of: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not self.content_hash:
            self.content_hash = content_hash(self.text)
        if isinstance(self.pub_date, str):
            self.pub_date = date.fromisoformat(self.pub_date[:10]) if self.pub_date else None

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["pub_date"] = self.pub_date.isoformat() if self.pub_date else None
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Document:
        """Builds a Document from a JSONL-shaped dict ({id, text, title?, date?, url?, publisher?})."""
        if "text" not in d or not isinstance(d["text"], str):
            raise ValueError("document needs a 'text' string")
        text = d["text"]
        doc_id = d.get("id") or content_hash(text)[:16]
        return cls(
            id=str(doc_id),
            text=text,
            title=d.get("title"),
            publisher=d.get("publisher"),
            url=d.get("url"),
            pub_date=d.get("pub_date") or d.get("date"),
            source=d.get("source"),
        )
