"""The CAMEO/PLOVER codebook: for each CAMEO event code, a short name (our wording), its Goldstein score,
GDELT quad class and the PLOVER event, mode and contexts it maps to.

    lookup("0361")   -> CodeInfo of the nearest code the codebook has ('0361' -> '036' -> '03')
    all_codes()      -> every CAMEO code, in order
    entries()        -> every CodeInfo, in order
    plover_for(code) -> (plover_event, plover_mode, plover_context)

The table is data (coding/data/cameo_codebook.tsv); `python -m eventline.coding.build_codebook` rebuilds
its facts from the shared reference files and documents which sources it cites. This module knows nothing
about text or the coder.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

_CODE = re.compile(r"^(0[1-9]|1[0-9]|20)[0-9]{0,2}$")


@dataclass(frozen=True)
class CodeInfo:
    code: str
    name: str
    goldstein: float
    quad_class: int
    plover_event: str | None
    plover_mode: str | None
    plover_context: list[str] = field(default_factory=list)


@lru_cache(maxsize=1)
def _table() -> dict[str, CodeInfo]:
    text = resources.files("eventline.coding").joinpath("data/cameo_codebook.tsv").read_text(encoding="utf-8")
    table: dict[str, CodeInfo] = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#") or line.startswith("code\t"):
            continue
        code, name, goldstein, quad, event, mode, context = (line.split("\t") + [""] * 7)[:7]
        table[code] = CodeInfo(
            code=code,
            name=name,
            goldstein=float(goldstein),
            quad_class=int(quad),
            plover_event=event or None,
            plover_mode=mode or None,
            plover_context=[c for c in context.split(";") if c],
        )
    return table


def lookup(cameo: str) -> CodeInfo:
    """The codebook entry for `cameo`, or for its nearest parent code when the codebook lacks it.

    The returned entry's `code` says which one was used. KeyError when `cameo` is no CAMEO code."""
    code = str(cameo).strip()
    if not _CODE.match(code):
        raise KeyError(f"not a CAMEO event code: {cameo!r}")
    table = _table()
    c = code
    while len(c) >= 2:
        if c in table:
            return table[c]
        c = c[:-1]
    raise KeyError(f"not a CAMEO event code: {cameo!r}")


def all_codes() -> list[str]:
    return list(_table())


def entries() -> list[CodeInfo]:
    return list(_table().values())


def plover_for(cameo: str) -> tuple[str | None, str | None, list[str]]:
    """(PLOVER event, mode, contexts) for a CAMEO code; event None for CAMEO 01 and 02."""
    info = lookup(cameo)
    return info.plover_event, info.plover_mode, list(info.plover_context)


__all__ = ["CodeInfo", "all_codes", "entries", "lookup", "plover_for"]
