"""Which downloads exist (``nkwatch.export``): the kinds each format holds, their names and media
types, and the links of "export this view" (a page's rows with its filters, in each format)."""
from __future__ import annotations

from fastapi import Request

from ..export import EVENTS_ONLY, FORMATS, KINDS
from .render import with_query

MEDIA_TYPES = {"csv": "text/csv; charset=utf-8", "json": "application/json", "cns": "text/csv; charset=utf-8",
               "geojson": "application/geo+json", "parquet": "application/vnd.apache.parquet",
               "plover": "application/x-ndjson", "acled": "text/csv; charset=utf-8"}
SUFFIX = {"cns": "cns.csv", "plover": "plover.jsonl", "acled": "acled.csv"}
LABELS = {"csv": "CSV", "json": "JSON", "parquet": "Parquet", "geojson": "GeoJSON", "cns": "CNS layout",
          "plover": "PLOVER", "acled": "ACLED-style CSV"}
KINDS_OF = {fmt: ("events",) if fmt in EVENTS_ONLY else KINDS for fmt in FORMATS}
VIEW_FORMATS = [fmt for fmt in FORMATS if fmt != "cns"]  # the CNS layout is a whole-store reference
# The query parameters that select the rows of each kind (the filters of its list page).
FILTERS = {"events": ("type", "since", "until", "weapon_class", "source", "place", "conducted_by", "q", "sort",
                      "period"),
           "claims": ("property", "event", "source"),
           "mentions": ("type", "event")}


def filename(kind: str, fmt: str) -> str:
    return f"nkwatch-{kind}.{SUFFIX.get(fmt, fmt)}"


def view_exports(request: Request, kind: str) -> list[dict[str, str]]:
    """The downloads of the page's ``kind`` with the page's filters (not its paging or chart)."""
    return [{"format": fmt, "label": LABELS[fmt],
             "url": with_query(request, f"/export/{kind}.{fmt}", limit=None, per=None)}
            for fmt in VIEW_FORMATS if kind in KINDS_OF[fmt]]
