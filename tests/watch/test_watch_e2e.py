"""`nkwatch watch` as a service runs it, on loopback: the scripted scenario of issue 12's "Done when",
a kill -9 in the middle of a poll, and a SIGTERM that lets the item being taken in finish.

The scenario (its log is printed: run with -s to see it):
1. the feed server publishes three articles -> one `watch` interval later the store holds them,
   the Atom feed has their events, the webhook got the matching alerts with valid signatures (the
   receiver refuses the first two deliveries: they are retried after a backoff);
2. an update to one article updates its event once and alerts once;
3. the server answers 500 three times while a fourth article is published -> backoff, then
   recovery with nothing lost;
4. the digest lists exactly the events of the scenario.
"""
from __future__ import annotations

import json
import signal
import time
from collections import Counter

import feedparser
import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from nkwatch.cli import cli
from nkwatch.settings import Settings
from nkwatch.store import Store
from nkwatch.web import create_app

from .articles import ARTICLES, SRBM_UPDATE, page, rss, summary_of
from .conftest import FAST_ENV, SECRET
from .process import Running

pytestmark = [pytest.mark.slow, pytest.mark.model]

EVERY = "1s"


def feed_of(site, slugs, summary_only=(), texts=None):
    items = []
    for slug in slugs:
        title, text, when = ARTICLES[slug]
        text = (texts or {}).get(slug, text)
        items.append((slug, None if slug in summary_only else text, title, summary_of(text), when))
    return rss(site.base, items)


def subscriptions(tmp_path, hooks) -> str:
    path = tmp_path / "subscriptions.toml"
    path.write_text(f'[[subscription]]\nname = "all"\nurl = "{hooks.url("/all")}"\nsecret = "{SECRET}"\n\n'
                    f'[[subscription]]\nname = "launches"\nurl = "{hooks.url("/launches")}"\n'
                    'secret_env = "HOOK_SECRET"\n[subscription.filters]\ntype = "weapons_test"\n')
    return str(path)


def environment(db: str) -> dict[str, str]:
    return {**FAST_ENV, "NKWATCH_DB": db, "HOOK_SECRET": SECRET, "NKWATCH_PUBLIC_URL": "http://nkwatch.test"}


def delivered(hooks, name: str) -> list[tuple[str, int]]:
    return [(r.payload["event"]["id"], r.payload["version"]) for r in hooks.accepted
            if r.payload["subscription"] == name]


def wait_until(check, timeout: float = 60.0, what: str = "") -> float:
    deadline = time.time() + timeout
    while time.time() < deadline:
        if check():
            return time.time()
        time.sleep(0.02)
    raise AssertionError(f"timed out waiting for {what}")


def test_the_scenario_of_the_issue(tmp_path, site, hooks, capsys):
    db = str(tmp_path / "scenario.db")
    title, text, when = ARTICLES["drill"]
    site.route("/news/drill", page(title, text, when))  # the drill entry carries only a summary
    feed = site.route("/feed.xml", feed_of(site, []), content_type="application/rss+xml")
    hooks.fail_first = 2
    lines = []

    def note(message: str) -> None:
        lines.append(f"--- {message}")

    with Running(["watch", site.url("/feed.xml"), "--every", EVERY, "--subscriptions", subscriptions(tmp_path, hooks)],
                 environment(db)) as watch:
        watch.wait_for(r"feed\.xml: nothing new")

        # 1. three articles published
        note("the feed server publishes three articles (srbm, icbm: full text; drill: summary only)")
        published = time.time()
        feed.set_body(feed_of(site, ["srbm", "icbm", "drill"], summary_only={"drill"}))
        wait_until(lambda: len(delivered(hooks, "all")) == 3 and len(delivered(hooks, "launches")) == 2,
                   what="the alerts of the three articles")
        first_alerts = {r.payload["event"]["id"]: r.at - published for r in hooks.accepted
                        if r.payload["subscription"] == "all"}
        assert all(r.signature_ok for r in hooks.accepted) and len(hooks.refused) == 2
        with Store.open(Settings(db=db)) as store:
            docs = store.documents(limit=None)
            assert sorted(d.url for d in docs) == sorted(site.url(f"/news/{s}") for s in ("srbm", "icbm", "drill"))
            by_slug = {s: next(r.event_id for r in store.mention_records() if r.document.url.endswith(s))
                       for s in ("srbm", "icbm", "drill")}
            atom = feedparser.parse(TestClient(create_app(Settings(db=db))).get("/feeds/events.atom").content)
        assert {e.id.rsplit(":", 1)[1] for e in atom.entries} == set(by_slug.values())
        assert sorted(delivered(hooks, "all")) == sorted((e, 1) for e in by_slug.values())
        assert sorted(delivered(hooks, "launches")) == sorted([(by_slug["srbm"], 1), (by_slug["icbm"], 1)])
        note(f"store: {len(docs)} documents; Atom feed: {len(atom.entries)} events; webhook: "
             f"{len(hooks.accepted)} alerts accepted (signatures valid), {len(hooks.refused)} refused then retried")

        # 2. an update to one article
        note("the srbm article is updated (a revision: a second source, a second range figure)")
        updated = time.time()
        feed.set_body(feed_of(site, ["srbm", "icbm", "drill"], summary_only={"drill"}, texts={"srbm": SRBM_UPDATE}))
        wait_until(lambda: (by_slug["srbm"], 2) in delivered(hooks, "all")
                   and (by_slug["srbm"], 2) in delivered(hooks, "launches"), what="the alerts of the update")
        update_alert = next(r.at for r in hooks.accepted if r.payload["version"] == 2) - updated
        watch.wait_for(r"feed\.xml: not modified", after=len(watch.log()))  # one more poll: nothing more
        with Store.open(Settings(db=db)) as store:
            srbm = store.get_event(by_slug["srbm"])
            # the revision replaces the article's report: one report, its new range figure
            assert len(store.events(limit=None)) == 3 and srbm.row.documents == 1
            ranges = sorted(c.value for c in srbm.event.claims if c.property == "range_km")
            assert len(store.documents(limit=None)) == 4 and ranges == [350.0, 400.0]
        note(f"the srbm event now has the range figures {ranges} of its revised report; alerted once more (version 2)")

        # 3. three 500s while a fourth article is published
        note("the server answers 500 three times; meanwhile the cruise article is published")
        feed.fail = [500, 500, 500]
        recovered = time.time()
        feed.set_body(feed_of(site, ["srbm", "icbm", "drill", "cruise"], summary_only={"drill"},
                              texts={"srbm": SRBM_UPDATE}))
        wait_until(lambda: len(delivered(hooks, "all")) == 5, what="the alert of the fourth article")
        cruise_alert = hooks.accepted[-1].at - recovered
        start = len(watch.log()) - 12
        for n in (1, 2, 3):
            watch.wait_for(rf"feed\.xml: HTTP 500; retry {n}/3 in", after=max(0, start))
        with Store.open(Settings(db=db)) as store:
            assert len(store.documents(limit=None)) == 5  # 3 + the srbm revision + cruise
            cruise = next(r.event_id for r in store.mention_records() if r.document.url.endswith("cruise"))
            source = store.watch_sources()[0]
        assert (source.failures, source.items) == (0, 4)
        note("recovered after the backoff: the fourth article is stored and alerted")
        assert watch.signal(signal.SIGTERM) == 0
        log = watch.log()

    # 4. the digest lists exactly the events of the scenario
    digest = CliRunner().invoke(cli, ["--db", db, "digest", "--since", "1h", "--format", "json"],
                                catch_exceptions=False)
    listed = {e["id"] for s in json.loads(digest.stdout)["sections"] for e in s["events"]}
    assert listed == {*by_slug.values(), cruise}
    all_alerts = delivered(hooks, "all")
    assert Counter(all_alerts) == Counter([(e, 1) for e in (*by_slug.values(), cruise)] + [(by_slug["srbm"], 2)])
    assert max(Counter(delivered(hooks, "launches")).values()) == 1
    markdown = CliRunner().invoke(cli, ["--db", db, "digest", "--since", "1h"], catch_exceptions=False).stdout

    with capsys.disabled():
        print("\n==== scenario log (nkwatch watch, stderr) ====")
        print("\n".join(log))
        print("==== test notes ====")
        print("\n".join(lines))
        print("==== publication -> alert on loopback (watch --every 1s) ====")
        for event, seconds in first_alerts.items():
            print(f"  {event}: {seconds:.2f} s (the three articles; two deliveries refused once, then retried)")
        print(f"  update of srbm: {update_alert:.2f} s")
        print(f"  cruise, published during the three 500s: {cruise_alert:.2f} s")
        print("==== nkwatch digest --since 1h ====")
        print(markdown)


def test_a_kill_9_during_a_poll_loses_nothing_and_delivers_nothing_twice(tmp_path, site, hooks):
    db = str(tmp_path / "killed.db")
    feed = site.route("/feed.xml", feed_of(site, ["srbm", "icbm"]), content_type="application/rss+xml")
    args = ["watch", site.url("/feed.xml"), "--every", "0.5s", "--subscriptions", subscriptions(tmp_path, hooks)]
    with Running(args, environment(db)) as first:
        wait_until(lambda: len(delivered(hooks, "all")) == 2, what="the first alerts")
        title, text, when = ARTICLES["drill"]
        slow = site.route("/news/drill", page(title, text, when), delay=30.0)
        feed.set_body(feed_of(site, ["srbm", "icbm", "drill", "cruise"], summary_only={"drill"}))
        wait_until(lambda: site.hits("/news/drill"), what="the poll reaching the slow page")
        first.kill()
    slow.delay = 0.0
    with Store.open(Settings(db=db)) as store:
        assert len(store.documents(limit=None)) == 2  # the cut poll stored nothing yet
        assert store.watch_sources()[0].items == 2
    with Running(args, environment(db)) as second:
        wait_until(lambda: len(delivered(hooks, "all")) == 4, what="the alerts after the restart")
        second.wait_for(r"feed\.xml: not modified")
        assert second.signal(signal.SIGTERM) == 0
    with Store.open(Settings(db=db)) as store:
        docs = store.documents(limit=None)
        events = {r.id for r in store.events(limit=None)}
        source = store.watch_sources()[0]
    assert sorted(d.url.rsplit("/", 1)[1] for d in docs) == ["cruise", "drill", "icbm", "srbm"]
    assert all(d.revision == 1 for d in docs) and source.items == 4
    alerts = delivered(hooks, "all")
    assert sorted(alerts) == sorted((e, 1) for e in events) and len(set(alerts)) == len(alerts) == 4
    assert all(r.signature_ok for r in hooks.accepted)


def test_sigterm_finishes_the_item_being_taken_in_then_exits(tmp_path, site, hooks):
    db = str(tmp_path / "term.db")
    for slug in ("srbm", "icbm"):
        title, text, when = ARTICLES[slug]
        site.route(f"/news/{slug}", page(title, text, when), delay=1.0 if slug == "srbm" else 0.0)
    site.route("/feed.xml", feed_of(site, ["srbm", "icbm"], summary_only={"srbm", "icbm"}),
               content_type="application/rss+xml")
    with Running(["watch", site.url("/feed.xml"), "--every", "1h"], environment(db)) as watch:
        wait_until(lambda: site.hits("/news/srbm"), what="the slow page being fetched")
        assert watch.signal(signal.SIGTERM) == 0
        log = watch.log()
    assert any("SIGTERM: stopping after the current item" in line for line in log), log
    assert any("1 new, 0 changed item(s); documents: 1 new" in line for line in log), log
    assert not site.hits("/news/icbm")
    with Store.open(Settings(db=db)) as store:
        assert [d.url.rsplit("/", 1)[1] for d in store.documents(limit=None)] == ["srbm"]
    once = CliRunner().invoke(cli, ["--db", db, "watch", site.url("/feed.xml"), "--once"], catch_exceptions=False)
    assert once.exit_code == 0 and "1 new, 0 changed item(s)" in once.stderr
