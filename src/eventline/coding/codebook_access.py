"""The coder's view of the CAMEO/PLOVER codebook (`eventline.coding.codebook.lookup`), with a minimal stand-in
derived from the CAMEO root while the codebook module is absent. Falls back to the parent code ('0253' -> '025')
when a code is not in the codebook."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

ROOT_PLOVER = {"03": "AGREE", "04": "CONSULT", "05": "SUPPORT", "06": "COOPERATE", "07": "AID", "08": "CONCEDE",
               "09": "ACCUSE", "10": "REQUEST", "11": "ACCUSE", "12": "REJECT", "13": "THREATEN", "14": "PROTEST",
               "15": "MOBILIZE", "16": "SANCTION", "17": "COERCE", "18": "ASSAULT", "19": "ASSAULT", "20": "ASSAULT"}


@dataclass(frozen=True)
class _Info:
    name: str
    goldstein: float
    quad_class: int
    plover_event: str | None
    plover_mode: str | None
    plover_context: tuple[str, ...]


def _fallback(code: str) -> _Info:
    r = int(code[:2])
    quad = 1 if r <= 5 else 2 if r <= 8 else 3 if r <= 13 else 4
    event = ROOT_PLOVER.get(code[:2])
    if code[:2] == "08" and code[:3] not in ("080", "081", "082", "083"):
        event = "RETREAT"
    return _Info(code, 0.0, quad, event, None, ())


@lru_cache(maxsize=4096)
def code_info(code: str) -> Any:
    """CodeInfo-like object (name, goldstein, quad_class, plover_event, plover_mode, plover_context) or None
    when `code` is no CAMEO code."""
    if not code or not code[:2].isdigit() or not 1 <= int(code[:2]) <= 20:
        return None
    try:
        from eventline.coding.codebook import lookup
    except ImportError:
        return _fallback(code)
    c = code
    while len(c) >= 2:
        try:
            info = lookup(c)
        except (KeyError, ValueError):
            info = None
        if info is not None:
            return info
        c = c[:-1]
    return _fallback(code)
