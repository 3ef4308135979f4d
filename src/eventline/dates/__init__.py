"""Time expressions in news, resolved against an anchor (the publication date) to TIMEX3-style values:
'2024-03-29', '2018-04', '2018', '2018-W17', '197X', 'PAST_REF', 'FUTURE_REF', 'PRESENT_REF'."""

from __future__ import annotations

from datetime import date


def find(text: str, anchor: date) -> list[tuple[int, int, str, str]]:
    """(start, end, text, value) for each time expression in `text`."""
    return []


def resolve(expr: str, anchor: date) -> str | None:
    """The value of one time expression, or None when it is not one."""
    return None


__all__ = ["find", "resolve"]
