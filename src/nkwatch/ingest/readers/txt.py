"""Plain-text articles in the crawl format: the whole decoded file is the text, and an optional
leading `` date YYYY-MM-DD`` glued to the first line gives the publication date ('header')."""
from __future__ import annotations

import re
from datetime import date
from typing import Iterator

from ...models import Document, ReadError
from ...settings import Settings
from .encoding import decode
from .source import RawInput, length_error

HEADER_DATE = re.compile(r"[ \t]*date[ \t]+(\d{4}-\d{2}-\d{2})(?=\s|$)")


def header_date(text: str) -> date | None:
    """The date of a leading `` date YYYY-MM-DD`` prefix, if there is one and it is a real date."""
    m = HEADER_DATE.match(text)
    if not m:
        return None
    try:
        return date.fromisoformat(m.group(1))
    except ValueError:
        return None


def read_txt(raw: RawInput, settings: Settings) -> Iterator[Document | ReadError]:
    """One Document whose text is the whole file, byte for byte after decoding."""
    decoded = decode(raw.data)
    if decoded is None:
        yield raw.error("binary file")
        return
    text = decoded.text
    if not text.strip():
        yield raw.error("empty file")
        return
    too_long = length_error(raw, text, settings)
    if too_long:
        yield too_long
        return
    published = header_date(text)
    yield Document(
        name=raw.name, text=text, fmt="txt", source_path=raw.source_path,
        published=published, published_method="header" if published else "unknown",
        meta={"encoding": decoded.encoding},
    )
