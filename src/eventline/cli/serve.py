"""`eventline serve`: the REST API and the web dashboard over a store (read-only)."""

from __future__ import annotations

import socket
from pathlib import Path

import typer

from eventline.cli import app

SERVE_EPILOG = """Examples:

  eventline serve --db news.duckdb     # then open http://127.0.0.1:8000/

  eventline serve --db news.duckdb --port 8080

  curl -s 'localhost:8000/api/events?actor=PRK&recipient=JPN&limit=5'

The API is described in docs/dashboard.md and at /api/openapi.json."""


def _fail(message: str) -> typer.Exit:
    typer.echo(f"eventline: {message}", err=True)
    return typer.Exit(2)


def _check_listen(host: str, port: int) -> None:
    """Exit 2 with a message when host:port cannot be listened on (in use, no such address), before printing
    the dashboard's address."""
    try:
        family = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0][0]
        with socket.create_server((host, port), family=family):
            pass
    except OSError as exc:
        raise _fail(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from exc


@app.command(epilog=SERVE_EPILOG)
def serve(
    db: Path = typer.Option(..., "--db", help="The store (a DuckDB file written by `eventline ingest`)."),
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on."),
    port: int = typer.Option(8000, "--port", min=1, max=65535, help="Port to listen on."),
) -> None:
    """Serve the JSON API (/api/...) and the dashboard (/) for a store, read-only."""
    if not db.is_file():
        raise _fail(f"no eventline store at {db}")
    import duckdb
    import uvicorn

    from eventline.store import StoreError
    from eventline.web import create_app

    try:
        web = create_app(db)
    except StoreError as exc:
        raise _fail(str(exc)) from exc
    except duckdb.Error as exc:
        raise _fail(f"cannot open the store {db} read-only: {exc}") from exc
    _check_listen(host, port)
    typer.echo(f"eventline dashboard: http://{host}:{port}/  (API: /api/health, /api/openapi.json; Ctrl-C stops)")
    uvicorn.run(web, host=host, port=port, log_level="warning")
