"""Documents through an engine, each result saved by the caller (the one writer) before the
next is taken: the extraction step of ``ingest`` (documents as they are stored) and of
``reextract`` (stored documents, loaded one at a time)."""
from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from ..models import Document, Extraction
from ..store import Store, StoreError
from . import ExtractionEngine

# save(document_id, extraction): e.g. store.save_extraction, or store.save_resolved with a resolver.
Save = Callable[[int, Extraction], object]
# progress(done, total), after each document (total None when not known in advance).
Progress = Callable[[int, "int | None"], None]


@dataclass
class SaveReport:
    extracted: int = 0
    failures: list[tuple[str, str]] = field(default_factory=list)  # (document name, reason)
    not_read: list[tuple[str, str]] = field(default_factory=list)  # (document name, why): Extraction.not_read
    elapsed: float = 0.0

    @property
    def ok(self) -> bool:
        return not self.failures


def extract_and_save(engine: ExtractionEngine, todo: Iterable[tuple[int, Document]], total: int | None,
                     save: Save, progress: Progress | None = None) -> SaveReport:
    """Extract the documents of ``todo`` ((document id, document) pairs, taken as the engine asks
    for them: ``todo`` may be storing them as it goes) and ``save`` each result in input order;
    a failure (of the extraction or of its saving) is reported and the others go on."""
    started = time.perf_counter()
    report = SaveReport()
    ids: deque[int] = deque()  # ids of the documents handed to the engine, not yet back

    def feed() -> Iterator[Document]:
        for document_id, doc in todo:
            ids.append(document_id)
            yield doc

    for done, (doc, outcome) in enumerate(engine.extract_stream(feed()), 1):
        document_id = ids.popleft()  # engines answer in input order
        if isinstance(outcome, Exception):
            report.failures.append((doc.name, f"extract: {failure_reason(outcome)}"))
        else:
            try:
                save(document_id, outcome)
                report.extracted += 1
                if outcome.not_read:
                    report.not_read.append((doc.name, outcome.not_read))
            except Exception as exc:  # one document's failure is reported, the others go on
                report.failures.append((doc.name, f"store: {failure_reason(exc)}"))
        if progress:
            progress(done, total)
    report.elapsed = time.perf_counter() - started
    return report


def load(store: Store, ids: Iterable[int]) -> Iterator[tuple[int, Document]]:
    """(id, stored document) for each id, read one at a time."""
    for document_id in ids:
        yield document_id, store.get_document(document_id).document


def failure_reason(exc: Exception) -> str:
    """A failure as reported: a store error's own message, else the exception type and message."""
    return str(exc) if isinstance(exc, StoreError) else f"{type(exc).__name__}: {exc}"
