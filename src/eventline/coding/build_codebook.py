"""Rebuild the numeric and crosswalk facts of coding/data/cameo_codebook.tsv from the shared reference data.

    .venv/bin/python -m eventline.coding.build_codebook [--shared ../shared] [--check]

The short names in the TSV are ours and are kept as they are (they are the one column this script does not
derive); everything else is recomputed from facts:

- codes: ``data/cameo/cameo-codes.csv`` (the CAMEO 1.1b3 code list);
- goldstein: ``data/cameo/CAMEO.goldsteinscale.txt``, the CAMEO-to-Goldstein lookup that GDELT ships and
  applies to its events. It differs from the ``goldstein`` column of cameo-codes.csv on 016, 022, 164 and
  165; we follow the GDELT table so that our scores join with GDELT's GoldsteinScale. A code the table
  lacks (1213) takes its nearest parent's value;
- quad_class: from the root (1 = 01-05, 2 = 06-08, 3 = 09-13, 4 = 14-20), as GDELT's QuadClass;
- plover_event, plover_mode, plover_context: ``data/plover/CAMEO2PLOVER-2021.txt`` (Schrodt's 2021 CAMEO to
  PLOVER table). CAMEO 01 and 02 have no PLOVER event (null). A code the table lacks takes its nearest
  parent's row; a root takes its '0' child's row (08 -> 080). A mode is kept only when the PLOVER
  structured codebook (``PLOVER_structured_codebook_updated.csv``) lists it for that event (so the retired
  'ease' and the unlisted 'political', 'martial-law' are dropped, and 'pro_autocracy', a context written in
  the mode column of 175, moves to the contexts); contexts are split on ';'.

--check compares instead of writing and exits 1 when the committed TSV differs from a rebuild.
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from pathlib import Path

TSV = Path(__file__).resolve().parent / "data" / "cameo_codebook.tsv"
REPO = Path(__file__).resolve().parents[3]
COLUMNS = ["code", "name", "goldstein", "quad_class", "plover_event", "plover_mode", "plover_context"]
HEADER = [
    "# eventline CAMEO/PLOVER codebook. Names are eventline's own short labels; the other columns are facts",
    "# rebuilt by `python -m eventline.coding.build_codebook` (Goldstein: GDELT's CAMEO.goldsteinscale.txt;",
    "# PLOVER: the 2021 CAMEO-to-PLOVER table). plover_context is ';'-separated.",
]


def quad_class(code: str) -> int:
    root = int(code[:2])
    return 1 if root <= 5 else 2 if root <= 8 else 3 if root <= 13 else 4


def read_codes(shared: Path) -> list[str]:
    with open(shared / "data" / "cameo" / "cameo-codes.csv", encoding="utf-8", errors="replace") as f:
        return [row["code"] for row in csv.DictReader(f)]


def read_goldstein(shared: Path) -> dict[str, float]:
    table = {}
    for line in (shared / "data" / "cameo" / "CAMEO.goldsteinscale.txt").read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if len(parts) == 2 and parts[0].isdigit():
            table[parts[0]] = float(parts[1])
    return table


def read_plover_modes(shared: Path) -> dict[str, set[str]]:
    modes: dict[str, set[str]] = {}
    path = shared / "data" / "plover" / "PLOVER_structured_codebook_updated.csv"
    with open(path, encoding="utf-8", errors="replace") as f:
        for row in csv.DictReader(f):
            modes.setdefault(row["event"].strip(), set()).add((row["mode"] or "").strip())
    return modes


def read_crosswalk(shared: Path) -> dict[str, tuple[str, str, list[str]]]:
    """code -> (event, mode as written, contexts) for every code row of the CAMEO-to-PLOVER table."""
    rows: dict[str, tuple[str, str, list[str]]] = {}
    text = (shared / "data" / "plover" / "CAMEO2PLOVER-2021.txt").read_text(encoding="utf-8", errors="replace")
    for line in text.splitlines():
        body = line.split("#", 1)[0]
        m = re.match(r"^\s*(\d{3,4})\s*:\s*(.*)$", body)
        if not m:
            continue
        fields = [f.strip() for f in m.group(2).split(",")] + ["", ""]
        contexts = [c.strip() for c in fields[2].split(";") if c.strip()]
        rows.setdefault(m.group(1), (fields[0], fields[1], contexts))
    return rows


def nearest(code: str, table: dict) -> str | None:
    c = code
    while len(c) >= 2:
        if c in table:
            return c
        c = c[:-1]
    return None


def read_names(path: Path) -> dict[str, str]:
    names = {}
    if path.exists():
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.startswith("#") or line.startswith("code\t") or not line.strip():
                continue
            code, name = line.split("\t")[:2]
            names[code] = name
    return names


def build(shared: Path, names: dict[str, str]) -> tuple[list[list[str]], list[str]]:
    notes = []
    goldstein = read_goldstein(shared)
    crosswalk = read_crosswalk(shared)
    modes = read_plover_modes(shared)
    known_contexts = {c for _e, _m, cs in crosswalk.values() for c in cs}
    rows = []
    for code in read_codes(shared):
        if code not in names:
            raise SystemExit(f"no name for CAMEO {code}: add it to {TSV.name} first")
        g_code = nearest(code, goldstein)
        if g_code != code:
            notes.append(f"{code}: Goldstein taken from {g_code}")
        event, mode, contexts = "", "", []
        if code[:2] not in ("01", "02"):
            source = code + "0" if len(code) == 2 else nearest(code, crosswalk)
            if source not in crosswalk:
                raise SystemExit(f"no PLOVER row for CAMEO {code}")
            if source != code and len(code) > 2:
                notes.append(f"{code}: PLOVER taken from {source}")
            event, mode, contexts = crosswalk[source]
            if len(code) == 2:
                mode, contexts = "", []
            if mode and mode not in modes.get(event, set()):
                if mode in known_contexts and mode not in contexts:
                    notes.append(f"{code}: {mode!r} written as a mode of {event} is a context; moved")
                    contexts = [mode, *contexts]
                else:
                    notes.append(f"{code}: mode {mode!r} is not a PLOVER mode of {event}; dropped")
                mode = ""
        rows.append(
            [code, names[code], f"{goldstein[g_code]:g}", str(quad_class(code)), event, mode, ";".join(contexts)]
        )
    return rows, notes


def render(rows: list[list[str]]) -> str:
    lines = HEADER + ["\t".join(COLUMNS)] + ["\t".join(r) for r in rows]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    parser.add_argument("--names", type=Path, default=TSV, help="TSV (or code<TAB>name file) holding our names")
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args(argv)
    rows, notes = build(args.shared, read_names(args.names))
    text = render(rows)
    for note in notes:
        print(note, file=sys.stderr)
    if args.check:
        same = TSV.exists() and TSV.read_text(encoding="utf-8") == text
        print("codebook is up to date" if same else "codebook differs from a rebuild")
        return 0 if same else 1
    TSV.parent.mkdir(parents=True, exist_ok=True)
    TSV.write_text(text, encoding="utf-8")
    print(f"wrote {len(rows)} codes to {TSV.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
