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



# Foreign names of countries that are English words ('Island' is Iceland in Icelandic and German): never names in
# English text ('Three Mile Island').
_ENGLISH_WORDS = {"island", "union", "republic", "kingdom", "states", "land"}

def office_sector(office: str) -> str | None:
    for pattern, sector in _SECTOR_BY_OFFICE:
        if pattern.search(office):
            return sector
    return "GOV"


def _clean(name: str) -> str:
    return re.sub(r"\s+", " ", name.replace("_", " ")).strip()


def _title(name: str) -> str:
    """'KIM_JONG_IL_' -> 'Kim Jong Il' (CountryInfo names are upper case)."""
    words = _clean("".join(c for c in name if c.isprintable())).split(" ")
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
                m = re.match(r"([^\[#]+?)\s*\[([^\]]*)\]", line)
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
        gov = re.search(r"<Government>(.*?)</Government>", block, re.S)
        if gov:
            leaders.extend(_government_rows(gov.group(1), iso))
        for tag in ("Regions", "MajorCities"):
            m = re.search(rf"<{tag}>(.*?)</{tag}>", block, re.S)
            if m:
                for line in m.group(1).splitlines():
                    item = line.split("#")[0].strip()
                    for name in re.findall(r"\{([^}]*)\}", item) or [item]:
                        if name and len(name.split("_")) <= 5:
                            info.setdefault("places", []).append(_title(name))
    return countries, leaders


# Officials' roles in CountryInfo: NAME [SDNGOVHLH 20061101 - 20100931][...] # office
_CI_ROLE = re.compile(r"\[([A-Z]{3,9})\s*([^\]]*)\]")
# CountryInfo's officials lists were last updated in 2012: a term still open then is not assumed to last
# beyond 2013 (single-holder offices are closed earlier by their successor, see kb.py).
CI_OPEN_END = "2013-12-31"


# Regions that span several countries although the reference lists them under one.
SHARED_REGIONS = {"kurdistan", "kashmir", "punjab", "bengal", "macedonia", "azerbaijan", "baluchistan", "balochistan",
                  "galicia", "tyrol", "lapland", "karelia", "moldavia", "flanders", "thrace", "silesia", "pomerania",
                  "sahara", "sahel", "darien", "patagonia", "tierra del fuego", "borneo", "new guinea", "timor",
                  "hispaniola", "ireland", "cyprus", "korea", "mongolia", "luxembourg", "limburg", "georgia"}


def _government_rows(text: str, iso: str) -> list[dict[str, str]]:
    rows = []
    for line in text.splitlines():
        line, _, note = line.partition("#")
        line, note = line.strip(), " ".join(note.split())
        if not line or "[" not in line:
            continue
        name_part = line[:line.index("[")]
        names = [_title(n) for n in re.findall(r"\{([^}]*)\}", name_part)] or [_title(name_part)]
        names = [n for n in names if n]
        if not names:
            continue
        offices = [o.strip() for o in note.split("&")] if note else []
        for k, (code, span) in enumerate(_CI_ROLE.findall(line[line.index("["):])):
            country = code[:3]
            country = ISO_FIXES.get(country, country)
            if country != iso:
                continue
            sector = code[3:6] or "GOV"
            if sector not in _SECTORS:
                sector = "GOV"
            office = offices[k] if k < len(offices) else (offices[-1] if offices else "")
            if re.search(r"governor|mayor|ambassador to|permanent representative", office, re.I):
                continue
            start, end = _ci_span(span)
            if end and end < "1990":
                continue
            if not end and not re.search(r"^(president|prime minister)$", office, re.I):
                end = CI_OPEN_END
            rows.append(_row(kind="person", country=iso, sector=sector, start=start, end=end, name=names[0],
                             aliases="|".join(names[1:]), note=office))
    return rows


_SECTORS = {"GOV", "MIL", "COP", "JUD", "LEG", "OPP", "REB", "SPY", "MED", "BUS", "EDU", "ELI", "PTY", "LAB", "CVL",
            "REL", "HLH", "AGR", "REF", "NGO", "IGO", "CRM", "DEV", "ENV", "MNC"}


def _ci_span(span: str) -> tuple[str, str]:
    span = span.strip()
    if not span:
        return "", ""
    if span.startswith(">"):
        return _date8(span[1:]), ""
    if span.startswith("<"):
        return "", _date8(span[1:])
    if "-" in span:
        a, b = span.split("-", 1)
        return _date8(a), _date8(b)
    return "", ""


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


# ---------------------------------------------------------------- Phoenix / PLOVER dictionaries (facts only)

def _phoenix_name(raw: str) -> str:
    raw = raw.strip().lstrip("+").strip()
    raw = re.sub(r"\(([A-Z0-9\-]+)\)_?$", "", raw)  # trailing acronym in brackets: kept as its own alias
    return _title(raw.replace("_", " ")).strip(" ,")


def _yymmdd(value: str, end: bool = False) -> str:
    value = value.strip()
    if len(value) == 6 and value.isdigit():
        yy = int(value[:2])
        year = 1900 + yy if yy >= 30 else 2000 + yy
        return _date8(f"{year}{value[2:]}")
    if len(value) == 8 and value.isdigit():
        return _date8(value)
    return ""


def _blocks(path: Path) -> list[tuple[list[str], str, str]]:
    """(names, bracket text, comment) of each entry: a primary line 'NAME [CODE...] # note' with '+ALIAS' lines."""
    out: list[tuple[list[str], str, str]] = []
    for line in path.read_bytes().decode("utf-8", errors="replace").splitlines():
        text, _, note = line.partition("#")
        if not text.strip():
            continue
        if text.lstrip().startswith("+") and out:
            for alias in re.split(r"\+", text.strip()):
                if alias.strip():
                    out[-1][0].append(alias)
            continue
        if text.startswith((" ", "\t")) and out and text.strip().startswith("["):
            out[-1] = (out[-1][0], out[-1][1] + text.strip(), out[-1][2])
            continue
        m = re.match(r"\s*([^\[]+?)\s*(\[.*)?$", text)
        if m:
            out.append(([m.group(1)], (m.group(2) or "").strip(), note.strip()))
    return out


def _acronyms(names: list[str]) -> list[str]:
    """Acronyms given in brackets ('ISLAMIC_ARMY_OF_ADEN_(IAA)_') that spell the name's initials."""
    out = []
    for n in names:
        words = [w for w in re.split(r"[_\s\-]+", n.split("(")[0]) if w]
        initials = "".join(w[0] for w in words if w[0].isalnum()).upper()
        for a in re.findall(r"\(([A-Z0-9\-]{2,8})\)", n):
            if a[0] == initials[:1] and all(c in initials for c in a if c.isalpha()):
                out.append(a)
    return out


def parse_phoenix_actors(path: Path, iso_codes: set[str], armed: bool) -> list[dict[str, str]]:
    """Organisations (IGOs, NGOs, companies, armed non-state groups) and IGO office holders."""
    rows = []
    for names, brackets, note in _blocks(path):
        codes = re.findall(r"\[([A-Z]{3,12})\s*([^\]]*)\]", brackets)
        if not codes:
            continue
        clean = _unique([_phoenix_name(n) for n in names] + _acronyms(names))
        clean = [n for n in clean if len(n) > 2]  # two-letter acronyms (AN, IS) are words in capitals
        if not clean:
            continue
        dated = any(span.strip() for _, span in codes)
        if dated:  # a person with dated IGO roles
            for code, span in codes:
                if not code.startswith("IGO"):
                    continue
                a, _, b = span.partition("-")
                start = _yymmdd(a.lstrip("<>"))
                end = _yymmdd(b) if b else ("" if a.strip().startswith(">") else "")
                rows.append(_row(kind="person", code=code[:6], sector="IGO", start=start, end=end, name=clean[0],
                                 aliases="|".join(clean[1:]), note=note[:60]))
            continue
        code = codes[0][0]
        kind3, rest = code[:3], code[3:]
        country = ""
        if armed:
            country = ISO_FIXES.get(kind3, kind3) if kind3 in iso_codes else ""
            sector = "REB"
            explicit = "" if country else "IMGREB" if kind3 == "IMG" else ""
            if not country and not explicit:
                continue  # regional pseudo-codes (MEA, SAS, ...) carry no country
        elif kind3 == "IGO":
            sector, explicit = "IGO", code[:9]
        elif kind3 in ("NGO", "MNC"):
            country = rest[:3] if rest[:3] in iso_codes else ""
            sector = "NGO" if kind3 == "NGO" else "BUS"
            explicit = "" if country else kind3
            if kind3 == "MNC" and len(clean[0].split()) == 1 and len(clean[0]) < 5:
                continue
        else:
            continue
        rows.append(_row(kind="org", code=explicit, country=country, sector=sector, name=clean[0],
                         aliases="|".join(clean[1:]), note=""))
    return rows


# Agent codes -> our sector: religion-only codes name believers (civilians); JRN is media; junk is dropped.
_AGENT_MAP = {"JRN": "MED", "MUS": "CVL", "CHR": "CVL", "JEW": "CVL", "HIN": "CVL", "BUD": "CVL", "CTH": "CVL",
              "UAF": "", "JNK": "", "NON": "", "SET": "CVL"}


# Pattern fragments of the dictionaries that are no role nouns on their own.
_DANGLING = {"to", "of", "for", "at", "in", "from", "the", "and", "on", "with", "a", "an", "by", "'s"}
_AGENT_SKIP = {"actor", "doc", "vip", "retired", "national", "state", "public", "house", "chamber", "center",
               "centre", "mission", "office", "body", "service", "group", "organization", "organisation", "force",
               "governance", "polity", "kingdom", "state-owned", "public sector"}


def parse_agents(paths: list[Path]) -> list[dict[str, str]]:
    """Role nouns -> sector from the Phoenix / PLOVER agent dictionaries (first sector of the code)."""
    forms: dict[str, str] = {}
    for path in paths:
        macros: dict[str, list[str]] = {}
        for line in path.read_bytes().decode("utf-8", errors="replace").splitlines():
            text = line.split("#")[0].strip()
            if not text:
                continue
            mac = re.fullmatch(r"(![A-Z]+!)\s*=\s*(.+)", text)
            if mac:
                macros[mac.group(1)] = [w.strip() for w in mac.group(2).split(",") if w.strip()]
                continue
            m = re.match(r"([^\[{]+?)\s*(\{[^}]*\})?\s*\[~?([A-Z]{3,12})\]", text)
            if not m:
                continue
            groups = [_AGENT_MAP.get(g, g) for g in re.findall(r"[A-Z]{3}", m.group(3))]
            if groups and groups[0] == "":
                continue
            sector = next((g for g in groups if g in _SECTORS and g != "CVL"), "CVL" if "CVL" in groups else "")
            if not sector:
                continue
            names = [m.group(1)] + [p for p in (m.group(2) or "").strip("{}").split(",") if p.strip()]
            for raw in names:
                expanded = [raw]
                for macro, words in macros.items():
                    if macro in raw:
                        expanded = [e.replace(macro, w) for e in expanded for w in words]
                for e in expanded:
                    name = " ".join(e.replace("_", " ").lower().split())
                    last = name.split()[-1] if name else ""
                    if (len(name) > 2 and "!" not in name and name not in forms and last not in _DANGLING
                            and name not in _AGENT_SKIP):
                        forms[name] = sector
    by_sector: dict[str, list[str]] = {}
    for name, sector in forms.items():
        by_sector.setdefault(sector, []).append(name)
    return [_row(kind="agent", sector=sector, name=names[0], aliases="|".join(names[1:]))
            for sector, names in sorted(by_sector.items())]


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
    # A name or demonym several countries claim ('Indian': India and the British Indian Ocean Territory, 'American':
    # the United States and American Samoa) stays with the one UN member among them; when there is none or several
    # ('Congolese'), every claimant keeps it.
    claims: dict[str, set[str]] = {}
    for iso, info in countries.items():
        for n in _unique(info["names"]):
            claims.setdefault(n.lower(), set()).add(iso)
    records = json.loads((ref / "countries.json").read_text("utf-8"))
    members = {ISO_FIXES.get(c["cca3"], c["cca3"]) for c in records if c.get("unMember")}
    demonym_of: dict[str, set[str]] = {}
    for c in records:
        for form in (c.get("demonyms", {}).get("eng", {}) or {}).values():
            demonym_of.setdefault(form.lower(), set()).add(ISO_FIXES.get(c["cca3"], c["cca3"]))

    def keeps(name: str, iso: str) -> bool:
        """Whose is a name several countries claim: the UN member whose demonym it is ('French', 'American'), else
        the one whose demonym it is ('Aruban'), else the one UN member, else the one whose common name it starts
        like; if still several, all keep it."""
        owners = claims.get(name.lower(), set())
        if len(owners) <= 1:
            return True
        demonym = owners & demonym_of.get(name.lower(), set())
        for pick in (demonym & members, demonym, owners & members,
                     {o for o in owners if _unique(countries[o]["names"])[:1]
                      and _unique(countries[o]["names"])[0][:4].lower() == name[:4].lower()}):
            if len(pick) == 1:
                return iso in pick
        return True

    for iso in sorted(countries):
        info = countries[iso]
        names = _unique(info["names"])
        if not names or not re.fullmatch(r"[A-Z]{3}", iso):
            continue
        names = names[:1] + [n for n in names[1:] if keeps(n, iso) and n.lower() not in _ENGLISH_WORDS]
        for n in names:
            names_to_iso.setdefault(n.lower(), iso)
        country_rows.append(_row(kind="country", country=iso, name=names[0], aliases="|".join(names[1:])))
        capitals = _unique(info["capitals"])
        if capitals:
            capital_rows.append(_row(kind="place", country=iso, name=capitals[0], aliases="|".join(capitals[1:]),
                                     note="capital"))
    # Regions and major cities stand for their country; a name that is also a country or capital, or that
    # several countries list, is left out.
    taken = {n.lower() for r in country_rows + capital_rows for n in [r["name"], *r["aliases"].split("|")] if n}
    owners: dict[str, set[str]] = {}
    for iso, info in countries.items():
        for place in info.get("places", []):
            owners.setdefault(place.lower(), set()).add(iso)
    place_rows = []
    for iso in sorted(countries):
        names = [p for p in _unique(countries[iso].get("places", []))
                 if p.lower() not in taken and len(owners[p.lower()]) == 1 and len(p) > 3
                 and p.lower() not in SHARED_REGIONS]
        for p in names:
            place_rows.append(_row(kind="place", country=iso, name=p, note="region or city"))
    write_tsv(out / "countries.tsv", country_rows + capital_rows + place_rows,
              "countries and territories: names, short forms, demonyms; capitals (generated by build.py)")

    covered = {p.stem.split("-")[1] for p in ref.glob("cabinet-*.csv")}
    # Countries with their own dated cabinet list take it from there; the snapshot lists fill in the rest.
    leaders = parse_cabinets(ref)
    leaders += [r for r in parse_world_leaders(ref / "world-leaders-2021.csv", names_to_iso)
                if r["country"] not in covered]
    leaders += [r for r in parse_foreign_ministers(ref / "foreign-ministers-2023.csv", names_to_iso)
                if r["country"] not in covered]
    # CountryInfo's leader and officials lists run to about 2012; for countries with their own cabinet list,
    # only people that list lacks are added.
    in_cabinets = {(r["country"], r["name"].lower()) for r in leaders}
    leaders += [r for r in ci_leaders if r["country"] not in covered or (r["country"], r["name"].lower())
                not in in_cabinets]
    seen = set()
    unique_rows = []
    for r in leaders:
        key = (r["name"].lower(), r["country"], r["sector"], r["start"][:4], r["note"].lower())
        if key not in seen:
            seen.add(key)
            unique_rows.append(r)
    unique_rows.sort(key=lambda r: (r["country"], r["name"], r["start"]))
    write_tsv(out / "leaders.tsv", unique_rows, "dated office holders (generated by build.py from reference facts)")

    cameo = shared / "data" / "cameo"
    org_rows = parse_phoenix_actors(cameo / "Phoenix.International.actors.txt", iso_codes, armed=False)
    org_rows += parse_phoenix_actors(cameo / "Phoenix.MilNonState.actors.txt", iso_codes, armed=True)
    write_tsv(out / "orgs_generated.tsv", org_rows,
              "IGOs, NGOs, companies, armed groups, IGO office holders (generated by build.py from dictionary facts)")
    write_tsv(out / "agents_generated.tsv",
              parse_agents([cameo / "Phoenix.agents.txt", shared / "data" / "plover" / "PLOVER_agents.txt"]),
              "role nouns -> sector (generated by build.py from agent dictionary facts); agents.tsv overrides")


def main() -> None:
    repo = Path(__file__).resolve().parents[3]
    shared = Path(sys.argv[1]) if len(sys.argv) > 1 else repo.parent / "shared"
    build(shared)


if __name__ == "__main__":
    main()
