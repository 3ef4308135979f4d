"""The ingest loop (eventline.store.ingest): idempotent re-runs, duplicates stored uncoded, skips with reasons."""

from __future__ import annotations

import json

import pytest
from store_corpus import REPO, article, corpus, event_schema

from eventline.store import Store
from eventline.store.ingest import (
    ALREADY_STORED,
    EMPTY,
    ID_CHANGED,
    REPEATED,
    REPEATED_ID,
    IngestSummary,
    ingest,
)


def test_re_ingesting_the_same_documents_adds_nothing_and_skips_before_parsing(tmp_path, tiny_pipeline):
    docs = corpus(40)
    with Store(tmp_path / "s.duckdb") as store:
        first = ingest(docs, store, tiny_pipeline, batch_size=7)
        after_first = store.counts()
        built = []

        def must_not_build():
            built.append(1)
            return tiny_pipeline

        second = ingest(docs, store, must_not_build, batch_size=7)
        assert store.counts() | {"runs": 0} == after_first | {"runs": 0}
        runs = store.runs()
    assert (first.read, first.coded, first.batches) == (40, 40, 6)
    assert after_first["documents"] == 40 and after_first["originals"] == 40
    assert second.coded == 0 and second.skipped == {ALREADY_STORED: 40} and built == []
    assert [r["status"] for r in runs] == ["finished", "finished"]
    assert runs[0]["documents_read"] == 40 and runs[1]["skipped"] == {ALREADY_STORED: 40}


def test_duplicates_are_stored_with_their_original_and_not_coded(tmp_path, tiny_pipeline):
    docs = corpus(30, seed=5)
    exact = {"id": "copy-exact", "text": docs[3]["text"].upper()}
    near = {"id": "copy-near", "text": docs[4]["text"] + " The ministry declined to comment further."}
    with Store(tmp_path / "s.duckdb") as store:
        # Within one run: copies right after their originals (still in the same batch).
        first = ingest([*docs[:10], exact, near], store, tiny_pipeline, batch_size=4)
        # Across runs: the index is rebuilt from the stored signatures.
        later_near = {"id": "later-near", "text": docs[8]["text"] + " Talks resume next week."}
        later_exact = {"id": "later-exact", "text": docs[9]["text"]}
        second = ingest([*docs[10:], later_near, later_exact], store, tiny_pipeline, batch_size=4)
        rows = dict(
            (r[0], r[1:])
            for r in store.con.execute(
                "SELECT id, duplicate_of, duplicate_kind, n_sentences, minhash IS NULL FROM documents"
            ).fetchall()
        )
        counts = store.counts()
    assert (first.coded, first.exact_duplicates, first.near_duplicates) == (10, 1, 1)
    assert (second.coded, second.exact_duplicates, second.near_duplicates) == (20, 1, 1)
    assert rows["copy-exact"][:2] == ("doc-00003", "exact")
    assert rows["copy-near"][:2] == ("doc-00004", "near")
    assert rows["later-near"][:2] == ("doc-00008", "near")
    assert rows["later-exact"][:2] == ("doc-00009", "exact")
    # Originals were parsed (sentences counted) and keep a signature; duplicates were not parsed.
    assert rows["doc-00004"][2] == 8 and rows["doc-00004"][3] is False
    assert rows["copy-near"][2] is None
    assert counts == {"documents": 34, "originals": 30, "exact_duplicates": 2, "near_duplicates": 2,
                      "events": 0, "claims": 0, "runs": 2}


def test_skipped_documents_are_counted_with_their_reason(tmp_path, tiny_pipeline):
    import random

    rng = random.Random(9)
    a, b = article(rng), article(rng)
    with Store(tmp_path / "s.duckdb") as store:
        ingest([{"id": "x", "text": a}], store, tiny_pipeline)
        summary = ingest(
            [{"id": "x", "text": b}, {"id": "y", "text": a + " More."}, {"id": "y", "text": a + " More."},
             {"id": "y", "text": b}, {"id": "z", "text": "  \n "}],
            store, tiny_pipeline,
        )
        assert store.counts()["documents"] == 2
    assert summary.skipped == {ID_CHANGED: 1, REPEATED: 1, REPEATED_ID: 1, EMPTY: 1}
    assert summary.read == 5 and summary.near_duplicates == 1 and summary.coded == 0


def test_unreadable_inputs_are_recorded_and_the_rest_is_ingested(tmp_path, tiny_pipeline):
    from store_corpus import write_jsonl

    from eventline.store.ingest import read_into

    good = write_jsonl(tmp_path / "good.jsonl", corpus(5))
    summary = IngestSummary()
    reported = []
    with Store(tmp_path / "s.duckdb") as store:
        ingest(read_into(summary, [str(good), str(tmp_path / "missing.jsonl")], reported.append), store,
               tiny_pipeline, summary=summary)
        runs = store.runs()
    assert summary.coded == 5
    assert len(summary.unreadable) == 1 and "missing.jsonl" in summary.unreadable[0]
    assert reported == summary.unreadable and runs[-1]["unreadable"] == 1


def test_several_parsing_processes_give_the_same_store(tmp_path, tiny_pipeline):
    docs = corpus(60, seed=3, copies_every=9)
    results = []
    for n_process in (1, 2):
        with Store(tmp_path / f"s{n_process}.duckdb") as store:
            summary = ingest(docs, store, tiny_pipeline, batch_size=8, n_process=n_process)
            rows = store.con.execute(
                "SELECT id, duplicate_of, n_sentences FROM documents ORDER BY id").fetchall()
            results.append((summary.coded, summary.duplicates, rows))
    assert results[0] == results[1]
    assert results[0][1] > 0


def test_examples_with_the_shipped_model_give_schema_valid_records_and_uncoded_duplicates(tmp_path, request):
    import jsonschema

    from eventline.ingest import read
    from eventline.nlp import MODEL_DIR
    from eventline.store.export import export_jsonl

    examples = REPO / "examples"
    if not (MODEL_DIR / "config.cfg").exists() or not examples.is_dir():
        pytest.skip("needs the shipped model and examples/")
    schema = event_schema()
    pipeline = request.getfixturevalue("pipeline")
    inputs = [p for p in sorted(examples.rglob("*")) if p.is_file() and not p.name.upper().startswith("README")]
    with Store(tmp_path / "s.duckdb") as store:
        summary = ingest(read(inputs), store, pipeline)
        per_doc = dict(store.con.execute(
            "SELECT d.id, count(e.id) FROM documents d LEFT JOIN events e ON e.doc_id = d.id "
            "WHERE d.duplicate_of IS NOT NULL GROUP BY d.id").fetchall())
        export_jsonl(store.con, tmp_path / "events.jsonl")
        assert store.counts()["events"] == summary.events
    assert summary.duplicates >= 1 and set(per_doc.values()) == {0}
    for line in (tmp_path / "events.jsonl").read_text().splitlines():
        jsonschema.validate(json.loads(line), schema)
