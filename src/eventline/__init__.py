"""eventline: political event data from news, offline.

Public surface (see the contract in the project's spec):

    eventline.read(path)        -> iterator of Document
    eventline.Pipeline(...)     -> .nlp, .code(documents) -> event records (dicts)
    eventline.dates.find / resolve
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from eventline import dates
from eventline.ingest import Document, read

__version__ = "0.1.0"
CODER_NAME = f"eventline {__version__}"

__all__ = ["Document", "Pipeline", "read", "dates", "__version__", "CODER_NAME"]

if TYPE_CHECKING:
    from eventline.pipeline import Pipeline


def __getattr__(name: str) -> Any:
    # Pipeline imports spaCy; keep `import eventline` cheap for readers, the store and the CLI's --help.
    if name == "Pipeline":
        from eventline.pipeline import Pipeline

        return Pipeline
    raise AttributeError(f"module 'eventline' has no attribute {name!r}")
