"""Numeric claims (stub until the analysis issue lands)."""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc

from eventline.actors import ActorResolver
from eventline.ingest import Document


def extract_claims(spacy_doc: Doc, document: Document, resolver: ActorResolver) -> list[dict[str, Any]]:
    return []
