"""Every article of ../shared/corpus/news is read, stored and extracted without a failure (one
of them, 0079, broke the temporal tagger: a zone time's weekday in a document without a date),
and an article that repeats its lead after a dateline reports its facts once."""
from __future__ import annotations

import pytest

from nkwatch.ingest.run import ingest
from nkwatch.pipeline import Pipeline
from nkwatch.settings import Settings
from nkwatch.store import Store

pytestmark = [pytest.mark.model, pytest.mark.e2e]


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline(Settings())


@pytest.mark.slow
def test_the_news_corpus_extracts_without_failures(shared, tmp_path, pipeline):
    with Store.open(Settings(db=str(tmp_path / "news.db"))) as store:
        report = ingest([str(shared / "corpus" / "news")], store, pipeline)
    assert report.failures == [] and report.read_errors == []
    assert report.documents == report.extracted == 256


def test_a_lead_repeated_after_a_dateline_is_reported_once(tmp_path, pipeline):
    lead = "North Korea fired a ballistic missile on Tuesday, the Joint Chiefs of Staff said. It flew 600 kilometers."
    (tmp_path / "lead.txt").write_text(f"{lead}\nSEOUL, South Korea \u2014 {lead}\n", encoding="utf-8")
    with Store.open(Settings(db=str(tmp_path / "lead.db"))) as store:
        report = ingest([str(tmp_path / "lead.txt")], store, pipeline)
        assert report.ok, report.failures
        assert [c.claim.value for c in store.claims()] == [600.0]
        [event] = store.events()
        assert (event.mentions, event.documents) == (1, 1)
