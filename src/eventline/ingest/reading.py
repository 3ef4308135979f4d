"""`read(path)`: walks files and folders, picks a reader per file, reports what it cannot read and goes on."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from eventline.ingest.document import Document


class ReadError(Exception):
    """A reader could not turn an input into documents; the message says why (the caller adds the path)."""


@dataclass(frozen=True)
class ReadProblem:
    path: str
    reason: str

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


OnProblem = Callable[[ReadProblem], None]


def _print_problem(problem: ReadProblem) -> None:
    print(f"eventline: skipped {problem}", file=sys.stderr)


# In a folder walk these are notes about the corpus, not articles (a file named explicitly is still read).
FOLDER_NOTES = ("readme", "license", "licence", "changelog", "notice")
NOTE_SUFFIXES = (".md", ".rst")


def _is_note(path: Path) -> bool:
    name = path.name.lower()
    return name.startswith(FOLDER_NOTES) or name.endswith(NOTE_SUFFIXES)


def iter_input_files(paths: str | Path | Iterable[str | Path]) -> Iterator[Path]:
    """Files named, and files under folders named (recursively, sorted, hidden files and README-like notes
    skipped). '-' is stdin."""
    if isinstance(paths, (str, Path)):
        paths = [paths]
    for p in paths:
        if str(p) == "-":
            yield Path("-")
            continue
        path = Path(p)
        if path.is_dir():
            for f in sorted(path.rglob("*")):
                if f.is_file() and not _is_note(f) and not any(p.startswith(".") for p in f.relative_to(path).parts):
                    yield f
        else:
            yield path


def read(
    paths: str | Path | Iterable[str | Path],
    on_problem: OnProblem | None = None,
    corpus_lines: bool = False,
) -> Iterator[Document]:
    """Yields the documents in files and folders; an input that cannot be read is reported through
    `on_problem` (default: a line on stderr naming the path and the reason) and skipped. A folder named is
    read in two passes when `corpus_lines` is on: the first learns the lines repeated across its plain-text
    files (menus, footers of the same sites), which the plain-text cleaner then treats as furniture.

    `corpus_lines` is off by default so that a document's text depends on its own file only: the same article
    then gets the same body (and content hash) whether it is ingested alone, in a folder, or by a Spark task,
    which keeps re-ingests idempotent and Spark's output equal to a local run's."""
    from eventline.ingest.readers import read_file
    from eventline.ingest.readers.text import TEXT_SUFFIXES, learn_common_lines, read_text_file

    report = on_problem or _print_problem
    if isinstance(paths, (str, Path)):
        paths = [paths]
    for arg in paths:
        common = None
        if corpus_lines and str(arg) != "-" and Path(arg).is_dir():
            common = learn_common_lines(iter_input_files(arg))
        for path in iter_input_files(arg):
            try:
                if str(path) != "-" and not path.exists():
                    raise ReadError("no such file or folder")
                if common and path.suffix.lower() in TEXT_SUFFIXES:
                    yield from read_text_file(path, common)
                else:
                    yield from read_file(path, report)
            except ReadError as exc:
                report(ReadProblem(str(path), str(exc)))
            except (OSError, UnicodeError, ValueError) as exc:
                report(ReadProblem(str(path), f"{type(exc).__name__}: {exc}"))
