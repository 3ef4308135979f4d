"""The Python examples in README.md run exactly as written (a user copies them into a file)."""

from __future__ import annotations

import contextlib
import io
import os
import re
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def _python_blocks(markdown: str) -> list[str]:
    return re.findall(r"```python\n(.*?)```", markdown, flags=re.S)


def test_readme_python_api_example_runs_as_written() -> None:
    blocks = _python_blocks((REPO / "README.md").read_text(encoding="utf-8"))
    api = [b for b in blocks if "eventline.Pipeline()" in b]
    assert api, "README.md has no Python API example"
    out = io.StringIO()
    cwd = os.getcwd()
    os.chdir(REPO)  # the example reads "examples/" relative to the repository root
    try:
        with contextlib.redirect_stdout(out):
            exec(compile(api[0], "README.md", "exec"), {"__name__": "__readme__"})  # noqa: S102
    finally:
        os.chdir(cwd)
    lines = out.getvalue().splitlines()
    assert len(lines) > 10, "the example should print one line per coded record of examples/"
    # date, actor code, CAMEO code (a string with its leading zero), PLOVER category, sentence
    assert any(re.match(r"^\d{4}(-\d\d(-\d\d)?)? [A-Z]{3}\w* 0\d\d\d? [A-Z]+ ", line) for line in lines)
