"""The Atom feed of events (the timeline's filters, entries moving up when their event gains a
report), the sources page, and the digest (new and updated events by type, claims beside the
values given before)."""
from __future__ import annotations

from datetime import timedelta

import feedparser
import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from nkwatch.alerts.digest import build_digest, render_html, render_markdown
from nkwatch.cli import cli
from nkwatch.web import create_app
from nkwatch.web.resources import WebResources

from watch.articles import SRBM_UPDATE
from .conftest import event_of


@pytest.fixture
def client(store, settings, pipeline, resolver):
    return TestClient(create_app(settings, WebResources(settings, store, pipeline, resolver)))


def test_the_atom_feed_lists_events_last_changed_first_with_the_timelines_filters(client, store, publish):
    for slug in ("srbm", "icbm", "drill"):
        publish(slug)
    answer = client.get("/feeds/events.atom")
    assert answer.status_code == 200 and answer.headers["content-type"].startswith("application/atom+xml")
    feed = feedparser.parse(answer.content)
    assert not feed.bozo and feed.feed.title == "nkwatch events"
    ids = [f"urn:nkwatch:event:{event_of(store, s)}" for s in ("drill", "icbm", "srbm")]
    assert [e.id for e in feed.entries] == ids
    srbm = feed.entries[2]
    assert srbm.title == "weapons test: 2 x srbm (2025-03-04)"
    assert srbm.link == f"http://testserver/events/{event_of(store, 'srbm')}"
    assert "Joint Chiefs of Staff said." in srbm.content[0].value and "East Sea" in srbm.summary
    before = srbm.updated

    publish("srbm", SRBM_UPDATE)  # the srbm article is revised: its event's entry comes first, updated
    feed = feedparser.parse(client.get("/feeds/events.atom").content)
    assert feed.entries[0].id.endswith(event_of(store, "srbm")) and feed.entries[0].updated > before
    assert "<dt>Reports</dt><dd>1</dd>" in feed.entries[0].content[0].value   # the revision replaces its text

    drills = feedparser.parse(client.get("/feeds/events.atom?type=military_exercise&q=artillery").content)
    assert [e.id for e in drills.entries] == [f"urn:nkwatch:event:{event_of(store, 'drill')}"]
    assert drills.feed.title == "nkwatch events: type=military_exercise, q=artillery"
    assert client.get("/feeds/events.atom?type=launch").status_code == 422


def test_the_atom_feed_answers_304_to_its_etag(client, publish):
    publish("drill")
    first = client.get("/feeds/events.atom")
    again = client.get("/feeds/events.atom", headers={"If-None-Match": first.headers["etag"]})
    assert again.status_code == 304 and again.content == b""


def test_the_timeline_links_to_its_atom_feed(client, publish):
    publish("drill")
    page = client.get("/events?type=military_exercise&sort=-date")
    assert 'href="/feeds/events.atom?type=military_exercise"' in page.text
    data = client.get("/events.json?type=military_exercise").json()
    assert data["atom"] == "/feeds/events.atom?type=military_exercise"


def test_the_sources_page_and_its_json_twin(client, store):
    store.add_watch_sources([("https://news.example.org/feed.xml", "url"), ("/srv/drop", "folder")])
    data = client.get("/sources.json").json()
    assert [(s["locator"], s["kind"], s["state"], s["items"]) for s in data["sources"]] == [
        ("https://news.example.org/feed.xml", "url", "never polled", 0), ("/srv/drop", "folder", "never polled", 0)]
    page = client.get("/sources")
    assert page.status_code == 200 and "https://news.example.org/feed.xml" in page.text and 'aria-current' in page.text


def test_the_digest_lists_new_and_updated_events_by_type_and_claims_beside_earlier_ones(store, settings, publish):
    publish("srbm")
    publish("drill")
    since = store.now()
    publish("icbm")
    publish("srbm", SRBM_UPDATE, at="srbm-followup")   # another outlet's report of the same launch
    digest = build_digest(store, since, settings)
    assert [(s["type"], [(e["id"], e["change"]) for e in s["events"]]) for s in digest["sections"]] == [
        ("weapons_test", [(event_of(store, "icbm"), "new"), (event_of(store, "srbm"), "updated")])]
    srbm = digest["sections"][0]["events"][1]
    assert srbm["evidence"]["sentence"].startswith("North Korea fired two short-range")
    ranges = next(c for c in digest["claims"] if c["property"] == "range_km")
    assert [c["shown"] for c in ranges["new"]] == ["~350 km", "~400 km"]
    assert [c["shown"] for c in ranges["previous"]] == ["~350 km"] and ranges["event"] == event_of(store, "srbm")
    text = render_markdown(digest)
    assert "## weapons test (2)" in text and "(updated)" in text and "**~350 km (JCS, 2025-03-04); ~400 km" in text
    assert "  - before: ~350 km (JCS, 2025-03-04)" in text and "military exercise" not in text
    page = render_html(digest)
    assert page.startswith("<!doctype html>") and "Japan&#x27;s defense ministry" in page
    assert build_digest(store, store.now() + timedelta(seconds=1), settings)["sections"] == []


def test_digest_and_alerts_commands(store, settings, publish, tmp_path):
    publish("drill")
    runner = CliRunner()
    md = runner.invoke(cli, ["--db", settings.db, "digest", "--since", "1h"], catch_exceptions=False)
    assert md.exit_code == 0 and "## military exercise (1)" in md.stdout
    out = tmp_path / "brief.html"
    html = runner.invoke(cli, ["--db", settings.db, "digest", "--since", "2000-01-01T00:00", "--format", "html",
                               "-o", str(out)], catch_exceptions=False)
    assert html.exit_code == 0 and "military exercise (1)" in out.read_text()
    bad = runner.invoke(cli, ["--db", settings.db, "digest", "--since", "yesterday"])
    assert bad.exit_code == 2 and "neither a duration" in bad.output
    none = runner.invoke(cli, ["--db", settings.db, "alerts"], catch_exceptions=False)
    assert none.exit_code == 0 and none.stdout.strip() == "no deliveries"
