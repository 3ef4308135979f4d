"""Writes a config that continues training a pipeline (all components sourced from MODEL) with a lower,
decaying learning rate: the annealing phase after the main run plateaus.

Usage: python finetune_config.py MODEL OUT.cfg [--learn-rate 0.0003] [--steps 4000]
"""

from __future__ import annotations

import argparse
from pathlib import Path

from thinc.api import Config

HERE = Path(__file__).resolve().parent


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("model")
    ap.add_argument("out", type=Path)
    ap.add_argument("--learn-rate", type=float, default=0.0003)
    ap.add_argument("--steps", type=int, default=4000)
    args = ap.parse_args()
    cfg = Config().from_disk(HERE / "config.cfg", interpolate=False)
    for name in cfg["nlp"]["pipeline"]:
        cfg["components"][name] = {"source": args.model}
    training = cfg["training"]
    training["max_steps"] = args.steps
    training["patience"] = 0
    training["optimizer"]["learn_rate"] = {
        "@schedules": "warmup_linear.v1",
        "warmup_steps": 50,
        "total_steps": args.steps,
        "initial_rate": args.learn_rate,
    }
    training["batcher"]["size"] = 1000
    cfg.to_disk(args.out)
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
