"""What the app holds for its lifetime: settings, the open store, the template environment, and
(loaded on the first write, then kept) the extraction pipeline and the resolver."""
from __future__ import annotations

import threading
from functools import cached_property
from pathlib import Path

from fastapi import Request
from jinja2 import Environment, FileSystemLoader, StrictUndefined

from ..pipeline import Pipeline
from ..resolve_run import Resolver
from ..settings import Settings
from ..store import Store
from .present import number, safe_url

HERE = Path(__file__).parent
TEMPLATES = HERE / "templates"
STATIC = HERE / "static"


def template_environment() -> Environment:
    """Jinja2 with autoescaping on for every template (article text is hostile input)."""
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=True, undefined=StrictUndefined,
                      trim_blocks=True, lstrip_blocks=True)
    env.filters["number"] = number
    env.filters["safe_url"] = safe_url
    return env


class WebResources:
    """The store and templates of one app; ``write_lock`` serializes ingests and decisions."""

    def __init__(self, settings: Settings, store: Store | None = None) -> None:
        self.settings = settings
        self.store = store or Store.open(settings)
        self.templates = template_environment()
        self.write_lock = threading.Lock()

    @cached_property
    def pipeline(self) -> Pipeline:
        return Pipeline(self.settings)

    @cached_property
    def resolver(self) -> Resolver:
        return Resolver.load(self.settings)

    @property
    def writable(self) -> bool:
        return bool(self.settings.token)

    def close(self) -> None:
        self.store.close()


def get_web(request: Request) -> WebResources:
    """FastAPI dependency: the app's resources."""
    return request.app.state.web
