"""Every article of ../shared/corpus/news is read, stored and extracted without a failure (one
of them, 0079, broke the temporal tagger: a zone time's weekday in a document without a date)."""
from __future__ import annotations

import pytest

from nkwatch.ingest_run import ingest
from nkwatch.pipeline import Pipeline
from nkwatch.settings import Settings
from nkwatch.store import Store

pytestmark = [pytest.mark.model, pytest.mark.e2e, pytest.mark.slow]


def test_the_news_corpus_extracts_without_failures(shared, tmp_path):
    settings = Settings(db=str(tmp_path / "news.db"))
    with Store.open(settings) as store:
        report = ingest([str(shared / "corpus" / "news")], store, Pipeline(settings))
    assert report.failures == [] and report.read_errors == []
    assert report.documents == report.extracted == 256
