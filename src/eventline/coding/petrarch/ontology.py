"""The PETRARCH internal coding ontology (PICO): CAMEO codes as numbers whose parts say what kind of event it is,
so that an event can be negated by arithmetic ('did not clash' -> cooperation).

The file has one line per CAMEO code, `CODE:VALUE` with VALUE a sum of hexadecimal terms ('0x1000',
'-0xFFFF+0x0070', '0x1007f'); what follows the first '#' is a comment. A negation subtracts 0xFFFF from a code's
value: 010 (0x1000) negated is 011 (0x1000-0xFFFF, 'decline to comment'), 110 (0x1007f) negated is 050
(0x0080), 060 (0x0070) negated is 121 (-0xFFFF+0x0070, 'reject material cooperation'). A value with no code
after the subtraction is tried the other way round (negating a negation: 121 negated is 060); a negated event
whose value has no code at all ('did not attack') is not an event PETRARCH codes.

Knows nothing about spaCy or actors.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

NEGATION = 0xFFFF
_TERM = re.compile(r"([+-]?)\s*0x([0-9A-Fa-f]+)")


@dataclass
class Ontology:
    values: dict[str, int] = field(default_factory=dict)  # CAMEO code -> PICO value
    codes: dict[int, str] = field(default_factory=dict)  # PICO value -> CAMEO code (see _rank)

    def negate(self, code: str) -> str | None:
        """The CAMEO code of the negated event, or None when the ontology has none (or does not know `code`)."""
        value = self.values.get(code)
        if value is None:
            return None
        for v in (value - NEGATION, value + NEGATION):
            if v in self.codes:
                return self.codes[v]
        return None

    def __bool__(self) -> bool:
        return bool(self.values)


def parse_ontology(text: str) -> Ontology:
    onto = Ontology()
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].strip()
        m = re.match(r"^(\d{2,4})\s*:\s*(.+)$", line)
        if not m:
            continue
        terms = _TERM.findall(m.group(2))
        if not terms:
            continue
        value = sum(int(h, 16) * (-1 if sign == "-" else 1) for sign, h in terms)
        code = m.group(1)
        onto.values.setdefault(code, value)
        if value not in onto.codes or _rank(code) < _rank(onto.codes[value]):
            onto.codes[value] = code
    return onto


def _rank(code: str) -> tuple[bool, int]:
    """Which of several codes with one value stands for it: a three-digit code, then the shortest."""
    return len(code) < 3, len(code)


def load_ontology(path: str | Path) -> Ontology:
    return parse_ontology(Path(path).read_text(encoding="utf-8", errors="replace"))
