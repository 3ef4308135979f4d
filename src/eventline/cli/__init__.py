"""The `eventline` command. Each group of commands lives in its own module and registers on `app`."""

from __future__ import annotations

import os
import sys
import threading
from typing import NoReturn

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
    """The `eventline` command. Ends without Python's interpreter teardown (see `_exit_now`)."""
    try:
        app()
    except SystemExit as done:
        code = done.code
    else:
        code = 0
    _exit_now(code)


def _exit_now(code: int | str | None) -> NoReturn:
    """Ends the process once the command is done, skipping the interpreter's teardown.

    With the model and the knowledge base loaded, that teardown (a last garbage collection over the millions of
    objects kept out of the collector, then freeing them one by one) takes about 1.4 s: longer than coding an
    article, and a serial cost no worker can share. Nothing of value is lost by skipping it: every command has
    closed its store and the output is flushed here; atexit handlers (worker pools, Spark, temporary files) still
    run. Only the releasing of memory, which the operating system does at once, is left out."""
    import atexit
    import gc

    if isinstance(code, str):  # sys.exit("message")
        print(code, file=sys.stderr)
        code = 1
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (BrokenPipeError, ValueError):  # a reader that went away (`| head`), or a closed stream
            pass
    for thread in threading.enumerate():  # as the interpreter would: wait for threads that are not daemons
        if thread is not threading.main_thread() and not thread.daemon:
            thread.join()
    atexit.unregister(gc.unfreeze)  # would start that last collection
    atexit._run_exitfuncs()
    os._exit(code or 0)
