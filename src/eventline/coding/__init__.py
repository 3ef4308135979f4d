"""The event coder: CAMEO/PLOVER event records from a parsed, actor-resolved document.

Public interface:
    EventCoder(resolver=None, dictionary=None).code(spacy_doc, document) -> list[dict]  (event records)
    The spaCy component "eventline" (nlp.add_pipe("eventline")) sets doc._.events.
"""

from __future__ import annotations

from eventline.coding.coder import EventCoder

__all__ = ["EventCoder"]
