"""Actor resolution on the PLOVER gold standard records (../shared/data/gold-dev/PLOVER_GSR_CAMEO.txt).

Given the gold actor text of each source and target, how often does eventline give the gold country and the
gold sector? The sentence is parsed and the actor text resolved in its sentence (`ActorResolver.resolve_span`).

Scoring conventions (the gold file's own quirks):
- country: gold `code` is ISO-3 except IGO/NGO (no country) and the known errors JAP (Japan) and ITL (Italy);
- sector: the first three letters of gold `sector`, upper case ('CVLalb' -> CVL); an IGO/NGO with no sector
  counts as sector IGO/NGO; '***' (unspecified) is left out of the sector score; no sector == no sector.
- The gold dates are placeholders (2000-01-01); `--date` sets the date roles are resolved on (default: none,
  so a person's most recent role counts).

    .venv/bin/python bench/actors.py [--model PATH] [--date YYYY-MM-DD] [--errors N]
"""

from __future__ import annotations

import argparse
import json
import re
import time
from collections import Counter
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
GSR = REPO.parent / "shared" / "data" / "gold-dev" / "PLOVER_GSR_CAMEO.txt"
CODE_FIXES = {"JAP": "JPN", "ITL": "ITA"}


def gold_actors(path: Path) -> list[tuple[str, str, dict]]:
    """(sentence, role, actor) for every gold source/target with an actor text."""
    out = []
    for rec in json.loads(path.read_text(encoding="utf-8"))[1:]:
        for role in ("source", "target"):
            actors = rec.get(role)
            if isinstance(actors, dict):
                actors = [actors]
            if not isinstance(actors, list):
                continue
            for a in actors:
                if isinstance(a, dict) and a.get("actorText"):
                    out.append((rec["text"], role, a))
    return out


def gold_country(a: dict) -> str | None:
    code = (a.get("code") or "").strip().upper()
    code = CODE_FIXES.get(code, code)
    return None if code in ("IGO", "NGO", "") else code


def gold_sector(a: dict) -> str | None | bool:
    """The gold sector, or False when it is unspecified ('***')."""
    sector = a.get("sector")
    code = (a.get("code") or "").upper()
    if sector == "***":
        return False
    if not sector:
        return code if code in ("IGO", "NGO") else None
    return sector[:3].upper()


def find_span(sentence: str, actor_text: str) -> tuple[int, int] | None:
    text = actor_text.strip()
    if "..." in text:  # 'U.S. ... negotiators': the head is the last piece
        text = text.split("...")[-1].strip()
    i = sentence.find(text)
    if i < 0:
        i = sentence.lower().find(text.lower())
    if i < 0 and len(text.split()) > 1:
        # a conjunct written without the shared head ('US forces' in 'US and British forces'): its first word
        first = text.split()[0]
        m = re.search(rf"(?<!\w){re.escape(first)}(?!\w)", sentence)
        if m and re.match(r"\s+(and|or|,)\s", sentence[m.end():]):
            return m.start(), m.end()
    if i < 0:
        return None
    return i, i + len(text)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--model", default=None, help="spaCy pipeline (default: the shipped one)")
    ap.add_argument("--date", default=None, help="date roles are resolved on (YYYY-MM-DD)")
    ap.add_argument("--errors", type=int, default=0, help="print this many errors of each kind")
    args = ap.parse_args()

    from eventline import nlp as nlp_stage
    from eventline.actors import ActorResolver

    when = date.fromisoformat(args.date) if args.date else None
    t0 = time.perf_counter()
    nlp = nlp_stage.load(args.model)
    resolver = ActorResolver()
    load_s = time.perf_counter() - t0

    items = gold_actors(GSR)
    sentences = sorted({s for s, _, _ in items})
    t0 = time.perf_counter()
    docs = dict(zip(sentences, nlp.pipe(sentences), strict=True))
    parse_s = time.perf_counter() - t0

    n_country = ok_country = n_sector = ok_sector = 0
    by_role: Counter[str] = Counter()
    errors: dict[str, list[str]] = {"country": [], "sector": []}
    t0 = time.perf_counter()
    for sentence, role, a in items:
        doc = docs[sentence]
        span = find_span(sentence, a["actorText"])
        m = None
        if span is not None:
            tokens = doc.char_span(span[0], span[1], alignment_mode="expand")
            if tokens is not None:
                m = resolver.resolve_span(doc, tokens.start, tokens.end, when)
        country = m.country if m else None
        sector = m.sector if m else None
        gc = gold_country(a)
        n_country += 1
        by_role[role + "_n"] += 1
        if country == gc:
            ok_country += 1
            by_role[role + "_country"] += 1
        else:
            errors["country"].append(f"{a['actorText']!r}: gold {gc} got {country} ({m.text if m else '-'!r}) "
                                     f"| {sentence[:100]}")
        gs = gold_sector(a)
        if gs is not False:
            n_sector += 1
            if sector == gs:
                ok_sector += 1
                by_role[role + "_sector"] += 1
            else:
                errors["sector"].append(f"{a['actorText']!r}: gold {gs} got {sector} ({m.text if m else '-'!r})")
    resolve_s = time.perf_counter() - t0

    print(f"PLOVER GSR actors: {n_country} gold actors in {len(sentences)} sentences (date: {args.date or 'none'})")
    print(f"country accuracy  {ok_country / n_country:.3f}  ({ok_country}/{n_country})")
    print(f"sector accuracy   {ok_sector / n_sector:.3f}  ({ok_sector}/{n_sector}; '***' left out)")
    for role in ("source", "target"):
        n = by_role[role + "_n"]
        if n:
            print(f"  {role}: country {by_role[role + '_country'] / n:.3f}  (n={n})")
    print(f"time: load {load_s:.1f}s, parse {parse_s:.1f}s, resolve {resolve_s * 1000 / len(items):.2f} ms per actor "
          f"(whole sentence resolved each time)")
    for kind, errs in errors.items():
        for e in errs[: args.errors]:
            print(f"  {kind} error: {e}")


if __name__ == "__main__":
    main()
