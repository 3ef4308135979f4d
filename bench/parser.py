"""Benchmark of eventline's spaCy pipeline (or any pipeline: --model NAME_OR_PATH).

Accuracy (TAG, POS, lemma, UAS, LAS, sentence F) on whole documents of UD English-EWT test, GUM test and the GUM
news documents (dev + test), read from ../shared/data/ud. The text given to the pipeline is the gold text with
paragraphs separated by a line break (as extracted news arrives); `--plain` also scores the text with every
sentence joined by a space. Sentence F is also given without the `news_sentences` rules.
Speed: tokens/s on Timeline17 news (../shared/data/news/timeline17) with 1 and 2 processes, and load time in a
fresh interpreter.

Usage: python bench/parser.py [--model M] [--docs 150] [--no-speed] [--no-accuracy] [--plain]
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
UD = SHARED / "data" / "ud"
NEWS = SHARED / "data" / "news" / "timeline17"
METRICS = (("tag_acc", "TAG"), ("pos_acc", "POS"), ("lemma_acc", "lemma"), ("dep_uas", "UAS"), ("dep_las", "LAS"),
           ("sents_f", "sent F"))


def read_documents(path: Path, only: str | None = None) -> list[tuple[str, list[tuple[bool, object]]]]:
    """[(doc id, [(starts a paragraph, gold sentence Doc)])] from a CoNLL-U file."""
    from spacy.training.converters import conllu_to_docs

    text = path.read_text(encoding="utf-8")
    sentences = list(conllu_to_docs(text, n_sents=1, no_print=True))
    meta: list[tuple[str, bool]] = []
    doc_id, newpar = "", False
    for block in re.split(r"\n\s*\n", text):
        lines = block.strip().splitlines()
        if not any(line and line[0].isdigit() for line in lines):
            continue
        for line in lines:
            if line.startswith("# newdoc id ="):
                doc_id, newpar = line.split("=", 1)[1].strip(), True
            elif line.startswith("# newpar"):
                newpar = True
        meta.append((doc_id, newpar))
        newpar = False
    assert len(meta) == len(sentences), (len(meta), len(sentences))
    docs: dict[str, list[tuple[bool, object]]] = {}
    for (did, par), sent in zip(meta, sentences, strict=True):
        if only is None or only in did:
            docs.setdefault(did, []).append((par, sent))
    return list(docs.items())


def merge_gold(vocab, sentences):
    """One gold Doc (in `vocab`) from a document's sentence Docs."""
    from spacy.tokens import Doc

    words, spaces, tags, pos, morphs, lemmas, heads, deps, starts = [], [], [], [], [], [], [], [], []
    for sent in sentences:
        offset = len(words)
        for tok in sent:
            words.append(tok.text)
            spaces.append(bool(tok.whitespace_) or tok.i == len(sent) - 1)
            tags.append(tok.tag_)
            pos.append(tok.pos_)
            morphs.append(str(tok.morph))
            lemmas.append(tok.lemma_)
            heads.append(tok.head.i + offset)
            deps.append(tok.dep_)
            starts.append(tok.i == 0)
    return Doc(vocab, words=words, spaces=spaces, tags=tags, pos=pos, morphs=morphs, lemmas=lemmas, heads=heads,
               deps=deps, sent_starts=starts)


def examples(nlp, documents, paragraphs: bool):
    from spacy.training import Example

    out = []
    for _, sents in documents:
        gold = merge_gold(nlp.vocab, [s for _, s in sents])
        parts = []
        for i, (par, sent) in enumerate(sents):
            if i:
                parts.append("\n" if (par and paragraphs) else " ")
            parts.append(sent.text.rstrip())
        out.append(Example(nlp.make_doc("".join(parts)), gold))
    return out


def score(nlp, documents, paragraphs: bool = True, rules: bool = True) -> dict[str, float]:
    disable = [] if rules else [n for n in nlp.pipe_names if n == "news_sentences"]
    with nlp.select_pipes(disable=disable):
        scores = nlp.evaluate(examples(nlp, documents, paragraphs))
    return {key: round(100 * (scores.get(key) or 0.0), 2) for key, _ in METRICS}


def news_texts(n_docs: int) -> list[str]:
    files = sorted(NEWS.glob("*/InputDocs/*/*.txt"))
    step = max(1, len(files) // n_docs)
    return [f.read_text(encoding="utf-8", errors="replace") for f in files[::step][:n_docs]]


def tokens_per_second(nlp, texts: list[str], n_process: int) -> tuple[int, float, float]:
    """(tokens, tokens per wall-clock second, tokens per CPU second of this process: meaningful for 1 process,
    and robust to other jobs sharing the machine)."""
    start, cpu = time.perf_counter(), time.process_time()
    n = sum(sum(1 for t in doc if not t.is_space) for doc in nlp.pipe(texts, batch_size=16, n_process=n_process))
    return n, n / (time.perf_counter() - start), n / (time.process_time() - cpu)


def load_seconds(model: str | None) -> tuple[float, float]:
    """(seconds for eventline.nlp.load(), seconds including `import spacy`) in a fresh interpreter."""
    code = (
        "import time; t0 = time.perf_counter(); import spacy, eventline.nlp; t1 = time.perf_counter(); "
        f"eventline.nlp.load({model!r}); t2 = time.perf_counter(); print(t2 - t1, t2 - t0)"
    )
    best = (float("inf"), float("inf"))
    for _ in range(3):
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
        best = min(best, (float(out[0]), float(out[1])))
    return best


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--model", default=None, help="spaCy pipeline name or path (default: the shipped one)")
    ap.add_argument("--docs", type=int, default=150, help="Timeline17 documents for the speed test")
    ap.add_argument("--no-speed", action="store_true")
    ap.add_argument("--no-accuracy", action="store_true")
    ap.add_argument("--plain", action="store_true", help="also score space-joined text (no paragraph breaks)")
    ap.add_argument("--json", type=Path, help="write the results here too")
    args = ap.parse_args()

    from eventline import nlp as nlp_stage

    nlp = nlp_stage.load(args.model)
    print(f"pipeline: {nlp.meta.get('name')} {nlp.meta.get('version')}  components: {', '.join(nlp.pipe_names)}")
    results: dict[str, object] = {}
    if not args.no_accuracy:
        if not UD.exists():
            sys.exit(f"needs {UD} (absent)")
        sets = {
            "EWT test": read_documents(UD / "en_ewt-ud-test.conllu"),
            "GUM test": read_documents(UD / "en_gum-ud-test.conllu"),
            "GUM news (dev+test)": read_documents(UD / "en_gum-ud-dev.conllu", "GUM_news")
            + read_documents(UD / "en_gum-ud-test.conllu", "GUM_news"),
        }
        print("\n| data | docs | " + " | ".join(label for _, label in METRICS) + " | sent F, no rules |")
        print("|---|---:|" + "---:|" * (len(METRICS) + 1))
        for name, docs in sets.items():
            s = score(nlp, docs)
            s_plain_rules = score(nlp, docs, rules=False)["sents_f"]
            results[name] = {**s, "sents_f_no_rules": s_plain_rules}
            print(f"| {name} | {len(docs)} | " + " | ".join(f"{s[k]:.2f}" for k, _ in METRICS)
                  + f" | {s_plain_rules:.2f} |")
            if args.plain:
                p = score(nlp, docs, paragraphs=False)
                results[name + " (plain)"] = p
                print(f"| {name}, no line breaks | {len(docs)} | " + " | ".join(f"{p[k]:.2f}" for k, _ in METRICS)
                      + " | |")
    if not args.no_speed:
        texts = news_texts(args.docs)
        tokens_per_second(nlp, texts[:5], 1)  # warm-up
        print()
        for n_process in (1, 2):
            n, tps, cpu_tps = tokens_per_second(nlp, texts, n_process)
            results[f"tokens_per_s_{n_process}proc"] = round(tps)
            extra = ""
            if n_process == 1:
                results["tokens_per_cpu_s"] = round(cpu_tps)
                extra = f" ({cpu_tps:,.0f} tokens per CPU second)"
            print(f"Timeline17, {len(texts)} docs, {n} tokens, {n_process} process(es): {tps:,.0f} tokens/s{extra}")
        load, total = load_seconds(args.model)
        results["load_s"], results["load_with_import_s"] = round(load, 2), round(total, 2)
        print(f"load: {load:.2f} s (eventline.nlp.load), {total:.2f} s including `import spacy`")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
