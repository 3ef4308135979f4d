"""Where the API gets its analysis: the functions of `eventline.analysis` and the actor knowledge base. The API
never computes analysis itself, so the CLI, the JSON API and the dashboard show the same numbers."""

from __future__ import annotations

import logging
from functools import lru_cache
from typing import Any

from eventline.analysis import claim_groups, dyad_series, dyads, find_shifts, quality

log = logging.getLogger("eventline.web")

__all__ = ["claim_groups", "dyad_series", "dyads", "find_shifts", "known_actors", "quality"]


@lru_cache(maxsize=1)
def _known_actors() -> tuple[dict[str, Any], ...]:
    from eventline.actors import known_actors as kb_actors

    return tuple(kb_actors())


def known_actors() -> list[dict[str, Any]]:
    """Codes the actor knowledge base can produce, with name and country (built once per process). Empty if
    the knowledge base cannot load: the picker then still offers the store's own codes."""
    try:
        return list(_known_actors())
    except Exception:
        log.exception("actor knowledge base unavailable")
        return []
