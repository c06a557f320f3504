"""Extract the stored documents that need it (never extracted, or by another pipeline version)
with an engine, the caller writing each result: the many-core / cluster path of ``ingest``.

    nkwatch ingest --no-extract PATH...   # read, clean, store (one writer)
    extract_pending(store, engine)        # extract on every worker, store each result here
"""
from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from ..models import Document, Extraction
from ..ingest_run import Progress
from ..store import Store, StoreError
from . import ExtractionEngine

# save(document_id, extraction): e.g. store.save_extraction, or store.save_resolved with a resolver.
Save = Callable[[int, Extraction], object]


@dataclass
class PendingReport:
    extracted: int = 0
    failures: list[tuple[str, str]] = field(default_factory=list)  # (document name, reason)
    elapsed: float = 0.0

    @property
    def ok(self) -> bool:
        return not self.failures


def extract_pending(store: Store, engine: ExtractionEngine, save: Save | None = None,
                    progress: Progress | None = None) -> PendingReport:
    """Extract every stored document whose extraction is missing or from another version than
    ``engine.version``, each exactly once; documents are loaded as the engine asks for them and
    each result is saved (``save``, default ``store.save_extraction``) before the next is read."""
    started = time.perf_counter()
    report = PendingReport()
    save = save or store.save_extraction
    ids = store.needs_extraction(engine.version)
    ids_by_hash: dict[str, int] = {}
    for done, (doc, outcome) in enumerate(engine.extract_stream(_load(store, ids, ids_by_hash)), 1):
        document_id = ids_by_hash.pop(doc.hash)
        if isinstance(outcome, Exception):
            report.failures.append((doc.name, f"extract: {_reason(outcome)}"))
        else:
            try:
                save(document_id, outcome)
                report.extracted += 1
            except Exception as exc:  # one document's failure is reported, the others go on
                report.failures.append((doc.name, f"store: {_reason(exc)}"))
        if progress:
            progress("extract", done, len(ids))
    report.elapsed = time.perf_counter() - started
    return report


def _load(store: Store, ids: list[int], ids_by_hash: dict[str, int]) -> Iterator[Document]:
    for document_id in ids:
        stored = store.get_document(document_id)
        ids_by_hash[stored.document.hash] = document_id
        yield stored.document


def _reason(exc: Exception) -> str:
    return str(exc) if isinstance(exc, StoreError) else f"{type(exc).__name__}: {exc}"
