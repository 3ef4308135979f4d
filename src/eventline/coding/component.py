"""The spaCy component: `nlp.add_pipe("eventline")` codes events on any English pipeline with a parser and
sets `doc._.events` (event records, event.schema.json). The publication date, when known, goes in
`doc._.pub_date` (a datetime.date) before the component runs; `doc._.doc_id` names the document."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from eventline.coding.coder import EventCoder
from eventline.ingest import Document
from eventline.ingest.document import content_hash

for _name in ("events", "pub_date", "doc_id"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


class EventlineComponent:
    def __init__(self, nlp: Language, name: str, dictionary: str | None = None) -> None:
        from eventline.coding.dictionary import default_dictionary, load_dictionary

        self.name = name
        self.coder = EventCoder(dictionary=load_dictionary(dictionary) if dictionary else default_dictionary())

    def __call__(self, doc: Doc) -> Doc:
        document = Document(id=doc._.doc_id or content_hash(doc.text)[:16], text=doc.text, pub_date=doc._.pub_date)
        doc._.events = self.coder.code(doc, document)
        return doc


@Language.factory("eventline", default_config={"dictionary": None})
def make_eventline_component(nlp: Language, name: str, dictionary: str | None) -> EventlineComponent:
    return EventlineComponent(nlp, name, dictionary)
