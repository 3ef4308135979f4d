"""The spaCy component: `nlp.add_pipe("eventline")` sets `doc._.events` (stub until the coder lands)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from eventline.coding.coder import EventCoder
from eventline.ingest import Document

if not Doc.has_extension("events"):
    Doc.set_extension("events", default=None)


class EventlineComponent:
    def __init__(self, nlp: Language, name: str) -> None:
        self.coder = EventCoder()

    def __call__(self, doc: Doc) -> Doc:
        doc._.events = self.coder.code(doc, Document(id="doc", text=doc.text))
        return doc


@Language.factory("eventline")
def make_eventline_component(nlp: Language, name: str) -> EventlineComponent:
    return EventlineComponent(nlp, name)
