"""The sources ``nkwatch watch`` polls, with how their polls went (and its JSON twin)."""
from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Request

from ...watch.status import source_dict
from ..present import safe_url
from ..render import twin
from ..resources import WebResources, get_web

router = APIRouter(tags=["sources"])


@twin(router, "/sources", "sources.html", summary="Watched sources and their poll state")
def sources_page(request: Request, web: WebResources = Depends(get_web)) -> dict[str, Any]:
    """Every source `nkwatch watch` polls: kind (feed, page, folder), state, items taken in, HTTP
    validators, last success, last error, next poll and what the last poll did (times UTC)."""
    return {"sources": [{**source_dict(s), "url": safe_url(s.locator)} for s in web.store.watch_sources()]}
