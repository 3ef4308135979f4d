"""The UD-PETRARCH functional validation suite through eventline's own parser and the suite's dictionaries.

  .venv/bin/python bench/peer_suite.py [DIR] [--failures] [--limit N]

DIR defaults to ../shared/data/peer-suite/udpetrarch. Prints recall, precision, crashes and per-category
results (scored as the suite's harness scores: eventline.coding.petrarch.suite), next to the peer scores. It
reads the same 243 records as the external scorer (../shared/eval/peer_suite.py) and gives the same counts as
`peer_suite.py score` on `eventline code ... --petrarch-dicts DIR --format jsonl` output.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SUITE = REPO.parent / "shared" / "data" / "peer-suite" / "udpetrarch"
PEERS = {"UD-PETRARCH": (0.856, 0.88), "PETRARCH-2": (0.50, 0.68)}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("folder", nargs="?", default=str(SUITE))
    ap.add_argument("--failures", action="store_true")
    ap.add_argument("--limit", type=int)
    args = ap.parse_args()
    from eventline.coding.petrarch.suite import run

    t0 = time.time()
    result = run(args.folder, limit=args.limit)
    data = result.as_dict()
    if args.failures:
        for f in result.failures:
            print(f"{f['id']:14} missed={f['missed']} extra={f['extra']} :: {f['text'][:110]}")
    print(f"{'category':10} {'records':>7} {'correct':>7} {'missed':>6} {'extra':>5} {'recall':>7} {'precision':>9}")
    for cat, v in data["categories"].items():
        print(f"{cat:10} {v['records']:7} {v['correct']:7} {v['not_coded']:6} {v['extra']:5} "
              f"{_pct(v['recall']):>7} {_pct(v['precision']):>9}")
    print(f"{'all':10} {result.records:7} {result.correct:7} {result.not_coded:6} {result.extra:5} "
          f"{_pct(result.recall):>7} {_pct(result.precision):>9}")
    reachable = result.correct + result.not_coded - result.unreachable
    print(f"crashes: {result.crashes}   time: {time.time() - t0:.1f}s")
    print(f"unreachable (codes outside CAMEO and the event schema): {result.unreachable}; recall of the rest: "
          f"{result.correct / reachable:.1%}; records sharing an id: {', '.join(result.duplicate_ids) or '-'}")
    for name, (r, p) in PEERS.items():
        print(f"peer {name}: recall {r:.1%}, precision {p:.0%}")
    print(json.dumps({k: v for k, v in data.items() if k != "categories"}))


def _pct(v: float | None) -> str:
    return "-" if v is None else f"{v:.1%}"


if __name__ == "__main__":
    main()
