"""RSS and Atom feeds: one Document per entry, its text the entry's content (else its summary)
turned from HTML into plain text, one line per block element."""
from __future__ import annotations

import io
import re
from datetime import date
from typing import Any, Iterator

import feedparser
import lxml.etree
import lxml.html

from ...models import Document, ReadError
from ...settings import Settings
from .dates import parse_date
from .detect import is_feed
from .encoding import decode
from .source import RawInput, length_error

BLOCK_TAGS = frozenset({
    "address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt", "figcaption",
    "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "ol", "p",
    "pre", "section", "table", "td", "th", "tr", "ul",
})
SKIP_TAGS = frozenset({"script", "style", "noscript", "template"})
PLAIN_TYPES = frozenset({"text/plain"})
# Characters an XML tree cannot hold (lxml refuses them): C0 controls but tab and line breaks.
NOT_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
ENTRY_TAG = re.compile(rb"<(?:[A-Za-z][\w.-]*:)?(?:item|entry)[\s>/]")


def html_to_text(markup: str) -> str:
    """Plain text of an HTML fragment: block elements start new lines, runs of spaces inside a
    line become one, empty lines are dropped (and so are control characters)."""
    markup = NOT_XML.sub("", markup)
    if not markup.strip():
        return ""
    root = lxml.html.fragment_fromstring(markup, create_parent="div")
    lxml.etree.strip_elements(root, *SKIP_TAGS, with_tail=False)
    lxml.etree.strip_tags(root, lxml.etree.Comment, lxml.etree.ProcessingInstruction)
    parts: list[str] = []
    for event, el in lxml.etree.iterwalk(root, events=("start", "end")):
        block = "\n" if el.tag in BLOCK_TAGS else ""
        if event == "start":
            parts += [block, el.text or ""]
        else:
            parts += [block, (el.tail or "") if el is not root else ""]
    lines = (" ".join(line.split()) for line in "".join(parts).split("\n"))
    return "\n".join(line for line in lines if line)


def entry_text(entry: Any) -> str:
    """The entry's longest content block, else its summary, as plain text."""
    blocks = [(c.get("type", ""), c.get("value", "")) for c in entry.get("content", [])]
    blocks.sort(key=lambda b: len(b[1]), reverse=True)
    if entry.get("summary"):
        blocks.append((entry.get("summary_detail", {}).get("type", "text/html"), entry["summary"]))
    for kind, value in blocks:
        text = value.strip() if kind in PLAIN_TYPES else html_to_text(value)
        if text:
            return text
    return ""


def entry_date(entry: Any) -> date | None:
    """The entry's published (else updated) date as written, else as feedparser normalized it."""
    for key in ("published", "updated"):
        found = parse_date(entry.get(key))
        if found:
            return found
        parsed = entry.get(f"{key}_parsed")
        if parsed:
            return date(*parsed[:3])
    return None


def has_content(entry: Any) -> bool:
    """True when the entry carries a content block with text (not only a summary)."""
    return any((c.get("value") or "").strip() for c in entry.get("content", []))


def parse_feed(raw: RawInput) -> tuple[Any, ReadError | None]:
    """feedparser's reading of a feed, or the ReadError that says why there is nothing to read.
    A malformed feed (an unclosed CDATA section, an entry cut short) keeps whatever entries
    feedparser recovered; it is one error only when none were (``lost_entries`` tells the rest)."""
    if decode(raw.data) is None:
        return None, raw.error("binary file")
    if not is_feed(raw.data):
        return None, raw.error("not an RSS/Atom feed")
    parsed = feedparser.parse(io.BytesIO(raw.data))
    if not parsed.entries:
        return parsed, raw.error(_malformed(parsed) or "feed has no entries")
    return parsed, None


def entry_document(raw: RawInput, parsed: Any, i: int, settings: Settings) -> Document | ReadError:
    """The Document of entry ``i`` of ``parsed`` (a ``parse_feed`` result over ``raw``), named
    ``name#i``; its text the entry's content, else its summary. In a malformed feed an entry
    recovered without text fails with the feed's error (it lost its text), elsewhere it is skipped."""
    entry = parsed.entries[i]
    malformed = _malformed(parsed)
    text = entry_text(entry)
    if not text:
        if malformed:
            return raw.error(f"entry without text in a {malformed}", i)
        return raw.error("no text (entry has no content or summary)", i, skipped=True)
    too_long = length_error(raw, text, settings, i)
    if too_long:
        return too_long
    published = entry_date(entry)
    meta: dict[str, Any] = {"feed_version": parsed.get("version") or None}
    if malformed:
        meta["feed_malformed"] = malformed
    meta["encoding"] = parsed.get("encoding")
    if entry.get("id"):
        meta["entry_id"] = entry["id"]
    return Document(
        name=raw.record_name(i), text=text, fmt="rss", source_path=raw.source_path,
        title=entry.get("title") or None, url=entry.get("link") or None,
        author=entry.get("author") or None, site=parsed.feed.get("title") or None, published=published,
        published_method="metadata" if published else "unknown", meta=meta,
    )


def lost_entries(raw: RawInput, parsed: Any) -> list[ReadError]:
    """One failure for each entry whose start tag is in a malformed feed beyond the last entry
    feedparser recovered: what the feed lost is reported, never skipped."""
    malformed = _malformed(parsed)
    if not malformed:
        return []
    return [raw.error(f"entry lost in a {malformed}", i)
            for i in range(len(parsed.entries), len(ENTRY_TAG.findall(raw.data)))]


def read_feed(raw: RawInput, settings: Settings) -> Iterator[Document | ReadError]:
    """One Document per entry, named ``name#i`` with i the entry's 0-based position; then a failure
    for each entry a malformed feed lost."""
    parsed, error = parse_feed(raw)
    if error is not None:
        yield error
        return
    for i in range(len(parsed.entries)):
        yield entry_document(raw, parsed, i, settings)
    yield from lost_entries(raw, parsed)


def _malformed(parsed: Any) -> str | None:
    """'malformed feed: <the parser's message> (line L, column C)', or None for a well-formed feed."""
    if not parsed.get("bozo"):
        return None
    exc = parsed.get("bozo_exception")
    if hasattr(exc, "getLineNumber"):  # an XML parse error: where it is
        return f"malformed feed: {exc.getMessage()} (line {exc.getLineNumber()}, column {exc.getColumnNumber()})"
    return f"malformed feed: {exc}"
