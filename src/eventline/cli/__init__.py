"""The `eventline` command. Each group of commands lives in its own module and registers on `app`."""

from __future__ import annotations

import typer

from eventline import __version__

app = typer.Typer(
    name="eventline",
    help="Political event data from news: who did what to whom, when, and according to whom.",
    epilog="""Examples:

  eventline ingest ../news/ --db news.duckdb

  eventline timeline PRK JPN --db news.duckdb

  eventline shifts PRK JPN --db news.duckdb

  eventline serve --db news.duckdb

`eventline COMMAND --help` shows a command's options and examples; docs/cli.md is the reference.""",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"eventline {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Show the version."
    ),
) -> None:
    """eventline: political event data from news."""


def _register() -> None:
    # Importing a module registers its commands on `app`.
    import importlib

    for name in ("documents", "analysis", "explain", "actors", "serve", "scale", "evaluate"):
        try:
            importlib.import_module(f"eventline.cli.{name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"eventline.cli.{name}":
                raise


_register()


def main() -> None:
    app()
