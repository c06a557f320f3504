"""Security of the app: response headers (a Content-Security-Policy that forbids inline script
and every foreign origin) and the write token (``NKWATCH_TOKEN``; without one, read-only)."""
from __future__ import annotations

import hmac

from fastapi import Depends, Header, HTTPException
from starlette.responses import PlainTextResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .resources import WebResources, get_web

CSP = "; ".join([
    "default-src 'self'", "script-src 'self'", "style-src 'self'", "img-src 'self'",
    "connect-src 'self'", "font-src 'self'", "object-src 'none'", "base-uri 'none'",
    "form-action 'self'", "frame-ancestors 'none'",
])
HEADERS = {
    "content-security-policy": CSP,
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "x-frame-options": "DENY",
    "cross-origin-opener-policy": "same-origin",
}


class SecurityHeaders:
    """ASGI middleware adding ``HEADERS`` to every HTTP response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                present = {k.lower() for k, _ in message.get("headers", [])}
                message.setdefault("headers", [])
                message["headers"] = [*message["headers"], *((k.encode(), v.encode()) for k, v in HEADERS.items()
                                                            if k.encode() not in present)]
            await send(message)

        await self.app(scope, receive, with_headers)


class RefuseNul:
    """ASGI middleware answering 400 to a request whose path or query holds a NUL character (raw or
    as %00): no stored id or text holds one (PostgreSQL cannot store it, and refuses it as a
    parameter), so it can only be an error or a probe."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and ("\x00" in scope.get("path", "")
                                        or b"%00" in scope.get("query_string", b"")
                                        or b"\x00" in scope.get("query_string", b"")):
            response = PlainTextResponse("a NUL character is not allowed in a path or a query", status_code=400)
            await response(scope, receive, send)
            return
        await self.app(scope, receive, send)


def require_token(web: WebResources = Depends(get_web),
                  authorization: str | None = Header(None, description="Bearer <NKWATCH_TOKEN>"),
                  x_nkwatch_token: str | None = Header(None, description="The write token (alternative)")
                  ) -> None:
    """Writes need the server's token: 403 when the server has none (read-only), 401 when the
    request does not carry it (``Authorization: Bearer ...`` or ``X-Nkwatch-Token``)."""
    expected = web.settings.token
    if not expected:
        raise HTTPException(403, "read-only server: start it with NKWATCH_TOKEN set to allow writes")
    given = x_nkwatch_token
    if authorization and authorization.lower().startswith("bearer "):
        given = authorization[7:].strip()
    if not given or not hmac.compare_digest(given.encode(), expected.encode()):
        raise HTTPException(401, "a valid write token is needed", headers={"WWW-Authenticate": "Bearer"})
