"""The web application: the JSON API under /api and the dashboard at /, over one store opened read-only.

`create_app(db)` builds it; `eventline serve` runs it with uvicorn. Errors become JSON `{"error": message}`
with a 4xx status; an unexpected failure is a 500 with a fixed message, never a stack trace.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from eventline import __version__
from eventline.store import Store
from eventline.web.api import router

STATIC = Path(__file__).parent / "static"
log = logging.getLogger("eventline.web")

# The page loads only what this server sends: no CDN, no inline script.
CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " \
      "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"


def _describe(err: dict) -> str:
    loc = [str(p) for p in err.get("loc", ()) if p not in ("query", "path", "body")]
    where = f"parameter '{'.'.join(loc)}'" if loc else "request"
    return f"invalid {where}: {err.get('msg', 'bad value')}"


def create_app(db: str | Path) -> FastAPI:
    """The API and dashboard for the store at `db` (opened read-only; FileNotFoundError when absent)."""
    store = Store(db, read_only=True)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        store.close()

    app = FastAPI(
        lifespan=lifespan,
        title="eventline",
        version=__version__,
        description="Read-only JSON API over an eventline store: event records, dyad series, stance shifts, "
        "numeric claims and documents with event offsets. The dashboard is at /.",
        openapi_url="/api/openapi.json",
        docs_url=None,  # Swagger UI and ReDoc load scripts from a CDN; the OpenAPI JSON is enough offline.
        redoc_url=None,
    )
    app.state.store = store
    app.state.db_name = Path(db).name

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        errors = exc.errors()
        message = "; ".join(_describe(e) for e in errors[:3]) or "invalid request"
        return JSONResponse({"error": message}, status_code=422)

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        message = exc.detail if isinstance(exc.detail, str) else "error"
        if exc.status_code == 404 and message == "Not Found":
            message = f"no such path: {request.url.path[:200]}"
        return JSONResponse({"error": message}, status_code=exc.status_code, headers=getattr(exc, "headers", None))

    @app.exception_handler(Exception)
    async def _crash(request: Request, exc: Exception) -> JSONResponse:
        log.exception("error serving %s", request.url.path)
        return JSONResponse({"error": "internal error"}, status_code=500)

    @app.middleware("http")
    async def _headers(request: Request, call_next):
        response = await call_next(request)
        response.headers.setdefault("Content-Security-Policy", CSP)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "no-referrer")
        return response

    app.include_router(router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(STATIC / "index.html", media_type="text/html")

    return app
