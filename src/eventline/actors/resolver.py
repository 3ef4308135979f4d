"""Resolves actor mentions on a parse (stub until the actors issue lands)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from spacy.tokens import Doc

from eventline.actors.mention import ActorMention


class ActorResolver:
    def __init__(self, extra: str | Path | list[dict] | None = None) -> None:
        self.extra = extra

    def resolve(self, doc: Doc, when: date | None = None) -> list[ActorMention]:
        return []
