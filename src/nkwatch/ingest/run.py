"""Batch ingest: read -> clean the batch (finding sentences repeated across it) -> prepare -> store
-> extract.

One document's failure (cleaning, storing or extraction) becomes an entry of the report and the
batch goes on; each document is stored in its own transaction, so what was stored stays. Each
stored document that needs it goes on to an engine (in this process, or on worker processes or
Ray actors that extract while the next documents are stored: ``nkwatch.engines``) and this
process, the one writer, stores each extraction with its resolution into canonical events
(``resolve_run``), incrementally.
"""
from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from functools import cached_property
from typing import Any, Protocol

from ..engines import ExtractionEngine
from ..engines.inprocess import InProcessEngine
from ..engines.writer import extract_and_save, failure_reason
from ..models import Document, Extraction, ReadError
from ..resolve_run import Resolver
from ..settings import Settings
from ..store import AddResult, Store, StoredText
from ..store.rows import article_key
from .clean import BatchCleaning
from .report import IngestReport

BATCH = "<batch>"  # failure entry name for a step that concerns the whole batch

# progress(stage, done, total): "read" while reading (total None), "store" per document stored,
# "extract" per document extracted (total None until the last: extraction follows storing).
Progress = Callable[[str, int, "int | None"], None]


class IngestPipeline(Protocol):
    """What ``ingest`` needs of a pipeline (``nkwatch.pipeline.Pipeline`` has it all)."""
    cleaning_rules: Any
    version: str

    def read(self, paths: Iterable[str]) -> Iterator[Document | ReadError]: ...
    def prepare(self, doc: Document, cleaning: BatchCleaning | None = None) -> Document: ...
    def extract(self, doc: Document) -> Extraction: ...


def ingest(paths: Iterable[str], store: Store, pipeline: IngestPipeline, extract: bool = True,
           progress: Progress | None = None, resolver: Resolver | None = None,
           engine: ExtractionEngine | None = None) -> IngestReport:
    """Read everything under ``paths`` into ``store``; with ``extract``, extract each document
    that is new, a new revision, or whose stored extraction is missing or from another pipeline
    version. Texts already stored are neither cleaned nor stored again; when they need extracting,
    the stored document (with the spans it was stored with) is extracted. Extraction runs on
    ``engine`` (default: ``pipeline``, in this process); each extraction is resolved into events
    with ``resolver`` (default: the packaged resolution rules)."""
    return ingest_documents(pipeline.read(paths), store, pipeline, extract, progress, resolver, engine)


def ingest_documents(items: Iterable[Document | ReadError], store: Store, pipeline: IngestPipeline,
                     extract: bool = True, progress: Progress | None = None, resolver: Resolver | None = None,
                     engine: ExtractionEngine | None = None) -> IngestReport:
    """``ingest`` of documents already read (and the read errors met on the way): fetched from the
    web by ``nkwatch.watch``, an upload read from memory; one batch, cleaned, stored and extracted
    the same way."""
    started = time.perf_counter()
    report = IngestReport()
    batch = _Batch(_read_all(iter(items), report, progress), pipeline, report,
                   resolver or Resolver.load(Settings()))
    engine = engine if engine is not None else InProcessEngine(pipeline)
    version = engine.version if extract and batch.docs else None
    queued: set[int] = set()  # ids handed to extraction (a text read twice is extracted once)

    def stored() -> Iterator[tuple[int, Document]]:
        """Store each document in turn; those to extract go on to the engine as they come, so
        that workers extract while this process stores the next ones."""
        known = _Known(store.lookup_many(d.hash for d in batch.docs))  # texts stored before (or earlier in the batch)
        for done, doc in enumerate(batch.docs, 1):
            item = _store_one(doc, batch, store, known, version, queued)
            if progress:
                progress("store", done, len(batch.docs))
            if item is not None:
                queued.add(item[0])
                yield item

    if version is None:
        for _ in stored():
            pass
    else:
        extracted = extract_and_save(
            engine, stored(), None, lambda i, x: store.save_resolved(i, x, batch.resolver),
            progress=(lambda done, total: progress("extract", done, total)) if progress else None)
        report.extracted += extracted.extracted
        report.failures += extracted.failures
        report.not_read += extracted.not_read
        if progress and queued:
            progress("extract", len(queued), len(queued))
        report.events_refreshed = store.refresh_events(batch.resolver)
    report.elapsed = time.perf_counter() - started
    return report


@dataclass
class _Batch:
    docs: list[Document]
    pipeline: IngestPipeline
    report: IngestReport
    resolver: Resolver

    @cached_property
    def cleaning(self) -> BatchCleaning | None:
        """The batch's cleaning (it knows the sentences repeated across the batch: boilerplate),
        done when a first new text needs cleaning; on failure none, and a report entry."""
        try:
            return BatchCleaning(self.docs, self.pipeline.cleaning_rules)
        except Exception as exc:  # one odd document must not stop the batch
            self.report.failures.append(
                (BATCH, f"repeated-sentence analysis failed, cleaned without it: {failure_reason(exc)}"))
            return None


class _Known:
    """The batch's texts already stored (``Store.lookup_many``, a few statements for the whole
    batch), kept as ``add_document`` leaves them while the batch stores more: a text stored or
    restored is its article's report, and the article's report before it no longer is."""

    def __init__(self, found: dict[str, StoredText]) -> None:
        self.texts = found
        self.reports = {t.article: digest for digest, t in found.items() if t.current_revision}

    def result(self, doc: Document) -> AddResult | None:
        """What ``add_document`` would answer for ``doc`` ('unchanged'), or None: it has work to do."""
        found = self.texts.get(doc.hash)
        return found.result_for(doc.url, doc.name) if found is not None else None

    def stored(self, doc: Document, result: AddResult) -> None:
        """``doc`` was just added with ``result``."""
        if result.status == "unchanged":
            return
        article = article_key(doc.url, doc.name)
        before = self.reports.get(article)
        if before is not None and before in self.texts:
            self.texts[before] = replace(self.texts[before], current_revision=False)
        self.texts[doc.hash] = StoredText(result.document_id, result.revision, None, True, doc.url, doc.name)
        self.reports[article] = doc.hash


def _read_all(items: Iterator[Document | ReadError], report: IngestReport,
              progress: Progress | None) -> list[Document]:
    docs = []
    for n, item in enumerate(items, 1):
        report.add_read(item)
        if isinstance(item, Document):
            docs.append(item)
        if progress:
            progress("read", n, None)
    return docs


def _store_one(doc: Document, batch: _Batch, store: Store, known: _Known,
               version: str | None, queued: set[int]) -> tuple[int, Document] | None:
    """Store ``doc`` unless its text is stored already (``known``; a text stored here joins
    them); (id, document) when it needs extracting with pipeline ``version`` (None: no
    extraction) and is not ``queued`` yet."""
    report, name, step = batch.report, doc.name, "store"
    try:
        result = known.result(doc)
        if result is None:
            step = "prepare"
            doc = batch.pipeline.prepare(doc, batch.cleaning)
            step = "store"
            result = store.add_document(doc)
            known.stored(doc, result)
        _count(report, result.status)
        report.stored.append((name, result))
        if version is None or result.extracted_version == version or result.document_id in queued:
            return None
        if result.status in ("unchanged", "restored"):  # extract the text as it was stored, with its spans
            doc = store.get_document(result.document_id).document
        return result.document_id, doc
    except Exception as exc:  # the batch goes on; the reason is reported
        report.failures.append((name, f"{step}: {failure_reason(exc)}"))
        return None


def _count(report: IngestReport, status: str) -> None:
    if status == "new":
        report.new += 1
    elif status in ("revision", "restored"):
        report.revision += 1
    else:
        report.unchanged += 1
