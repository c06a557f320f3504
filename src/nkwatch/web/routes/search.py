"""Full-text search over the stored documents."""
from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Query, Request

from ...store import SearchSyntaxError
from ...store.fts import MARK_START
from ..render import twin
from ..resources import WebResources, get_web
from ..segments import snippet_segments
from .common import blank

router = APIRouter(tags=["search"])


@twin(router, "/search", "search.html", summary="Full-text search over titles and texts, best first")
def search_page(request: Request,
                q: str | None = Query(None, description='Words, "quoted phrases", AND / OR / NOT, prefix*, '
                                                        "title:word."),
                limit: int = Query(20, ge=1, le=200), web: WebResources = Depends(get_web)) -> dict[str, Any]:
    """Matching documents with a snippet whose matches are marked; a query the index cannot
    parse gives ``error`` (and no hits) rather than a failure."""
    query = blank(q)
    if query is None:
        return {"q": None, "hits": [], "error": None}
    try:
        hits = web.store.search(query, limit=limit)
    except SearchSyntaxError as exc:
        return {"q": query, "hits": [], "error": str(exc)}
    return {"q": query, "error": None,
            "hits": [{"document_id": h.document_id, "name": h.name, "title": h.title, "published": h.published,
                      "revision": h.revision, "score": h.score, "snippet": h.snippet,
                      "snippet_parts": snippet_segments(h.snippet, MARK_START)} for h in hits]}
