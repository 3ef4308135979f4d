"""The REST API and the web dashboard over a store (`eventline serve`). Reads the store and the analysis
functions; never writes, never parses text."""

from __future__ import annotations

from eventline.web.app import create_app

__all__ = ["create_app"]
