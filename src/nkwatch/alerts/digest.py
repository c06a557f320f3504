"""The morning brief: the events that gained a report since a time (new ones, and updated ones),
by type, each with its date, what, where, sources and the evidence sentence of its newest report;
then the claims those reports made, each beside the values given before for the same event and
property (a new troop figure beside the previous ones). Markdown or a self-contained HTML page."""
from __future__ import annotations

import html
import re
from datetime import datetime
from typing import Any

from ..display import claimed, what
from ..models import EVENT_TYPES
from ..store import FactRecord, Store
from ..settings import Settings
from .brief import Sentences, brief


def build_digest(store: Store, since: datetime, settings: Settings) -> dict[str, Any]:
    """The digest of what was stored from ``since`` (UTC) on, JSON-ready; event links start
    with ``settings.public_url``."""
    sentences = Sentences(store, settings)
    reported = dict(store.events_reported_since(since))
    details = {s.row.id: s for s in store.event_details(list(reported))}
    sections: dict[str, list[dict]] = {}
    for event_id, is_new in reported.items():
        if event_id in details:
            sections.setdefault(details[event_id].row.type, []).append(
                {**brief(details[event_id], settings.public_url, sentences), "change": "new" if is_new else "updated"})
    order = {t: i for i, t in enumerate(EVENT_TYPES)}
    return {"since": since.isoformat() + "Z", "until": store.now().isoformat() + "Z",
            "events": sum(len(v) for v in sections.values()),
            "new": sum(1 for v in sections.values() for e in v if e["change"] == "new"),
            "sections": [{"type": t, "events": sorted(sections[t], key=lambda e: (e["change"] != "new", e["id"]))}
                         for t in sorted(sections, key=lambda t: order.get(t, len(order)))],
            "claims": _claim_changes(store, since, details)}


def _claim_dict(record: FactRecord) -> dict[str, Any]:
    c, doc = record.fact.claim, record.document
    return {"id": record.fact.id, "shown": claimed(c.value, c.value_max, c.bound, c.unit), "value": c.value,
            "source": c.source, "reported": doc.published.isoformat() if doc.published else None,
            "document": doc.title or doc.name, "evidence": " ".join(record.text.split())}


def _claim_changes(store: Store, since: datetime, details: dict) -> list[dict[str, Any]]:
    """Per (event, property) the claims made since, and those made before."""
    fresh = [r for r in store.claims_reported_since(since) if r.event_id in details]
    pairs = sorted({(r.event_id, r.fact.claim.property) for r in fresh})
    new_ids = {r.fact.id for r in fresh}
    earlier: dict[tuple[str, str], list[dict]] = {}
    for r in store.claims_of(pairs):
        if r.fact.id not in new_ids:
            earlier.setdefault((r.event_id, r.fact.claim.property), []).append(_claim_dict(r))
    changes = []
    for event_id, prop in pairs:
        row = details[event_id].row
        new = _distinct([_claim_dict(r) for r in fresh if (r.event_id, r.fact.claim.property) == (event_id, prop)])
        changes.append({"event": event_id, "what": what(row) or row.type, "property": prop, "new": new,
                        "previous": _distinct(earlier.get((event_id, prop), []))})
    return changes


def _distinct(told: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Each value once per source and report date (a revised article repeats its figures)."""
    seen, out = set(), []
    for c in told:
        key = (c["shown"], c["source"], c["reported"])
        if key not in seen:
            seen.add(key)
            out.append(c)
    return out


def _where(e: dict[str, Any]) -> str:
    if not e["place"]:
        return "undisclosed"
    return e["place"] + (f" ({e['place_precision']})" if e["place_precision"] else "")


def _said(c: dict[str, Any]) -> str:
    """'~350 km (JCS, 2025-03-04)'."""
    return f"{c['shown']} ({c['source'] or 'unattributed'}, {c['reported'] or 'undated'})"


def _quoted_from(e: dict[str, Any]) -> str:
    """'TITLE, 2025-03-04': the document the evidence sentence comes from."""
    doc = e["evidence"]["document"]
    return (doc["title"] or doc["name"]) + (f", {doc['published']}" if doc["published"] else "")


# -- Markdown -----------------------------------------------------------------------------------

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#|])")


def md(text: Any) -> str:
    """Text safe inside Markdown (its markup characters escaped)."""
    return _MD_SPECIAL.sub(r"\\\1", " ".join(str(text).split()))


def _day(value: str) -> str:
    return value[:16].replace("T", " ")


def render_markdown(digest: dict[str, Any]) -> str:
    lines = [f"# nkwatch digest: {_day(digest['since'])} to {_day(digest['until'])} UTC", "",
             f"{digest['events']} event(s) gained reports, {digest['new']} of them new.", ""]
    for section in digest["sections"]:
        lines += [f"## {section['type'].replace('_', ' ')} ({len(section['events'])})", ""]
        for e in section["events"]:
            lines.append(f"- **{md(e['date']['text'])}** — {md(e['what'] or e['type'])} ({e['change']}) "
                         f"[{md(e['id'])}]({e['url']})")
            lines.append(f"  - where: {md(_where(e))}; sources: {md(', '.join(e['sources']) or 'none named')}; "
                         f"reports: {e['documents']}")
            if e["evidence"] and e["evidence"]["sentence"]:
                lines.append(f"  - > {md(e['evidence']['sentence'])} — {md(_quoted_from(e))}")
        lines.append("")
    if digest["claims"]:
        lines += ["## Claims reported", ""]
        for change in digest["claims"]:
            new = "; ".join(md(_said(c)) for c in change["new"])
            lines.append(f"- {md(change['what'])} — {md(change['property'])}: **{new}**")
            if change["previous"]:
                lines.append("  - before: " + "; ".join(md(_said(c)) for c in change["previous"]))
        lines.append("")
    return "\n".join(lines)


# -- HTML ---------------------------------------------------------------------------------------

STYLE = ("body{font:15px/1.45 system-ui,sans-serif;max-width:52rem;margin:2rem auto;padding:0 1rem;color:#222}"
         "h2{border-bottom:1px solid #ccc;margin-top:2rem}li{margin:.6rem 0}.muted{color:#666}"
         "blockquote{margin:.3rem 0 .3rem 1rem;padding-left:.6rem;border-left:3px solid #ccc;color:#333}"
         ".tag{font-size:.8em;padding:0 .3em;border:1px solid #999;border-radius:3px}")


def render_html(digest: dict[str, Any]) -> str:
    e_ = html.escape
    out = ["<!doctype html>", '<html lang="en"><head><meta charset="utf-8">',
           f"<title>nkwatch digest {e_(_day(digest['since']))} to {e_(_day(digest['until']))}</title>",
           f"<style>{STYLE}</style></head><body>",
           f"<h1>nkwatch digest</h1><p class=\"muted\">{e_(_day(digest['since']))} to {e_(_day(digest['until']))} UTC: "
           f"{digest['events']} event(s) gained reports, {digest['new']} of them new.</p>"]
    for section in digest["sections"]:
        out.append(f"<h2>{e_(section['type'].replace('_', ' '))} ({len(section['events'])})</h2><ul>")
        for e in section["events"]:
            item = (f"<li><strong>{e_(e['date']['text'])}</strong> — {e_(e['what'] or e['type'])} "
                    f"<span class=\"tag\">{e['change']}</span> <a href=\"{e_(e['url'])}\">{e_(e['id'])}</a><br>"
                    f"<span class=\"muted\">where: {e_(_where(e))}; sources: "
                    f"{e_(', '.join(e['sources']) or 'none named')}; reports: {e['documents']}</span>")
            if e["evidence"] and e["evidence"]["sentence"]:
                item += (f"<blockquote>{e_(e['evidence']['sentence'])}</blockquote>"
                         f"<span class=\"muted\">— {e_(_quoted_from(e))}</span>")
            out.append(item + "</li>")
        out.append("</ul>")
    if digest["claims"]:
        out.append("<h2>Claims reported</h2><ul>")
        for change in digest["claims"]:
            item = (f"<li>{e_(change['what'])} — {e_(change['property'])}: "
                    f"<strong>{e_('; '.join(_said(c) for c in change['new']))}</strong>")
            if change["previous"]:
                before = "; ".join(_said(c) for c in change["previous"])
                item += f"<br><span class=\"muted\">before: {e_(before)}</span>"
            out.append(item + "</li>")
        out.append("</ul>")
    out.append("</body></html>")
    return "\n".join(out)
