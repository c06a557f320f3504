"""HTML pages: trafilatura's main text (comments left out) with its metadata; the publication
date from the page's markup through htmldate (no guessing from the body text)."""
from __future__ import annotations

import hashlib
import re
from datetime import date
from typing import Iterator

import trafilatura

from ...models import Document, ReadError
from ...settings import Settings
from .encoding import decode
from .source import RawInput, length_error

META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.I)
CHARSET_SNIFF_BYTES = 4096
# htmldate options: markup only (meta tags, <time>, JSON-LD, URL), the original publication
# date rather than the last modification.
DATE_PARAMS = {"extensive_search": False, "original_date": True}


def declared_charset(data: bytes) -> str | None:
    """The charset a <meta> tag near the top of the page declares."""
    m = META_CHARSET.search(data[:CHARSET_SNIFF_BYTES])
    return m.group(1).decode("ascii") if m else None


def read_html(raw: RawInput, settings: Settings, *, url: str | None = None,
              charset: str | None = None, fallback_date: date | None = None,
              ) -> Iterator[Document | ReadError]:
    """One Document whose text is the page's main text (offsets point into it).

    url / charset: what the transport said (e.g. a WARC record's target URI and Content-Type);
    fallback_date: a 'metadata' date to use when the page carries none (e.g. WARC-Date).
    """
    decoded = decode(raw.data, charset or declared_charset(raw.data))
    if decoded is None:
        yield raw.error("binary file")
        return
    try:
        page = trafilatura.bare_extraction(
            decoded.text, url=url, with_metadata=True, include_comments=False,
            date_extraction_params=DATE_PARAMS)
    except Exception as exc:  # lxml and trafilatura raise many kinds on broken markup
        yield raw.error(f"HTML could not be parsed: {type(exc).__name__}: {exc}")
        return
    if page is None or not (page.text or "").strip():
        yield raw.error("no main text found")
        return
    too_long = length_error(raw, page.text, settings)
    if too_long:
        yield too_long
        return
    published = date.fromisoformat(page.date) if page.date else fallback_date
    meta = {
        "encoding": decoded.encoding,
        "raw_bytes": len(raw.data),
        "raw_sha256": hashlib.sha256(raw.data).hexdigest(),
    }
    for key in ("description", "language"):
        if getattr(page, key, None):
            meta[key] = getattr(page, key)
    yield Document(
        name=raw.name, text=page.text, fmt="html", source_path=raw.source_path,
        title=page.title or None, url=url or page.url or None, author=page.author or None,
        site=page.sitename or None, published=published,
        published_method="metadata" if published else "unknown", meta=meta,
    )
