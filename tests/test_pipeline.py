"""The Pipeline facade: documents in order, the same records from one process or several."""

from __future__ import annotations

TEXTS = [
    "Japan and South Korea held talks in Tokyo on Friday.",
    "North Korea fired two ballistic missiles into the sea on Thursday, the South Korean military said.",
    "The United States imposed new sanctions on North Korea on Wednesday.",
    "China urged both sides to show restraint.",
    "Russian troops shelled the city of Kharkiv overnight, Ukrainian officials said.",
]


def _documents() -> list[dict]:
    return [{"id": f"d{i}", "date": "2023-06-02", "text": t} for i, t in enumerate(TEXTS * 3)]


def test_two_worker_processes_give_the_same_records_in_the_same_order(pipeline):
    serial = list(pipeline.process(_documents(), batch_size=2))
    parallel = list(pipeline.process(_documents(), batch_size=2, n_process=2))
    assert [c.document.id for c in parallel] == [c.document.id for c in serial] == [d["id"] for d in _documents()]
    assert [c.events for c in parallel] == [c.events for c in serial]
    assert [c.claims for c in parallel] == [c.claims for c in serial]
    assert any(c.events for c in serial), "nothing coded: the comparison would be empty"
    assert all(c.spacy_doc is None and c.n_sentences == 1 for c in parallel)


def test_code_accepts_jsonl_shaped_dicts_and_keeps_document_order(pipeline):
    records = list(pipeline.code(_documents()[:5]))
    doc_order = [int(r["doc_id"][1:]) for r in records]
    assert doc_order == sorted(doc_order)


def test_a_lazy_pipeline_used_with_workers_loads_nothing_in_the_parent():
    import eventline

    lazy = eventline.Pipeline(lazy=True)
    coded = list(lazy.process(_documents()[:4], batch_size=2, n_process=2))
    assert [c.document.id for c in coded] == ["d0", "d1", "d2", "d3"]
    assert any(c.events for c in coded)
    assert not lazy.loaded  # the workers loaded their own copies
    assert lazy.nlp.pipe_names and lazy.loaded  # and the parent loads on first use
