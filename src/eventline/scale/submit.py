"""Entry script for spark-submit on a cluster: the same as `eventline spark`, with the master, executors and
resources that spark-submit configured.

    spark-submit --master yarn ... "$(python -c 'import eventline.scale.submit as s; print(s.__file__)')" \\
        hdfs:///crawl/ --out hdfs:///eventline/out/
"""

from __future__ import annotations

import argparse
import sys

from eventline.scale.spark import run_spark


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="eventline-spark-submit", description=__doc__)
    ap.add_argument("inputs", nargs="+")
    ap.add_argument("--out", required=True)
    ap.add_argument("--model")
    ap.add_argument("--actors")
    args = ap.parse_args(argv)
    run = run_spark(args.inputs, args.out, master=None, model=args.model, actors=args.actors)
    print(f"coded {len(run.coded)} input(s): {run.documents} documents, {run.events} events; "
          f"{len(run.skipped_done)} already done", file=sys.stderr)
    return 1 if any(r.get("problems") for r in run.coded) else 0


if __name__ == "__main__":
    sys.exit(main())
