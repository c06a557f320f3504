"""SQL for mentions and claims: replacing one document's extraction, and filtered queries."""
from __future__ import annotations

from datetime import date

from sqlalchemy import Connection, Row, bindparam, delete, exists, func, insert, or_, select, update

from ..dates import date_interval
from ..models import Claim, DateValue, Extraction, Mention, Place, Span
from .errors import StoreError
from .rows import StoredClaim, StoredMention
from .schema import claims, documents, mention_sources, mentions


_HAS_FACTS = or_(documents.c.extracted_version.is_not(None),
                 exists().where(mentions.c.document_id == documents.c.id),
                 exists().where(claims.c.document_id == documents.c.id))
# built once: it runs for every document extracted
_STORED_TEXT = (select(documents.c.id, documents.c.hash, documents.c.text, documents.c.published, documents.c.url,
                       documents.c.name, documents.c.current_revision, _HAS_FACTS.label("has_facts"))
                .where(documents.c.id == bindparam("document_id")))
_SET_VERSION = (update(documents).where(documents.c.id == bindparam("document_id"))
                .values(extracted_version=bindparam("version")))


def stored_text(conn: Connection, document_id: int) -> Row:
    """What replacing and resolving a document's extraction read of it: id, hash, text,
    published, url, name, current_revision and ``has_facts``, whether it may hold mentions or
    claims (extracted, or an older revision restored as its article's report: not extracted
    again yet, its facts still stored) -- StoreError when there is no such document."""
    doc = conn.execute(_STORED_TEXT, {"document_id": document_id}).first()
    if doc is None:
        raise StoreError(f"no document {document_id}")
    return doc


def replace(conn: Connection, doc: Row, extraction: Extraction) -> None:
    """Put ``extraction`` in place of the mentions and claims of ``doc`` (``stored_text``); set
    extracted_version. A document without facts (``has_facts``) has none to delete."""
    document_id = doc.id
    if extraction.doc != doc.hash:
        raise StoreError(f"extraction of {extraction.doc[:12]} given for document {document_id} "
                         f"({doc.hash[:12]})")
    _check(extraction, len(doc.text))

    if doc.has_facts:
        old_mentions = select(mentions.c.id).where(mentions.c.document_id == document_id)
        conn.execute(delete(mention_sources).where(mention_sources.c.mention_id.in_(old_mentions)))
        conn.execute(delete(claims).where(claims.c.document_id == document_id))
        conn.execute(delete(mentions).where(mentions.c.document_id == document_id))

    version = extraction.pipeline_version
    if extraction.mentions:
        conn.execute(insert(mentions), [{**mention_values(m, document_id, version),
                                         "evidence_text": doc.text[m.evidence.start:m.evidence.end]}
                                        for m in extraction.mentions])
        pairs = [{"mention_id": m.id, "source": source}
                 for m in extraction.mentions for source in dict.fromkeys(m.sources)]
        if pairs:
            conn.execute(insert(mention_sources), pairs)
    if extraction.claims:
        conn.execute(insert(claims), [claim_values(c, document_id, version) for c in extraction.claims])
    conn.execute(_SET_VERSION, {"document_id": document_id, "version": version})


def _check(extraction: Extraction, size: int) -> None:
    """Refuse evidence outside the text."""
    for fact in [*extraction.mentions, *extraction.claims]:
        if fact.evidence.end > size:
            raise StoreError(f"{type(fact).__name__.lower()} {fact.id}: evidence {fact.evidence.start}.."
                             f"{fact.evidence.end} lies beyond the text ({size} chars)")


def mention_values(m: Mention, document_id: int, version: str) -> dict:
    interval = date_interval(m.date.value)
    place, date_ev = m.place, m.date.evidence
    return {
        "id": m.id, "document_id": document_id, "type": m.type,
        "ev_start": m.evidence.start, "ev_end": m.evidence.end,
        "weapon": m.weapon, "weapon_class": m.weapon_class, "count": m.count,
        "date_value": m.date.value, "date_precision": m.date.precision,
        "date_method": m.date.method, "date_bound": m.date.bound,
        "date_ev_start": date_ev.start if date_ev else None,
        "date_ev_end": date_ev.end if date_ev else None,
        "date_start": interval[0] if interval else None,
        "date_end": interval[1] if interval else None,
        "place_name": place.name if place else None,
        "place_precision": place.precision if place else None,
        "lat": place.lat if place else None, "lon": place.lon if place else None,
        "place_ev_start": place.span.start if place and place.span else None,
        "place_ev_end": place.span.end if place and place.span else None,
        "actors": list(m.actors), "sources": list(m.sources), "conducted_by": list(m.conducted_by),
        "modality": m.modality,
        "confidence": m.confidence, "cues": list(m.cues), "pipeline_version": version,
        "event_id": None,
    }


def claim_values(c: Claim, document_id: int, version: str) -> dict:
    return {
        "id": c.id, "document_id": document_id, "mention_id": c.mention_id,
        "property": c.property, "value": c.value, "value_max": c.value_max, "bound": c.bound,
        "unit": c.unit, "period": c.period, "source": c.source, "subject": c.subject,
        "ev_start": c.evidence.start, "ev_end": c.evidence.end, "pipeline_version": version,
    }


def query_mentions(conn: Connection, *, type: str | None = None, since: date | None = None,
                   until: date | None = None, weapon_class: str | None = None,
                   source: str | None = None, document_id: int | None = None,
                   limit: int | None = 100, offset: int = 0) -> list[StoredMention]:
    """Mentions matching every filter given; since/until keep those whose date interval overlaps."""
    query = select(mentions, documents.c.hash).join(documents, documents.c.id == mentions.c.document_id)
    if type is not None:
        query = query.where(mentions.c.type == type)
    if weapon_class is not None:
        query = query.where(mentions.c.weapon_class == weapon_class)
    if since is not None:
        query = query.where(mentions.c.date_end >= since)
    if until is not None:
        query = query.where(mentions.c.date_start <= until)
    if document_id is not None:
        query = query.where(mentions.c.document_id == document_id)
    if source is not None:
        query = query.where(exists().where(
            (mention_sources.c.mention_id == mentions.c.id)
            & (func.lower(mention_sources.c.source) == source.lower())))
    query = (query.order_by(mentions.c.date_start.asc().nulls_last(), mentions.c.document_id,
                            mentions.c.ev_start, mentions.c.id)
             .limit(limit).offset(offset))
    return [_stored_mention(row) for row in conn.execute(query)]


def _stored_mention(row) -> StoredMention:
    date_ev = Span(row.date_ev_start, row.date_ev_end) if row.date_ev_start is not None else None
    place = None
    if row.place_name is not None:
        place_ev = Span(row.place_ev_start, row.place_ev_end) if row.place_ev_start is not None else None
        place = Place(row.place_name, row.place_precision, row.lat, row.lon, place_ev)
    mention = Mention(
        doc=row.hash, type=row.type, evidence=Span(row.ev_start, row.ev_end), weapon=row.weapon,
        weapon_class=row.weapon_class, count=row.count,
        date=DateValue(row.date_value, row.date_precision, row.date_method, row.date_bound, date_ev),
        place=place, actors=row.actors, sources=row.sources, conducted_by=row.conducted_by or [],
        modality=row.modality,
        confidence=row.confidence, cues=row.cues)
    return StoredMention(id=row.id, document_id=row.document_id, pipeline_version=row.pipeline_version,
                         event_id=row.event_id, date_start=row.date_start, date_end=row.date_end,
                         mention=mention)


def query_claims(conn: Connection, *, property: str | None = None, source: str | None = None,
                 subject: str | None = None, document_id: int | None = None,
                 mention_id: str | None = None, limit: int | None = 100,
                 offset: int = 0) -> list[StoredClaim]:
    """Claims matching every filter given (source compared case-insensitively)."""
    query = select(claims, documents.c.hash).join(documents, documents.c.id == claims.c.document_id)
    if property is not None:
        query = query.where(claims.c.property == property)
    if source is not None:
        query = query.where(func.lower(claims.c.source) == source.lower())
    if subject is not None:
        query = query.where(claims.c.subject == subject)
    if document_id is not None:
        query = query.where(claims.c.document_id == document_id)
    if mention_id is not None:
        query = query.where(claims.c.mention_id == mention_id)
    query = query.order_by(claims.c.document_id, claims.c.ev_start, claims.c.id).limit(limit).offset(offset)
    return [StoredClaim(
        id=row.id, document_id=row.document_id, pipeline_version=row.pipeline_version,
        claim=Claim(doc=row.hash, property=row.property, value=row.value,
                    evidence=Span(row.ev_start, row.ev_end), value_max=row.value_max, bound=row.bound,
                    unit=row.unit, period=row.period, source=row.source, mention_id=row.mention_id,
                    subject=row.subject))
        for row in conn.execute(query)]


def claim_properties(conn: Connection) -> dict[str, int]:
    """Property -> number of stored claims, most first (then by name)."""
    n = func.count().label("n")
    rows = conn.execute(select(claims.c.property, n).group_by(claims.c.property).order_by(n.desc(), claims.c.property))
    return {r.property: r.n for r in rows}
