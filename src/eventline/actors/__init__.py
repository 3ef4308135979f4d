"""Actors: the offline knowledge base (countries, dated roles, organisations, sector agents) and the resolver
that turns noun phrases in a parsed document into CAMEO-style actor codes with country and sector.

Public interface (used by `coding`):
    ActorMention                      one resolved (or unresolved) actor mention in a spaCy Doc
    ActorResolver(extra=None)         .resolve(doc, when) -> list[ActorMention]
    MentionIndex(mentions)            .at(token_i) -> the mention covering that token, or None
                                      .group_at(token_i) -> it and the mentions coordinated with it
    ActorResolver.resolve_span(doc, start, end, when) -> the mention a token span names, or None
    ActorResolver.lookup(text, when)  -> Resolution(code, country, sector, name, kind) or None
    known_actors()                    -> [{code, name, country}] for pickers
"""

from __future__ import annotations

from eventline.actors.mention import ActorMention, MentionIndex
from eventline.actors.resolver import ActorResolver, Resolution, default_resolver, known_actors

__all__ = ["ActorMention", "ActorResolver", "MentionIndex", "Resolution", "default_resolver", "known_actors"]
