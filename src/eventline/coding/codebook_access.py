"""The coder's view of the CAMEO/PLOVER codebook: `code_info(code)` is `codebook.lookup` (which already falls
back to the nearest parent code, '0253' -> '025') with None instead of KeyError for a code that is no CAMEO code,
cached because the coder asks for the same few codes on every record."""

from __future__ import annotations

from functools import lru_cache

from eventline.coding.codebook import CodeInfo, lookup


@lru_cache(maxsize=4096)
def code_info(code: str) -> CodeInfo | None:
    """The codebook entry for `code` (or its nearest parent), or None when `code` is no CAMEO code."""
    try:
        return lookup(code) if code else None
    except (KeyError, ValueError):
        return None
