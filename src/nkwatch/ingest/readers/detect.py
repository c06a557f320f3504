"""Which reader an input needs: by file name, or by sniffing the content (stdin, ``.xml``)."""
from __future__ import annotations

import json
import re
import zlib

from .encoding import bom_encoding

# File name ending -> format. ".xml" is a feed only if its content says so.
EXTENSIONS = {
    ".txt": "txt",
    ".html": "html", ".htm": "html",
    ".json": "json",
    ".jsonl": "jsonl", ".ndjson": "jsonl",
    ".rss": "feed", ".atom": "feed", ".xml": "feed",
    ".warc": "warc", ".warc.gz": "warc",
}
SNIFF_BYTES = 4096
FEED_ROOTS = frozenset({"rss", "feed", "rdf:rdf"})
PROLOG = re.compile(r"\s*(<\?.*?\?>|<!--.*?-->|<!doctype[^>]*>)\s*", re.S)
TAG = re.compile(r"<([a-z][\w:.-]*)")


def format_of_name(name: str) -> str | None:
    """The format a file name announces ('txt', 'html', 'json', 'jsonl', 'feed', 'warc'), or None."""
    lower = name.lower()
    for ext in sorted(EXTENSIONS, key=len, reverse=True):
        if lower.endswith(ext):
            return EXTENSIONS[ext]
    return None


def root_element(data: bytes) -> str | None:
    """Lower-case name of the first element after the XML declaration, comments and doctype."""
    head, pos = _head(data).lstrip(), 0
    while m := PROLOG.match(head, pos):
        pos = m.end()
    m = TAG.match(head, pos)
    return m.group(1) if m else None


def is_feed(data: bytes) -> bool:
    """True when the document element is <rss>, <feed> (Atom) or <rdf:RDF> (RSS 1.0)."""
    return root_element(data) in FEED_ROOTS


def sniff_format(data: bytes) -> str:
    """Guess the format of unnamed content: WARC (plain or gzipped), JSON, JSONL, feed, HTML,
    else plain text (which also reports binary data as such)."""
    if data.startswith(b"WARC/") or _gunzip_head(data).startswith(b"WARC/"):
        return "warc"
    head = _head(data).lstrip()
    if head.startswith("["):
        return "json"
    if head.startswith("{"):
        return "jsonl" if _is_json_lines(data) else "json"
    if head.startswith("<"):
        xml = head.startswith("<?xml") and root_element(data) != "html"
        return "feed" if is_feed(data) or xml else "html"
    return "txt"


def _head(data: bytes) -> str:
    """The first bytes as lower-case text, good enough to recognise markup and brackets."""
    encoding = bom_encoding(data) or "latin-1"
    return data[:SNIFF_BYTES].decode(encoding, errors="ignore").lower()


def _gunzip_head(data: bytes) -> bytes:
    if not data.startswith(b"\x1f\x8b"):
        return b""
    try:
        return zlib.decompressobj(wbits=31).decompress(data[:SNIFF_BYTES], 16)
    except zlib.error:
        return b""


def _is_json_lines(data: bytes) -> bool:
    """True when the first line is a complete JSON value and more content follows it."""
    first, _, rest = data.partition(b"\n")
    if not rest.strip():
        return False
    try:
        json.loads(first)
    except ValueError:
        return False
    return True
