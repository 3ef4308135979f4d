"""Stub until the coder issue lands."""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc

from eventline.actors import ActorResolver
from eventline.ingest import Document


class EventCoder:
    def __init__(self, resolver: ActorResolver | None = None, dictionary: Any = None) -> None:
        self.resolver = resolver or ActorResolver()
        self.dictionary = dictionary

    def code(self, spacy_doc: Doc, document: Document) -> list[dict[str, Any]]:
        return []
