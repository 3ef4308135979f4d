"""`--help` gives examples for the everyday commands, and the examples only use options that exist."""

from __future__ import annotations

import re

import pytest
import typer.main
from typer.testing import CliRunner

from eventline.cli import app

runner = CliRunner()
EVERYDAY = ["code", "ingest", "export", "demo", "timeline", "shifts", "claims", "serve"]


def _commands():
    return typer.main.get_command(app).commands


@pytest.mark.parametrize("name", EVERYDAY)
def test_help_shows_examples(name):
    result = runner.invoke(app, [name, "--help"], terminal_width=100)
    assert result.exit_code == 0
    assert "Examples:" in result.output
    assert re.search(rf"^\s*(echo .*\| )?eventline {name}\b", result.output, flags=re.M)


def test_top_level_help_shows_examples():
    result = runner.invoke(app, ["--help"], terminal_width=100)
    assert result.exit_code == 0
    assert "Examples:" in result.output and "eventline ingest" in result.output


def test_examples_use_only_existing_options():
    commands = _commands()
    texts = [typer.main.get_command(app).epilog or ""] + [commands[n].epilog or "" for n in EVERYDAY]
    checked = 0
    for text in texts:
        for line in text.splitlines():
            m = re.search(r"\beventline (\w+)(.*)", line.split("#")[0])
            if not m or m.group(1) not in commands:
                continue
            opts = {o for p in commands[m.group(1)].params for o in (*p.opts, *p.secondary_opts)}
            for token in re.findall(r"(?<!\S)(--?[a-z][\w-]*)", m.group(2)):
                assert token in opts, f"{line.strip()!r}: {m.group(1)} has no option {token}"
            checked += 1
    assert checked >= 20
