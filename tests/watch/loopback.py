"""Loopback servers for the watch and alert tests (127.0.0.1, a free port each, a thread each).

``Site``: a scripted web site. Each path answers what its ``Route`` says, and the route can be
changed between polls: a new body (a new ETag and Last-Modified with it), statuses to answer
first (three 500s), a delay before answering, a redirect, a body of any size sent without
Content-Length. Conditional GETs get a 304 when the validators match. Every request is logged.

``Hooks``: a webhook receiver. It checks each delivery's signature with the secret it was given,
answers the first ``fail_first`` deliveries with a 500, and keeps the accepted ones.
"""
from __future__ import annotations

import hashlib
import json
import threading
import time
from dataclasses import dataclass, field
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from nkwatch.alerts import verify


@dataclass
class Route:
    body: bytes = b""
    content_type: str = "text/html; charset=utf-8"
    status: int = 200
    fail: list[int] = field(default_factory=list)   # statuses answered first, one per request
    delay: float = 0.0                               # seconds before answering
    location: str | None = None                      # a redirect target (status 302)
    stream_bytes: int = 0                            # a body this large, without Content-Length
    validators: bool = True                          # ETag and Last-Modified, and 304s
    etag: str = ""
    last_modified: str = ""

    def set_body(self, body: bytes | str) -> None:
        self.body = body.encode() if isinstance(body, str) else body
        self.etag = '"' + hashlib.sha1(self.body).hexdigest()[:16] + '"'
        self.last_modified = formatdate(time.time(), usegmt=True)


@dataclass(frozen=True)
class Request:
    at: float
    method: str
    path: str
    headers: dict[str, str]


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True


class _Base:
    def __init__(self, handler: type[BaseHTTPRequestHandler]) -> None:
        self.server = _Server(("127.0.0.1", 0), handler)
        self.server.owner = self  # type: ignore[attr-defined]
        self.thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)
        self.lock = threading.Lock()

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def url(self, path: str) -> str:
        return self.base + path

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()


class Site(_Base):
    def __init__(self) -> None:
        super().__init__(_SiteHandler)
        self.routes: dict[str, Route] = {}
        self.requests: list[Request] = []

    def route(self, path: str, body: bytes | str = b"", **kw: Any) -> Route:
        route = Route(**kw)
        route.set_body(body)
        self.routes[path] = route
        return route

    def hits(self, path: str) -> list[Request]:
        with self.lock:
            return [r for r in self.requests if r.path == path]


class _SiteHandler(BaseHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass

    def do_GET(self) -> None:
        site: Site = self.server.owner  # type: ignore[attr-defined]
        with site.lock:
            site.requests.append(Request(time.time(), "GET", self.path, dict(self.headers)))
            route = site.routes.get(self.path)
            status = route.fail.pop(0) if route is not None and route.fail else None
        if route is None:
            return self._answer(404, b"not found", "text/plain")
        if route.delay:
            time.sleep(route.delay)
        if status is not None:
            return self._answer(status, b"server trouble", "text/plain")
        if route.location is not None:
            self.send_response(302)
            self.send_header("Location", route.location)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        if route.stream_bytes:
            self.send_response(200)
            self.send_header("Content-Type", route.content_type)
            self.end_headers()
            chunk = b"<p>" + b"x" * 65_530 + b"</p>\n"
            sent = 0
            try:
                while sent < route.stream_bytes:
                    self.wfile.write(chunk)
                    sent += len(chunk)
            except (BrokenPipeError, ConnectionResetError):
                pass
            return
        if route.validators and (self.headers.get("If-None-Match") == route.etag
                                 or (not self.headers.get("If-None-Match")
                                     and self.headers.get("If-Modified-Since") == route.last_modified)):
            self.send_response(304)
            self.send_header("ETag", route.etag)
            self.end_headers()
            return
        headers = {"ETag": route.etag, "Last-Modified": route.last_modified} if route.validators else {}
        self._answer(route.status, route.body, route.content_type, headers)

    def _answer(self, status: int, body: bytes, content_type: str, headers: dict | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        self.end_headers()
        try:
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass


@dataclass(frozen=True)
class Received:
    at: float
    delivery: str
    event: str
    signature_ok: bool
    payload: dict[str, Any]


class Hooks(_Base):
    def __init__(self, secret: str, fail_first: int = 0) -> None:
        super().__init__(_HookHandler)
        self.secret = secret
        self.fail_first = fail_first
        self.accepted: list[Received] = []
        self.refused: list[Received] = []

    def events(self) -> list[tuple[str, int]]:
        """(event id, version) of every accepted delivery, in order."""
        with self.lock:
            return [(r.payload["event"]["id"], r.payload["version"]) for r in self.accepted]

    def wait_for(self, count: int, timeout: float = 60.0) -> list[Received]:
        deadline = time.time() + timeout
        while time.time() < deadline:
            with self.lock:
                if len(self.accepted) >= count:
                    return list(self.accepted)
            time.sleep(0.02)
        raise AssertionError(f"{len(self.accepted)} deliveries accepted after {timeout} s, {count} awaited")


class _HookHandler(BaseHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass

    def do_POST(self) -> None:
        hooks: Hooks = self.server.owner  # type: ignore[attr-defined]
        body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        ok = verify(hooks.secret, self.headers.get("X-Nkwatch-Timestamp", ""), body,
                    self.headers.get("X-Nkwatch-Signature-256", ""))
        got = Received(time.time(), self.headers.get("X-Nkwatch-Delivery", ""),
                       self.headers.get("X-Nkwatch-Event", ""), ok, json.loads(body))
        with hooks.lock:
            refuse = not ok or hooks.fail_first > 0
            if refuse:
                hooks.fail_first -= 1 if ok else 0
                hooks.refused.append(got)
            else:
                hooks.accepted.append(got)
        status = 401 if not ok else 500 if refuse else 204
        self.send_response(status)
        self.send_header("Content-Length", "0")
        self.end_headers()
