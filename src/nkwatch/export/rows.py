"""Rows of stored events, claims and mentions as every export writes them, and their typed
columns (the Parquet schemas; CSV and JSON follow the same column order).

Every row carries its sources and its evidence: the document (name, URL, publication date), the
character span in the document's original text and the text of that span. Events carry one
evidence entry per member mention."""
from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

import pyarrow as pa

from ..store import FactRecord, StoredEvent, StoredMention

EVIDENCE = pa.struct([("id", pa.string()), ("document", pa.string()), ("url", pa.string()),
                      ("published", pa.date32()), ("start", pa.int64()), ("end", pa.int64()),
                      ("text", pa.string())])
STRINGS = pa.list_(pa.string())

SCHEMAS: dict[str, pa.Schema] = {
    "events": pa.schema([
        ("id", pa.string()), ("type", pa.string()), ("label", pa.string()), ("long_running", pa.string()),
        ("date", pa.string()), ("date_precision", pa.string()), ("date_bound", pa.string()),
        ("date_start", pa.date32()), ("date_end", pa.date32()), ("weapon", pa.string()),
        ("weapon_class", pa.string()), ("count", pa.int64()), ("place", pa.string()),
        ("place_precision", pa.string()), ("lat", pa.float64()), ("lon", pa.float64()),
        ("conducted_by", STRINGS), ("actors", STRINGS),
        ("disputed", STRINGS), ("sources", STRINGS), ("documents", pa.int64()), ("mentions", pa.int64()),
        ("first_report", pa.date32()), ("last_report", pa.date32()), ("fields", pa.string()),
        ("evidence", pa.list_(EVIDENCE)),
    ]),
    "claims": pa.schema([
        ("id", pa.string()), ("event_id", pa.string()), ("subject", pa.string()), ("property", pa.string()),
        ("value", pa.float64()), ("value_max", pa.float64()), ("bound", pa.string()), ("unit", pa.string()),
        ("period", pa.string()), ("source", pa.string()), ("mention_id", pa.string()),
        ("document", pa.string()), ("url", pa.string()), ("published", pa.date32()),
        ("published_method", pa.string()), ("start", pa.int64()), ("end", pa.int64()),
        ("evidence_text", pa.string()),
    ]),
    "mentions": pa.schema([
        ("id", pa.string()), ("event_id", pa.string()), ("type", pa.string()), ("modality", pa.string()),
        ("confidence", pa.float64()), ("date", pa.string()), ("date_precision", pa.string()),
        ("date_method", pa.string()), ("date_bound", pa.string()), ("weapon", pa.string()),
        ("weapon_class", pa.string()), ("count", pa.int64()), ("place", pa.string()),
        ("place_precision", pa.string()), ("lat", pa.float64()), ("lon", pa.float64()),
        ("actors", STRINGS), ("conducted_by", STRINGS), ("sources", STRINGS), ("document", pa.string()),
        ("url", pa.string()),
        ("published", pa.date32()), ("published_method", pa.string()), ("start", pa.int64()),
        ("end", pa.int64()), ("evidence_text", pa.string()),
    ]),
}


def event_rows(events: Iterable[StoredEvent]) -> list[dict[str, Any]]:
    """One row per event: reconciled fields, sources, counts and one evidence entry per member."""
    rows = []
    for stored in events:
        r, event = stored.row, stored.event
        evidence = []
        for member in event.members:
            m, doc = member.mention, stored.documents[member.mention.doc]
            evidence.append({"id": member.id, "document": doc.name, "url": doc.url, "published": doc.published,
                             "start": m.evidence.start, "end": m.evidence.end,
                             "text": stored.texts.get(member.id, "")})
        rows.append({
            "id": r.id, "type": r.type, "label": r.label, "long_running": r.long_running,
            "date": r.date_value, "date_precision": r.date_precision, "date_bound": r.date_bound,
            "date_start": r.date_start, "date_end": r.date_end, "weapon": r.weapon,
            "weapon_class": r.weapon_class, "count": r.count, "place": r.place,
            "place_precision": r.place_precision, "lat": r.lat, "lon": r.lon,
            "conducted_by": r.conducted_by, "actors": r.actors, "disputed": r.disputed,
            "sources": r.sources, "documents": r.documents, "mentions": r.mentions,
            "first_report": r.first_report, "last_report": r.last_report,
            "fields": json.dumps(_fields(event), ensure_ascii=False, default=str), "evidence": evidence,
        })
    return rows


def _fields(event) -> dict:
    return {name: {"value": c.value, "reason": c.reason, "disputed": c.disputed, "bound": c.bound,
                   "values": [{"value": v.value, "sources": v.sources} for v in c.values]}
            for name, c in event.fields.items()}


def _document_columns(record: FactRecord) -> dict[str, Any]:
    doc = record.document
    evidence = (record.fact.mention if isinstance(record.fact, StoredMention) else record.fact.claim).evidence
    return {"document": doc.name, "url": doc.url, "published": doc.published,
            "published_method": doc.published_method, "start": evidence.start, "end": evidence.end,
            "evidence_text": record.text}


def claim_rows(records: Iterable[FactRecord]) -> list[dict[str, Any]]:
    """One row per claim, with its event and evidence."""
    rows = []
    for record in records:
        c = record.fact.claim
        rows.append({"id": record.fact.id, "event_id": record.event_id, "subject": c.subject,
                     "property": c.property, "value": c.value, "value_max": c.value_max, "bound": c.bound,
                     "unit": c.unit, "period": c.period, "source": c.source, "mention_id": c.mention_id,
                     **_document_columns(record)})
    return rows


def mention_rows(records: Iterable[FactRecord]) -> list[dict[str, Any]]:
    """One row per mention, with its event and evidence."""
    rows = []
    for record in records:
        m = record.fact.mention
        rows.append({"id": record.fact.id, "event_id": record.event_id, "type": m.type,
                     "modality": m.modality, "confidence": m.confidence, "date": m.date.value,
                     "date_precision": m.date.precision, "date_method": m.date.method,
                     "date_bound": m.date.bound, "weapon": m.weapon, "weapon_class": m.weapon_class,
                     "count": m.count, "place": m.place.name if m.place else None,
                     "place_precision": m.place.precision if m.place else None,
                     "lat": m.place.lat if m.place else None, "lon": m.place.lon if m.place else None,
                     "actors": list(m.actors), "conducted_by": list(m.conducted_by), "sources": list(m.sources),
                     **_document_columns(record)})
    return rows
