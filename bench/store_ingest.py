"""Store and ingest loop: documents/s of `eventline ingest`, peak memory as the corpus grows (it must stay
flat: documents stream through in bounded batches), the cost of a re-run over stored inputs, and of export.

    .venv/bin/python bench/store_ingest.py [--sizes 1000,4000] [--model PATH|NAME] [--workers 1] [--batch-size 64]

Without --model a tokenizer+sentencizer spaCy pipeline is used, so the numbers show the store, duplicate
detection and the coder/actor stages without the parser; pass --model to include a full parse.
The corpus is generated (random words, every 13th document an exact or near copy of an earlier one).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

WORDS = (
    "minister president talks border trade sanctions troops summit agreement ceasefire capital envoy parliament "
    "election protest embassy visit accord aid rebels army police court opposition statement officials region "
    "meeting foreign defence security council pact tariffs strike negotiations delegation spokesman ministry"
).split()
EVENTLINE = [sys.executable, "-c", "from eventline.cli import main; main()"]


def write_corpus(path: Path, n: int) -> None:
    rng = random.Random(0)
    texts: list[str] = []
    with path.open("w", encoding="utf-8") as f:
        for i in range(n):
            if i and i % 13 == 0:
                source = texts[rng.randrange(len(texts))]
                text = source if (i // 13) % 2 else source + " Officials declined to comment."
            else:
                text = " ".join(
                    " ".join(rng.choice(WORDS) for _ in range(12)).capitalize() + "." for _ in range(25)
                )
            texts.append(text)
            f.write(json.dumps({"id": f"d{i}", "text": text, "date": f"2024-{1 + i % 12:02d}-01"}) + "\n")


def run_measured(args: list[str]) -> tuple[float, float, str]:
    start = time.monotonic()
    proc = subprocess.Popen([*EVENTLINE, *args], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    out = proc.stdout.read() if proc.stdout else ""
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.monotonic() - start
    if status != 0:
        raise SystemExit(f"eventline {' '.join(args)} failed (status {status})")
    return wall, usage.ru_maxrss / 1024, out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="1000,4000")
    ap.add_argument("--model", default=None)
    ap.add_argument("--workers", default="1")
    ap.add_argument("--batch-size", default="64")
    opts = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        model = opts.model
        if model is None:
            # Built in a child process: ru_maxrss survives exec, so this process must stay small for the
            # children's peak memory to be their own.
            model = str(tmp / "tiny")
            subprocess.run([sys.executable, "-c", "import spacy, sys; nlp = spacy.blank('en'); "
                            "nlp.add_pipe('sentencizer'); nlp.to_disk(sys.argv[1])", model], check=True)
        for n in (int(s) for s in opts.sizes.split(",")):
            src = tmp / f"docs{n}.jsonl"
            write_corpus(src, n)
            db = tmp / f"s{n}.duckdb"
            common = ["--db", str(db), "--model", model, "--workers", opts.workers, "--batch-size", opts.batch_size]
            wall, rss, out = run_measured(["ingest", str(src), *common, "--json"])
            summary = json.loads(out)
            again, rss2, _ = run_measured(["ingest", str(src), *common, "--json"])
            exp, _, _ = run_measured(["export", "--db", str(db), "--format", "parquet", "--out", str(tmp / f"pq{n}")])
            print(json.dumps({
                "documents": n, "coded": summary["coded"],
                "duplicates": summary["exact_duplicates"] + summary["near_duplicates"],
                "events": summary["events"], "ingest_s": round(wall, 1), "docs_per_s": round(n / wall, 1),
                "peak_rss_mib": round(rss), "rerun_s": round(again, 1), "rerun_peak_rss_mib": round(rss2),
                "export_parquet_s": round(exp, 1), "store_mib": round(db.stat().st_size / 2**20, 1),
            }), flush=True)


if __name__ == "__main__":
    main()
