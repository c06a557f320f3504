"""Downloads of events, claims and mentions (CSV, JSON, GeoJSON, Parquet, CNS layout, PLOVER,
ACLED-style CSV) through ``nkwatch.export``, of the whole store or of the rows a list page's
filters keep; every row carries its sources and evidence."""
from __future__ import annotations

import io
import tempfile
from pathlib import Path
from typing import Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import Response

from ...export import FORMATS, export
from ..downloads import FILTERS, KINDS_OF, LABELS, MEDIA_TYPES, filename
from ..render import twin
from ..resources import WebResources, get_web
from .common import blank
from .events import EventFilters, event_filters

router = APIRouter(tags=["exports"])


@twin(router, "/export", "export.html", summary="The available downloads")
def export_page(request: Request) -> dict[str, Any]:
    return {"downloads": [{"kind": kind, "format": fmt, "label": LABELS[fmt], "url": f"/export/{kind}.{fmt}"}
                          for fmt in FORMATS for kind in KINDS_OF[fmt]]}


@router.get("/export/{kind}.{fmt}", summary="Download events, claims or mentions (all, or those a filter keeps)",
            responses={200: {"content": {t.split(";")[0]: {} for t in MEDIA_TYPES.values()}}})
def download(request: Request, kind: Literal["events", "claims", "mentions"],
             fmt: Literal["csv", "json", "geojson", "parquet", "cns", "plover", "acled"],
             filters: EventFilters = Depends(event_filters),
             property: str | None = Query(None, description="claims: only this property (troops, range_km, ...)."),
             event: str | None = Query(None, description="claims, mentions: only those of this event (its id)."),
             web: WebResources = Depends(get_web)) -> Response:
    """``kind`` in ``fmt``, as an attachment: every row, or those the filters of its list page
    keep (events: the timeline's, oldest first unless sort=-date; claims: property, event,
    source; mentions: type, event).
    geojson: events with coordinates; cns: launch events in the CNS missile-test layout, one row
    per missile; plover: PLOVER records, one per line; acled: an ACLED-style CSV."""
    if kind not in KINDS_OF[fmt]:
        raise HTTPException(400, f"{fmt} exports events only")
    stray = sorted({k for k, v in request.query_params.items() if v.strip()} - set(FILTERS[kind]))
    if stray:
        raise HTTPException(400, f"{', '.join(stray)}: no filter of {kind} (those are {', '.join(FILTERS[kind])})")
    # A file lists events oldest first, as `nkwatch export` writes them, unless the query asks otherwise.
    events_order = {"newest_first": request.query_params.get("sort") == "-date"}
    selection = ({**filters.store_args(), **events_order} if kind == "events" else
                 {"property": blank(property), "event_id": blank(event), "source": filters.source}
                 if kind == "claims" else {"type": filters.type, "event_id": blank(event)})
    rules = web.resolver.rules
    classes, states = (rules.reference_classes, rules.reference_actors) if fmt == "cns" else ((), ())
    if fmt == "parquet":
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "export.parquet"
            export(web.store, fmt, kind, path, web.settings, classes, states, selection)
            body: bytes | str = path.read_bytes()
    else:
        out = io.StringIO()
        export(web.store, fmt, kind, out, web.settings, classes, states, selection)
        body = out.getvalue()
    return Response(body, media_type=MEDIA_TYPES[fmt],
                    headers={"content-disposition": f'attachment; filename="{filename(kind, fmt)}"'})
