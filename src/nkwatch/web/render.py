"""One data function, two renderers: every page is registered at ``PATH`` (HTML, or JSON with
``?format=json``) and ``PATH.json`` (JSON), both calling the same function, which takes the
request first and returns a JSON-ready dict that the page's template renders."""
from __future__ import annotations

import functools
import json
from collections.abc import Callable
from datetime import date
from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response

from .resources import WebResources


def json_url(request: Request) -> str:
    """The JSON twin of the page being rendered (same query)."""
    query = request.url.query
    return request.url.path + ".json" + (f"?{query}" if query else "")


def wants_json(request: Request) -> bool:
    """A request answered in JSON: a .json path, ?format=json, the write API, or a client that
    does not accept HTML."""
    path = request.url.path
    accept = request.headers.get("accept", "")
    return (path.endswith(".json") or request.query_params.get("format") == "json" or path.startswith("/api/")
            or ("text/html" not in accept and "application/json" in accept))


def page_base(request: Request) -> str:
    """The page's URL with its query minus offset/limit/format, ready for '...offset=N'."""
    kept = [(k, v) for k, v in request.query_params.multi_items() if k not in ("offset", "limit", "format")]
    return request.url.path + "?" + (urlencode(kept) + "&" if kept else "")


def with_query(request: Request, path: str | None = None, **changes: str | None) -> str:
    """A URL of ``path`` (default: the page's, its HTML path for a JSON twin) with the page's
    query, minus offset/format, and ``changes`` applied (None removes a key): the link of a chart
    bar, an export of this view."""
    kept = [(k, v) for k, v in request.query_params.multi_items()
            if k not in ("offset", "format", *changes) and v.strip()]
    kept += [(k, v) for k, v in changes.items() if v is not None]
    query = urlencode(kept)
    return (path or request.url.path.removesuffix(".json")) + (f"?{query}" if query else "")


def render_page(request: Request, template: str, data: dict[str, Any], status: int = 200) -> HTMLResponse:
    """``template`` rendered with ``data`` (and the request, the JSON twin URL, whether writes are on)."""
    web: WebResources = request.app.state.web
    html = web.templates.get_template(template).render(
        data=data, request=request, json_url=json_url(request), writable=web.writable,
        path=request.url.path, page_base=page_base(request))
    return HTMLResponse(html, status_code=status)


def _iso(value: Any) -> str:
    if isinstance(value, date):  # datetimes too
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} is not JSON")


def json_response(data: dict[str, Any]) -> Response:
    """A page's data as JSON. The data functions return plain values (dates aside), so the
    standard encoder does; FastAPI's ``jsonable_encoder`` took more time than the query."""
    return Response(json.dumps(data, default=_iso, ensure_ascii=False, separators=(",", ":")),
                    media_type="application/json")


def twin(router: APIRouter, path: str, template: str, *, summary: str) -> Callable:
    """Register the decorated data function as GET ``path`` (HTML; ``?format=json`` for JSON) and
    GET ``path``.json (JSON, documented in the OpenAPI schema)."""
    def register(build: Callable[..., dict[str, Any]]) -> Callable[..., dict[str, Any]]:
        @functools.wraps(build)
        def as_json(*args, **kwargs) -> Response:
            return json_response(build(*args, **kwargs))

        @functools.wraps(build)
        def as_html(*args, **kwargs):
            data = build(*args, **kwargs)
            request = kwargs["request"]
            if request.query_params.get("format") == "json":
                return json_response(data)
            return render_page(request, template, data)

        router.add_api_route(path + ".json", as_json, methods=["GET"], summary=summary,
                             response_class=JSONResponse, name=f"{build.__name__}_json")
        router.add_api_route(path, as_html, methods=["GET"], summary=f"{summary} (HTML page)",
                             response_class=HTMLResponse, include_in_schema=False, name=build.__name__)
        return build
    return register
