"""One poll of one source: harvest its new and changed items, take their documents in through the
normal ingest (idempotent: a text already stored changes nothing, a changed one at a stored URL is
a new revision), then record the items and the source's state in one transaction.

Crash safety: items are recorded only after their documents are stored and extracted, and a
feed's or page's validators (ETag, Last-Modified) only when every item was taken in. A poll cut
short (a kill, a stop, a failed extraction) leaves the items it did not finish unrecorded, so the
next poll fetches them in full and takes them in again; what was stored meanwhile is found
unchanged. Nothing is lost, nothing is counted twice.
"""
from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import timedelta

from ..ingest.run import IngestReport
from ..models import Document, ReadError
from ..settings import Settings
from ..store import SeenItem, Store, WatchSource
from .fetch import Fetcher, FetchError, Stopped
from .sources import Harvest, SourceError, harvest

# take_in(documents and read errors) -> the ingest report: ``ingest_documents`` bound to a store,
# pipeline and resolver.
TakeIn = Callable[[Iterable[Document | ReadError]], IngestReport]


@dataclass
class PollOutcome:
    """What one poll did. status: 'ok', 'not_modified', 'error' or 'stopped' (asked to stop while
    waiting: nothing recorded)."""
    source: WatchSource
    status: str
    kind: str
    new_items: int = 0
    changed_items: int = 0
    unfinished: int = 0          # items left for the next poll (stop, failed ingest)
    documents: dict[str, int] = field(default_factory=dict)   # ingest's count: new / revision / unchanged
    notes: list[str] = field(default_factory=list)
    error: str | None = None

    @property
    def summary(self) -> str:
        """'2 new, 1 changed item(s); documents: 2 new, 1 revision' / 'not modified' / the error."""
        if self.status == "error":
            return f"error: {self.error}"
        if self.status == "not_modified":
            return "not modified"
        if self.status == "stopped":
            return "stopped before the end"
        if not (self.new_items or self.changed_items or self.unfinished):
            return "nothing new"
        docs = ", ".join(f"{n} {what}" for what, n in self.documents.items() if n)
        text = f"{self.new_items} new, {self.changed_items} changed item(s)" + (f"; documents: {docs}" if docs else "")
        return text + (f"; {self.unfinished} left for the next poll" if self.unfinished else "")


def poll_source(source: WatchSource, store: Store, take_in: TakeIn, fetcher: Fetcher, settings: Settings,
                every: float, stop: threading.Event) -> PollOutcome:
    """Poll ``source`` once and record what it gave (see the module docstring); the next poll is
    due ``every`` seconds later, whatever the outcome."""
    started = store.now()
    due = {"last_polled": started, "next_poll": started + timedelta(seconds=every)}
    try:
        found = harvest(source, store.seen_items(source.id), fetcher, settings, stop)
    except Stopped:
        return PollOutcome(source, "stopped", source.kind)
    except Exception as exc:  # one source's trouble, whatever it is, must not stop the others
        reason = _reason(exc)
        store.update_watch_source(source.id, {**due, "last_error": reason, "last_error_at": started,
                                              "failures": source.failures + 1, "last_outcome": f"error: {reason}"})
        return PollOutcome(source, "error", source.kind, error=reason)
    outcome = PollOutcome(source, "not_modified" if found.not_modified else "ok", found.kind)
    taken = _take_in(found, take_in, outcome)
    values = {**due, "kind": found.kind, "last_success": store.now(), "failures": 0}
    if found.answer is not None and found.complete and not outcome.unfinished:
        values.update(etag=found.answer.etag, last_modified=found.answer.last_modified)
    values["last_outcome"] = outcome.summary
    store.finish_poll(source.id, taken, values)
    return outcome


def _reason(exc: Exception) -> str:
    if isinstance(exc, FetchError):
        return exc.reason
    if isinstance(exc, SourceError):
        return str(exc)
    return f"unexpected error: {type(exc).__name__}: {exc}"


def _take_in(found: Harvest, take_in: TakeIn, outcome: PollOutcome) -> list[SeenItem]:
    """Ingest the documents of ``found``'s items; the items to record (those fully taken in)."""
    if not found.items:
        return []
    report = take_in([x for item in found.items for x in (*item.documents, *item.errors)])
    stored = dict(report.stored)
    failed = {name for name, _ in report.failures}
    unread = dict(report.not_read)
    outcome.documents = {"new": report.new, "revision": report.revision, "unchanged": report.unchanged}
    taken = []
    for item in found.items:
        if any(d.name not in stored or d.name in failed for d in item.documents):
            outcome.unfinished += 1
            outcome.notes += [f"{item.key}: {reason}" for name, reason in report.failures
                              if name in {d.name for d in item.documents}]
            continue
        if item.new:
            outcome.new_items += 1
        else:
            outcome.changed_items += 1
        reasons = [item.note] if item.note else []
        reasons += [e.reason for e in item.errors]
        reasons += [unread[d.name] for d in item.documents if d.name in unread]   # stored, in a language not read
        if reasons:
            outcome.notes.append(f"{item.key}: {'; '.join(reasons)}")
        document = stored[item.documents[0].name].document_id if item.documents else None
        taken.append(SeenItem(item.key, item.fingerprint, document, "; ".join(reasons) or None))
    return taken
