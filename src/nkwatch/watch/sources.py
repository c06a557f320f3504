"""What a watched source is, and what one look at it finds: the items that are new or changed
since the items taken in before, each with the documents it gives.

- a feed URL: one item per entry (by its id, else its link); an entry that carries only a summary
  has its article page fetched and read as ingest reads HTML (trafilatura); when the page cannot
  be had, the summary is taken, and the item says why;
- a page URL: one item, the page (changed when its bytes change);
- a folder: one item per readable file (changed when its size or modification time changes),
  read as ``nkwatch ingest FOLDER`` reads it, with the same names.

Whether a URL is a feed or a page is told by its answer. Nothing here writes to the store.
"""
from __future__ import annotations

import hashlib
import json
import os
import threading
from dataclasses import dataclass, field, replace
from typing import Any

from ..ingest import folder_entries, read_file
from ..ingest.readers import RawInput, format_of_name, read_html, read_raw, sniff_format
from ..ingest.readers.detect import is_feed
from ..ingest.readers.feed import entry_document, has_content, parse_feed
from ..models import Document, ReadError
from ..settings import Settings
from ..store import SeenItem, WatchSource
from .fetch import Answer, Fetcher, FetchError, Stopped


class SourceError(Exception):
    """A source that gave nothing to read this time (the reason is recorded with the source)."""


def locate(arg: str) -> tuple[str, str]:
    """(locator, kind) of a SOURCE argument: an http(s) URL as given ('url': feed or page, told
    by its answer), or an existing folder by its absolute path ('folder')."""
    if arg.lower().startswith(("http://", "https://")):
        return arg.strip(), "url"
    if os.path.isdir(arg):
        return os.path.abspath(arg), "folder"
    raise SourceError(f"{arg}: not an http(s) URL nor a folder")


@dataclass
class Item:
    """One item found new or changed: the documents it gives, or the errors why it gives none;
    ``note``: what to know about how it was read (kept with the item)."""
    key: str
    fingerprint: str
    new: bool
    documents: list[Document] = field(default_factory=list)
    errors: list[ReadError] = field(default_factory=list)
    note: str | None = None


@dataclass
class Harvest:
    """What one look at a source found. ``complete``: every item was looked at (not cut short by
    a stop); ``answer``: the HTTP answer of a URL source (its validators, or a 304)."""
    kind: str
    items: list[Item] = field(default_factory=list)
    answer: Answer | None = None
    complete: bool = True

    @property
    def not_modified(self) -> bool:
        return self.answer is not None and self.answer.status == 304


def harvest(source: WatchSource, seen: dict[str, SeenItem], fetcher: Fetcher, settings: Settings,
            stop: threading.Event) -> Harvest:
    """The new and changed items of ``source``. Raises FetchError or SourceError when the source
    itself gave nothing to read; ``fetch.Stopped`` when asked to stop while waiting to fetch it
    (a stop while waiting for an article page ends the harvest with the items found before)."""
    if source.kind == "folder":
        return _folder(source, seen, settings, stop)
    answer = fetcher.get(source.locator, source.etag, source.last_modified)
    if answer.status == 304:
        return Harvest(source.kind, answer=answer)
    raw = RawInput(answer.data, source.locator, source.locator, source.locator)
    if is_feed(answer.data):
        return _feed(raw, answer, seen, fetcher, settings, stop)
    return _page(raw, answer, seen, settings)


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _page(raw: RawInput, answer: Answer, seen: dict[str, SeenItem], settings: Settings) -> Harvest:
    found = Harvest("page", answer=answer)
    key, fingerprint = raw.name, _digest(raw.data)
    if key in seen and seen[key].fingerprint == fingerprint:
        return found
    item = Item(key, fingerprint, key not in seen)
    fmt = sniff_format(raw.data)
    read = (read_html(raw, settings, url=answer.url, charset=answer.charset) if fmt == "html"
            else read_raw(raw, fmt, settings))
    for result in read:
        (item.errors if isinstance(result, ReadError) else item.documents).append(result)
    found.items.append(item)
    return found


def entry_key(entry: Any) -> str | None:
    """An entry's identity: its id, else its link, else its title with its date."""
    for value in (entry.get("id"), entry.get("link")):
        if value and str(value).strip():
            return str(value).strip()
    title, when = entry.get("title"), dict.get(entry, "published") or dict.get(entry, "updated")
    return f"{title}|{when}" if title else None


def entry_fingerprint(entry: Any) -> str:
    """What an entry says: a new fingerprint means it changed."""
    # dict.get: feedparser's own get() answers 'updated' with 'published' (and a warning)
    said = [entry.get("title"), entry.get("link"), [c.get("value") for c in entry.get("content", [])],
            entry.get("summary"), dict.get(entry, "published"), dict.get(entry, "updated")]
    return _digest(json.dumps(said, sort_keys=True, default=str).encode())


def _feed(raw: RawInput, answer: Answer, seen: dict[str, SeenItem], fetcher: Fetcher, settings: Settings,
          stop: threading.Event) -> Harvest:
    parsed, error = parse_feed(raw)
    if error is not None:
        if parsed is not None and not parsed.get("bozo"):
            return Harvest("feed", answer=answer)  # a feed without entries: nothing new
        raise SourceError(error.reason)
    found = Harvest("feed", answer=answer)
    names: set[str] = set()
    for i, entry in enumerate(parsed.entries):
        key = entry_key(entry)
        if key is None or any(item.key == key for item in found.items):
            continue
        fingerprint = entry_fingerprint(entry)
        if key in seen and seen[key].fingerprint == fingerprint:
            continue
        if stop.is_set():
            found.complete = False
            break
        item = Item(key, fingerprint, key not in seen)
        doc = entry_document(raw, parsed, i, settings)
        if isinstance(doc, ReadError):
            item.errors.append(doc)
        else:
            name = _unique(doc.url or f"{raw.name}#{key}", names)
            doc = replace(doc, name=name)
            if not has_content(entry) and doc.url:
                try:
                    doc, item.note = _article_page(doc, raw, fetcher, settings)
                except Stopped:  # asked to stop while waiting to fetch it: the items before are kept
                    found.complete = False
                    break
            item.documents.append(doc)
        found.items.append(item)
    return found


def _unique(name: str, taken: set[str]) -> str:
    n, unique = 1, name
    while unique in taken:
        n += 1
        unique = f"{name}#{n}"
    taken.add(unique)
    return unique


def _article_page(summary: Document, feed: RawInput, fetcher: Fetcher,
                  settings: Settings) -> tuple[Document, str | None]:
    """The article page of an entry that carries only ``summary``, read as ingest reads HTML
    (the entry's title and date when the page has none); the summary itself, with the reason,
    when the page cannot be had."""
    try:
        answer = fetcher.get(summary.url)
    except FetchError as exc:
        return summary, f"article page not fetched ({exc.reason}); the feed's summary stored"
    raw = RawInput(answer.data, summary.name, summary.url, feed.source_path)
    for result in read_html(raw, settings, url=summary.url, charset=answer.charset, fallback_date=summary.published):
        if isinstance(result, ReadError):
            return summary, f"article page not read ({result.reason}); the feed's summary stored"
        meta = {**result.meta, "feed": feed.source_path, **({"entry_id": summary.meta["entry_id"]}
                                                             if "entry_id" in summary.meta else {})}
        return replace(result, title=result.title or summary.title, meta=meta,
                       site=result.site or summary.site), None
    return summary, "article page gave no text; the feed's summary stored"


def _folder(source: WatchSource, seen: dict[str, SeenItem], settings: Settings, stop: threading.Event) -> Harvest:
    if not os.path.isdir(source.locator):
        raise SourceError(f"{source.locator}: no such folder")
    found = Harvest("folder")
    for entry in folder_entries(source.locator):
        if isinstance(entry, ReadError):
            continue  # a file of unknown type, a linked folder, a subfolder that cannot be listed
        path, name = entry
        try:
            stat = os.stat(path)
        except OSError:
            continue  # removed meanwhile
        fingerprint = f"{stat.st_size}:{stat.st_mtime_ns}"
        if name in seen and seen[name].fingerprint == fingerprint:
            continue
        if stop.is_set():
            found.complete = False
            break
        item = Item(name, fingerprint, name not in seen)
        for result in read_file(path, name, format_of_name(name), settings):
            (item.errors if isinstance(result, ReadError) else item.documents).append(result)
        found.items.append(item)
    return found
