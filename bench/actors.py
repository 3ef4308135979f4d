"""Actor resolution on the PLOVER gold standard records (../shared/data/gold-dev/PLOVER_GSR_CAMEO.txt).

Given the gold actor text of each source and target, how often does eventline give the gold country and the
gold sector? The sentence is parsed and the actor text resolved in its sentence (`ActorResolver.resolve_span`).

Scoring conventions (the gold file's own quirks):
- country: gold `code` is ISO-3 except IGO/NGO (no country) and the known errors JAP (Japan) and ITL (Italy);
- sector: the first three letters of gold `sector`, upper case ('CVLalb' -> CVL), JRN read as MED and CIV as CVL
  (the same sectors spelt differently); an IGO/NGO with no sector
  counts as sector IGO/NGO; '***' (unspecified) is left out of the sector score; no sector == no sector.
- discontinuous gold texts ('U.S. ... negotiators', 'people .. in Hong Kong'): each piece is resolved; the country
  is the first piece's that has one (the modifier that names it), the sector the last piece's (the head). Runs of
  spaces in gold texts read as one.
- The gold dates are placeholders (2000-01-01); `--date` sets the date roles are resolved on (default: none,
  so a person's most recent role counts).

Speed: Timeline17 news documents (../shared/data/news/timeline17/*/InputDocs/*/*.txt, every n-th file) are parsed
once; then the resolver alone (`ActorResolver.resolve`) and the whole coding stage after parsing
(`EventCoder.code`: actors, events, dates) run over the parsed documents, best of 3, CPU time of this process,
in sentences per second. Targets: resolver >= 8,000 sentences/s, coding stage >= 2,500 sentences/s (one core).

    .venv/bin/python bench/actors.py [--model PATH] [--date YYYY-MM-DD] [--errors N] [--speed-docs N]
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
# Sector spellings of the gold file that name the same CAMEO sector: PLOVER's JRN (journalists) is CAMEO MED; CIV is a
# misspelt CVL.
SECTOR_FIXES = {"JRN": "MED", "CIV": "CVL"}
T17 = REPO.parent / "shared" / "data" / "news" / "timeline17"


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
    sector = sector[:3].upper()
    return SECTOR_FIXES.get(sector, sector)


def pieces(actor_text: str) -> list[str]:
    """The pieces of a gold actor text: one, or several for a discontinuous one ('U.S. ... negotiators', 'people ..
    in Hong Kong'); runs of spaces read as one ('Homeland Union  (Conservatives)')."""
    text = re.sub(r"\s+", " ", actor_text.strip())
    return [p.strip() for p in re.split(r"\.\.\.|(?<![.\w])\.\.(?![.\w])| \.\. ", text) if p.strip()]


def find_span(sentence: str, actor_text: str) -> tuple[int, int] | None:
    text = re.sub(r"\s+", " ", actor_text.strip())
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
    ap.add_argument("--speed-docs", type=int, default=60, help="Timeline17 documents for the speed test (0: none)")
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
        found = []  # the mention of each piece of the gold text
        for piece in pieces(a["actorText"]):
            span = find_span(sentence, piece)
            tokens = doc.char_span(span[0], span[1], alignment_mode="expand") if span is not None else None
            found.append(resolver.resolve_span(doc, tokens.start, tokens.end, when) if tokens is not None else None)
        # one piece: its mention; a discontinuous text ('U.S. ... negotiators', "in East Timor's capital Dili ...
        # demonstrators"): the country of the first piece that has one (the modifier that names it), the sector of
        # the last (the head)
        m = found[-1] if found else None
        country = next((x.country for x in found if x is not None and x.country), None) if len(found) > 1 else (
            m.country if m else None)
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
    if args.speed_docs:
        speed(nlp, resolver, args.speed_docs)


def speed(nlp, resolver, n_docs: int) -> None:  # noqa: ANN001
    """Resolver and coding-stage throughput on parsed news documents."""
    from eventline.coding import EventCoder
    from eventline.ingest.document import Document

    files = sorted(T17.glob("*/InputDocs/*/*.txt"))
    if not files:
        print("speed: Timeline17 not found, skipped")
        return
    step = max(1, len(files) // n_docs)
    texts = [f.read_text(encoding="utf-8", errors="replace") for f in files[::step][:n_docs]]
    docs = list(nlp.pipe(texts))
    n_sents = sum(1 for d in docs for _ in d.sents)
    when = date(2011, 6, 1)
    coder = EventCoder(resolver=resolver)
    documents = [Document(id=f"t17-{i}", text=d.text, pub_date=when) for i, d in enumerate(docs)]
    for label, run in (("resolver", lambda: [resolver.resolve(d, when) for d in docs]),
                       ("coding stage (actors+events+dates)",
                        lambda: [coder.code(d, doc) for d, doc in zip(docs, documents, strict=True)])):
        run()  # warm caches
        best = min(_cpu(run) for _ in range(3))
        print(f"speed: {label}: {n_sents / best:,.0f} sentences/s ({n_sents} sentences, {len(docs)} docs, "
              f"{best * 1000 / len(docs):.1f} ms/doc)")


def _cpu(run) -> float:  # noqa: ANN001
    t0 = time.process_time()
    run()
    return time.process_time() - t0


if __name__ == "__main__":
    main()
