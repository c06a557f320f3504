"""Chunks of documents for workers, and their results back in input order with a bounded number
of chunks in flight (so a stream of millions of documents never sits in memory)."""
from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from typing import TypeVar

from ..models import Document, Extraction

T = TypeVar("T")
Outcome = Extraction | Exception
CHUNK = 16  # documents per task: small enough to balance workers, large enough for one nlp.pipe


def chunked(items: Iterable[T], size: int) -> Iterator[list[T]]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def ordered(chunks: Iterable[list[Document]], submit: Callable[[list[Document]], T],
            collect: Callable[[T], list], inflight: int) -> Iterator[tuple[Document, Outcome]]:
    """Submit chunks as earlier ones are collected (at most ``inflight`` pending) and yield each
    document with its outcome in input order. A chunk whose collection fails (a worker died)
    yields that exception for each of its documents."""
    pending: deque[tuple[list[Document], T]] = deque()
    for chunk in chunks:
        pending.append((chunk, submit(chunk)))
        if len(pending) >= inflight:
            yield from _collect(*pending.popleft(), collect)
    while pending:
        yield from _collect(*pending.popleft(), collect)


def _collect(chunk: list[Document], handle, collect) -> Iterator[tuple[Document, Outcome]]:
    try:
        outcomes = collect(handle)
    except Exception as exc:  # the worker, not one document, failed
        outcomes = [exc] * len(chunk)
    yield from zip(chunk, outcomes)


def extract_chunk(extractor, docs: list[Document]) -> list[Outcome]:
    """Extract ``docs`` together (one nlp.pipe); when that fails, one by one, so that only the
    documents that fail carry an exception."""
    try:
        return list(extractor.extract_many(docs))
    except Exception:
        outcomes: list = []
        for doc in docs:
            try:
                outcomes.append(extractor.extract(doc))
            except Exception as exc:
                outcomes.append(exc)
        return outcomes
