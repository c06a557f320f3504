"""An Atom feed (RFC 4287) whose entries are events: title, the date at its precision, what,
where, sources, the evidence sentence of the newest report and a link to the event's page. An
entry's ``updated`` is the last time its event changed (it gained or lost a report or a claim),
so a feed reader shows it again then."""
from __future__ import annotations

import html
from collections.abc import Iterable
from datetime import datetime, timezone
from typing import Any
from xml.etree import ElementTree as ET

ATOM = "http://www.w3.org/2005/Atom"
MEDIA_TYPE = "application/atom+xml; charset=utf-8"


def entry_title(told: dict[str, Any]) -> str:
    """'weapons test: 2 x KN-23 / srbm (2025-02-26)'."""
    what = told["what"] or "event"
    return f"{told['type'].replace('_', ' ')}: {what} ({told['date']['text']})"


def entry_summary(told: dict[str, Any]) -> str:
    """One line: date · what · where · sources."""
    parts = [told["date"]["text"], told["what"], told["place"], ", ".join(told["sources"])]
    return " · ".join(p for p in parts if p)


def entry_html(told: dict[str, Any]) -> str:
    """The entry's content as HTML (every value escaped)."""
    def row(name: str, value: Any) -> str:
        return f"<dt>{name}</dt><dd>{html.escape(str(value))}</dd>" if value not in (None, "", []) else ""

    place = told["place"] and f"{told['place']}" + (f" ({told['place_precision']})" if told["place_precision"] else "")
    parts = ["<dl>", row("Date", told["date"]["text"]), row("What", told["what"]), row("Where", place),
             row("Sources", ", ".join(told["sources"])), row("Reports", told["documents"]), "</dl>"]
    evidence = told.get("evidence")
    if evidence and evidence["sentence"]:
        doc = evidence["document"]
        said = html.escape(doc["title"] or doc["name"])
        if doc["url"] and doc["url"].lower().startswith(("http://", "https://")):
            said = f'<a href="{html.escape(doc["url"])}">{said}</a>'
        parts.append(f"<blockquote>{html.escape(evidence['sentence'])}</blockquote><p>— {said}"
                     + (f", {doc['published']}" if doc["published"] else "") + "</p>")
    parts.append(f'<p><a href="{html.escape(told["url"])}">The event, its sources and evidence</a></p>')
    return "".join(parts)


def _stamp(value: str | datetime) -> str:
    """An RFC 3339 time in UTC ('2026-12-08T06:00:01.250000Z'): fractions kept, so that two
    changes within a second still order."""
    if isinstance(value, datetime):  # naive: UTC, as the store keeps times
        value = (value.astimezone(timezone.utc).replace(tzinfo=None) if value.tzinfo else value).isoformat()
    return value.rstrip("Z") + "Z"


def events_feed(entries: Iterable[dict[str, Any]], *, feed_id: str, self_url: str, html_url: str,
                title: str, now: datetime) -> bytes:
    """The Atom document of ``entries`` (``brief``s of events, the most recently changed first)."""
    entries = list(entries)
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed")

    def sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
        el = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attrs)
        if text is not None:
            el.text = text
        return el

    sub(feed, "id", feed_id)
    sub(feed, "title", title)
    sub(feed, "updated", _stamp(entries[0]["updated_at"]) if entries else _stamp(now))
    sub(feed, "link", rel="self", type="application/atom+xml", href=self_url)
    sub(feed, "link", rel="alternate", type="text/html", href=html_url)
    sub(sub(feed, "author"), "name", "nkwatch")
    sub(feed, "generator", "nkwatch")
    for told in entries:
        entry = sub(feed, "entry")
        sub(entry, "id", f"urn:nkwatch:event:{told['id']}")
        sub(entry, "title", entry_title(told))
        sub(entry, "updated", _stamp(told["updated_at"]))
        sub(entry, "published", _stamp(told["created_at"]))
        sub(entry, "link", rel="alternate", type="text/html", href=told["url"])
        sub(entry, "category", term=told["type"])
        if told["weapon_class"]:
            sub(entry, "category", term=told["weapon_class"], label="weapon class")
        sub(entry, "summary", entry_summary(told), type="text")
        sub(entry, "content", entry_html(told), type="html")
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True)
