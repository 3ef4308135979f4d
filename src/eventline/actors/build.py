"""Regenerates the generated knowledge-base files in `data/` from reference facts in ../shared/data/reference.

    python -m eventline.actors.build [SHARED_DIR]

Writes `data/countries.tsv` (names, short forms, demonyms, capitals of every country and territory) and
`data/leaders.tsv` (dated heads of state and government and other office holders). Only facts carry over
(codes, names, dates of office); the files are written in eventline's own format (see `kb.py`). The
hand-kept files (`people.tsv`, `orgs.tsv`, `places.tsv`, `agents.tsv`) are not touched.

This module must not know about spaCy or the resolver.
"""

from __future__ import annotations

import csv
import json
import re
import sys
from pathlib import Path

from eventline.actors.kb import COLUMNS, DATA_DIR

# ISO codes the reference files spell differently; 'UNK' must never be a country (it marks unresolved actors).
ISO_FIXES = {"UNK": "XKX", "ROM": "ROU", "ZAR": "COD", "TMP": "TLS"}

# Offices whose holders are not GOV.
_SECTOR_BY_OFFICE = [
    (re.compile(r"chief of (the )?(general )?staff|joint chiefs|commander|chief of the (army|navy|air)", re.I), "MIL"),
    (re.compile(r"justice of|judge|chief justice|constitutional court|supreme court", re.I), "JUD"),
    (re.compile(r"speaker|chairman of the (state duma|federation council|national assembly)|president of the "
                r"(national assembly|senate|knesset)", re.I), "LEG"),
    (re.compile(r"first lady|first gentleman|spouse", re.I), None),
]


def office_sector(office: str) -> str | None:
    for pattern, sector in _SECTOR_BY_OFFICE:
        if pattern.search(office):
            return sector
    return "GOV"


def _clean(name: str) -> str:
    return re.sub(r"\s+", " ", name.replace("_", " ")).strip()


def _title(name: str) -> str:
    """'KIM_JONG_IL_' -> 'Kim Jong Il' (CountryInfo names are upper case)."""
    words = _clean(name).split(" ")
    return " ".join(w if not w.isupper() else "-".join(p.capitalize() for p in w.split("-")) for w in words)


def _date8(value: str) -> str:
    value = value.strip()
    if len(value) == 8 and value.isdigit():
        month = min(max(int(value[4:6]), 1), 12)
        day = min(max(int(value[6:8]), 1), 28 if month == 2 else 30)
        return f"{value[:4]}-{month:02d}-{day:02d}"
    return ""


def _iso_date(value: str, end: bool = False) -> str:
    value = value.strip()
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return value
    if re.fullmatch(r"\d{4}-\d{2}", value):
        return f"{value}-28" if end else f"{value}-01"
    if re.fullmatch(r"\d{4}", value):
        return f"{value}-12-31" if end else f"{value}-01-01"
    return ""


def _row(**fields: str) -> dict[str, str]:
    return {c: fields.get(c, "") or "" for c in COLUMNS}


def parse_countryinfo(path: Path) -> tuple[dict[str, dict], list[dict[str, str]]]:
    """Country names/adjectives/capitals and dated leaders from the CountryInfo file."""
    text = path.read_bytes().decode("utf-8", errors="replace")
    countries: dict[str, dict] = {}
    leaders: list[dict[str, str]] = []
    for block in re.findall(r"^<Country>\s*$(.*?)^</Country>", text, re.S | re.M):
        code_m = re.search(r"<CountryCode>(\w+)</CountryCode>", block)
        if not code_m:
            continue
        iso = ISO_FIXES.get(code_m.group(1), code_m.group(1))
        info = countries.setdefault(iso, {"names": [], "capitals": []})
        name_m = re.search(r"<CountryName>(.*?)</CountryName>", block)
        if name_m:
            info["names"].append(_title(name_m.group(1)))
        for tag, key in (("Nationality", "names"), ("Capital", "capitals")):
            m = re.search(rf"<{tag}>(.*?)</{tag}>", block, re.S)
            if m:
                for line in m.group(1).splitlines():
                    item = line.split("#")[0].strip()
                    if item and len(item.split("_")) <= 5:
                        info[key].append(_title(item))
        lead = re.search(r"<Leaders>(.*?)</Leaders>", block, re.S)
        if lead:
            office = ""
            for line in lead.group(1).splitlines():
                line = line.strip()
                head = re.fullmatch(r"<([^/][^>]*)>", line)
                if head:
                    office = _clean(head.group(1)).capitalize()
                    continue
                m = re.match(r"((?:\{[^}]*\}\s*)+|[A-Z0-9_.'\-]+)\s+\[([^\]]*)\]", line)
                if not m or "governor" in office.lower() or "high commissioner" in office.lower():
                    continue
                names = re.findall(r"\{([^}]*)\}", m.group(1)) or [m.group(1)]
                span = m.group(2)
                start = end = ""
                if ">" in span:
                    start = _date8(span.replace(">", ""))
                elif "<" in span:
                    end = _date8(span.replace("<", ""))
                elif "-" in span:
                    a, b = span.split("-", 1)
                    start, end = _date8(a), _date8(b)
                if end and end < "1985":
                    continue
                leaders.append(_row(kind="person", country=iso, sector="GOV", start=start, end=end,
                                    name=_title(names[0]), aliases="|".join(_title(n) for n in names[1:]),
                                    note=office))
    return countries, leaders


def parse_countries_json(path: Path, countries: dict[str, dict]) -> None:
    for c in json.loads(path.read_text(encoding="utf-8")):
        iso = ISO_FIXES.get(c["cca3"], c["cca3"])
        info = countries.setdefault(iso, {"names": [], "capitals": []})
        info["names"][:0] = [c["name"]["common"]]
        info["names"].append(c["name"]["official"])
        info["names"].extend(a for a in c.get("altSpellings", []) if len(a) > 3 or a.isupper() and len(a) == 3)
        for form in (c.get("demonyms", {}).get("eng", {}) or {}).values():
            info["names"].append(form)
        info["capitals"].extend(c.get("capital", []))


def parse_nationalities(path: Path, countries: dict[str, dict]) -> None:
    with path.open(encoding="utf-8") as f:
        for r in csv.DictReader(f):
            iso = ISO_FIXES.get(r["CCA3"], r["CCA3"])
            info = countries.setdefault(iso, {"names": [], "capitals": []})
            info["names"].extend(n.strip() for n in r["Nationality"].split(",") if n.strip())


def parse_cabinets(ref: Path) -> list[dict[str, str]]:
    rows = []
    for path in sorted(ref.glob("cabinet-*.csv")):
        iso = path.stem.split("-")[1]
        with path.open(encoding="utf-8") as f:
            for r in csv.DictReader(f):
                end = _iso_date(r["end"], end=True)
                if end and end < "1990":
                    continue
                sector = office_sector(r["position"])
                if sector is None:
                    continue
                rows.append(_row(kind="person", country=iso, sector=sector, start=_iso_date(r["start"]), end=end,
                                 name=r["person"].strip(), note=r["position"]))
    return rows


def parse_world_leaders(path: Path, names_to_iso: dict[str, str]) -> list[dict[str, str]]:
    rows = []
    with path.open(encoding="utf-8") as f:
        for r in csv.DictReader(f):
            iso = names_to_iso.get(r["country"].lower())
            if not iso or not r["officeholderLabel"] or r["officeholderLabel"].startswith("Q"):
                continue
            rows.append(_row(kind="person", country=iso, sector="GOV", start=_iso_date(r["start_year"]),
                             end=_iso_date(r["end_year"], end=True), name=r["officeholderLabel"].strip(),
                             note=re.sub(r" of .*", "", r["positionLabel"]).strip()))
    return rows


def parse_foreign_ministers(path: Path, names_to_iso: dict[str, str]) -> list[dict[str, str]]:
    rows = []
    with path.open(encoding="utf-8") as f:
        for r in csv.DictReader(f):
            iso = names_to_iso.get(r["countryLabel"].lower())
            if not iso or not r["name"] or r["name"].startswith("Q"):
                continue
            rows.append(_row(kind="person", country=iso, sector="GOV", start=_iso_date(r["start"]), end="",
                             name=r["name"].strip(), note="Foreign minister"))
    return rows


def _unique(items: list[str]) -> list[str]:
    seen: dict[str, str] = {}
    for item in items:
        item = item.strip()
        if item and item.lower() not in seen:
            seen[item.lower()] = item
    return list(seen.values())


def write_tsv(path: Path, rows: list[dict[str, str]], comment: str) -> None:
    with path.open("w", encoding="utf-8") as f:
        f.write(f"# {comment}\n")
        f.write("\t".join(COLUMNS) + "\n")
        for r in rows:
            f.write("\t".join(r[c].replace("\t", " ") for c in COLUMNS) + "\n")


def build(shared: Path, out: Path = DATA_DIR) -> None:
    ref = shared / "data" / "reference"
    countries, ci_leaders = parse_countryinfo(ref / "CountryInfo.120116.txt")
    parse_countries_json(ref / "countries.json", countries)
    parse_nationalities(shared / "data" / "plover" / "countries.csv", countries)

    iso_codes = {ISO_FIXES.get(c["cca3"], c["cca3"]) for c in json.loads((ref / "countries.json").read_text("utf-8"))}
    countries = {k: v for k, v in countries.items() if k in iso_codes}
    ci_leaders = [r for r in ci_leaders if r["country"] in iso_codes]
    country_rows, capital_rows = [], []
    names_to_iso: dict[str, str] = {}
    for iso in sorted(countries):
        info = countries[iso]
        names = _unique(info["names"])
        if not names or not re.fullmatch(r"[A-Z]{3}", iso):
            continue
        for n in names:
            names_to_iso.setdefault(n.lower(), iso)
        country_rows.append(_row(kind="country", country=iso, name=names[0], aliases="|".join(names[1:])))
        capitals = _unique(info["capitals"])
        if capitals:
            capital_rows.append(_row(kind="place", country=iso, name=capitals[0], aliases="|".join(capitals[1:]),
                                     note="capital"))
    write_tsv(out / "countries.tsv", country_rows + capital_rows,
              "countries and territories: names, short forms, demonyms; capitals (generated by build.py)")

    covered = {p.stem.split("-")[1] for p in ref.glob("cabinet-*.csv")}
    # Countries with their own dated cabinet list take it from there; the snapshot lists fill in the rest.
    leaders = parse_cabinets(ref)
    leaders += [r for r in parse_world_leaders(ref / "world-leaders-2021.csv", names_to_iso)
                if r["country"] not in covered]
    leaders += [r for r in parse_foreign_ministers(ref / "foreign-ministers-2023.csv", names_to_iso)
                if r["country"] not in covered]
    # CountryInfo's leader lists run to about 2012; countries with their own cabinet list use that instead.
    leaders += [r for r in ci_leaders if r["country"] not in covered]
    seen = set()
    unique_rows = []
    for r in leaders:
        key = (r["name"].lower(), r["country"], r["sector"], r["start"][:4], r["note"].lower())
        if key not in seen:
            seen.add(key)
            unique_rows.append(r)
    unique_rows.sort(key=lambda r: (r["country"], r["name"], r["start"]))
    write_tsv(out / "leaders.tsv", unique_rows, "dated office holders (generated by build.py from reference facts)")


def main() -> None:
    repo = Path(__file__).resolve().parents[3]
    shared = Path(sys.argv[1]) if len(sys.argv) > 1 else repo.parent / "shared"
    build(shared)


if __name__ == "__main__":
    main()
