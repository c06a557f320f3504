"""Claims (attributed numbers) and claim series with their chart."""
from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, HTTPException, Query, Request

from ...resolve import claim_series, series_dicts
from ..chart import series_chart
from ..downloads import view_exports
from ..render import twin
from ..resources import WebResources, get_web
from .common import MAX_OFFSET, blank, claim_facts, paging

router = APIRouter(tags=["claims"])


@twin(router, "/claims", "claims.html", summary="Attributed numbers with their event, source and evidence")
def claims_page(request: Request, property: str | None = Query(None, description="troops, range_km, killed, ..."),
                event: str | None = Query(None, description="Only the claims of this event (its id)."),
                source: str | None = Query(None, description="Only claims attributed to this source "
                                                             "(case-insensitive)."),
                limit: int = Query(200, ge=1, le=2000), offset: int = Query(0, ge=0, le=MAX_OFFSET),
                web: WebResources = Depends(get_web)) -> dict[str, Any]:
    """Claims by report date, each with its value as reported (bound, range, unit), source,
    event (id and headline), document and evidence text; a claim one document gives more than
    once is listed once (``repeats``: the ids of the others on this page); ``properties``: every
    property claims are stored for, with their counts; ``next_offset`` when more follow."""
    records = web.store.claim_records(property=blank(property), event_id=blank(event), source=blank(source),
                                      limit=limit + 1, offset=offset)
    events = {r.id: r for r in web.store.events(ids={r.event_id for r in records if r.event_id}, limit=None)}
    claims = [{**claim_facts(r.fact.id, r.fact.claim, r.document, r.text), "event_id": r.event_id,
               "event": web.names.headline(events[r.event_id]) if r.event_id in events else None,
               "subject": r.fact.claim.subject, "published": r.document.published} for r in records[:limit]]
    return {"filters": {"property": blank(property), "event": blank(event), "source": blank(source)},
            **paging(len(records), limit, offset), "claims": once_per_document(claims),
            "properties": web.store.claim_properties(), "exports": view_exports(request, "claims")}


def once_per_document(claims: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The claims with those a document gives again (the same property, value, unit, period,
    source and event: a dispatch repeating its figure) folded into the first, whose ``repeats``
    lists their ids."""
    first: dict[tuple, dict[str, Any]] = {}
    for claim in claims:
        key = tuple(claim[k] for k in ("document_id", "property", "value", "value_max", "bound", "unit", "period",
                                       "source", "event_id"))
        if key in first:
            first[key]["repeats"].append(claim["id"])
        else:
            first[key] = {**claim, "repeats": []}
    return list(first.values())


@twin(router, "/claims/series/{event_id}", "series.html",
      summary="One event's claimed values over time, by source, with a chart")
def series_page(request: Request, event_id: str,
                property: str | None = Query(None, description="The property charted (default: the one "
                                                              "with most values, e.g. troops)."),
                web: WebResources = Depends(get_web)) -> dict[str, Any]:
    """Every value claimed for ``property`` of the event, by report date (undated reports last),
    with the source, document and evidence; the chart places the dated ones, one line per source."""
    stored = web.store.get_event(event_id)
    if stored is None:
        raise HTTPException(404, f"no event {event_id!r}")
    docs = stored.documents
    properties = sorted({c.property for c in stored.event.claims},
                        key=lambda p: (-sum(c.property == p for c in stored.event.claims), p))
    chosen = blank(property) or (properties[0] if properties else None)
    points = claim_series(stored.event.claims, stored.event.id, chosen, {h: d.published for h, d in docs.items()},
                          {h: d.published_method for h, d in docs.items()}, mention_ids=stored.event.member_ids)
    rows = [{**p, "document": docs[p["doc"]].name, "document_id": docs[p["doc"]].id,
             "evidence_text": stored.texts.get(p["claim_id"])} for p in series_dicts(points)]
    return {"event": {"id": stored.row.id, "type": stored.row.type, "label": stored.row.label,
                      "long_running": stored.row.long_running},
            "property": chosen, "properties": properties, "points": rows, "chart": series_chart(rows),
            "sources": sorted({p["source"] or "unattributed" for p in rows})}
