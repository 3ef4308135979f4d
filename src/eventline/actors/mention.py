"""The record the resolver hands to the coder."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass
class ActorMention:
    text: str
    start: int  # character offsets in the document text, [start, end)
    end: int
    token_start: int  # token offsets in the spaCy Doc, [token_start, token_end)
    token_end: int
    head: int  # token index of the phrase's syntactic head
    code: str | None  # CAMEO-style code: 'PRKGOV', 'JPN', 'IGOUNO'; None when unresolved
    country: str | None  # ISO-3 or None
    sector: str | None  # GOV, MIL, ... or None
    name: str | None = None  # canonical name of a known person or organisation
    kind: str = "unknown"  # country | person | organisation | agent | pronoun | unknown
    group: int | None = None  # mentions joined by 'and'/'or' ('Abe and Trump') share a group number
    # how a country the phrase itself does not name was found: 'place' ('demonstrators' rioting in Baghdad),
    # 'sentence' (the only country of the sentence), 'document' (the only country of the document); None when
    # the words of the mention say it
    inferred: str | None = None

    @property
    def resolved(self) -> bool:
        return self.code is not None

    def entity(self) -> dict[str, Any]:
        """The event-record entity (event.schema.json $defs/entity)."""
        return {
            "text": self.text,
            "code": self.code or "UNK",
            "country": self.country,
            "sector": self.sector,
            "name": self.name,
            "start": self.start,
            "end": self.end,
            **({"inferred": self.inferred} if self.inferred else {}),
        }


class MentionIndex:
    """Finds the mention that covers a token."""

    def __init__(self, mentions: list[ActorMention]) -> None:
        self.mentions = mentions
        self._by_token: dict[int, ActorMention] = {}
        for m in mentions:
            for i in range(m.token_start, m.token_end):
                self._by_token.setdefault(i, m)

    def at(self, token_i: int) -> ActorMention | None:
        return self._by_token.get(token_i)

    def group_at(self, token_i: int) -> list[ActorMention]:
        """The mention covering the token and those coordinated with it ('Abe and Trump'), in text order."""
        m = self.at(token_i)
        if m is None:
            return []
        if m.group is None:
            return [m]
        return [o for o in self.mentions if o.group == m.group]
