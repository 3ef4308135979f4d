"""The demo's closing command can be pasted as is: `eventline` when that name on PATH is this program, else the
path it was started by (after `make demo` the venv is not active, so `eventline` alone is not found)."""

from __future__ import annotations

import os
from pathlib import Path

from eventline.cli.documents import program_name


def _script(folder: Path) -> Path:
    folder.mkdir(parents=True)
    script = folder / "eventline"
    script.write_text("#!/bin/sh\n", encoding="utf-8")
    script.chmod(0o755)
    return script


def test_started_by_a_path_not_on_path_gives_that_path(tmp_path, monkeypatch):
    script = _script(tmp_path / "venv" / "bin")
    monkeypatch.setenv("PATH", str(tmp_path / "elsewhere"))
    assert program_name(str(script)) == str(script)


def test_the_eventline_on_path_gives_the_bare_name(tmp_path, monkeypatch):
    script = _script(tmp_path / "venv" / "bin")
    monkeypatch.setenv("PATH", str(script.parent) + os.pathsep + os.environ.get("PATH", ""))
    assert program_name(str(script)) == "eventline"


def test_another_runner_gives_the_bare_name():
    assert program_name("/usr/lib/python3/site-packages/pytest/__main__.py") == "eventline"
