"""Writes, each guarded by the token (``security.require_token``): ingest an uploaded article,
merge events, split an event. Manual merges and splits are stored as decisions that survive
re-extraction (``resolve_run``)."""
from __future__ import annotations

import hashlib
import re
import tempfile
from pathlib import Path
from typing import Any

from fastapi import APIRouter, Depends, File, Form, HTTPException, Request, UploadFile
from pydantic import BaseModel, Field

from ...ingest.readers import format_of_name
from ...ingest_run import ingest
from ...resolve_run import merge_events, split_event
from ...store import StoreError
from ..present import event_summary
from ..resources import WebResources, get_web
from ..security import require_token

router = APIRouter(prefix="/api", tags=["writes"], dependencies=[Depends(require_token)])

_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def upload_name(given: str | None, data: bytes) -> str:
    """A safe file name for an upload: the base name given (odd characters replaced), or
    'upload-<hash>.txt' (a fixed name would make every later upload a revision of the first)."""
    base = _UNSAFE.sub("_", Path(given or "").name).lstrip("._")[-100:]
    if not base:
        return f"upload-{hashlib.sha256(data).hexdigest()[:12]}.txt"
    return base if format_of_name(base) else f"{base}.txt"


@router.post("/ingest", summary="Ingest an uploaded article (file or text) and extract it")
def ingest_upload(request: Request,
                  file: UploadFile | None = File(None, description="An article file: txt, html, json, jsonl, "
                                                                     "rss/atom or warc."),
                  text: str | None = Form(None, description="Article text, instead of a file."),
                  name: str | None = Form(None, description="Name for the text (default from its hash)."),
                  web: WebResources = Depends(get_web)) -> dict[str, Any]:
    """Store the article(s) and extract them as ``nkwatch ingest`` does; returns the counts,
    every failure with its reason, and the stored documents."""
    if (file is None) == (text is None):
        raise HTTPException(400, "give either a file or a text")
    limit = web.settings.max_file_bytes
    data = file.file.read(limit + 1) if file is not None else text.encode("utf-8")
    if len(data) > limit:
        raise HTTPException(413, f"larger than {limit} bytes")
    filename = upload_name(file.filename if file is not None else name, data)
    with tempfile.TemporaryDirectory() as folder, web.write_lock:
        path = Path(folder) / filename
        path.write_bytes(data)
        report = ingest([str(path)], web.store, web.pipeline, resolver=web.resolver)
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
