"""Build spaCy training corpora (.spacy) from the UD English treebanks in ../shared/data/ud.

Licence filter: only documents whose licence allows commercial use go into the training corpora of the model
eventline ships. UD English-EWT is CC BY-SA 4.0 (commercial use allowed). UD English-GUM is distributed as a
whole under CC BY-NC-SA 4.0 (see GUM_LICENSES.md next to the data): the per-genre statements there concern the
underlying texts, not the annotations, so by default no GUM document is used for training (`--gum-genres` can
name genres for a local, non-shipped experiment). GUM dev/test are used for evaluation only.

Usage: python convert.py [--ud DIR] [--out DIR] [--n-sents 10] [--gum-genres news,bio]
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

from spacy.tokens import DocBin
from spacy.training.converters import conllu_to_docs

HERE = Path(__file__).resolve().parent
DEFAULT_UD = HERE.parent.parent / "shared" / "data" / "ud"
NEWDOC = re.compile(r"^# newdoc id = (\S+)", re.M)


def split_documents(text: str) -> list[tuple[str, str]]:
    """(doc id, CoNLL-U text) per `# newdoc` block."""
    starts = [m.start() for m in NEWDOC.finditer(text)]
    if not starts:
        return [("", text)]
    starts.append(len(text))
    docs = []
    for a, b in zip(starts, starts[1:], strict=False):
        block = text[a:b]
        m = NEWDOC.match(block)
        docs.append((m.group(1) if m else "", block))
    return docs


def genre(doc_id: str) -> str:
    """GUM genre of a document id, e.g. GUM_news_iodine -> news."""
    parts = doc_id.split("_")
    return parts[1] if len(parts) > 2 and parts[0] == "GUM" else ""


def to_docbin(blocks: list[str], n_sents: int) -> tuple[DocBin, int, int]:
    db = DocBin(store_user_data=False)
    n_docs = n_words = 0
    for block in blocks:
        if not block.strip():
            continue
        for doc in conllu_to_docs(block, n_sents=n_sents, no_print=True):
            db.add(doc)
            n_docs += 1
            n_words += len(doc)
    return db, n_docs, n_words


def convert(ud: Path, out: Path, n_sents: int, gum_genres: set[str]) -> None:
    out.mkdir(parents=True, exist_ok=True)
    jobs: dict[str, list[str]] = {}
    ewt = {s: (ud / f"en_ewt-ud-{s}.conllu").read_text(encoding="utf-8") for s in ("train", "dev", "test")}
    gum = {
        s: split_documents((ud / f"en_gum-ud-{s}.conllu").read_text(encoding="utf-8")) for s in ("train", "dev", "test")
    }
    ewt_train_docs = [b for _, b in split_documents(ewt["train"])]
    gum_train = [b for d, b in gum["train"] if genre(d) in gum_genres]
    jobs["train"] = ewt_train_docs + gum_train
    jobs["dev"] = [b for _, b in split_documents(ewt["dev"])]
    jobs["ewt-test"] = [b for _, b in split_documents(ewt["test"])]
    jobs["gum-dev"] = [b for _, b in gum["dev"]]
    jobs["gum-test"] = [b for _, b in gum["test"]]
    jobs["gum-news"] = [b for d, b in gum["dev"] + gum["test"] if genre(d) == "news"]
    for name, blocks in jobs.items():
        db, n_docs, n_words = to_docbin(blocks, n_sents)
        db.to_disk(out / f"{name}.spacy")
        print(f"{name}: {len(blocks)} source docs -> {n_docs} training docs, {n_words} tokens")
    print(f"GUM train genres used: {sorted(gum_genres) or 'none'} ({len(gum_train)} documents)")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--ud", type=Path, default=DEFAULT_UD)
    ap.add_argument("--out", type=Path, default=HERE / "corpus")
    ap.add_argument("--n-sents", type=int, default=10)
    ap.add_argument("--gum-genres", default="", help="comma-separated GUM genres to add to train (not shipped)")
    args = ap.parse_args()
    genres = {g.strip() for g in args.gum_genres.split(",") if g.strip()}
    convert(args.ud, args.out, args.n_sents, genres)


if __name__ == "__main__":
    main()
