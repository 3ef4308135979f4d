"""Boilerplate benchmark: how well the plain-text cleaner recovers article bodies from scraped page text.

Each page of ../shared/data/boilerplate/scrapinghub is rendered to the visible text lines a scraper saves
(block elements start new lines; scripts, styles and SVG dropped: the same rendering as the shared
boilerplate_eval.py), written to a .txt file and read with `eventline.read` (the public path the eval uses).
Scores are bag-of-words token precision/recall/F1 against the ground-truth `articleBody`, macro-averaged over
pages, for: the raw page text, our plain-text cleaner, and trafilatura on the original HTML.

With --corpus the pages are written to one folder first and the folder is read at once, so the cleaner also
uses the lines repeated across pages (the two-pass folder read); without it each page is read on its own,
as the shared boilerplate_eval.py does.

  .venv/bin/python bench/boilerplate.py [BENCH_DIR] [--limit N] [--no-trafilatura] [--worst K] [--corpus]
"""

from __future__ import annotations

import argparse
import collections
import gzip
import json
import re
import sys
import tempfile
import time
from pathlib import Path

import eventline
from eventline.ingest.readers.html import visible_text

REPO = Path(__file__).resolve().parents[1]
DEFAULT_BENCH = REPO.parent / "shared" / "data" / "boilerplate" / "scrapinghub"

def visible_lines(html: str) -> str:
    """The page as a scraper saves it: text of visible elements, one line per block, blank lines dropped
    (the HTML reader's own rendering, which is also how the external scorer renders pages)."""
    return visible_text(html)


def tokens(text: str | None) -> collections.Counter[str]:
    return collections.Counter(re.findall(r"\w+", (text or "").lower()))


def prf(pred: str | None, gold: str) -> tuple[float, float, float]:
    p, g = tokens(pred), tokens(gold)
    inter = sum((p & g).values())
    if not inter:
        return 0.0, 0.0, 0.0
    precision, recall = inter / sum(p.values()), inter / sum(g.values())
    return precision, recall, 2 * precision * recall / (precision + recall)


def trafilatura_body(html: str) -> str:
    import trafilatura

    return trafilatura.extract(html, include_comments=False, include_tables=False, favor_precision=False) or ""


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("bench", nargs="?", type=Path, default=DEFAULT_BENCH)
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--no-trafilatura", action="store_true")
    ap.add_argument("--worst", type=int, default=0, help="print the K pages where the cleaner scores lowest")
    ap.add_argument("--corpus", action="store_true", help="read all pages as one folder (corpus-wide lines)")
    args = ap.parse_args()
    truth_file = args.bench / "ground-truth.json"
    if not truth_file.exists():
        print(f"benchmark data absent: {truth_file}", file=sys.stderr)
        return 2
    truth = json.loads(truth_file.read_text(encoding="utf-8"))
    scores: dict[str, list[tuple[float, float, float]]] = collections.defaultdict(list)
    per_page: list[tuple[float, str]] = []
    timing = collections.Counter()
    with tempfile.TemporaryDirectory() as tmp:
        folder_bodies: dict[str, str] = {}
        if args.corpus:
            pages = list(truth)[: args.limit or None]
            for key in pages:
                page = args.bench / "html" / f"{key}.html.gz"
                if page.exists():
                    html = gzip.open(page).read().decode("utf-8", "replace")
                    (Path(tmp) / f"{key}.txt").write_text(visible_lines(html), encoding="utf-8")
            t0 = time.perf_counter()
            for doc in eventline.read(tmp, on_problem=lambda p: None, corpus_lines=True):
                folder_bodies[doc.id] = doc.text
            timing["cleaner (folder, two passes)"] += time.perf_counter() - t0
        for n, (key, gt) in enumerate(truth.items()):
            if args.limit and n >= args.limit:
                break
            page = args.bench / "html" / f"{key}.html.gz"
            if not page.exists():
                continue
            html = gzip.open(page).read().decode("utf-8", "replace")
            gold = gt.get("articleBody", "")
            text = visible_lines(html)
            path = Path(tmp) / f"{key}.txt"
            path.write_text(text, encoding="utf-8")
            if args.corpus:
                body = folder_bodies.get(key, "")
            else:
                t0 = time.perf_counter()
                body = " ".join(d.text for d in eventline.read(str(path), on_problem=lambda p: None))
                timing["cleaner"] += time.perf_counter() - t0
            scores["raw page text"].append(prf(text, gold))
            scores["eventline plain-text cleaner"].append(prf(body, gold))
            per_page.append((scores["eventline plain-text cleaner"][-1][2], key))
            if not args.no_trafilatura:
                t0 = time.perf_counter()
                scores["trafilatura on HTML"].append(prf(trafilatura_body(html), gold))
                timing["trafilatura"] += time.perf_counter() - t0
    print(f"pages: {len(per_page)}")
    print(f"{'system':32} {'precision':>9} {'recall':>9} {'F1':>9}")
    for name, rows in scores.items():
        p, r, f = (sum(x[i] for x in rows) / len(rows) for i in range(3))
        print(f"{name:32} {p:9.4f} {r:9.4f} {f:9.4f}")
    print("seconds: " + ", ".join(f"{k} {v:.1f}" for k, v in timing.items()))
    for f, key in sorted(per_page)[: args.worst]:
        print(f"worst: {f:.3f} {key}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
