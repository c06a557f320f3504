"""Fixtures for the alert tests: a store taking in the invented articles (as watch does, through
ingest_documents with extraction), a webhook receiver on loopback, settings with short backoffs."""
from __future__ import annotations

from datetime import date

import pytest

from nkwatch.ingest.run import ingest_documents
from nkwatch.models import Document
from nkwatch.settings import Settings
from nkwatch.store import Store

from watch.articles import ARTICLES
from watch.loopback import Hooks

SECRET = "alert-secret-90ab"
BASE = "https://news.example.org"



@pytest.fixture
def settings(tmp_path) -> Settings:
    return Settings(db=str(tmp_path / "alerts.db"), alert_backoff=0.05, alert_attempts=4, fetch_timeout=1.0,
                    public_url="http://nkwatch.test")


@pytest.fixture
def store(settings):
    with Store.open(settings) as opened:
        yield opened


@pytest.fixture
def hooks():
    with Hooks(SECRET) as running:
        yield running


@pytest.fixture
def publish(store, pipeline, resolver):
    """publish(slug, text=None, at=None): take the article in (a changed text at the same URL is a
    revision); ``at``: another page (URL) carrying it, a report of its own."""
    def take_in(slug: str, text: str | None = None, at: str | None = None):
        title, original, when = ARTICLES[slug]
        url = f"{BASE}/news/{at or slug}"
        doc = Document(name=url, text=text or original, fmt="html", url=url,
                       title=title, published=date(when.year, when.month, when.day), published_method="metadata")
        report = ingest_documents([doc], store, pipeline, resolver=resolver)
        assert report.ok, report.failures
        return report
    return take_in


def event_of(store: Store, slug: str) -> str:
    """The id of the event the article ``slug`` reports."""
    url = f"{BASE}/news/{slug}"
    found = {r.event_id for r in store.mention_records() if r.document.url == url and r.event_id}
    assert len(found) == 1, found
    return found.pop()
