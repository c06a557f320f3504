"""Webhook alerts: new versions of events found in the store, routed to the subscriptions whose
filters they match, and delivered as signed JSON with retries.

1. scan: the events changed since the last scan get a new version when their reports or claims
   changed (``Store.scan_event_versions``; the first scan only sets the baseline);
2. route: for each new version, one delivery per matching subscription (the timeline's filters,
   run by the store's events query over the changed events), created with the version marked
   routed in one transaction: never twice for one subscription, event and version;
3. deliver: each due delivery is POSTed; a 2xx answer marks it delivered, anything else (an
   error status, a redirect, a timeout) marks it failing with its next attempt after an
   exponential backoff with jitter, until ``alert_attempts`` attempts have failed: given up.

The body is the JSON payload stored with the delivery; headers:
``X-Nkwatch-Signature-256: sha256=HEX`` (HMAC-SHA256 with the subscription's secret of
``TIMESTAMP.BODY``), ``X-Nkwatch-Timestamp`` (Unix seconds), ``X-Nkwatch-Delivery`` (the delivery
id: the same on every attempt, so that a receiver can tell a retry of a delivery it already
acted upon) and ``X-Nkwatch-Event``.
"""
from __future__ import annotations

import hashlib
import hmac
import json
import random
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta

import httpx

from ..http import backoff, user_agent
from ..settings import Settings
from ..store import AlertVersion, Delivery, Store
from .brief import Sentences, brief
from .subscriptions import Subscription

BACKOFF_CAP = 6 * 3600.0  # seconds: the longest wait between two attempts of a delivery
SIGNATURE_HEADER = "X-Nkwatch-Signature-256"
ERROR_BODY_CHARS = 200


def signature(secret: str, timestamp: str, body: bytes) -> str:
    """The signature header value of ``body`` sent at ``timestamp``: 'sha256=' + hex HMAC-SHA256
    of ``TIMESTAMP.BODY`` keyed by ``secret``."""
    mac = hmac.new(secret.encode(), timestamp.encode() + b"." + body, hashlib.sha256)
    return "sha256=" + mac.hexdigest()


def verify(secret: str, timestamp: str, body: bytes, header: str) -> bool:
    """True when ``header`` is the signature of ``body`` at ``timestamp`` (what a receiver checks)."""
    return hmac.compare_digest(signature(secret, timestamp, body), header or "")


def body_of(payload: dict) -> bytes:
    return json.dumps(payload, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()


@dataclass
class AlertRound:
    """What one round of alerts did."""
    versions: list[AlertVersion] = field(default_factory=list)   # new versions found
    routed: int = 0                                             # versions routed
    created: int = 0                                            # deliveries created
    attempts: list[tuple[Delivery, str]] = field(default_factory=list)  # (delivery, its new status)

    @property
    def summary(self) -> str:
        sent = {}
        for _, status in self.attempts:
            sent[status] = sent.get(status, 0) + 1
        told = ", ".join(f"{n} {status}" for status, n in sorted(sent.items()))
        return (f"{len(self.versions)} new event version(s), {self.created} delivery(ies) created"
                + (f"; attempts: {told}" if told else ""))


class Alerts:
    """Scan, route and deliver over one store; ``subscriptions`` as loaded from their file."""

    def __init__(self, store: Store, subscriptions: list[Subscription], settings: Settings, *,
                 client: httpx.Client | None = None, log: Callable[[str], None] | None = None,
                 stop: threading.Event | None = None, rng: Callable[[], float] = random.random) -> None:
        self.store, self.settings = store, settings
        self.subscriptions = {s.name: s for s in subscriptions}
        self.client = client or httpx.Client(timeout=httpx.Timeout(settings.fetch_timeout), follow_redirects=False,
                                             headers={"User-Agent": user_agent(settings)})
        self.log = log or (lambda message: None)
        self.stop = stop or threading.Event()
        self.rng = rng

    def close(self) -> None:
        self.client.close()

    def start(self) -> None:
        """Scan once before anything is taken in: the first scan ever makes the events stored then
        the baseline (not news); later, it only finds what changed while nothing was watching."""
        self.store.scan_event_versions()

    def run(self) -> AlertRound:
        """One round: scan, route, then deliver what is due."""
        done = AlertRound()
        done.versions = self.store.scan_event_versions()
        done.routed, done.created = self.route()
        done.attempts = self.deliver()
        return done

    def route(self) -> tuple[int, int]:
        """Create the deliveries of every unrouted version; (versions routed, deliveries created)."""
        routed = created = 0
        sentences = None
        while pending := self.store.unrouted_versions():
            sentences = sentences or Sentences(self.store, self.settings)
            ids = [v.event_id for v in pending]
            versions = {v.event_id: v for v in pending}
            wanted: dict[str, list[Subscription]] = {}
            for sub in self.subscriptions.values():
                for row in self.store.events(**{**sub.filters.store_args(), "ids": ids, "limit": None}):
                    wanted.setdefault(row.id, []).append(sub)
            details = {s.row.id: s for s in self.store.event_details(sorted(wanted))}
            deliveries = []
            for event_id, subs in wanted.items():
                if event_id not in details:
                    continue
                v = versions[event_id]
                told = brief(details[event_id], self.settings.public_url, sentences)
                for sub in subs:
                    payload = {"subscription": sub.name, "change": v.change, "version": v.version, "event": told}
                    deliveries.append({"subscription": sub.name, "event_id": event_id, "version": v.version,
                                       "change": v.change, "url": sub.url, "payload": payload})
            created += self.store.route_versions(pending, deliveries)
            routed += len(pending)
        return routed, created

    def deliver(self, limit: int = 100) -> list[tuple[Delivery, str]]:
        """POST every due delivery (until asked to stop); (delivery, its new status) of each."""
        done = []
        for d in self.store.due_deliveries(limit):
            if self.stop.is_set():
                break
            done.append((d, self._attempt(d)))
        return done

    def _attempt(self, d: Delivery) -> str:
        sub = self.subscriptions.get(d.subscription)
        now = self.store.now()
        if sub is None:
            self.store.record_delivery_attempt(d.id, {"status": "given_up", "next_attempt_at": None,
                                                      "last_error": "subscription no longer in the subscriptions file"})
            return "given_up"
        body = body_of(d.payload)
        stamp = str(int(time.time()))
        headers = {"Content-Type": "application/json", "X-Nkwatch-Delivery": str(d.id),
                   "X-Nkwatch-Event": f"{d.event_id};version={d.version}", "X-Nkwatch-Timestamp": stamp,
                   SIGNATURE_HEADER: signature(sub.secret, stamp, body)}
        status, error = None, None
        try:
            response = self.client.post(sub.url, content=body, headers=headers)
            status = response.status_code
            if not 200 <= status < 300:
                error = f"HTTP {status}: {' '.join(response.text[:ERROR_BODY_CHARS].split())}".rstrip(": ")
        except httpx.TimeoutException:
            error = "timed out"
        except httpx.HTTPError as exc:
            error = f"{type(exc).__name__}: {exc}"
        attempts = d.attempts + 1
        values = {"attempts": attempts, "last_attempt_at": now, "http_status": status, "url": sub.url}
        if error is None:
            values.update(status="delivered", delivered_at=now, next_attempt_at=None, last_error=None)
            self.log(f"alert {d.id} ({d.subscription}, {d.event_id} v{d.version}) delivered")
        elif attempts >= self.settings.alert_attempts:
            values.update(status="given_up", next_attempt_at=None, last_error=error)
            self.log(f"alert {d.id} ({d.subscription}, {d.event_id} v{d.version}): {error}; given up "
                     f"after {attempts} attempts")
        else:
            wait = backoff(attempts, self.settings.alert_backoff, BACKOFF_CAP, self.rng)
            values.update(status="failing", next_attempt_at=now + timedelta(seconds=wait), last_error=error)
            self.log(f"alert {d.id} ({d.subscription}, {d.event_id} v{d.version}): {error}; "
                     f"attempt {attempts}/{self.settings.alert_attempts}, next in {wait:.2f} s")
        self.store.record_delivery_attempt(d.id, values)
        return values["status"]
