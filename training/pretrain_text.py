"""Writes the unlabelled news of ../shared/data/news/timeline17 (InputDocs) as JSONL for `spacy pretrain`:
one record per ~10 lines (sentences) so that records stay under the pretraining corpus' max_length.

Usage: python pretrain_text.py [--news DIR] [--out FILE]
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_NEWS = HERE.parent.parent / "shared" / "data" / "news" / "timeline17"
SPACE_BEFORE = re.compile(r" ([.,;:!?%)]|'s|n't)")


def detokenize(line: str) -> str:
    """Undoes the corpus' space-separated punctuation ("said , the" -> "said, the")."""
    return SPACE_BEFORE.sub(r"\1", line.strip()).replace("( ", "(")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--news", type=Path, default=DEFAULT_NEWS)
    ap.add_argument("--out", type=Path, default=HERE / "work" / "timeline17.jsonl")
    ap.add_argument("--lines", type=int, default=10)
    args = ap.parse_args()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    n_rec = n_words = 0
    seen: set[int] = set()
    with args.out.open("w", encoding="utf-8") as out:
        for path in sorted(args.news.glob("*/InputDocs/*/*.txt")):
            raw = path.read_text(encoding="utf-8", errors="replace").splitlines()
            lines = [detokenize(x) for x in raw if x.strip()]
            for i in range(0, len(lines), args.lines):
                text = " ".join(lines[i : i + args.lines])
                key = hash(text)
                if key in seen:  # the same article is often in several timelines
                    continue
                seen.add(key)
                out.write(json.dumps({"text": text}) + "\n")
                n_rec += 1
                n_words += len(text.split())
    print(f"{n_rec} records, {n_words} words -> {args.out}")


if __name__ == "__main__":
    main()
