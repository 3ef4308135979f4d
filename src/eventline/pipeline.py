"""`eventline.Pipeline`: the stages wired together: spaCy parse -> actors -> events (-> claims).

It only composes the stages' public interfaces; each stage owns its logic.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import gc
import multiprocessing
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from eventline import nlp as nlp_stage
from eventline.actors import ActorResolver
from eventline.coding import EventCoder
from eventline.ingest import Document
from eventline.nlp.long_texts import parse as parse_long_texts
from eventline.nlp.spans import sentence_starts


@dataclass
class CodedDocument:
    """One document after the pipeline: its parse, event records and numeric claims.

    `spacy_doc` is None when the document was coded in a worker process (parses are not sent back)."""

    document: Document
    spacy_doc: Doc | None
    events: list[dict[str, Any]] = field(default_factory=list)
    claims: list[dict[str, Any]] = field(default_factory=list)
    n_sentences: int | None = None


PARSE_BATCH = 4  # documents per spaCy batch
TRIM_EVERY_CHARS = 100_000  # characters coded between two calls of release_memory()
# Tasks (of PARSE_BATCH documents) a worker process codes before it is replaced. A worker's heap creeps up with
# every article (measured: 250 -> 570 MB over 1,600 Timeline17 articles) and a fresh fork of a loaded parent costs
# nothing, so workers are replaced often; a worker of a lazy parent loads the model itself and lives longer.
TASKS_PER_WORKER = 8
TASKS_PER_LOADING_WORKER = 400


def _load_trim() -> Any:
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        return libc.malloc_trim
    except (OSError, AttributeError):  # not glibc: nothing to do
        return None


_MALLOC_TRIM = _load_trim()


def release_memory() -> None:
    """Gives freed heap memory back to the system. spaCy's parse arrays for a long article are freed after it,
    but glibc keeps the pages: on Timeline17 this halves peak memory (628 -> 304 MB for 320 articles)."""
    if _MALLOC_TRIM is not None:
        _MALLOC_TRIM(0)


# The pipeline a worker process codes with: set in the parent just before the pool forks, so workers share
# the loaded model and knowledge base copy-on-write instead of loading their own.
_WORKER_PIPELINE: Pipeline | None = None


def _code_in_worker(documents: list[Document]) -> list[CodedDocument]:
    assert _WORKER_PIPELINE is not None, "worker started without a pipeline"
    coded = list(_WORKER_PIPELINE._process_serial(documents, batch_size=len(documents) or 1))
    for item in coded:
        item.spacy_doc = None  # a parse is large to pickle and the writer does not need it
    return coded


def as_document(item: Document | dict[str, Any]) -> Document:
    return item if isinstance(item, Document) else Document.from_dict(item)


class Pipeline:
    """Parses, resolves actors and codes events.

    model: None for the shipped pipeline, or any installed spaCy pipeline name or path.
    actors: a file (or list of entries) adding to or overriding the actor knowledge base.
    petrarch_dicts: a folder of PETRARCH-format dictionaries that replace eventline's own.
    lazy: load the model and dictionaries on first use instead of now.
    """

    def __init__(
        self,
        model: str | Path | None = None,
        actors: str | Path | list[dict[str, Any]] | None = None,
        petrarch_dicts: str | Path | None = None,
        claims: bool = True,
        lazy: bool = False,
    ) -> None:
        self._settings = (model, actors, petrarch_dicts)
        self.extract_claims = claims
        self._nlp: Language | None = None
        self._resolver: ActorResolver | None = None
        self._coder: EventCoder | None = None
        if not lazy:
            self._load()

    def _load(self) -> None:
        """Loads the model, the knowledge base and the dictionaries (once). A lazy pipeline that is only used
        with n_process > 1 never loads them in the parent and each worker loads its own; a loaded one is shared
        by the forked workers copy-on-write, which takes less memory and time (see `_process_parallel`)."""
        if self._coder is not None:
            return
        model, actors, petrarch_dicts = self._settings
        nlp = nlp_stage.load(model)
        resolver = ActorResolver(extra=actors)
        dictionary = None
        coder_class = EventCoder
        if petrarch_dicts is not None:
            from eventline.coding.petrarch import PetrarchCoder, load_petrarch_dictionaries

            dictionary, resolver = load_petrarch_dictionaries(petrarch_dicts, resolver)
            coder_class = PetrarchCoder  # PETRARCH's output conventions (directed, paired events)
        self._nlp, self._resolver = nlp, resolver
        self._coder = coder_class(resolver=resolver, dictionary=dictionary)

    @property
    def loaded(self) -> bool:
        return self._coder is not None

    @property
    def nlp(self) -> Language:
        """The spaCy Language it uses (tokenize, tag, parse)."""
        self._load()
        assert self._nlp is not None
        return self._nlp

    @property
    def resolver(self) -> ActorResolver:
        self._load()
        assert self._resolver is not None
        return self._resolver

    @property
    def coder(self) -> EventCoder:
        self._load()
        assert self._coder is not None
        return self._coder

    def process(
        self, documents: Iterable[Document | dict[str, Any]], batch_size: int = 16, n_process: int = 1
    ) -> Iterator[CodedDocument]:
        """Documents in, CodedDocuments out, in input order.

        n_process > 1 runs the whole pipeline (parse, actors, events, claims) in that many worker processes,
        at most PARSE_BATCH documents per task and four tasks per worker in flight: memory stays flat however
        long the input, and the caller (e.g. the store's single writer) sees the same order as with one."""
        docs = (as_document(d) for d in documents)
        if n_process <= 1 or "fork" not in multiprocessing.get_all_start_methods():
            yield from self._process_serial(docs, batch_size)
            return
        yield from self._process_parallel(docs, batch_size, n_process)

    def _process_serial(self, docs: Iterable[Document], batch_size: int) -> Iterator[CodedDocument]:
        # spaCy sizes its work arrays by the batch's tokens and the allocator keeps them: batches of a few
        # documents keep memory flat on long articles, at no cost in speed (measured: 15.2k vs 15.7k tokens per
        # CPU-second for 16 vs 4 documents on Timeline17).
        # long texts are parsed in pieces (eventline.nlp.long_texts): a 700k-character page would otherwise take
        # over 2 GB
        pairs = parse_long_texts(self.nlp, ((d.text, d) for d in docs), batch_size=min(batch_size, PARSE_BATCH))
        since_trim = 0
        for spacy_doc, document in pairs:
            yield self.code_parsed(spacy_doc, document)
            # giving memory back costs a walk of the heap (6% of the run when done every 4 articles): do it once
            # enough text has gone through, which is at once after a long article
            since_trim += len(document.text)
            if since_trim >= TRIM_EVERY_CHARS:
                release_memory()
                since_trim = 0

    def _process_parallel(self, docs: Iterator[Document], batch_size: int, n_process: int) -> Iterator[CodedDocument]:
        global _WORKER_PIPELINE
        _WORKER_PIPELINE = self
        context = multiprocessing.get_context("fork")
        if self.loaded:
            # what the parent holds now (model, knowledge base) stays out of the workers' garbage collections,
            # which would otherwise write to every object's page and unshare it
            gc.collect()
            gc.freeze()
        # Workers are replaced after a number of tasks, so memory that the allocator does not give back after an
        # unusually long article cannot build up over a long corpus.
        tasks_per_worker = TASKS_PER_WORKER if self.loaded else TASKS_PER_LOADING_WORKER
        # small tasks keep both workers busy to the end of a run and past a long article in one of them
        task_size = min(batch_size, PARSE_BATCH)
        with context.Pool(n_process, maxtasksperchild=tasks_per_worker) as pool:
            in_flight: deque[Any] = deque()
            while batch := list(islice(docs, task_size)):
                in_flight.append(pool.apply_async(_code_in_worker, (batch,)))
                if len(in_flight) >= 4 * n_process:
                    yield from in_flight.popleft().get()
            while in_flight:
                yield from in_flight.popleft().get()

    def code_parsed(self, spacy_doc: Doc, document: Document) -> CodedDocument:
        events = self.coder.code(spacy_doc, document)
        claims: list[dict[str, Any]] = []
        if self.extract_claims:
            from eventline.analysis.claims import extract_claims

            claims = extract_claims(spacy_doc, document, self.resolver)
        n_sentences = len(sentence_starts(spacy_doc)) if spacy_doc.has_annotation("SENT_START") else None
        return CodedDocument(document, spacy_doc, events, claims, n_sentences)

    def code(self, documents: Iterable[Document | dict[str, Any]], **kwargs: Any) -> Iterator[dict[str, Any]]:
        """Event records (dicts valid against event.schema.json), documents in order."""
        for coded in self.process(documents, **kwargs):
            yield from coded.events
