"""Where the API gets its analysis: the functions of `eventline.analysis` and `eventline.actors`, or the thin
fallbacks in `eventline.web.fallback` while a function has not landed yet. The API never computes analysis
itself, so the CLI, the JSON API and the dashboard show the same numbers."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any

from eventline.web import fallback


def _real(module: str, name: str) -> Callable[..., Any] | None:
    try:
        return getattr(importlib.import_module(module), name)
    except (ImportError, AttributeError):
        return None


def analysis_function(name: str) -> tuple[Callable[..., Any], bool]:
    """The function serving `name` and whether it is the real one (False: the web fallback)."""
    where = {
        "dyad_series": ("eventline.analysis.timeline", "dyad_series"),
        "find_shifts": ("eventline.analysis.shifts", "find_shifts"),
        "claim_groups": ("eventline.analysis.claims", "claim_groups"),
        "dyads": ("eventline.analysis", "dyads"),
        "quality": ("eventline.analysis", "quality"),
    }[name]
    real = _real(*where)
    if real is not None:
        return real, True
    return getattr(fallback, name), False


def known_actors() -> list[dict[str, Any]]:
    """Known actors (code, name, country) from the actor knowledge base; empty until it offers the list."""
    real = _real("eventline.actors", "known_actors")
    if real is None:
        return []
    try:
        return list(real())
    except Exception:  # the picker still works from the store's own codes
        return []
