"""`nkwatch watch --once` and `nkwatch sources` in this process (CliRunner), on a loopback site:
what they print, their exit status, and the errors they refuse with."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from nkwatch.cli import cli
from nkwatch.cli.duration import parse_duration

from .articles import ARTICLES, rss, summary_of
from .conftest import FAST_ENV


def run(db, *args, env=None):
    return CliRunner(env={**FAST_ENV, **(env or {})}).invoke(cli, ["--db", db, *args], catch_exceptions=False)


@pytest.fixture
def db(tmp_path) -> str:
    return str(tmp_path / "cli.db")


def test_watch_once_without_new_items_then_sources(db, site, tmp_path):
    site.route("/feed.xml", rss(site.base, []), content_type="application/rss+xml")
    folder = tmp_path / "drop"
    folder.mkdir()
    once = run(db, "watch", site.url("/feed.xml"), str(folder), "--once")
    assert once.exit_code == 0, once.output
    assert "watching 2 source(s) every 900 s, once; no subscriptions file: webhooks off" in once.stderr
    assert f"{site.url('/feed.xml')}: nothing new" in once.stderr and f"{folder}: nothing new" in once.stderr
    listed = run(db, "sources", "--json")
    rows = json.loads(listed.stdout)
    assert [(r["locator"], r["kind"], r["state"], r["items"]) for r in rows] == [
        (site.url("/feed.xml"), "feed", "ok", 0), (str(folder), "folder", "ok", 0)]
    table = run(db, "sources")
    assert "watched sources" in table.stdout and "nothing new" in table.stdout


def test_watch_once_exits_1_when_a_source_failed(db, site):
    site.route("/feed.xml", "down", status=503, fail=[503] * 10)
    failed = run(db, "watch", site.url("/feed.xml"), "--once", env={"NKWATCH_FETCH_RETRIES": "1"})
    assert failed.exit_code == 1
    assert "error: HTTP 503 (after 2 attempts)" in failed.stderr and "1 failed" in failed.stderr
    assert "failing (1 poll)" in run(db, "sources").stdout


def test_watch_refuses_what_is_not_a_source_and_bad_subscriptions(db, tmp_path):
    bad = run(db, "watch", "ftp://example.org/feed", "--once")
    assert bad.exit_code == 2 and "not an http(s) URL nor a folder" in bad.output
    subs = tmp_path / "subs.toml"
    subs.write_text('[[subscription]]\nname = "x"\nurl = "https://h.example/"\n')
    refused = run(db, "watch", str(tmp_path), "--once", "--subscriptions", str(subs))
    assert refused.exit_code == 1 and "a secret (or secret_env) is needed" in refused.output
    assert run(db, "watch", str(tmp_path), "--every", "soon").exit_code == 2


@pytest.mark.model
def test_a_feed_item_taken_in_by_watch_once(db, site):
    title, text, when = ARTICLES["icbm"]
    site.route("/feed.xml", rss(site.base, [("icbm", text, title, summary_of(text), when)]),
               content_type="application/rss+xml")
    once = run(db, "watch", site.url("/feed.xml"), "--once")
    assert "1 new, 0 changed item(s); documents: 1 new" in once.stderr
    events = json.loads(run(db, "events", "--json").stdout)
    assert [(e["type"], e["weapon_class"], e["date_value"]) for e in events] == [("weapons_test", "icbm", "2025-03-06")]


@pytest.mark.parametrize("text, seconds", [("90s", 90), ("15m", 900), ("1h30m", 5400), ("2d", 172800), ("45", 45),
                                           ("0.5s", 0.5)])
def test_durations(text, seconds):
    assert parse_duration(text) == seconds


@pytest.mark.parametrize("text", ["", "soon", "15 x", "-5", "0", "1h 30"])
def test_not_durations(text):
    with pytest.raises(ValueError):
        parse_duration(text)
