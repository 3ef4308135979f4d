"""A per-user cache of tables eventline derives from its shipped data files.

Building the actor knowledge base from its TSV files takes one to two seconds; every `eventline` command, every
Spark executor and every test session pays it again. The built tables are pickled once into the user's cache
directory, under a name that hashes the data files *and* the code that builds them, so an edited dictionary or a
new release is never served stale tables: a changed input simply gives another file name.

Where the cache lives: `$EVENTLINE_CACHE_DIR`, else `$XDG_CACHE_HOME/eventline`, else `~/.cache/eventline`.
`EVENTLINE_CACHE_DIR=off` turns it off. A cache that cannot be written (read-only home, full disk) or read
(truncated, written by another Python) is ignored and the tables are built as before: the cache only ever saves
time, it never changes a result.
"""

from __future__ import annotations

import gc
import hashlib
import logging
import os
import pickle
import sys
import tempfile
from collections.abc import Callable, Iterable
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

log = logging.getLogger(__name__)
T = TypeVar("T")
# Old cache files of one table are removed when a new one is written; keep the newest few (several checkouts or
# versions may share one cache directory).
KEEP_VERSIONS = 3


def cache_dir() -> Path | None:
    """The cache directory, or None when caching is turned off."""
    configured = os.environ.get("EVENTLINE_CACHE_DIR")
    if configured is not None:
        return None if configured.strip().lower() in ("", "off", "0", "none") else Path(configured)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "eventline"


def fingerprint(inputs: Iterable[Path]) -> str:
    """A digest of the inputs' names and bytes, of the Python version and of the pickle protocol."""
    digest = hashlib.blake2b(digest_size=12)
    digest.update(f"{sys.version_info[:2]}|{pickle.HIGHEST_PROTOCOL}".encode())
    for path in inputs:
        digest.update(path.name.encode() + b"\0")
        try:
            digest.update(path.read_bytes())
        except OSError:
            digest.update(b"<missing>")
        digest.update(b"\0")
    return digest.hexdigest()


@contextmanager
def collector_paused():
    """Building or unpickling hundreds of thousands of small objects triggers the cyclic collector again and again
    although none of them is garbage yet; pausing it makes the load several times faster."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def load_or_build(name: str, inputs: Iterable[Path], build: Callable[[], T]) -> T:
    """The object `build()` returns, read from the cache when `inputs` have not changed since it was stored."""
    inputs = list(inputs)
    directory = cache_dir()
    if directory is None:
        with collector_paused():
            return build()
    path = directory / f"{name}-{fingerprint(inputs)}.pickle"
    if path.exists():
        try:
            with collector_paused(), path.open("rb") as handle:
                return pickle.load(handle)  # noqa: S301 - our own file, named by the hash of what it holds
        except Exception as error:  # a truncated or foreign file: rebuild and overwrite it
            log.warning("ignoring unreadable cache file %s (%s)", path, error)
    with collector_paused():
        value = build()
    _store(path, value)
    return value


def _store(path: Path, value: Any) -> None:
    """Writes the pickle under a temporary name and renames it: concurrent processes never read half a file."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, prefix=path.stem, suffix=".tmp", delete=False) as handle:
            pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(handle.name, path)
    except (OSError, pickle.PicklingError) as error:
        log.info("not caching %s: %s", path.name, error)
        return
    _prune(path)


def _prune(current: Path) -> None:
    table = current.name.rsplit("-", 1)[0]
    try:  # another process may be pruning the same directory
        versions = sorted((p for p in current.parent.glob(f"{table}-*.pickle") if p != current),
                          key=lambda p: p.stat().st_mtime, reverse=True)
        for old in versions[KEEP_VERSIONS - 1:]:
            old.unlink(missing_ok=True)
    except OSError:
        pass
