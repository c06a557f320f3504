"""The polite HTTP client on a loopback site: User-Agent, robots.txt, per-host delay, conditional
GETs, retries with backoff, timeouts, redirect loops, the size limit, and stopping mid-wait."""
from __future__ import annotations

import threading
import time

import pytest

from nkwatch import __version__
from nkwatch.http import backoff, user_agent
from nkwatch.watch.fetch import Fetcher, FetchError, Stopped


def test_user_agent_names_nkwatch_its_version_and_the_contact(fast, site):
    site.route("/a", "<p>hello</p>")
    with Fetcher(fast.with_(contact="ops@example.org")) as fetcher:
        fetcher.get(site.url("/a"))
    agent = site.hits("/a")[0].headers["User-Agent"]
    assert agent == f"nkwatch/{__version__} (news monitor; +ops@example.org)" == user_agent(
        fast.with_(contact="ops@example.org"))


def test_conditional_get_answers_304_without_body(fast, site):
    route = site.route("/feed", "<rss/>")
    with Fetcher(fast) as fetcher:
        first = fetcher.get(site.url("/feed"))
        assert (first.status, first.data, first.etag) == (200, b"<rss/>", route.etag)
        again = fetcher.get(site.url("/feed"), first.etag, first.last_modified)
        assert (again.status, again.data, again.etag) == (304, b"", route.etag)
        route.set_body("<rss>new</rss>")
        changed = fetcher.get(site.url("/feed"), first.etag, first.last_modified)
    assert changed.status == 200 and changed.data == b"<rss>new</rss>"
    assert site.hits("/feed")[1].headers["If-None-Match"] == first.etag


def test_robots_txt_is_read_once_and_obeyed(fast, site):
    site.route("/robots.txt", "User-agent: *\nDisallow: /private/\n\nUser-agent: nkwatch\nDisallow: /no-bots\n",
               content_type="text/plain")
    site.route("/open", "ok")
    site.route("/private/x", "secret")
    site.route("/no-bots", "no")
    with Fetcher(fast) as fetcher:
        assert fetcher.get(site.url("/open")).data == b"ok"
        for path in ("/no-bots", "/private/x"):  # our own group applies, and only it
            if path == "/private/x":
                assert fetcher.get(site.url(path)).data == b"secret"
            else:
                with pytest.raises(FetchError, match="disallowed by robots.txt"):
                    fetcher.get(site.url(path))
    assert len(site.hits("/robots.txt")) == 1 and not site.hits("/no-bots")


def test_robots_txt_answering_5xx_forbids_everything_and_4xx_allows_it(fast, site):
    site.route("/robots.txt", "down", status=503, content_type="text/plain")
    site.route("/a", "ok")
    with Fetcher(fast.with_(fetch_retries=0)) as fetcher:
        with pytest.raises(FetchError, match="disallowed by robots.txt"):
            fetcher.get(site.url("/a"))
    assert not site.hits("/a")
    del site.routes["/robots.txt"]  # 404: no rules
    with Fetcher(fast) as fetcher:
        assert fetcher.get(site.url("/a")).data == b"ok"


def test_requests_to_one_host_keep_the_delay_and_a_longer_crawl_delay_wins(fast, site):
    site.route("/a", "a")
    with Fetcher(fast.with_(host_delay=0.15)) as fetcher:
        for _ in range(3):
            fetcher.get(site.url("/a"))
    times = [r.at for r in site.requests if r.path == "/a"]
    # the site stamps a request when its thread reads it: up to some tens of ms late on a loaded machine, so
    # the gaps it sees may be shorter than the fetcher's by that much (without the delay they are ~1 ms)
    assert all(b - a >= 0.1 for a, b in zip(times, times[1:])), times
    site.requests.clear()
    site.route("/robots.txt", "User-agent: *\nCrawl-delay: 1\n", content_type="text/plain")
    with Fetcher(fast.with_(host_delay=0.05)) as fetcher:
        fetcher.get(site.url("/a"))
        fetcher.get(site.url("/a"))
    times = [r.at for r in site.requests if r.path == "/a"]
    assert times[1] - times[0] >= 0.9  # 1 s (whole seconds: what robotparser reads), not the 0.05 s set


def test_5xx_answers_are_retried_with_growing_backoff_then_succeed(fast, site):
    site.route("/feed", "<rss/>", fail=[500, 502, 503])
    said = []
    with Fetcher(fast.with_(fetch_backoff=0.1), log=said.append, rng=lambda: 1.0) as fetcher:
        answer = fetcher.get(site.url("/feed"))
    assert answer.status == 200 and answer.attempts == 4
    times = [r.at for r in site.hits("/feed")]
    gaps = [b - a for a, b in zip(times, times[1:])]
    assert gaps[0] >= 0.09 and gaps[1] >= 0.19 and gaps[2] >= 0.39, gaps  # 0.1, 0.2, 0.4 s
    assert [line.split(": ", 1)[1] for line in said] == [
        "HTTP 500; retry 1/3 in 0.10 s", "HTTP 502; retry 2/3 in 0.20 s", "HTTP 503; retry 3/3 in 0.40 s"]


def test_backoff_doubles_is_capped_and_jittered():
    assert [backoff(n, 1.0, 100.0, rng=lambda: 1.0) for n in (1, 2, 3, 4)] == [1.0, 2.0, 4.0, 8.0]
    assert backoff(20, 1.0, 100.0, rng=lambda: 1.0) == 100.0
    assert backoff(3, 1.0, 100.0, rng=lambda: 0.0) == 2.0  # half of it is random


def test_errors_that_retrying_cannot_mend_are_not_retried(fast, site):
    site.route("/gone", "gone", status=404)
    site.route("/loop", location="/loop2")
    site.route("/loop2", location="/loop")
    with Fetcher(fast) as fetcher:
        with pytest.raises(FetchError, match="HTTP 404") as gone:
            fetcher.get(site.url("/gone"))
        with pytest.raises(FetchError, match="more than 5 redirects"):
            fetcher.get(site.url("/loop"))
    assert gone.value.status == 404 and len(site.hits("/gone")) == 1
    assert len(site.hits("/loop")) + len(site.hits("/loop2")) == 6


def test_a_server_that_keeps_failing_gives_up_after_the_retries(fast, site):
    site.route("/feed", "x", fail=[500] * 10)
    with Fetcher(fast.with_(fetch_retries=2)) as fetcher, pytest.raises(FetchError, match=r"HTTP 500 \(after 3"):
        fetcher.get(site.url("/feed"))
    assert len(site.hits("/feed")) == 3


def test_slow_answers_time_out_and_are_retried(fast, site):
    route = site.route("/slow", "late", delay=0.6)
    with Fetcher(fast.with_(fetch_timeout=0.2, fetch_retries=1)) as fetcher:
        started = time.monotonic()
        with pytest.raises(FetchError, match="timed out"):
            fetcher.get(site.url("/slow"))
        assert time.monotonic() - started < 2.0
        route.delay = 0.0
        assert fetcher.get(site.url("/slow")).data == b"late"
    assert len(site.hits("/slow")) == 3


def test_huge_bodies_are_abandoned_at_the_size_limit(fast, site):
    site.route("/declared", b"x" * (fast.fetch_max_bytes + 1))
    site.route("/streamed", stream_bytes=50 * 1024 * 1024)  # no Content-Length
    with Fetcher(fast) as fetcher:
        with pytest.raises(FetchError, match="answer too large"):
            fetcher.get(site.url("/declared"))
        started = time.monotonic()
        with pytest.raises(FetchError, match=f"more than {fast.fetch_max_bytes} bytes"):
            fetcher.get(site.url("/streamed"))
        assert time.monotonic() - started < 5.0


def test_a_stop_ends_a_backoff_at_once(fast, site):
    site.route("/feed", "x", fail=[500] * 5)
    stop = threading.Event()
    with Fetcher(fast.with_(fetch_backoff=30.0), stop=stop) as fetcher:
        threading.Timer(0.2, stop.set).start()
        started = time.monotonic()
        with pytest.raises(Stopped):
            fetcher.get(site.url("/feed"))
    assert time.monotonic() - started < 2.0
