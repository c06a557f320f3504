"""An event as alerts tell it, the same in a webhook payload, an Atom entry and the digest: its date
at its precision, what, where, sources, the evidence of its newest report (the clause the
extractor took as evidence, and the whole sentence around it) and that report's document, and a
link to its page."""
from __future__ import annotations

from datetime import date
from typing import Any

from ..display import shown_date, what
from ..ingest.clean import load_rules
from ..ingest.sentences import line_spans, sentence_spans
from ..models import Span
from ..settings import Settings
from ..store import DocumentRef, Store, StoredEvent

REPORTS_LISTED = 20  # the newest reports a brief lists


class Sentences:
    """The sentence around an evidence span, split as cleaning splits sentences (the store's
    documents read once each)."""

    def __init__(self, store: Store, settings: Settings) -> None:
        self.store = store
        self.abbreviations = load_rules(settings).abbreviations
        self._texts: dict[int, str] = {}

    def around(self, document_id: int, span: Span) -> str | None:
        if document_id not in self._texts:
            found = self.store.get_document(document_id)
            self._texts[document_id] = found.document.text if found else ""
        text = self._texts[document_id]
        if span.end > len(text):
            return None
        for line in line_spans(text):
            if line.start <= span.start < line.end:
                parts = [s for s in sentence_spans(text, line, self.abbreviations) if s.overlaps(span)] or [line]
                return " ".join(text[parts[0].start:max(span.end, parts[-1].end)].split())
        return None


def event_url(base_url: str, event_id: str) -> str:
    return f"{base_url.rstrip('/')}/events/{event_id}"


def _report_order(doc: DocumentRef) -> tuple:
    return (doc.published or date.min, doc.id)


def _document(doc: DocumentRef) -> dict[str, Any]:
    return {"id": doc.id, "title": doc.title, "url": doc.url, "site": doc.site,
            "published": doc.published.isoformat() if doc.published else None, "name": doc.name}


def brief(stored: StoredEvent, base_url: str, sentences: Sentences | None = None) -> dict[str, Any]:
    """The event ``stored`` as alerts tell it (JSON-ready); ``sentences``: where the sentence
    around the evidence is read (without it, the sentence is the evidence clause)."""
    row = stored.row
    newest = None
    for member in stored.event.members:
        doc = stored.documents[member.mention.doc]
        if newest is None or _report_order(doc) > _report_order(stored.documents[newest.mention.doc]):
            newest = member
    evidence = None
    if newest is not None:
        doc = stored.documents[newest.mention.doc]
        clause = " ".join((stored.texts.get(newest.id) or "").split())
        sentence = sentences.around(doc.id, newest.mention.evidence) if sentences is not None else None
        evidence = {"text": clause, "sentence": sentence or clause, "sources": newest.mention.sources,
                    "document": _document(doc)}
    reports = sorted(stored.documents.values(), key=_report_order, reverse=True)[:REPORTS_LISTED]
    return {
        "id": row.id, "url": event_url(base_url, row.id), "type": row.type, "label": row.label,
        "date": {"value": row.date_value, "precision": row.date_precision, "bound": row.date_bound,
                 "start": row.date_start.isoformat() if row.date_start else None,
                 "end": row.date_end.isoformat() if row.date_end else None, "text": shown_date(row)},
        "what": what(row), "weapon": row.weapon, "weapon_class": row.weapon_class, "count": row.count,
        "place": row.place, "place_precision": row.place_precision, "lat": row.lat, "lon": row.lon,
        "sources": row.sources, "actors": row.actors, "disputed": row.disputed,
        "documents": row.documents, "mentions": row.mentions,
        "first_report": row.first_report.isoformat() if row.first_report else None,
        "last_report": row.last_report.isoformat() if row.last_report else None,
        "created_at": row.created_at.isoformat() + "Z", "updated_at": row.updated_at.isoformat() + "Z",
        "evidence": evidence, "reports": [_document(d) for d in reports],
    }
