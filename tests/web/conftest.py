"""Fixtures for the web tests: the hand-made sample store, an API client on it, and a live server for the
browser tests (on a store ingested from the examples corpus when the coder yields events, else the sample)."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import threading
import time
import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest
import web_sample_store as sample_store

REPO = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.fixture(scope="session")
def sample_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("web") / "sample.duckdb"
    sample_store.build_store(path)
    return path


@pytest.fixture(scope="session")
def client(sample_db: Path):
    with warnings.catch_warnings():  # Starlette's notice that it prefers httpx2 over httpx
        warnings.simplefilter("ignore")
        from fastapi.testclient import TestClient

    from eventline.web import create_app

    with TestClient(create_app(sample_db), raise_server_exceptions=False) as c:
        yield c


def _events_in(db: Path) -> int:
    import duckdb

    try:
        with duckdb.connect(str(db), read_only=True) as con:
            return con.execute("SELECT count(*) FROM events WHERE len(recipient) > 0").fetchone()[0]
    except duckdb.Error:
        return 0


@pytest.fixture(scope="session")
def browser_store(tmp_path_factory: pytest.TempPathFactory, sample_db: Path) -> tuple[Path, str]:
    """(store, how it was built): the examples corpus through the real `eventline ingest` when that gives
    events with recipients, else the hand-made sample store."""
    given = os.environ.get("EVENTLINE_WEB_STORE")  # a store to show instead (e.g. for the docs' screenshots)
    if given:
        return Path(given), "given"
    examples = REPO / "examples"
    if examples.is_dir() and os.environ.get("EVENTLINE_WEB_SAMPLE_ONLY") != "1":
        db = tmp_path_factory.mktemp("examples") / "examples.duckdb"
        cmd = [sys.executable, "-c", "from eventline.cli import main; main()", "ingest", str(examples), "--db", str(db)]
        try:
            subprocess.run(cmd, cwd=REPO, capture_output=True, timeout=900, check=False)
        except subprocess.TimeoutExpired:
            pass
        if db.exists() and _events_in(db) > 0:
            return db, "examples"
    return sample_db, "sample"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def live_server(browser_store: tuple[Path, str]) -> Iterator[tuple[str, str]]:
    """(base URL, store kind) of a real uvicorn server on a free loopback port."""
    import uvicorn

    from eventline.web import create_app

    db, kind = browser_store
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.time() + 20
    while not server.started and time.time() < deadline:
        time.sleep(0.05)
    if not server.started:
        pytest.fail("the web server did not start")
    yield f"http://127.0.0.1:{port}", kind
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM:
        pytest.skip("needs Chromium (apt-get install chromium)")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(
            executable_path=CHROMIUM, headless=True,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                  "--disable-sync"],
        )
        yield b
        b.close()
