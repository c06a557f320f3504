"""One poll of one source, against a loopback site and folders: new and changed items through
ingest (here without extraction: the store's side is what is checked), summary-only entries read
from their page, feeds and pages that change between polls, 304s, failures recorded, and a poll
cut short leaving nothing half-recorded."""
from __future__ import annotations

import os
import threading
import time

import pytest

from nkwatch.ingest.run import ingest_documents
from nkwatch.pipeline import Pipeline
from nkwatch.store import Store
from nkwatch.watch.fetch import Fetcher
from nkwatch.watch.poll import poll_source
from nkwatch.watch.sources import SourceError, locate

from .articles import ARTICLES, page, rss, summary_of


@pytest.fixture
def store(fast):
    with Store.open(fast) as opened:
        yield opened


class Watch:
    """Polls of registered sources, storing without extraction."""

    def __init__(self, store: Store, settings, fail_names: set[str] | None = None,
                 unread_names: set[str] | None = None) -> None:
        self.store, self.settings = store, settings
        self.pipeline = Pipeline(settings)
        self.stop = threading.Event()
        self.fetcher = Fetcher(settings, stop=self.stop)
        self.fail_names = fail_names or set()
        self.unread_names = unread_names or set()

    def take_in(self, items):
        report = ingest_documents(items, self.store, self.pipeline, extract=False)
        for name in sorted(self.fail_names & {n for n, _ in report.stored}):
            report.failures.append((name, "extract: invented failure"))
        for name in sorted(self.unread_names & {n for n, _ in report.stored}):
            report.not_read.append((name, "written in xx; extraction reads en (setting languages)"))
        return report

    def poll(self, locator: str, kind: str = "url"):
        source, = self.store.add_watch_sources([(locator, kind)])
        return poll_source(source, self.store, self.take_in, self.fetcher, self.settings, 60.0, self.stop)

    def source(self, locator: str):
        return self.store.watch_sources([locator])[0]


@pytest.fixture
def watch(store, fast):
    w = Watch(store, fast)
    yield w
    w.fetcher.close()


def items(site, slugs, summary_only=(), texts=None):
    out = []
    for slug in slugs:
        title, text, when = ARTICLES[slug]
        text = (texts or {}).get(slug, text)
        out.append((slug, None if slug in summary_only else text, title, summary_of(text), when))
    return rss(site.base, out)


def test_a_feed_is_taken_in_then_only_its_new_and_changed_entries(watch, store, site):
    feed = site.route("/feed.xml", items(site, ["srbm", "icbm"]), content_type="application/rss+xml")
    first = watch.poll(site.url("/feed.xml"))
    assert (first.status, first.kind, first.new_items, first.documents["new"]) == ("ok", "feed", 2, 2)
    assert watch.poll(site.url("/feed.xml")).status == "not_modified"
    feed.set_body(items(site, ["drill", "icbm"], texts={"icbm": ARTICLES["icbm"][1] + " More."}))
    third = watch.poll(site.url("/feed.xml"))
    assert (third.new_items, third.changed_items) == (1, 1)
    assert third.documents == {"new": 1, "revision": 1, "unchanged": 0}
    docs = {d.url: d for d in store.documents(limit=None)}
    assert docs[site.url("/news/icbm")].revision == 2 and len(docs) == 3
    source = watch.source(site.url("/feed.xml"))
    assert (source.kind, source.items, source.failures, source.etag) == ("feed", 3, 0, feed.etag)
    assert source.last_outcome == "1 new, 1 changed item(s); documents: 1 new, 1 revision"


def test_a_summary_only_entry_has_its_page_fetched_and_cleaned(watch, store, site):
    title, text, when = ARTICLES["drill"]
    site.route("/news/drill", page(title, text, when))
    site.route("/feed.xml", items(site, ["drill"], summary_only={"drill"}), content_type="application/rss+xml")
    outcome = watch.poll(site.url("/feed.xml"))
    assert outcome.new_items == 1 and not outcome.notes
    stored = store.get_document(store.documents()[0].id)
    doc = stored.document
    assert doc.fmt == "html" and doc.url == site.url("/news/drill") and doc.title == title
    assert "state media KCNA reported" in doc.text and "Copyright" not in doc.text and "Home" not in doc.text
    assert str(doc.published) == "2025-03-08"


def test_an_unreachable_page_leaves_the_summary_with_the_reason(watch, store, site):
    site.route("/robots.txt", "User-agent: *\nDisallow: /news/\n", content_type="text/plain")
    site.route("/feed.xml", items(site, ["drill"], summary_only={"drill"}), content_type="application/rss+xml")
    outcome = watch.poll(site.url("/feed.xml"))
    assert outcome.notes == [f"{site.url('/news/drill')}: article page not fetched (disallowed by robots.txt); "
                             "the feed's summary stored"]
    doc = store.get_document(store.documents()[0].id).document
    assert doc.fmt == "rss" and doc.text == summary_of(ARTICLES["drill"][1])
    assert not site.hits("/news/drill")


def test_a_page_source_is_taken_in_again_only_when_it_changes(watch, store, site):
    title, text, when = ARTICLES["cruise"]
    route = site.route("/news/cruise", page(title, text, when))
    url = site.url("/news/cruise")
    assert watch.poll(url).new_items == 1
    assert watch.poll(url).status == "not_modified"
    route.validators = False  # a server without ETag or Last-Modified: the bytes tell
    assert watch.poll(url).summary == "nothing new"
    route.set_body(page(title, text + " Japan protested.", when))
    assert watch.poll(url).changed_items == 1
    assert [d.revision for d in store.documents(limit=None)] == [1, 2]
    assert watch.source(url).kind == "page"


def test_a_folder_gives_its_new_and_changed_files(watch, store, tmp_path):
    folder = tmp_path / "drop"
    folder.mkdir()
    (folder / "a.txt").write_text(ARTICLES["srbm"][1])
    (folder / "b.txt").write_text(ARTICLES["icbm"][1])
    locator, kind = locate(str(folder))
    assert (locator, kind) == (str(folder), "folder")
    assert watch.poll(locator, kind).new_items == 2
    assert watch.poll(locator, kind).summary == "nothing new"
    (folder / "b.txt").write_text(ARTICLES["icbm"][1] + " More.")
    os.utime(folder / "b.txt", ns=(1, 2))
    (folder / "sub").mkdir()
    (folder / "sub" / "c.txt").write_text(ARTICLES["drill"][1])
    third = watch.poll(locator, kind)
    assert (third.new_items, third.changed_items) == (1, 1)
    assert sorted(d.name for d in store.documents(limit=None)) == ["a.txt", "b.txt", "b.txt", "sub/c.txt"]


def test_sources_that_are_neither_urls_nor_folders_are_refused(tmp_path):
    with pytest.raises(SourceError, match="not an http"):
        locate(str(tmp_path / "missing"))


def test_failures_are_recorded_and_counted_and_the_next_success_clears_them(watch, store, site):
    feed = site.route("/feed.xml", "<rss><channel><title>Broken & bad</tit", content_type="application/rss+xml")
    url = site.url("/feed.xml")
    first = watch.poll(url)
    assert first.status == "error" and "malformed feed" in first.error
    site.routes["/feed.xml"].fail = [500] * 4
    second = watch.poll(url)
    assert second.status == "error" and second.error == "HTTP 500 (after 4 attempts)"
    source = watch.source(url)
    assert (source.failures, source.last_error, source.last_success) == (2, "HTTP 500 (after 4 attempts)", None)
    feed.set_body(items(site, ["srbm"]))
    assert watch.poll(url).new_items == 1
    source = watch.source(url)
    assert source.failures == 0 and source.last_success is not None and source.last_error_at < source.last_success


def test_a_malformed_feed_that_still_has_entries_gives_them(watch, store, site):
    body = items(site, ["srbm", "icbm"]).replace("</channel></rss>", "<item><title>broken &amp</channel>")
    site.route("/feed.xml", body, content_type="application/rss+xml")
    outcome = watch.poll(site.url("/feed.xml"))
    assert outcome.status == "ok" and outcome.new_items >= 2


def test_a_redirect_loop_and_a_huge_page_are_errors_of_their_source(watch, site):
    site.route("/a", location="/b")
    site.route("/b", location="/a")
    site.route("/huge", stream_bytes=5 * 1024 * 1024)
    assert "more than 5 redirects" in watch.poll(site.url("/a")).error
    assert "answer too large" in watch.poll(site.url("/huge")).error


def test_an_item_whose_ingest_failed_is_not_recorded_and_the_feed_is_fetched_in_full_again(store, fast, site):
    watch = Watch(store, fast, fail_names=set())
    site.route("/feed.xml", items(site, ["srbm", "icbm"]), content_type="application/rss+xml")
    watch.fail_names = {site.url("/news/icbm")}
    first = watch.poll(site.url("/feed.xml"))
    assert (first.new_items, first.unfinished) == (1, 1)
    source = watch.source(site.url("/feed.xml"))
    assert source.etag is None and source.items == 1  # validators kept back: the next GET is full
    watch.fail_names = set()
    second = watch.poll(site.url("/feed.xml"))
    assert second.status == "ok" and second.new_items == 1
    assert second.documents == {"new": 0, "revision": 0, "unchanged": 1}
    assert "If-None-Match" not in site.hits("/feed.xml")[1].headers
    assert watch.source(site.url("/feed.xml")).items == 2
    watch.fetcher.close()


def test_a_stop_between_pages_leaves_the_rest_for_the_next_poll(store, fast, site):
    watch = Watch(store, fast)
    for slug in ("srbm", "icbm"):
        title, text, when = ARTICLES[slug]
        site.route(f"/news/{slug}", page(title, text, when))
    site.route("/feed.xml", items(site, ["srbm", "icbm"], summary_only={"srbm", "icbm"}),
               content_type="application/rss+xml")
    original = watch.fetcher.get

    def get_then_stop(url, *args):
        answer = original(url, *args)
        if url.endswith("/news/srbm"):
            watch.stop.set()  # a SIGTERM while this page was being fetched
        return answer

    watch.fetcher.get = get_then_stop
    first = watch.poll(site.url("/feed.xml"))
    assert (first.new_items, first.status) == (1, "ok")  # the item it was on is finished
    assert watch.source(site.url("/feed.xml")).etag is None and not site.hits("/news/icbm")
    watch.stop.clear()
    watch.fetcher.get = original
    assert watch.poll(site.url("/feed.xml")).new_items == 1
    assert len(store.documents(limit=None)) == 2
    watch.fetcher.close()


def test_an_item_in_a_language_not_read_is_recorded_with_the_reason(store, fast, tmp_path):
    folder = tmp_path / "drop"
    folder.mkdir()
    (folder / "a.txt").write_text(ARTICLES["srbm"][1])
    (folder / "b.txt").write_text(ARTICLES["icbm"][1])
    w = Watch(store, fast, unread_names={"b.txt"})
    try:
        outcome = w.poll(*locate(str(folder)))
    finally:
        w.fetcher.close()
    assert outcome.new_items == 2 and outcome.unfinished == 0   # stored: taken in, never fetched again
    unread = [note for note in outcome.notes if "written in xx" in note]
    assert len(unread) == 1 and "b.txt" in unread[0] and "a.txt" not in unread[0]


def test_items_without_text_are_recorded_with_their_reason(watch, store, site):
    body = rss(site.base, [("empty", None, "Photo of the day", "", ARTICLES["srbm"][2])])
    site.route("/feed.xml", body, content_type="application/rss+xml")
    outcome = watch.poll(site.url("/feed.xml"))
    assert outcome.new_items == 1 and "no text" in outcome.notes[0]
    assert store.documents() == [] and watch.source(site.url("/feed.xml")).items == 1


def test_item_fingerprints_ignore_what_the_entry_does_not_say(watch, site):
    """A feed regenerated with the same entries (new ETag, other order) takes nothing in."""
    site.route("/feed.xml", items(site, ["srbm", "icbm"]), content_type="application/rss+xml")
    assert watch.poll(site.url("/feed.xml")).new_items == 2
    site.routes["/feed.xml"].set_body(items(site, ["icbm", "srbm"]) + "\n")
    assert watch.poll(site.url("/feed.xml")).summary == "nothing new"


def test_seen_items_keep_the_document_they_gave(watch, store, site):
    site.route("/feed.xml", items(site, ["srbm"]), content_type="application/rss+xml")
    watch.poll(site.url("/feed.xml"))
    source = watch.source(site.url("/feed.xml"))
    seen = store.seen_items(source.id)
    assert list(seen) == [site.url("/news/srbm")]
    assert seen[site.url("/news/srbm")].document_id == store.documents()[0].id
    assert seen[site.url("/news/srbm")].error is None


def test_a_stop_while_waiting_for_the_next_page_keeps_the_pages_fetched_before(store, fast, site):
    watch = Watch(store, fast)
    for slug in ("srbm", "icbm"):
        title, text, when = ARTICLES[slug]
        site.route(f"/news/{slug}", page(title, text, when))
    site.route("/feed.xml", items(site, ["srbm", "icbm"], summary_only={"srbm", "icbm"}),
               content_type="application/rss+xml")
    original = watch.fetcher.get

    def get(url, *args):
        answer = original(url, *args)
        if url.endswith("/news/srbm"):  # from now on the site wants 30 s between requests...
            watch.fetcher.settings = fast.with_(host_delay=30.0)
            threading.Timer(0.1, watch.stop.set).start()  # ...and a SIGTERM comes during that wait
        return answer

    watch.fetcher.get = get
    started = time.monotonic()
    outcome = watch.poll(site.url("/feed.xml"))
    assert time.monotonic() - started < 10
    assert (outcome.status, outcome.new_items) == ("ok", 1) and not site.hits("/news/icbm")
    assert [d.url for d in store.documents()] == [site.url("/news/srbm")]
    assert watch.source(site.url("/feed.xml")).etag is None
    watch.fetcher.close()


def test_an_unexpected_error_of_one_source_is_recorded_not_raised(watch, site, monkeypatch):
    import nkwatch.watch.poll as poll

    def broken(*args):
        raise RuntimeError("parser exploded")

    monkeypatch.setattr(poll, "harvest", broken)
    outcome = watch.poll(site.url("/feed.xml"))
    assert outcome.error == "unexpected error: RuntimeError: parser exploded"
    assert watch.source(site.url("/feed.xml")).failures == 1
