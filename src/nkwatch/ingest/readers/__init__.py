"""Readers: bytes of one input -> ``Document``s, or ``ReadError``s for what cannot be read.

Every reader has the signature ``(raw: RawInput, settings: Settings) -> Iterator[Document |
ReadError]`` and never leaves ``Document.text`` different from the decoded input (or, for HTML
and feeds, the extracted text).
"""
from __future__ import annotations

from collections.abc import Callable, Iterator

from ...models import Document, ReadError
from ...settings import Settings
from .detect import format_of_name, sniff_format
from .feed import read_feed
from .html import read_html
from .jsonrec import read_json, read_jsonl
from .source import RawInput, load_file, load_stdin, os_reason
from .txt import read_txt
from .warc import read_warc

Reader = Callable[[RawInput, Settings], Iterator[Document | ReadError]]

READERS: dict[str, Reader] = {
    "txt": read_txt,
    "html": read_html,
    "json": read_json,
    "jsonl": read_jsonl,
    "feed": read_feed,
    "warc": read_warc,
}


def read_raw(raw: RawInput, fmt: str, settings: Settings) -> Iterator[Document | ReadError]:
    """Run the reader for ``fmt``; anything it raises becomes one ReadError and ends the input."""
    try:
        yield from READERS[fmt](raw, settings)
    except Exception as exc:  # the batch must go on whatever one input does
        yield raw.error(f"unexpected error: {type(exc).__name__}: {exc}")


__all__ = [
    "READERS", "RawInput", "format_of_name", "load_file", "load_stdin", "os_reason", "read_feed",
    "read_html", "read_json", "read_jsonl", "read_raw", "read_txt", "read_warc", "sniff_format",
]
