"""Stored documents: the list, and one document's original text with its kept and boilerplate
spans and the evidence of what was extracted from it."""
from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, HTTPException, Query, Request

from ...models import TEXT_LANGUAGE, to_dict
from ..present import date_label, safe_url
from ..render import twin
from ..resources import WebResources, get_web
from ..segments import Mark, text_segments
from .common import MAX_OFFSET, claim_shown, paging

router = APIRouter(tags=["documents"])


@twin(router, "/documents", "documents.html", summary="Stored documents, in the order they were stored")
def documents_page(request: Request, limit: int = Query(50, ge=1, le=1000), offset: int = Query(0, ge=0, le=MAX_OFFSET),
                   web: WebResources = Depends(get_web)) -> dict[str, Any]:
    rows = web.store.documents(limit=limit + 1, offset=offset)
    return {**paging(len(rows), limit, offset),
            "documents": [{**to_dict(r), "url": safe_url(r.url), "raw_url": r.url} for r in rows[:limit]]}


@twin(router, "/documents/{key}", "document.html",
      summary="One document: original text, kept vs boilerplate spans, mentions and claims with evidence")
def document_page(request: Request, key: str, web: WebResources = Depends(get_web)) -> dict[str, Any]:
    """``key``: the document id, or a prefix (4+ hex digits) of its content hash."""
    stored = web.store.get_document(int(key) if key.isdecimal() else key)
    if stored is None:
        raise HTTPException(404, f"no document {key!r}")
    doc = stored.document
    mentions = web.store.mentions(document_id=stored.id, limit=None)
    claims = web.store.claims(document_id=stored.id, limit=None)
    marks = [Mark(m.mention.evidence, "mention", m.id) for m in mentions]
    marks += [Mark(c.claim.evidence, "claim", c.id) for c in claims]
    return {
        "document": {"id": stored.id, "hash": doc.hash, "name": doc.name, "title": doc.title,
                     "url": safe_url(doc.url), "raw_url": doc.url, "site": doc.site, "author": doc.author,
                     "fmt": doc.fmt, "language": doc.meta.get(TEXT_LANGUAGE),
                     "published": doc.published, "published_method": doc.published_method,
                     "revision": stored.revision, "supersedes": stored.supersedes,
                     "superseded_by": stored.superseded_by, "current_id": stored.current_id,
                     "extracted_version": stored.extracted_version,
                     "size": len(doc.text), "text": doc.text, "kept": [[s.start, s.end] for s in doc.kept],
                     "boilerplate": [{"span": [b.span.start, b.span.end], "rule": b.rule} for b in doc.boilerplate]},
        "mentions": [{"id": m.id, "event_id": m.event_id, "type": m.mention.type, "modality": m.mention.modality,
                      "date": date_label(m.mention.date.value, m.mention.date.precision, m.mention.date.bound),
                      "weapon": m.mention.weapon, "weapon_class": m.mention.weapon_class,
                      "place": m.mention.place.name if m.mention.place else None, "sources": m.mention.sources,
                      "evidence": [m.mention.evidence.start, m.mention.evidence.end],
                      "evidence_text": doc.span_text(m.mention.evidence)} for m in mentions],
        "claims": [{"id": c.id, "property": c.claim.property, "source": c.claim.source,
                    "shown": claim_shown(c.claim),
                    "evidence": [c.claim.evidence.start, c.claim.evidence.end],
                    "evidence_text": doc.span_text(c.claim.evidence)} for c in claims],
        "segments": text_segments(doc, marks),
    }
