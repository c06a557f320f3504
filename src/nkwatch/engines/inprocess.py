"""Any object with ``version`` and ``extract(doc)`` (a ``Pipeline``, a test's stand-in) as an
extraction engine, in this process: what ``ingest`` and ``reextract`` use when they are given no
engine. With ``extract_many`` too (a ``Pipeline``), documents go in chunks, one spaCy pass per
chunk (a chunk that fails is extracted again one document at a time); else one by one. One
process has no workers to balance: its chunks are larger than theirs, and spaCy is a little quicker
on larger batches."""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Protocol

from ..models import Document, Extraction
from . import Result
from .batching import chunked, extract_chunk

CHUNK = 64  # documents per spaCy pass


class Extracting(Protocol):
    version: str

    def extract(self, doc: Document) -> Extraction: ...


class InProcessEngine:
    def __init__(self, extracting: Extracting) -> None:
        self.extracting = extracting

    @property
    def version(self) -> str:
        return self.extracting.version

    def extract_stream(self, docs: Iterable[Document]) -> Iterator[Result]:
        if hasattr(self.extracting, "extract_many"):
            for chunk in chunked(docs, CHUNK):
                yield from zip(chunk, extract_chunk(self.extracting, chunk))
            return
        for doc in docs:
            try:
                yield doc, self.extracting.extract(doc)
            except Exception as exc:  # this document fails; the stream goes on
                yield doc, exc

    def close(self) -> None:
        pass
