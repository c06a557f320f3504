"""Every reader on generated input (txt, html, json, jsonl, rss/atom, warc): it never raises (no
"unexpected error"), each Document it gives is a possible one, and every record of a container is
accounted for: a Document or a ReadError."""
from __future__ import annotations

import io
import json
import re
from datetime import date

from hypothesis import HealthCheck, example, given, settings, strategies as st
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from nkwatch.ingest.readers import RawInput, read_raw
from nkwatch.ingest.readers.encoding import decode
from nkwatch.models import PUBDATE_METHODS, Document, ReadError
from nkwatch.settings import Settings

SETTINGS = Settings(max_doc_chars=5000)
WORDS = ["North", "Korea", "fired", "a", "missile", "on", "Friday", "&", "&amp;", "<", ">", "<p>", "</p>", "<br>",
         "<![CDATA[", "]]>", "<script>", "\u00e9", "\u2014", "\x00", "\r\n", "\n", "\t", "\u2028", "\x1c", "\ufeff",
         '"', "'", "{", "}", "2024-03-05", "Tue, 05 Mar 2024 10:00:00 +0900", "1709600000000"]
TEXT = st.one_of(st.lists(st.sampled_from(WORDS), max_size=30).map(" ".join), st.text(max_size=80))
ENCODINGS = st.sampled_from(["utf-8", "utf-16", "utf-8-sig", "cp1252", "latin-1", "shift_jis"])


def read(data: bytes, fmt: str, name: str = "in") -> list[Document | ReadError]:
    return list(read_raw(RawInput(data, name, name, name), fmt, SETTINGS))


def check(items: list[Document | ReadError]) -> None:
    unexpected = [i for i in items if isinstance(i, ReadError) and i.reason.startswith("unexpected error")]
    assert not unexpected, unexpected
    for doc in (i for i in items if isinstance(i, Document)):
        assert doc.text.strip() and len(doc.text) <= SETTINGS.max_doc_chars
        assert doc.published_method in PUBDATE_METHODS
        assert (doc.published is None) == (doc.published_method == "unknown")
        assert doc.published is None or isinstance(doc.published, date)


def encoded(text: str, encoding: str) -> bytes:
    return text.encode(encoding, errors="replace")


@given(st.one_of(st.binary(max_size=300), st.builds(encoded, TEXT, ENCODINGS)))
@example(b"\xff\xfe\x00")
def test_txt(data):
    items = read(data, "txt")
    check(items)
    assert len(items) == 1


@given(st.builds(lambda title, body, tail: f"<html><head><title>{title}</title></head><body><article><p>{body}"
                                           f"</p></article>{tail}".encode(), TEXT, TEXT, TEXT)
       | st.binary(max_size=300))
@settings(suppress_health_check=[HealthCheck.too_slow])
def test_html(data):
    items = read(data, "html")
    check(items)
    assert len(items) == 1


JSON = st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | TEXT,
                    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(
                        st.sampled_from(["text", "title", "url", "date", "body", "x"]), inner, max_size=4),
                    max_leaves=12)
RECORDS = st.lists(st.one_of(st.fixed_dictionaries({"text": TEXT}, optional={"title": TEXT, "date": JSON}), JSON),
                   max_size=6)


@given(RECORDS)
@example([{"text": "North Korea fired a missile.", "date": "\u00b2"}])  # a digit int() refuses: the file failed
def test_json_list_accounts_for_every_record(records):
    items = read(json.dumps(records).encode(), "json")
    check(items)
    assert len(items) == len(records)


@given(st.lists(st.one_of(RECORDS.map(json.dumps), TEXT), max_size=6))
def test_jsonl_accounts_for_every_line(lines):
    data = "\n".join(line.replace("\n", " ").replace("\r", " ") for line in lines).encode("utf-8", "replace")
    items = read(data, "jsonl")
    check(items)
    decoded = decode(data)
    if decoded is not None:  # else one error: a binary file
        assert len(items) == len([line for line in decoded.text.split("\n") if line.strip()])


def rss(items: list[tuple[str, str]], atom: bool) -> str:
    if atom:
        body = "".join(f"<entry><title>{t}</title><content type='html'>{c}</content></entry>" for t, c in items)
        return f'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>W</title>{body}</feed>'
    body = "".join(f"<item><title>{t}</title><description>{c}</description></item>" for t, c in items)
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>W</title>{body}</channel></rss>'


ENTRY_TAG = re.compile(rb"<(?:item|entry)[\s>/]")


@given(st.lists(st.tuples(TEXT, TEXT), max_size=5), st.booleans(), st.integers(0, 2000))
@example([("A", "Story"), ("B", "<![CDATA[never closed"), ("C", "Story")], False, 2000)
@example([("", "\x1b")], False, 114)  # a control character lxml refuses: the whole feed failed
def test_feed_entries_are_read_or_reported(entries, atom, cut):
    data = rss(entries, atom).encode("utf-8", errors="replace")
    data = data[:max(cut, 60)]
    items = read(data, "feed")
    check(items)
    records = [i for i in items if not (isinstance(i, ReadError) and i.line is None)]
    if len(items) != 1 or records:  # not one error for the whole file
        assert len(records) >= len(ENTRY_TAG.findall(data)), items


def warc(pages: list[str], statuses: list[str]) -> bytes:
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=True)
    for i, (body, status) in enumerate(zip(pages, statuses)):
        headers = StatusAndHeaders(status, [("Content-Type", "text/html")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(
            f"https://x.example/{i}", "response", http_headers=headers,
            payload=io.BytesIO(f"<html><body><article><p>{body}</p></article></body></html>".encode(
                "utf-8", errors="replace"))))
    return buf.getvalue()


@given(st.lists(TEXT, max_size=4), st.lists(st.sampled_from(["200 OK", "404 Not Found", "301 Moved"]), min_size=4),
       st.integers(0, 5000), st.binary(max_size=8))
def test_warc_records_are_read_or_reported(pages, statuses, cut, junk):
    whole = warc(pages, statuses)
    items = read(whole, "warc")
    check(items)
    assert len(items) == len(pages)  # every record: a document, skipped or failed
    check(read(whole[:cut] + junk, "warc"))
