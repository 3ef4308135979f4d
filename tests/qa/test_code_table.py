"""`eventline code --format table` is readable on an 80-column terminal: whole sentences, codes not cut."""

from __future__ import annotations

import json
import re

from typer.testing import CliRunner

from eventline.cli import app


def test_code_table_fits_80_columns_and_keeps_sentences_whole():
    doc = {"id": "wire-1", "date": "2024-03-29",
           "text": "North Korea has no interest in any dialogue with Japan, Foreign Minister Choe Son Hui said on "
                   "Friday [KCNA]. Japan protested to North Korea on Monday."}
    result = CliRunner().invoke(app, ["code", "-", "--format", "table"], input=json.dumps(doc) + "\n",
                                terminal_width=80)
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].strip() == "wire-1"  # one table per document, titled with its id
    assert max(len(line) for line in lines) <= 80
    assert re.search(r"│ \d{3,4} [A-Z]+ +│", result.stdout)  # CAMEO code and PLOVER category, not truncated
    # the sentence column, read top to bottom, gives the sentence back (brackets are text, not markup)
    column = " ".join(line.split("│")[-2].strip() for line in lines if line.count("│") >= 6)
    assert "North Korea has no interest in any dialogue with Japan" in column
    assert "[KCNA]" in column
