"""PETRARCH discard lists: phrases that drop a sentence, or (marked '+') the whole story.

    MONTHS LATER           a sentence with these words is not coded
    +Manchester United     a story that mentions it is not coded at all
"""

from __future__ import annotations

import re
from pathlib import Path


def parse_discards(text: str) -> tuple[list[str], list[str]]:
    """(sentence-level phrases, story-level phrases), lower case."""
    sentence: list[str] = []
    story: list[str] = []
    for raw in text.splitlines():
        line = re.sub(r"#.*$", "", raw).strip()
        line = re.sub(r";.*$", "", line).strip()
        if not line or line.startswith("<"):
            continue
        target = story if line.startswith("+") else sentence
        phrase = " ".join(line.lstrip("+").replace("_", " ").lower().split())
        if phrase:
            target.append(phrase)
    return sentence, story


def load_discards(path: str | Path) -> tuple[list[str], list[str]]:
    return parse_discards(Path(path).read_text(encoding="utf-8", errors="replace"))


def discard_hit(text: str, phrases: list[str]) -> str | None:
    """The first phrase found in `text` as whole words, or None."""
    low = " " + " ".join(re.findall(r"[\w'-]+", text.lower())) + " "
    for p in phrases:
        if f" {p} " in low:
            return p
    return None
