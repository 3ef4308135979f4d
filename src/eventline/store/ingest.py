"""Ingest: documents -> skip what is stored -> find duplicates -> code the rest -> write in batches.

`ingest(documents, store, pipeline)` is the one loop the CLI (`eventline ingest`, `eventline demo`) and other
executors run. This process is the single writer; parsing may use several processes (`n_process`, spaCy's).

Guarantees:
- Idempotent: a document whose id is already stored (same content hash) is skipped before parsing, so
  re-running on the same inputs adds nothing.
- Resumable: documents are written in batches of `batch_size`, each batch (documents, events, claims and the
  run's counters) in one transaction. A run killed at any point (even `kill -9`) leaves whole batches only; the
  next run skips those and codes the rest.
- Duplicates are not coded: an exact copy (same content hash as a stored or earlier document) or a near copy
  (MinHash similarity >= the threshold, see `eventline.ingest.dedup`) is stored with `duplicate_of` = the
  original's id and no events, so nothing is counted twice. A duplicate is only written in the same batch as
  its original or a later one, so a store never holds a duplicate whose original is missing.
- Memory stays flat: documents stream through; at most a few batches are held at once.
"""

from __future__ import annotations

import time
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import chain
from typing import TYPE_CHECKING, Any

from eventline.ingest import Document
from eventline.ingest.dedup import DEFAULT_THRESHOLD, Deduplicator, Duplicate, hashvalues
from eventline.store.store import Store

if TYPE_CHECKING:
    from eventline.pipeline import Pipeline

# Reasons a document is skipped (not stored), as shown in the summary.
ALREADY_STORED = "already in store"
ID_CHANGED = "id already in store with different text"
REPEATED = "repeated in input"
REPEATED_ID = "id repeated in input with different text"
EMPTY = "empty text"

DEFAULT_BATCH_SIZE = 64


@dataclass
class IngestSummary:
    """What an ingest run did. `read` = stored + skipped; stored = originals coded + duplicates."""

    run_id: str = ""
    read: int = 0
    coded: int = 0
    exact_duplicates: int = 0
    near_duplicates: int = 0
    events: int = 0
    batches: int = 0
    skipped: Counter[str] = field(default_factory=Counter)
    unreadable: list[str] = field(default_factory=list)  # "path: reason" for inputs that could not be read
    seconds: float = 0.0
    status: str = "running"

    @property
    def duplicates(self) -> int:
        return self.exact_duplicates + self.near_duplicates

    @property
    def stored(self) -> int:
        return self.coded + self.duplicates

    def run_counts(self) -> dict[str, Any]:
        """The `runs` row columns for this summary."""
        return {
            "documents_read": self.read, "documents_skipped": sum(self.skipped.values()),
            "duplicates": self.duplicates, "near_duplicates": self.near_duplicates,
            "unreadable": len(self.unreadable), "events": self.events, "skipped": dict(self.skipped),
        }

    def as_dict(self) -> dict[str, Any]:
        return {
            "run_id": self.run_id, "status": self.status, "documents_read": self.read, "coded": self.coded,
            "exact_duplicates": self.exact_duplicates, "near_duplicates": self.near_duplicates,
            "skipped": dict(self.skipped), "unreadable": list(self.unreadable), "events": self.events,
            "batches": self.batches, "seconds": round(self.seconds, 3),
        }


def ingest(
    documents: Iterable[Document | dict[str, Any]],
    store: Store,
    pipeline: Pipeline | Callable[[], Pipeline],
    *,
    inputs: Iterable[str] = (),
    batch_size: int = DEFAULT_BATCH_SIZE,
    n_process: int = 1,
    near_threshold: float = DEFAULT_THRESHOLD,
    summary: IngestSummary | None = None,
    on_document: Callable[[IngestSummary], None] | None = None,
    on_batch: Callable[[IngestSummary], None] | None = None,
) -> IngestSummary:
    """Codes `documents` into `store` and returns the summary.

    pipeline: a Pipeline, or a function that builds one; it is only called when some document needs coding,
    so a re-run over stored inputs does not load the model.
    summary: pass one to collect unreadable inputs into it while `documents` is being read (see `read_into`).
    on_document / on_batch: called after each document is read / each batch is committed (progress display).
    """
    run = _IngestRun(store, pipeline, batch_size, n_process, near_threshold, summary or IngestSummary(),
                     on_document, on_batch)
    return run.run(documents, list(inputs))


def read_into(
    summary: IngestSummary, paths: Iterable[str], report: Callable[[str], None] | None = None
) -> Iterator[Document]:
    """`eventline.read(paths)`, recording each unreadable input in `summary.unreadable` (and passing the
    "path: reason" line to `report`, e.g. to print it on stderr)."""
    from eventline.ingest import read

    def on_problem(problem: Any) -> None:
        summary.unreadable.append(str(problem))
        if report is not None:
            report(str(problem))

    return read(list(paths), on_problem=on_problem)


class _IngestRun:
    def __init__(
        self,
        store: Store,
        pipeline: Any,
        batch_size: int,
        n_process: int,
        near_threshold: float,
        summary: IngestSummary,
        on_document: Callable[[IngestSummary], None] | None,
        on_batch: Callable[[IngestSummary], None] | None,
    ) -> None:
        self.store = store
        self.pipeline = pipeline
        self.batch_size = max(1, batch_size)
        self.n_process = n_process
        self.summary = summary
        self.on_document = on_document
        self.on_batch = on_batch
        self.stored = store.known_documents()  # id -> content hash, before this run
        self.seen: dict[str, str] = {}  # the same, for documents of this run
        self.dedup = Deduplicator(threshold=near_threshold)
        for doc_id, chash, minhash in store.originals():
            self.dedup.remember(doc_id, chash, hashvalues=minhash)
        self.minhashes: dict[str, list[int] | None] = {}
        self.duplicate_kinds: dict[str, str] = {}
        self.batch: list[Any] = []
        # Sequence numbers of documents sent to the pipeline and not yet back, and duplicates waiting for them.
        self.in_flight: deque[int] = deque()
        self.waiting: deque[tuple[int, Document]] = deque()
        self.seq = 0

    def run(self, documents: Iterable[Document | dict[str, Any]], inputs: list[str]) -> IngestSummary:
        from eventline import CODER_NAME

        summary = self.summary
        started = time.monotonic()
        summary.run_id = self.store.start_run(inputs, coder=CODER_NAME, workers=self.n_process)
        try:
            to_code = self._originals(documents)
            first = next(to_code, None)
            if first is not None:
                pipeline = self.pipeline if hasattr(self.pipeline, "process") else self.pipeline()
                coded_stream = pipeline.process(chain([first], to_code), n_process=self.n_process)
                for coded in coded_stream:
                    seq = self.in_flight.popleft()
                    while self.waiting and self.waiting[0][0] < seq:
                        self._add(self.waiting.popleft()[1])
                    summary.coded += 1
                    summary.events += len(coded.events)
                    self._add(coded)
            while self.waiting:
                self._add(self.waiting.popleft()[1])
            self._flush()
            summary.status = "finished"
        except BaseException:
            summary.status = "interrupted"
            raise
        finally:
            summary.seconds = time.monotonic() - started
            try:
                self.store.finish_run(summary.run_id, summary.status, summary.run_counts())
            except Exception:  # the connection may be gone; the next run marks this one interrupted
                pass
        return summary

    def _originals(self, documents: Iterable[Document | dict[str, Any]]) -> Iterator[Document]:
        """Yields the documents to code; records skips; queues duplicates to be written after their original."""
        from eventline.pipeline import as_document

        summary = self.summary
        for item in documents:
            document = as_document(item)
            summary.read += 1
            reason = self._skip_reason(document)
            if reason is not None:
                summary.skipped[reason] += 1
                self._progress()
                continue
            self.seen[document.id] = document.content_hash
            self.seq += 1
            signature = self.dedup.signature(document.text)
            duplicate = self.dedup.check(document, signature)
            if duplicate is not None:
                self._queue_duplicate(document, duplicate)
                self._progress()
                continue
            self.dedup.remember(document.id, document.content_hash, signature)
            self.minhashes[document.id] = hashvalues(signature)
            self.in_flight.append(self.seq)
            self._progress()
            yield document

    def _skip_reason(self, document: Document) -> str | None:
        if not document.text.strip():
            return EMPTY
        if document.id in self.stored:
            return ALREADY_STORED if self.stored[document.id] == document.content_hash else ID_CHANGED
        if document.id in self.seen:
            return REPEATED if self.seen[document.id] == document.content_hash else REPEATED_ID
        return None

    def _queue_duplicate(self, document: Document, duplicate: Duplicate) -> None:
        document.duplicate_of = duplicate.of
        self.duplicate_kinds[document.id] = duplicate.kind
        if duplicate.kind == "exact":
            self.summary.exact_duplicates += 1
        else:
            self.summary.near_duplicates += 1
        if self.in_flight:
            # Its original may still be in the pipeline: write it after everything read before it.
            self.waiting.append((self.seq, document))
        else:
            while self.waiting:
                self._add(self.waiting.popleft()[1])
            self._add(document)

    def _add(self, item: Any) -> None:
        self.batch.append(item)
        if len(self.batch) >= self.batch_size:
            self._flush()

    def _flush(self) -> None:
        if not self.batch:
            return
        ids = [getattr(i, "document", i).id for i in self.batch]
        self.store.write_batch(
            self.batch, self.summary.run_id,
            minhashes={i: self.minhashes.pop(i, None) for i in ids},
            duplicate_kinds={i: self.duplicate_kinds.pop(i) for i in ids if i in self.duplicate_kinds},
            run_counts=self.summary.run_counts(),
        )
        self.batch = []
        self.summary.batches += 1
        if self.on_batch is not None:
            self.on_batch(self.summary)

    def _progress(self) -> None:
        if self.on_document is not None:
            self.on_document(self.summary)


__all__ = [
    "ALREADY_STORED", "DEFAULT_BATCH_SIZE", "EMPTY", "ID_CHANGED", "REPEATED", "REPEATED_ID", "IngestSummary",
    "ingest", "read_into",
]
