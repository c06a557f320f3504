"""Polite HTTP GETs: what ``nkwatch watch`` asks of a web server, and how.

- a User-Agent naming nkwatch, its version and (``contact`` setting) who runs it;
- robots.txt read once a day per site and obeyed (a 4xx answer allows everything, a 5xx or no
  answer forbids everything until it is asked again, as RFC 9309 says); its Crawl-delay is
  honoured when longer than ours;
- at least ``host_delay`` seconds between two requests to one host;
- conditional GETs (If-None-Match / If-Modified-Since): a 304 costs no body;
- a timeout to connect and between reads, a deadline for the whole answer, a size limit;
- at most 5 redirects (a loop is an error, not retried);
- retries on 5xx, 429, 408, timeouts and cut connections, after an exponential backoff with
  jitter (a Retry-After is honoured, up to the cap); other answers are not retried.

Every wait goes through ``stop`` (a threading.Event): when it is set, the wait ends at once with
``Stopped``, so a process asked to stop does not sit out a backoff.
"""
from __future__ import annotations

import random
import threading
import time
import urllib.robotparser
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlsplit

import httpx

from ..http import backoff, user_agent
from ..settings import Settings

MAX_REDIRECTS = 5
BACKOFF_CAP = 300.0            # seconds: the longest wait between two attempts
DEADLINE_FACTOR = 4            # a whole answer may take this many times the timeout
ROBOTS_TTL = 24 * 3600.0       # seconds a robots.txt is trusted
ROBOTS_RETRY = 600.0           # after a 5xx or no answer, everything is forbidden this long
ROBOTS_MAX_BYTES = 512 * 1024  # RFC 9309: parse at least 500 KiB
RETRY_STATUSES = frozenset({408, 429})


@dataclass(frozen=True)
class Answer:
    """A successful GET: status 200 (data holds the body) or 304 (not modified, no body)."""
    url: str                 # after redirects
    status: int
    data: bytes
    etag: str | None
    last_modified: str | None
    charset: str | None
    attempts: int


class FetchError(Exception):
    """A GET that gave no answer to use, with the reason (``status``: the last HTTP status)."""

    def __init__(self, url: str, reason: str, status: int | None = None) -> None:
        super().__init__(f"{url}: {reason}")
        self.url, self.reason, self.status = url, reason, status


class Stopped(Exception):
    """The process was asked to stop while waiting (politeness delay or backoff)."""


class _Retry(Exception):
    def __init__(self, reason: str, status: int | None = None, after: float | None = None) -> None:
        super().__init__(reason)
        self.reason, self.status, self.after = reason, status, after


class Fetcher:
    """GETs for one process; remembers each host's last request and each site's robots.txt."""

    def __init__(self, settings: Settings, *, stop: threading.Event | None = None,
                 log: Callable[[str], None] | None = None, client: httpx.Client | None = None,
                 rng: Callable[[], float] = random.random) -> None:
        self.settings = settings
        self.stop = stop or threading.Event()
        self.log = log or (lambda message: None)
        self.agent = user_agent(settings)
        self.client = client or httpx.Client(
            headers={"User-Agent": self.agent}, follow_redirects=True, max_redirects=MAX_REDIRECTS,
            timeout=httpx.Timeout(settings.fetch_timeout))
        self.rng = rng
        self._last: dict[str, float] = {}
        self._robots: dict[str, tuple[float, urllib.robotparser.RobotFileParser]] = {}

    def close(self) -> None:
        self.client.close()

    def __enter__(self) -> "Fetcher":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def get(self, url: str, etag: str | None = None, last_modified: str | None = None) -> Answer:
        """GET ``url`` (conditionally when a validator is given), obeying robots.txt. Raises
        FetchError when there is no answer to use, Stopped when asked to stop meanwhile."""
        robots = self._robots_for(url)
        if not robots.can_fetch(self.agent, url):
            raise FetchError(url, "disallowed by robots.txt")
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        return self._get(url, headers, self.settings.fetch_max_bytes, _crawl_delay(robots, self.agent))

    # -- one GET with its retries --------------------------------------------------------------

    def _get(self, url: str, headers: dict[str, str], max_bytes: int, crawl_delay: float = 0.0) -> Answer:
        retries = max(0, self.settings.fetch_retries)
        for attempt in range(1, retries + 2):
            self._wait_turn(url, crawl_delay)
            try:
                return self._once(url, headers, max_bytes, attempt)
            except _Retry as exc:
                if attempt > retries:
                    raise FetchError(url, f"{exc.reason} (after {attempt} attempts)", exc.status) from None
                wait = backoff(attempt, self.settings.fetch_backoff, BACKOFF_CAP, self.rng)
                if exc.after is not None:
                    wait = max(wait, min(exc.after, BACKOFF_CAP))
                self.log(f"GET {url}: {exc.reason}; retry {attempt}/{retries} in {wait:.2f} s")
                self._sleep(wait)
        raise AssertionError("unreachable")

    def _once(self, url: str, headers: dict[str, str], max_bytes: int, attempt: int) -> Answer:
        deadline = time.monotonic() + DEADLINE_FACTOR * self.settings.fetch_timeout
        try:
            with self.client.stream("GET", url, headers=headers) as response:
                status = response.status_code
                if status >= 500 or status in RETRY_STATUSES:
                    raise _Retry(f"HTTP {status}", status, _retry_after(response.headers.get("Retry-After")))
                if status == 304:
                    return Answer(str(response.url), 304, b"", response.headers.get("ETag") or headers.get(
                        "If-None-Match"), response.headers.get("Last-Modified") or headers.get("If-Modified-Since"),
                                  None, attempt)
                if status != 200:
                    raise FetchError(url, f"HTTP {status}", status)
                declared = response.headers.get("Content-Length")
                if declared and declared.isdigit() and int(declared) > max_bytes:
                    raise FetchError(url, f"answer too large: {declared} bytes > {max_bytes}", status)
                chunks, size = [], 0
                for chunk in response.iter_bytes():
                    size += len(chunk)
                    if size > max_bytes:
                        raise FetchError(url, f"answer too large: more than {max_bytes} bytes", status)
                    if time.monotonic() > deadline:
                        raise _Retry(f"answer not complete after {DEADLINE_FACTOR * self.settings.fetch_timeout:g} s")
                    chunks.append(chunk)
                return Answer(str(response.url), 200, b"".join(chunks), response.headers.get("ETag"),
                              response.headers.get("Last-Modified"), response.charset_encoding, attempt)
        except httpx.TooManyRedirects:
            raise FetchError(url, f"more than {MAX_REDIRECTS} redirects (a loop?)") from None
        except httpx.TimeoutException:
            raise _Retry("timed out") from None
        except (httpx.InvalidURL, httpx.UnsupportedProtocol) as exc:
            raise FetchError(url, f"not a URL to fetch: {exc}") from None
        except httpx.TransportError as exc:
            raise _Retry(f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__) from None

    # -- politeness ----------------------------------------------------------------------------

    def _wait_turn(self, url: str, crawl_delay: float) -> None:
        """Wait until the host's last request is ``host_delay`` (or the Crawl-delay) behind."""
        host = urlsplit(url).netloc.lower()
        delay = max(self.settings.host_delay, crawl_delay)
        last = self._last.get(host)
        if last is not None:
            wait = last + delay - time.monotonic()
            if wait > 0:
                self._sleep(wait)
        self._last[host] = time.monotonic()

    def _sleep(self, seconds: float) -> None:
        if self.stop.wait(seconds):
            raise Stopped()

    def _robots_for(self, url: str) -> urllib.robotparser.RobotFileParser:
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}".lower()
        cached = self._robots.get(origin)
        if cached is not None and cached[0] > time.monotonic():
            return cached[1]
        parser = urllib.robotparser.RobotFileParser(origin + "/robots.txt")
        ttl = ROBOTS_TTL
        try:
            answer = self._get(origin + "/robots.txt", {}, ROBOTS_MAX_BYTES)
            parser.parse(answer.data.decode("utf-8", errors="replace").splitlines())
        except FetchError as exc:
            if exc.status is not None and 400 <= exc.status < 500:
                parser.allow_all = True          # no robots.txt: everything allowed
            else:
                parser.disallow_all = True       # server error or no answer: nothing, for now
                ttl = ROBOTS_RETRY
                self.log(f"robots.txt of {origin}: {exc.reason}; nothing fetched there for {ttl:g} s")
        self._robots[origin] = (time.monotonic() + ttl, parser)
        return parser


def _crawl_delay(parser: urllib.robotparser.RobotFileParser, agent: str) -> float:
    try:
        delay = parser.crawl_delay(agent)
    except (ValueError, TypeError):
        return 0.0
    return float(delay or 0.0)


def _retry_after(value: str | None) -> float | None:
    """Seconds of a Retry-After given in seconds (an HTTP date is ignored: the backoff applies)."""
    if value and value.strip().isdigit():
        return float(value.strip())
    return None
