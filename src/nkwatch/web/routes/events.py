"""Timeline, map and event pages (and their JSON twins)."""
from __future__ import annotations

from typing import Any, Literal
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import RedirectResponse

from ...filters import EventFilters, FilterError
from ...models import EVENT_TYPES, WEAPON_CLASSES, to_dict
from ...names import Names
from ...resolve import FieldChoice
from ...store import StoredEvent
from ..activity import PERS, activity_chart, facets
from ..downloads import view_exports
from ..present import date_label, event_summary, safe_url
from ..render import twin, with_query
from ..resources import WebResources, get_web
from ..segments import Mark, text_segments
from .common import MAX_OFFSET, claim_facts, invalid, paging, shown


def atom_url(filters: EventFilters) -> str:
    """The Atom feed (``routes/feeds.py``) of the events ``filters`` select."""
    query = urlencode({k: v for k, v in filters.query().items() if k != "sort"})
    return "/feeds/events.atom" + (f"?{query}" if query else "")

router = APIRouter(tags=["events"])

__all__ = ["EventFilters", "event_filters", "router"]

OPTIONS = {"types": list(EVENT_TYPES), "weapon_classes": list(WEAPON_CLASSES)}


def event_filters(type: str | None = Query(None, description=f"One of {', '.join(EVENT_TYPES)}."),
                  since: str | None = Query(None, description="Events whose date reaches this or later "
                                                               "(2024, 2024-03, 2024-03-15, 2024-W11)."),
                  until: str | None = Query(None, description="Events whose date starts on or before this."),
                  weapon_class: str | None = Query(None, description="icbm, srbm, cruise, ..."),
                  source: str | None = Query(None, description="An attributed source (case-insensitive)."),
                  place: str | None = Query(None, description="Part of the place name (case-insensitive)."),
                  conducted_by: str | None = Query(None, description="A state that carried it out, \"North Korea\" "
                                                                      "(case-insensitive)."),
                  q: str | None = Query(None, description="Text in the label, weapon, place, a source or the "
                                                          "evidence of a report (case-insensitive)."),
                  sort: Literal["date", "-date"] = Query("-date", description="-date: newest first; date: oldest "
                                                                              "first. An event of unknown date stands "
                                                                              "at the day it was first reported."),
                  period: str | None = Query(None, description="Events standing in this period on the timeline "
                                                               "(2024, 2024-03, 2024-W11): by their date, or when "
                                                               "undated by their first report (a bar of the chart).")
                  ) -> EventFilters:
    """The event filters of a query string (blank fields ignored; a bad type, class or date: 422).
    Every parameter is handed to ``EventFilters.parse`` by name: a filter added there needs only
    its ``Query`` here."""
    try:
        return EventFilters.parse(locals())
    except FilterError as exc:
        raise invalid(exc.name, exc.message) from None


@router.get("/", include_in_schema=False)
def home() -> RedirectResponse:
    return RedirectResponse("/events", status_code=307)


@twin(router, "/events", "timeline.html", summary="Canonical events, newest first (the timeline), with their counts")
def timeline(request: Request, filters: EventFilters = Depends(event_filters),
             per: Literal["week", "month", "year"] | None = Query(None, description="The chart's bars: events "
                                                                       "per week, month or year (default: "
                                                                       "chosen from the span)."),
             limit: int = Query(100, ge=1, le=1000), offset: int = Query(0, ge=0, le=MAX_OFFSET),
             web: WebResources = Depends(get_web)) -> dict[str, Any]:
    """Events matching every filter, each with its date at its precision ('2025-02' is a month),
    sources, document count and disputed fields; ``total`` and ``facets`` (counts per type and
    per month), the chart of events per period by type, and the pages (total, facets and chart
    null for a text filter too common to count: more than 5,000 matching reports)."""
    rows, counts = web.store.timeline(**filters.store_args(), limit=limit + 1, offset=offset)
    found = None if counts is None else facets(counts)  # None: a text filter too common to count
    chart = None if counts is None else activity_chart(counts, per, list(EVENT_TYPES),
                                                       lambda **change: with_query(request, **change))
    links = {**view_links(request), "per": {p: with_query(request, per=p) for p in PERS}}
    total = None if found is None else found["total"]
    return {"filters": to_dict(filters), **paging(len(rows), limit, offset, total), "total": total, "facets": found,
            "chart": chart, "events": [event_summary(r, web.names) for r in rows[:limit]], "options": OPTIONS,
            "links": links, "exports": view_exports(request, "events"), "atom": atom_url(filters)}


def view_links(request: Request) -> dict[str, str]:
    """Links of a page of filtered events: the same view over every period (a chip removes one)."""
    return {"all_periods": with_query(request, period=None)}


@twin(router, "/map", "map.html", summary="Events on the map; places without coordinates listed apart")
def event_map(request: Request, filters: EventFilters = Depends(event_filters),
              web: WebResources = Depends(get_web)) -> dict[str, Any]:
    """Every matching event with coordinates as a marker (coloured by type; radius by place
    precision: site < area < sea < country); events whose place is undisclosed, or has no
    coordinates, apart; ``landmarks``: the places analysts know (sites, the MDL and the NLL);
    ``filtered``: whether a filter is set (the map then fits its events, else shows Korea)."""
    located, undisclosed, unlocated = [], [], []
    for row in web.store.events(**filters.store_args(), limit=None):
        summary = event_summary(row, web.names)
        if row.place_precision == "undisclosed":
            undisclosed.append(summary)
        elif row.lat is None or row.lon is None:
            unlocated.append(summary)
        else:
            located.append(summary)
    types = sorted({e["type"] for e in located}, key=list(EVENT_TYPES).index)
    return {"filters": to_dict(filters), "filtered": any(v for k, v in to_dict(filters).items() if k != "sort"),
            "located": located, "undisclosed": undisclosed, "unlocated": unlocated, "options": OPTIONS,
            "types": {t: web.names.event_type(t) for t in types}, "landmarks": web.landmarks,
            "links": view_links(request), "exports": view_exports(request, "events")}


@twin(router, "/events/{event_id}", "event.html", summary="One event: facts, sources, mentions, claims, evidence")
def event_page(request: Request, event_id: str, web: WebResources = Depends(get_web)) -> dict[str, Any]:
    """The reconciled facts (chosen value, why, and every value with its sources), each mention
    (why it joined, with its evidence), the claims, and each source document's original text
    with the evidence highlighted and the boilerplate marked; ``landmarks`` for its small map
    when it is placed."""
    stored = web.store.get_event(event_id)
    if stored is None:
        raise HTTPException(404, f"no event {event_id!r}")
    return event_details(web, stored)


def field_facts(name: str, choice: FieldChoice, names: Names | None = None) -> dict[str, Any]:
    """A reconciled field as the facts table shows it: the chosen value, why, and every value
    given with its sources, ``chosen`` marking the one picked (a claim field's choice is the
    number of one of its values, which carry bound, range and unit); with ``names``, a weapon
    class is shown by its name."""
    def is_chosen(value: Any) -> bool:
        return choice.value is not None and (value == choice.value or (
            name.startswith("claim:") and isinstance(value, dict) and value.get("value") == choice.value))

    def show(value: Any) -> str:
        return names.weapon_class(value) if names and name == "weapon_class" and isinstance(value, str) else shown(value)

    values = [{"value": v.value, "shown": show(v.value), "sources": v.sources, "mention_ids": v.mention_ids,
               "chosen": is_chosen(v.value)} for v in choice.values]
    chosen = next((v["shown"] for v in values if v["chosen"]), show(choice.value))
    return {"name": name, "value": choice.value, "shown": chosen, "reason": choice.reason,
            "disputed": choice.disputed, "bound": choice.bound, "values": values}


def event_details(web: WebResources, stored: StoredEvent) -> dict[str, Any]:
    row, event = stored.row, stored.event
    fields = [field_facts(name, choice, web.names) for name, choice in event.fields.items()]
    members = []
    for member in event.members:
        m, doc, x = member.mention, stored.documents[member.mention.doc], member.explanation
        members.append({"id": member.id, "document_id": doc.id, "document": doc.name,
                        "evidence": [m.evidence.start, m.evidence.end], "evidence_text": stored.texts.get(member.id),
                        "date": date_label(m.date.value, m.date.precision, m.date.bound), "modality": m.modality,
                        "sources": m.sources, "weapon": m.weapon, "weapon_class": m.weapon_class, "count": m.count,
                        "place": m.place.name if m.place else None, "confidence": m.confidence,
                        "explanation": to_dict(x)})
    claims = [claim_facts(c.id, c, stored.documents[c.doc], stored.texts.get(c.id)) for c in event.claims]
    marks: dict[str, list[Mark]] = {}
    for member in event.members:
        marks.setdefault(member.mention.doc, []).append(Mark(member.mention.evidence, "mention", member.id))
    for c in event.claims:
        marks.setdefault(c.doc, []).append(Mark(c.evidence, "claim", c.id))
    documents = []
    for digest, ref in stored.documents.items():
        found = web.store.get_document(ref.id)
        documents.append({**to_dict(ref), "url": safe_url(ref.url), "raw_url": ref.url,
                          "segments": text_segments(found.document, marks.get(digest, []))})
    documents.sort(key=lambda d: (d["published"] is None, d["published"] or "", d["id"]))
    return {"event": event_summary(row, web.names), "fields": fields, "members": members, "claims": claims,
            "documents": documents, "series": sorted({c.property for c in event.claims}),
            "landmarks": web.landmarks if row.lat is not None else None}
