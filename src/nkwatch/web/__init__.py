"""The web app and REST API over the store: server-rendered pages, each with a JSON twin on the
same path (``/events`` and ``/events.json``, or ``?format=json``) built by one function, exports,
and token-guarded writes (ingest, merge, split). ``create_app(settings)`` builds it."""
from .app import create_app

__all__ = ["create_app"]
