"""Running the real `eventline` command in a subprocess (a module of its own: `from conftest import ...` picks
whichever folder's conftest was imported first when several test folders run together)."""

from __future__ import annotations

import subprocess
import sys

EVENTLINE = [sys.executable, "-c", "from eventline.cli import main; main()"]


def run_eventline(*args: str, input: str | None = None, timeout: float = 120) -> subprocess.CompletedProcess:
    """`eventline ARGS...` in a subprocess (the installed package, this Python)."""
    return subprocess.run([*EVENTLINE, *args], capture_output=True, text=True, input=input, timeout=timeout)
