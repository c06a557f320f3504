"""Writes, each guarded by the token (``security.require_token``): ingest an uploaded article,
merge events, split an event. Manual merges and splits are stored as decisions that survive
re-extraction (``resolve_run``)."""
from __future__ import annotations

import hashlib
import re
from pathlib import Path
from typing import Any

from fastapi import APIRouter, Depends, HTTPException, Request
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool

from ...ingest.readers import RawInput, format_of_name, read_raw
from ...ingest.run import ingest_documents
from ...resolve_run import merge_events, split_event
from ...store import StoreError
from ..present import event_summary
from ..resources import WebResources, get_web
from ..security import require_token
from ..upload import read_upload

router = APIRouter(prefix="/api", tags=["writes"], dependencies=[Depends(require_token)])

_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")
SHOWN_NAME_CHARS = 200
UPLOAD_FORM = {"requestBody": {"required": True, "content": {
    "multipart/form-data": {"schema": {"type": "object", "properties": {
        "file": {"type": "string", "format": "binary",
                 "description": "An article file: txt, html, json, jsonl, rss/atom or warc."},
        "text": {"type": "string", "description": "Article text, instead of a file."},
        "name": {"type": "string", "description": "Name for the text (default from its hash)."}}}},
    "application/x-www-form-urlencoded": {"schema": {"type": "object", "properties": {
        "text": {"type": "string"}, "name": {"type": "string"}}}}}}}


def upload_name(given: str | None, data: bytes) -> str:
    """A safe file name for an upload: the base name given (odd characters replaced), or
    'upload-<hash>.txt' (a fixed name would make every later upload a revision of the first)."""
    base = _UNSAFE.sub("_", Path(given or "").name).lstrip("._")[-100:]
    if not base:
        return f"upload-{hashlib.sha256(data).hexdigest()[:12]}.txt"
    return base if format_of_name(base) else f"{base}.txt"


@router.post("/ingest", summary="Ingest an uploaded article (file or text) and extract it",
             openapi_extra=UPLOAD_FORM)
async def ingest_upload(request: Request, web: WebResources = Depends(get_web)) -> dict[str, Any]:
    """Store the article(s) and extract them as ``nkwatch ingest`` does; returns the counts,
    every failure with its reason, and the stored documents. The form is read only once the
    token is checked, within ``max_file_bytes`` (413 beyond), and never written to disk; errors
    name the upload as the client named it."""
    limit = web.settings.max_file_bytes
    form = await read_upload(request, limit)
    if ("file" in form.fields) == ("text" in form.fields):
        raise HTTPException(400, "give either a file or a text")
    data = bytes(form.fields["file"]) if "file" in form.fields else form.text("text").encode("utf-8")
    given = form.filename if "file" in form.fields else form.text("name")
    filename = upload_name(given, data)
    shown = (given or "text")[:SHOWN_NAME_CHARS]
    raw = RawInput(data, filename, shown, None)
    return await run_in_threadpool(_ingest, web, raw)


def _ingest(web: WebResources, raw: RawInput) -> dict[str, Any]:
    with web.write_lock:
        report = ingest_documents(read_raw(raw, format_of_name(raw.name), web.settings), web.store, web.pipeline,
                              resolver=web.resolver)
    documents = [{"name": doc_name, "id": found.document_id, "revision": found.revision,
                  "url": f"/documents/{found.document_id}"} for doc_name, found in report.stored]
    if not documents and report.read_errors:
        raise HTTPException(400, "; ".join(str(e) for e in report.read_errors))
    return {"ok": report.ok, "new": report.new, "unchanged": report.unchanged, "revision": report.revision,
            "extracted": report.extracted, "failures": [{"document": n, "reason": r} for n, r in report.failures],
            "read_errors": [str(e) for e in report.read_errors], "skipped": [str(e) for e in report.skipped],
            "documents": documents}


class MergeRequest(BaseModel):
    events: list[str] = Field(min_length=2, description="Event ids (or unique prefixes); merged into the first.")
    note: str | None = Field(None, description="Why (kept with the decision).")
    author: str | None = Field(None, description="Who decided.")


class SplitRequest(BaseModel):
    mentions: list[str] = Field(min_length=1, description="Mention ids (or unique prefixes) to take out.")
    note: str | None = None
    author: str | None = None


@router.post("/events/merge", summary="Merge events into the first (a recorded decision)")
def merge(body: MergeRequest, web: WebResources = Depends(get_web)) -> dict[str, Any]:
    with web.write_lock:
        try:
            merge_events(web.store, web.resolver, body.events, note=body.note, author=body.author)
            merged = web.store.get_event(body.events[0])
        except StoreError as exc:
            raise HTTPException(400, str(exc)) from None
    return {"event": event_summary(merged.row, web.names), "url": f"/events/{merged.row.id}"}


@router.post("/events/{event_id}/split", summary="Take mentions out of an event into one of their own")
def split(event_id: str, body: SplitRequest, web: WebResources = Depends(get_web)) -> dict[str, Any]:
    with web.write_lock:
        try:
            result = split_event(web.store, web.resolver, event_id, body.mentions, note=body.note,
                                 author=body.author)
        except StoreError as exc:
            raise HTTPException(400, str(exc)) from None
        created = web.store.event_details([e.id for e in result.new_events])
    return {"created": [event_summary(s.row, web.names) for s in created], "urls": [f"/events/{s.row.id}" for s in created]}
