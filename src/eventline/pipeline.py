"""`eventline.Pipeline`: the stages wired together: spaCy parse -> actors -> events (-> claims).

It only composes the stages' public interfaces; each stage owns its logic.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from eventline import nlp as nlp_stage
from eventline.actors import ActorResolver
from eventline.coding import EventCoder
from eventline.ingest import Document


@dataclass
class CodedDocument:
    """One document after the pipeline: its parse, event records and numeric claims."""

    document: Document
    spacy_doc: Doc
    events: list[dict[str, Any]] = field(default_factory=list)
    claims: list[dict[str, Any]] = field(default_factory=list)


def as_document(item: Document | dict[str, Any]) -> Document:
    return item if isinstance(item, Document) else Document.from_dict(item)


class Pipeline:
    """Parses, resolves actors and codes events.

    model: None for the shipped pipeline, or any installed spaCy pipeline name or path.
    actors: a file (or list of entries) adding to or overriding the actor knowledge base.
    petrarch_dicts: a folder of PETRARCH-format dictionaries that replace eventline's own.
    """

    def __init__(
        self,
        model: str | Path | None = None,
        actors: str | Path | list[dict[str, Any]] | None = None,
        petrarch_dicts: str | Path | None = None,
        claims: bool = True,
    ) -> None:
        self.nlp: Language = nlp_stage.load(model)
        self.resolver = ActorResolver(extra=actors)
        dictionary = None
        coder_class = EventCoder
        if petrarch_dicts is not None:
            from eventline.coding.petrarch import PetrarchCoder, load_petrarch_dictionaries

            dictionary, self.resolver = load_petrarch_dictionaries(petrarch_dicts, self.resolver)
            coder_class = PetrarchCoder  # PETRARCH's output conventions (directed, paired events)
        self.coder = coder_class(resolver=self.resolver, dictionary=dictionary)
        self.extract_claims = claims

    def process(
        self, documents: Iterable[Document | dict[str, Any]], batch_size: int = 16, n_process: int = 1
    ) -> Iterator[CodedDocument]:
        """Documents in, CodedDocuments out, in input order."""
        docs = (as_document(d) for d in documents)
        pairs = self.nlp.pipe(((d.text, d) for d in docs), as_tuples=True, batch_size=batch_size,
                              n_process=n_process)
        for spacy_doc, document in pairs:
            yield self.code_parsed(spacy_doc, document)

    def code_parsed(self, spacy_doc: Doc, document: Document) -> CodedDocument:
        events = self.coder.code(spacy_doc, document)
        claims: list[dict[str, Any]] = []
        if self.extract_claims:
            from eventline.analysis.claims import extract_claims

            claims = extract_claims(spacy_doc, document, self.resolver)
        return CodedDocument(document, spacy_doc, events, claims)

    def code(self, documents: Iterable[Document | dict[str, Any]], **kwargs: Any) -> Iterator[dict[str, Any]]:
        """Event records (dicts valid against event.schema.json), documents in order."""
        for coded in self.process(documents, **kwargs):
            yield from coded.events
