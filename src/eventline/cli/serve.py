"""`eventline serve`: the REST API and the web dashboard over a store (read-only)."""

from __future__ import annotations

from pathlib import Path

import typer

from eventline.cli import app


@app.command()
def serve(
    db: Path = typer.Option(..., "--db", help="The store (a DuckDB file written by `eventline ingest`)."),
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on."),
    port: int = typer.Option(8000, "--port", min=1, max=65535, help="Port to listen on."),
) -> None:
    """Serve the JSON API (/api/...) and the dashboard (/) for a store, read-only."""
    if not db.is_file():
        typer.echo(f"error: no eventline store at {db}", err=True)
        raise typer.Exit(2)
    import duckdb
    import uvicorn

    from eventline.web import create_app

    try:
        web = create_app(db)
    except duckdb.Error as exc:
        typer.echo(f"error: cannot open {db} read-only: {exc}", err=True)
        raise typer.Exit(1) from exc
    typer.echo(f"eventline dashboard: http://{host}:{port}/  (API: /api/health, /api/openapi.json; Ctrl-C stops)")
    uvicorn.run(web, host=host, port=port, log_level="warning")
