"""Turns a trained pipeline (training/output/<run>/model-best) into the one eventline ships, in
src/eventline/nlp/model: adds the news sentence rules (`news_sentences`, first in the pipeline) and tokenizer
exceptions for news abbreviations, disables the senter (the parser splits sentences; `nlp.enable_pipe("senter")`
with the parser disabled gives a faster splitter), writes the meta data and checks the size.

Usage: python package.py [MODEL_DIR] [--out DIR] [--max-mb 25]
"""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

import spacy
from thinc.api import Config

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(REPO / "src"))

import eventline.nlp  # noqa: E402,F401  (registers news_sentences and the scorers)
from eventline.nlp.sentences import add_tokenizer_exceptions  # noqa: E402

DEFAULT_OUT = REPO / "src" / "eventline" / "nlp" / "model"


def package(model: Path, out: Path, max_mb: float, version: str) -> None:
    nlp = spacy.load(model)
    add_tokenizer_exceptions(nlp)
    if "news_sentences" not in nlp.component_names:
        nlp.add_pipe("news_sentences", first=True)
    if "senter" in nlp.pipe_names and "parser" in nlp.pipe_names:
        nlp.disable_pipe("senter")
    meta = nlp.meta
    meta.update(
        {
            "name": "eventline_en",
            "version": version,
            "description": "eventline's English pipeline for news: tagger, morphologizer, edit-tree lemmatizer, "
            "dependency parser, senter and news sentence rules; CPU, no vectors.",
            "author": "eventline",
            "license": "CC BY-SA 4.0",
            "sources": [
                {
                    "name": "Universal Dependencies English Web Treebank (UD_English-EWT)",
                    "url": "https://github.com/UniversalDependencies/UD_English-EWT",
                    "license": "CC BY-SA 4.0",
                }
            ],
        }
    )
    nlp.meta = meta
    tmp = out.with_name(out.name + ".new")
    if tmp.exists():
        shutil.rmtree(tmp)
    nlp.to_disk(tmp)
    # spaCy's morphologizer scorer fails on gold docs with their own Vocab (see eventline/nlp/scorers.py)
    config = Config().from_disk(tmp / "config.cfg", interpolate=False)
    if "morphologizer" in config["components"]:
        config["components"]["morphologizer"]["scorer"] = {"@scorers": "eventline.morphologizer_scorer.v1"}
        config.to_disk(tmp / "config.cfg")
    size = sum(f.stat().st_size for f in tmp.rglob("*") if f.is_file()) / 1e6
    if size > max_mb:
        shutil.rmtree(tmp)
        raise SystemExit(f"packaged model is {size:.1f} MB > {max_mb} MB")
    if out.exists():
        shutil.rmtree(out)
    tmp.rename(out)
    print(f"packaged {model} -> {out} ({size:.1f} MB), pipeline {nlp.pipe_names}, disabled {nlp.disabled}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("model", type=Path, nargs="?", default=HERE / "output" / "full" / "model-best")
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    ap.add_argument("--max-mb", type=float, default=25.0)
    ap.add_argument("--version", default="0.1.0")
    args = ap.parse_args()
    package(args.model, args.out, args.max_mb, args.version)


if __name__ == "__main__":
    main()
