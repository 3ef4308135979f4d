"""Event coder accuracy on the dev gold in ../shared/data/gold-dev.

  .venv/bin/python bench/gold.py [--model PATH] [--calibrate] [--limit N] [--repeat N] [--dump FILE]

PLOVER GSR (322 CAMEO-manual sentences; old labels mapped DEMAND->REQUEST, DISAPPROVE->ACCUSE, FIGHT->ASSAULT,
INVESTIGATE->ACCUSE): type recall/precision, top-record type accuracy, source/target country accuracy given the
type, per-category precision and recall. ConfliBERT cameo_class test (451 sentences): quad-class macro-F1 of the
top record (classes 0: CAMEO 01-02, 1: 03-05, 2: 06-08, 3: 09-13 and 16, 4: 14-15, 17-20).
Speed (CPU time of this process, best of --repeat runs, so that other jobs on a shared machine count less): the
coding stage after parsing, and the coder's own share of it (without the actor resolver and date finding, which
are timed separately).
--calibrate writes src/eventline/coding/data/calibration.yaml: per raw-score bin, how often the GSR top record
of that score had the right type (what `confidence` then means).
"""

from __future__ import annotations

import argparse
import collections
import json
import sys
import time
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
GOLD = REPO.parent / "shared" / "data" / "gold-dev"
OLD2NEW = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "FIGHT": "ASSAULT", "INVESTIGATE": "ACCUSE"}


def penta(code: str) -> int:
    r = int(code[:2])
    return 0 if r <= 2 else 1 if r <= 5 else 2 if r <= 8 else 3 if r <= 13 or r == 16 else 4


def countries(ents) -> set[str]:
    return {(e.get("country") or (e.get("code") or "")[:3]).upper() for e in ents or [] if e.get("country")
            or e.get("code")}


def gold_countries(ents) -> set[str]:
    if not isinstance(ents, list):
        return set()
    return {(a.get("code") or "")[:3].upper().replace("JAP", "JPN") for a in ents
            if isinstance(a, dict) and (a.get("code") or "")[:3].isalpha()}


def f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--model", default=None)
    ap.add_argument("--calibrate", action="store_true")
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--repeat", type=int, default=3, help="time the coding stage as the best of N runs")
    ap.add_argument("--dump", default=None, help="write the GSR misses here (JSONL)")
    args = ap.parse_args()
    if not GOLD.exists():
        sys.exit(f"needs {GOLD} (absent)")
    from eventline import nlp as nlp_stage
    from eventline.actors import ActorResolver
    from eventline.coding.coder import EventCoder
    from eventline.ingest import Document

    nlp = nlp_stage.load(args.model)
    coder = EventCoder(resolver=ActorResolver())
    if args.calibrate:
        import eventline.coding.coder as coder_module

        coder_module._CALIBRATION = []  # measure raw scores

    # time spent in the stages others own (actor resolution, date finding), to report the coder's own cost
    import eventline.dates as dates_mod

    spent = {"resolve": 0.0, "dates": 0.0}
    timing = {"total": 0.0, "resolve": 0.0, "dates": 0.0}

    def timed(fn, key):
        def wrapper(*a, **kw):
            t = time.process_time()
            try:
                return fn(*a, **kw)
            finally:
                spent[key] += time.process_time() - t
        return wrapper

    coder.resolver.resolve = timed(coder.resolver.resolve, "resolve")  # type: ignore[method-assign]
    dates_mod.find = timed(dates_mod.find, "dates")

    def code_all(texts: list[tuple[str, str]]) -> tuple[dict[str, list[dict]], float, int]:
        out: dict[str, list[dict]] = {}
        docs = list(nlp.pipe([t for _, t in texts], batch_size=64))
        n_sent = sum(1 for doc in docs for _ in doc.sents)
        best = None
        for _ in range(max(1, args.repeat)):  # best of N runs: the machine is shared
            before = dict(spent)
            t0 = time.process_time()
            for (doc_id, text), doc in zip(texts, docs, strict=True):
                out[doc_id] = coder.code(doc, Document(id=doc_id, text=text, pub_date=date(2000, 1, 1)))
            run = (time.process_time() - t0, spent["resolve"] - before["resolve"], spent["dates"] - before["dates"])
            best = run if best is None or run[0] < best[0] else best
        timing["total"] += best[0]
        timing["resolve"] += best[1]
        timing["dates"] += best[2]
        return out, best[0], n_sent

    # ---- GSR
    gold = [g for g in json.load(open(GOLD / "PLOVER_GSR_CAMEO.txt", encoding="utf-8"))
            if g.get("event") not in (None, "DOCUMENT") and g.get("text")]
    if args.limit:
        gold = gold[: args.limit]
    seen: dict[str, int] = {}
    items = []
    for g in gold:
        seen[g["id"]] = seen.get(g["id"], 0) + 1
        items.append((g["id"] if seen[g["id"]] == 1 else f"{g['id']}~{seen[g['id']]}", g))
    recs, secs, n_sent = code_all([(i, g["text"]) for i, g in items])
    per = collections.defaultdict(lambda: [0, 0, 0])  # gold, recalled (any record), predicted as top
    top_ok = hit = src_ok = tgt_ok = tgt_n = 0
    n_sys = sum(len(v) for v in recs.values())
    typed_total = 0
    calib = collections.defaultdict(lambda: [0, 0])
    misses = []
    for doc_id, g in items:
        gt = OLD2NEW.get(g["event"], g["event"])
        rs = recs.get(doc_id, [])
        per[gt][0] += 1
        top = max(rs, key=lambda r: r["confidence"]) if rs else None
        if top:
            per[top["event"] or "NONE"][2] += 1
            b = int(top["confidence"] * 20) / 20
            calib[b][0] += 1
            calib[b][1] += top["event"] == gt
        if top and top["event"] == gt:
            top_ok += 1
        typed = [r for r in rs if r["event"] == gt]
        typed_total += len(typed)
        if typed:
            hit += 1
            per[gt][1] += 1
            gs, gtg = gold_countries(g.get("source")), gold_countries(g.get("target"))
            best = max(typed, key=lambda r: (bool(countries(r["actor"]) & gs), bool(countries(r["recipient"]) & gtg)))
            src_ok += bool(countries(best["actor"]) & gs) if gs else True
            if gtg:
                tgt_n += 1
                tgt_ok += bool(countries(best["recipient"]) & gtg)
        else:
            misses.append({"id": doc_id, "gold": gt, "text": g["text"],
                           "got": [(r["cameo"], r["event"], r["trigger"]["text"]) for r in rs]})
    n = len(items)
    gsr = {
        "gold_records": n, "system_records": n_sys,
        "type_recall": round(hit / n, 4), "type_precision": round(typed_total / n_sys, 4) if n_sys else 0,
        "top_type_accuracy": round(top_ok / n, 4),
        "source_country_acc_given_type": round(src_ok / hit, 4) if hit else None,
        "target_country_acc_given_type": round(tgt_ok / tgt_n, 4) if tgt_n else None,
        "by_type": {k: {"gold": v[0], "recall": round(v[1] / v[0], 3) if v[0] else None,
                        "top_precision": round(sum(1 for d, gg in items if OLD2NEW.get(gg["event"], gg["event"]) == k
                                                   and recs.get(d) and max(recs[d], key=lambda r: r["confidence"])[
                                                       "event"] == k) / v[2], 3) if v[2] else None}
                    for k, v in sorted(per.items())},
        "coding_seconds": round(secs, 3), "sentences": n_sent,
    }
    print(json.dumps({"gsr": gsr}, indent=1))
    if args.dump:
        with open(args.dump, "w", encoding="utf-8") as f:
            for m in misses:
                f.write(json.dumps(m) + "\n")
    # ---- ConfliBERT penta
    rows = []
    for line in open(GOLD / "conflibert_cameo_class_test.tsv", encoding="utf-8"):
        line = line.rstrip("\n")
        if line.strip():
            text, _, lab = line.rpartition("\t")
            rows.append((text, int(lab)))
    if args.limit:
        rows = rows[: args.limit]
    precs, secs2, n_sent2 = code_all([(f"c{i}", t) for i, (t, _) in enumerate(rows)])
    tp, fp, fn = collections.Counter(), collections.Counter(), collections.Counter()
    correct = 0
    for i, (_, lab) in enumerate(rows):
        rs = precs.get(f"c{i}", [])
        pred = penta(max(rs, key=lambda r: r["confidence"])["cameo"]) if rs else None
        if pred == lab:
            correct += 1
            tp[lab] += 1
        else:
            fn[lab] += 1
            if pred is not None:
                fp[pred] += 1
    f1s = []
    for c in range(5):
        p = tp[c] / (tp[c] + fp[c]) if tp[c] + fp[c] else 0.0
        r = tp[c] / (tp[c] + fn[c]) if tp[c] + fn[c] else 0.0
        f1s.append(round(f1(p, r), 3))
    pen = {"sentences": len(rows), "accuracy": round(correct / len(rows), 4), "macro_f1": round(sum(f1s) / 5, 4),
           "f1_by_class": f1s, "coverage": round(sum(1 for i in range(len(rows)) if precs.get(f"c{i}")) / len(rows), 4)}
    print(json.dumps({"penta": pen}, indent=1))
    total_s, total_n = secs + secs2, n_sent + n_sent2
    own_s = timing["total"] - timing["resolve"] - timing["dates"]
    print(json.dumps({"coding_stage_sentences_per_s": round(total_n / total_s, 1) if total_s else None,
                      "coder_own_sentences_per_s": round(total_n / own_s, 1) if own_s > 0 else None,
                      "seconds": {"total": round(timing["total"], 3), "actor_resolution": round(timing["resolve"], 3),
                                  "dates": round(timing["dates"], 3), "coder_own": round(own_s, 3)}}))
    if args.calibrate:
        # pool adjacent bins until the share right never falls as the raw score rises (isotonic regression)
        blocks: list[list[float]] = []  # [first bin, n, n right]
        for b in sorted(calib):
            k, ok = calib[b]
            blocks.append([b, k, ok])
            while len(blocks) > 1 and (blocks[-2][2] + 1) / (blocks[-2][1] + 2) > (blocks[-1][2] + 1) / (
                    blocks[-1][1] + 2):
                last = blocks.pop()
                blocks[-1][1] += last[1]
                blocks[-1][2] += last[2]
        bins = {round(b, 2): round((ok + 1) / (k + 2), 3) for b, k, ok in blocks}  # Laplace-smoothed share right
        path = REPO / "src" / "eventline" / "coding" / "data" / "calibration.yaml"
        lines = ["# raw coder score (bin lower edge) -> share of GSR top records of that score with the right",
                 "# PLOVER type (Laplace-smoothed). Written by bench/gold.py --calibrate.", "bins:"]
        lines += [f"  {k}: {v}" for k, v in bins.items()]
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"wrote {path.relative_to(REPO)}")


if __name__ == "__main__":
    main()
