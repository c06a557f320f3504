"""What the app holds for its lifetime: settings, the open store, the template environment, and
(loaded on the first write, then kept) the extraction pipeline and the resolver."""
from __future__ import annotations

import threading
from pathlib import Path

from fastapi import Request
from jinja2 import Environment, FileSystemLoader, StrictUndefined

from ..pipeline import Pipeline
from ..resolve_run import Resolver
from ..settings import Settings
from ..store import Store
from ..display import number
from ..names import Names
from .landmarks import load_landmarks
from .present import safe_url

HERE = Path(__file__).parent
TEMPLATES = HERE / "templates"
STATIC = HERE / "static"


def template_environment(names: Names) -> Environment:
    """Jinja2 with autoescaping on for every template (article text is hostile input), and filters
    naming the stored codes (``type_name``, ``class_name``, ``precision_name``)."""
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=True, undefined=StrictUndefined,
                      trim_blocks=True, lstrip_blocks=True)
    env.filters["number"] = number
    env.filters["safe_url"] = safe_url
    env.filters["type_name"] = names.event_type
    env.filters["class_name"] = names.weapon_class
    env.filters["precision_name"] = names.place_precision
    return env


class WebResources:
    """The store, names, map landmarks and templates of one app; ``write_lock`` serializes ingests
    and decisions.
    ``pipeline`` and ``resolver`` may be given already loaded (else loaded on first use: the
    spaCy model takes seconds, and a read-only server never needs it)."""

    def __init__(self, settings: Settings, store: Store | None = None, pipeline: Pipeline | None = None,
                 resolver: Resolver | None = None) -> None:
        self.settings = settings
        self.store = store or Store.open(settings)
        self.names = Names.load(settings)
        self.landmarks = load_landmarks(settings)
        self.templates = template_environment(self.names)
        self.write_lock = threading.Lock()
        self._pipeline, self._resolver = pipeline, resolver

    @property
    def pipeline(self) -> Pipeline:
        if self._pipeline is None:
            self._pipeline = Pipeline(self.settings)
        return self._pipeline

    @property
    def resolver(self) -> Resolver:
        if self._resolver is None:
            self._resolver = Resolver.load(self.settings)
        return self._resolver

    @property
    def writable(self) -> bool:
        return bool(self.settings.token)

    def close(self) -> None:
        self.store.close()


def get_web(request: Request) -> WebResources:
    """FastAPI dependency: the app's resources."""
    return request.app.state.web
