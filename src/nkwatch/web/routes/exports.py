"""Downloads of events, claims and mentions (CSV, JSON, GeoJSON, Parquet, CNS layout) through
``nkwatch.export``; every row carries its sources and evidence."""
from __future__ import annotations

import io
import tempfile
from pathlib import Path
from typing import Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import Response

from ...export import FORMATS, KINDS, export
from ..render import twin, with_query
from ..resources import WebResources, get_web

router = APIRouter(tags=["exports"])

MEDIA_TYPES = {"csv": "text/csv; charset=utf-8", "json": "application/json", "cns": "text/csv; charset=utf-8",
               "geojson": "application/geo+json", "parquet": "application/vnd.apache.parquet"}
SUFFIX = {"cns": "cns.csv"}
LABELS = {"csv": "CSV", "json": "JSON", "parquet": "Parquet", "geojson": "GeoJSON", "cns": "CNS layout"}
# Which kinds each format can export (geojson and cns: events only).
KINDS_OF = {fmt: ("events",) if fmt in ("geojson", "cns") else KINDS for fmt in FORMATS}
VIEW_FORMATS = [fmt for fmt in FORMATS if fmt != "cns"]  # "export this view" offers these


def view_exports(request: Request, kind: str) -> list[dict[str, str]]:
    """The downloads of the page's ``kind`` with the page's filters (not its paging or chart):
    "export this view"."""
    return [{"format": fmt, "label": LABELS[fmt],
             "url": with_query(request, f"/export/{kind}.{fmt}", limit=None, per=None, sort=None)}
            for fmt in VIEW_FORMATS if kind in KINDS_OF[fmt]]


@twin(router, "/export", "export.html", summary="The available downloads")
def export_page(request: Request) -> dict[str, Any]:
    return {"downloads": [{"kind": kind, "format": fmt, "url": f"/export/{kind}.{fmt}"}
                          for fmt in FORMATS for kind in KINDS_OF[fmt]]}


@router.get("/export/{kind}.{fmt}", summary="Download events, claims or mentions",
            responses={200: {"content": {t.split(";")[0]: {} for t in MEDIA_TYPES.values()}}})
def download(kind: Literal["events", "claims", "mentions"],
             fmt: Literal["csv", "json", "geojson", "parquet", "cns"],
             web: WebResources = Depends(get_web)) -> Response:
    """The whole store's ``kind`` in ``fmt``, as an attachment. geojson: events with coordinates;
    cns: launch events in the CNS missile-test layout, one row per missile."""
    if kind not in KINDS_OF[fmt]:
        raise HTTPException(400, f"{fmt} exports events only")
    rules = web.resolver.rules
    classes, states = (rules.reference_classes, rules.reference_actors) if fmt == "cns" else ((), ())
    if fmt == "parquet":
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "export.parquet"
            export(web.store, fmt, kind, path, web.settings, classes, states)
            body: bytes | str = path.read_bytes()
    else:
        out = io.StringIO()
        export(web.store, fmt, kind, out, web.settings, classes, states)
        body = out.getvalue()
    filename = f"nkwatch-{kind}.{SUFFIX.get(fmt, fmt)}"
    return Response(body, media_type=MEDIA_TYPES[fmt],
                    headers={"content-disposition": f'attachment; filename="{filename}"'})
