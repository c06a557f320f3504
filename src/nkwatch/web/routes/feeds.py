"""Feeds of events for readers and trackers: ``/feeds/events.atom`` with the timeline's filters."""
from __future__ import annotations

import hashlib
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response

from ...alerts.atom import MEDIA_TYPE, events_feed
from ...alerts.brief import Sentences, brief
from ...filters import EventFilters
from ..resources import WebResources, get_web
from .events import event_filters

router = APIRouter(tags=["feeds"])


@router.get("/feeds/events.atom", response_class=Response, summary="Events as an Atom feed, last changed first",
            responses={200: {"content": {"application/atom+xml": {}}}, 304: {"description": "Not modified"}})
def events_atom(request: Request, filters: EventFilters = Depends(event_filters),
                limit: int = Query(50, ge=1, le=500, description="How many events (the most recently changed)."),
                web: WebResources = Depends(get_web)) -> Response:
    """The events the timeline's filters select (same parameters), the most recently changed
    first: one entry per event with its date at its precision, what, where, sources, the evidence
    sentence of its newest report and a link to its page. An entry's ``updated`` moves when its
    event gains (or loses) a report. Answers 304 to a request whose If-None-Match holds its ETag."""
    rows = web.store.events(**{**filters.store_args(), "recently_updated": True}, limit=limit)
    details = {s.row.id: s for s in web.store.event_details([r.id for r in rows])}
    base = str(request.base_url).rstrip("/")
    query = {k: v for k, v in filters.query().items() if k != "sort"}
    title = "nkwatch events" + (": " + ", ".join(f"{k}={v}" for k, v in query.items()) if query else "")
    sentences = Sentences(web.store, web.settings)
    body = events_feed([brief(details[r.id], base, sentences) for r in rows if r.id in details],
                       feed_id=f"urn:nkwatch:events:{urlencode(sorted(query.items()))}", self_url=str(request.url),
                       html_url=f"{base}/events" + (f"?{urlencode(query)}" if query else ""), title=title,
                       now=web.store.now())
    etag = '"' + hashlib.sha256(body).hexdigest()[:32] + '"'
    if etag in [t.strip() for t in request.headers.get("if-none-match", "").split(",")]:
        return Response(status_code=304, headers={"ETag": etag})
    return Response(body, media_type=MEDIA_TYPE, headers={"ETag": etag})
