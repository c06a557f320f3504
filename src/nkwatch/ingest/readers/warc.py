"""WARC archives (plain or gzipped): every successful (2xx) HTTP ``response`` record with an HTML
content type goes through the HTML reader; every other record is skipped, with what it is
("request record", "HTTP 404", "not HTML (image/png)").

Documents are named ``name#i`` with i the record's 0-based position among all records of the
file (warcinfo and requests included). A record cut short or unreadable is a ReadError naming
that index; reading goes on while warcio can find the next record.
"""
from __future__ import annotations

import io
import re
from typing import Iterator

from warcio.archiveiterator import WARCIterator
from warcio.recordloader import ArcWarcRecord

from ...models import Document, ReadError
from ...settings import Settings
from .dates import parse_date
from .html import read_html
from .source import RawInput

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
CHARSET = re.compile(r"charset\s*=\s*[\"']?([A-Za-z0-9._:-]+)", re.I)


def _not_a_page(record: ArcWarcRecord) -> tuple[str | None, str | None]:
    """(why the record is not an HTML page, None when it is one; its declared charset)."""
    if record.rec_type != "response" or record.http_headers is None:
        return f"{record.rec_type} record", None
    status = record.http_headers.get_statuscode() or ""
    content_type = record.http_headers.get_header("Content-Type") or ""
    mime = content_type.split(";", 1)[0].strip().lower()
    charset = CHARSET.search(content_type)
    if not status.startswith("2"):
        return f"HTTP {status or 'status unknown'}", None
    if mime not in HTML_TYPES:
        return f"not HTML ({mime or 'no content type'})", None
    return None, charset.group(1) if charset else None


def _describe(exc: Exception) -> str:
    """An exception as one line (warcio's messages span several)."""
    return f"{type(exc).__name__}: {' '.join(str(exc).split())}"


def _cut_short(record: ArcWarcRecord) -> bool:
    """True when the file ended before the record's Content-Length (after reading it)."""
    return getattr(record.raw_stream, "limit", 0) > 0


def _page(raw: RawInput, record: ArcWarcRecord, index: int, charset: str | None,
          settings: Settings) -> Iterator[Document | ReadError]:
    """The HTML reader over one response record's payload, with the WARC's URL and date."""
    try:
        payload = record.content_stream().read()
    except Exception as exc:  # bad chunking or content encoding inside one record
        yield raw.error(f"unreadable WARC record payload: {_describe(exc)}", index)
        return
    if _cut_short(record):
        yield raw.error("truncated WARC record", index)
        return
    warc_date = record.rec_headers.get_header("WARC-Date")
    for item in read_html(raw.part(index, payload), settings,
                          url=record.rec_headers.get_header("WARC-Target-URI"),
                          charset=charset, fallback_date=parse_date(warc_date)):
        if isinstance(item, Document):
            item.fmt = "warc"
            item.meta.update(warc_record_id=record.rec_headers.get_header("WARC-Record-ID"),
                             warc_date=warc_date)
        yield item


def read_warc(raw: RawInput, settings: Settings) -> Iterator[Document | ReadError]:
    """One Document per HTML response record; one ReadError per bad record."""
    records = WARCIterator(io.BytesIO(raw.data))
    index, end = 0, 0
    while True:
        try:
            record = next(records)
        except StopIteration:
            break
        except Exception as exc:  # warcio and zlib raise several kinds on corrupt input
            yield raw.error(f"corrupt WARC record: {_describe(exc)}", index)
            return
        if record.rec_type is None:
            yield raw.error("corrupt WARC record: no WARC-Type header", index)
            return
        not_a_page, charset = _not_a_page(record)
        if not_a_page is None:
            yield from _page(raw, record, index, charset, settings)
        try:
            records.read_to_end(record)
        except Exception as exc:
            yield raw.error(f"corrupt WARC record: {_describe(exc)}", index)
            return
        if not_a_page is not None:
            truncated = _cut_short(record)
            yield raw.error("truncated WARC record" if truncated else not_a_page, index, skipped=not truncated)
        end = records.get_record_offset() + records.get_record_length()
        index += 1
    if raw.data[end:].strip():  # warcio drops a cut-off gzip member without a word
        yield raw.error("truncated or corrupt WARC record", index)
