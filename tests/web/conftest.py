"""Fixtures for the web tests: the seeds of ../shared ingested through the library into a store
(SQLite, and PostgreSQL when NKWATCH_TEST_PG_URL is set), apps over it (read-only, and with a
write token), and TestClients."""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from nkwatch.ingest.run import ingest
from nkwatch.pipeline import Pipeline
from nkwatch.resolve_run import Resolver
from nkwatch.settings import Settings
from nkwatch.store import Store
from nkwatch.web import create_app
from nkwatch.web.resources import WebResources

TOKEN = "test-token-5f0c"
BACKENDS = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgresql)]


@contextmanager
def store_url(backend: str, request, folder: Path) -> Iterator[str]:
    """A new empty store: a SQLite file in ``folder``, or a PostgreSQL schema of its own
    (dropped afterwards)."""
    if backend == "sqlite":
        yield str(folder / "web.db")
        return
    with request.getfixturevalue("pg_schema")("nkwatch_web") as url:
        yield url


@contextmanager
def seeded_resources(url: str, shared: Path, pipeline: Pipeline, resolver: Resolver) -> Iterator[WebResources]:
    """Resources over a store at ``url`` holding the seeds, ingested as ``nkwatch ingest`` does."""
    settings = Settings(db=url)
    with Store.open(settings) as store:
        report = ingest([str(shared / "corpus" / "seeds")], store, pipeline, resolver=resolver)
        assert report.ok and report.new == 5, report
        yield WebResources(settings, store, pipeline, resolver)


@pytest.fixture(scope="session", params=BACKENDS)
def seeded(request, shared, pipeline, resolver, tmp_path_factory) -> Iterator[WebResources]:
    """The seeds in a store shared by every read-only test (never written to)."""
    with (store_url(request.param, request, tmp_path_factory.mktemp("seeded")) as url,
          seeded_resources(url, shared, pipeline, resolver) as web):
        yield web


@pytest.fixture(scope="module", params=BACKENDS)
def writable(request, shared, pipeline, resolver, tmp_path_factory) -> Iterator[WebResources]:
    """The seeds in a store of the module's own, which its tests may write to."""
    with (store_url(request.param, request, tmp_path_factory.mktemp("writable")) as url,
          seeded_resources(url, shared, pipeline, resolver) as web):
        yield web


def client_of(web: WebResources, token: str | None = None, **settings_changes) -> TestClient:
    """A client of an app over ``web``'s store; ``token``: the server's write token (None:
    read-only); other settings changed as given."""
    settings = web.settings.with_(token=token, **settings_changes)
    return TestClient(create_app(settings, WebResources(settings, web.store, web.pipeline, web.resolver)))


@pytest.fixture(scope="session")
def client(seeded) -> TestClient:
    """A read-only app over the seeds."""
    return client_of(seeded)
