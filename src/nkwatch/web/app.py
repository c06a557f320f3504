"""The app factory: routers, static files, security headers, error pages."""
from __future__ import annotations

from contextlib import asynccontextmanager

from fastapi import FastAPI, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from .. import __version__
from ..settings import Settings
from ..store import StoreError
from .head import HeadAsGet
from .render import render_page, wants_json
from .resources import STATIC, WebResources
from .routes import ROUTERS
from .security import RefuseNul, SecurityHeaders


def create_app(settings: Settings, resources: WebResources | None = None) -> FastAPI:
    """The web app over the store of ``settings`` (``resources``: already opened ones, e.g. a
    test's store shared by several apps; the app then leaves them open)."""
    owned = resources is None
    web = resources or WebResources(settings)

    @asynccontextmanager
    async def lifespan(_app: FastAPI):
        yield
        if owned:
            web.close()

    app = FastAPI(title="nkwatch", version=__version__, lifespan=lifespan, docs_url=None, redoc_url=None,
                  openapi_url="/openapi.json",
                  description="Events and attributed claims about North Korea's military activity, each with "
                              "its evidence. Every page has a JSON twin: PATH.json or PATH?format=json. "
                              "Writes (/api/...) need the server's NKWATCH_TOKEN as a Bearer token.")
    app.state.web = web
    app.add_middleware(RefuseNul)
    app.add_middleware(SecurityHeaders)
    app.add_middleware(HeadAsGet)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    for router in ROUTERS:
        app.include_router(router)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(StoreError, _store_error)
    return app


def _error(request: Request, status: int, detail, headers: dict | None = None):
    if wants_json(request):
        return JSONResponse({"detail": jsonable_encoder(detail)}, status_code=status, headers=headers)
    message = detail if isinstance(detail, str) else "; ".join(
        f"{'.'.join(str(x) for x in e.get('loc', ()))}: {e.get('msg')}" for e in detail)
    response = render_page(request, "error.html", {"status": status, "message": message}, status=status)
    for key, value in (headers or {}).items():
        response.headers[key] = value
    return response


async def _http_error(request: Request, exc: StarletteHTTPException):
    return _error(request, exc.status_code, exc.detail, getattr(exc, "headers", None))


async def _validation_error(request: Request, exc: RequestValidationError):
    return _error(request, 422, exc.errors())


async def _store_error(request: Request, exc: StoreError):
    return _error(request, 400, str(exc))
