"""Throughput and memory of eventline on real news (Timeline17).

Measures, on the same documents:
  parse-only      the spaCy pipeline alone (tokens, sentences, documents per second)
  coding stage    actors + events + dates + claims on already-parsed documents (sentences per second)
  end-to-end      Pipeline.process (parse + everything), and the ratio end-to-end / parse-only
  workers         `eventline ingest --workers 1` vs `--workers 2` into a fresh DuckDB file (documents per second);
                  the runs alternate 1, 2, 1, 2, ... (--repeat times each) and the fastest of each counts, so a
                  burst of other load on the machine during one run does not decide the ratio
  peak RSS        of an `eventline ingest --workers 2` run (with --all: the whole corpus)
  spark           `eventline spark --master local[2]` on the same files (optional: --spark)

Usage:
  .venv/bin/python bench/throughput.py [--news DIR] [--docs N] [--repeat N] [--all] [--spark] [--json]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_NEWS = REPO.parent / "shared" / "data" / "news" / "timeline17"
EVENTLINE = str(Path(sys.executable).parent / "eventline")


def pick_files(news: Path, n: int | None) -> list[Path]:
    every = sorted(news.rglob("InputDocs/*/*.txt"))
    if n is None or n >= len(every):
        return every
    return every[:: max(1, len(every) // n)][:n]  # spread over all topics


def in_process(files: list[Path]) -> dict:
    import eventline

    docs = [d for f in files for d in eventline.read(str(f))]
    t = time.perf_counter()
    pipe = eventline.Pipeline()
    load_s = time.perf_counter() - t
    list(pipe.process(docs[:5]))  # warm-up

    # parse-only is the pipeline's own parse step (same batches, long texts in the same pieces) with the coder off
    from eventline.nlp.long_texts import parse
    from eventline.pipeline import PARSE_BATCH

    t = time.perf_counter()
    parsed = [p for p, _ in parse(pipe.nlp, ((d.text, d) for d in docs), batch_size=PARSE_BATCH)]
    parse_s = time.perf_counter() - t
    tokens = sum(len(p) for p in parsed)
    sentences = sum(1 for p in parsed for _ in p.sents)

    t = time.perf_counter()
    n_events = sum(len(pipe.code_parsed(p, d).events) for p, d in zip(parsed, docs, strict=True))
    coding_s = time.perf_counter() - t

    t = time.perf_counter()
    coded = list(pipe.process(docs))
    all_s = time.perf_counter() - t
    return {
        "documents": len(docs), "tokens": tokens, "sentences": sentences, "events": n_events,
        "model_load_s": round(load_s, 2),
        "parse_only": {"docs_per_s": round(len(docs) / parse_s, 1), "sentences_per_s": round(sentences / parse_s),
                       "tokens_per_s": round(tokens / parse_s)},
        "coding_stage": {"sentences_per_s": round(sentences / coding_s), "docs_per_s": round(len(docs) / coding_s, 1)},
        "end_to_end": {"docs_per_s": round(len(docs) / all_s, 1), "sentences_per_s": round(sentences / all_s),
                       "tokens_per_s": round(tokens / all_s), "events": sum(len(c.events) for c in coded)},
        "ratio_end_to_end_over_parse_only": round(parse_s / all_s, 3),
    }


def _children(pid: int) -> list[int]:
    found: list[int] = []
    for task in Path(f"/proc/{pid}/task").glob("*/children"):
        try:
            found.extend(int(c) for c in task.read_text().split())
        except (OSError, ValueError):
            continue
    return found


def _tree_rss_kib(root: int) -> int:
    """Memory of a process and all its descendants, in KiB: the sum of their proportional set sizes (PSS), so
    pages that forked workers share with their parent are counted once, not once per process."""
    tree, frontier = [root], [root]
    while frontier:
        kids = _children(frontier.pop())
        tree.extend(kids)
        frontier.extend(kids)
    total = 0
    for pid in tree:
        try:
            for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
                if line.startswith("Pss:"):
                    total += int(line.split()[1])
        except OSError:
            continue
    return total


# The kernel walks a process's page tables to compute its PSS: about 8 ms of CPU per process and sample. Sampled
# every 0.25 s that took about a tenth of a core, which a 1-worker run gets from the idle second core but a
# 2-worker run takes from its workers; once a second costs them about 2%. Peaks last seconds (a long article).
SAMPLE_EVERY_S = 1.0


def run_watched(cmd: list[str]) -> tuple[subprocess.CompletedProcess, float, int]:
    """Runs a command, sampling the summed PSS of its process tree; returns (result, wall s, peak MiB)."""
    t = time.perf_counter()
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        proc = subprocess.Popen(cmd, stdout=out, stderr=err, text=True)
        peak = 0
        while proc.poll() is None:
            peak = max(peak, _tree_rss_kib(proc.pid))
            time.sleep(SAMPLE_EVERY_S)
        wall = time.perf_counter() - t
        out.seek(0)
        err.seek(0)
        result = subprocess.CompletedProcess(cmd, proc.returncode, out.read(), err.read())
    return result, wall, peak // 1024


def run_ingest(files: list[Path], workers: int) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        listing = Path(tmp) / "inputs"
        listing.mkdir()
        for i, f in enumerate(files):  # a folder of links keeps the command line short
            (listing / f"{i:05d}_{f.name}").symlink_to(f)
        db = Path(tmp) / "bench.duckdb"
        proc, wall, peak_mb = run_watched(
            [EVENTLINE, "ingest", str(listing), "--db", str(db), "--workers", str(workers)])
    if proc.returncode not in (0, 1):
        raise RuntimeError(f"ingest failed: {proc.stderr[-2000:]}")
    return {"workers": workers, "documents": len(files), "wall_s": round(wall, 1),
            "docs_per_s": round(len(files) / wall, 2), "peak_pss_mb_all_processes": peak_mb}


def run_spark(files: list[Path]) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        listing = Path(tmp) / "inputs"
        listing.mkdir()
        for i, f in enumerate(files):
            (listing / f"{i:05d}_{f.name}").symlink_to(f)
        proc, wall, peak_mb = run_watched(
            [EVENTLINE, "spark", str(listing), "--out", str(Path(tmp) / "out"), "--master", "local[2]"])
    if proc.returncode not in (0, 1):
        raise RuntimeError(f"spark failed: {proc.stderr[-2000:]}")
    return {"master": "local[2]", "documents": len(files), "wall_s": round(wall, 1),
            "docs_per_s": round(len(files) / wall, 2), "peak_pss_mb_all_processes": peak_mb,
            "note": "includes JVM start (about 6 s)"}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--news", type=Path, default=DEFAULT_NEWS)
    ap.add_argument("--docs", type=int, default=200, help="documents for the in-process and worker runs")
    ap.add_argument("--repeat", type=int, default=3, help="runs of each worker count (the fastest counts)")
    ap.add_argument("--all", action="store_true", help="also ingest the whole corpus for peak RSS")
    ap.add_argument("--spark", action="store_true", help="also time the Spark runner on local[2]")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    if not args.news.exists():
        sys.exit(f"no news corpus at {args.news}")
    files = pick_files(args.news, args.docs)
    result: dict = {"date": time.strftime("%Y-%m-%d"), "cores": os.cpu_count()}
    runs: dict[int, list[dict]] = {1: [], 2: []}
    for _ in range(max(1, args.repeat)):
        for workers in (1, 2):
            runs[workers].append(run_ingest(files, workers))
    one, two = (min(runs[w], key=lambda r: r["wall_s"]) for w in (1, 2))
    result["ingest_workers"] = [one, two]
    result["ingest_walls_s"] = {w: [r["wall_s"] for r in runs[w]] for w in (1, 2)}
    result["speedup_2_over_1"] = round(one["wall_s"] / two["wall_s"], 2)
    if args.all:
        result["whole_corpus"] = run_ingest(pick_files(args.news, None), 2)
    if args.spark and shutil.which("java"):
        result["spark"] = run_spark(files)
    result["in_process"] = in_process(files)
    print(json.dumps(result, indent=None if args.json else 2))


if __name__ == "__main__":
    main()
