"""Extraction engines: the extractor run over many documents on every core of this machine
(``local``) or as actors of a Ray cluster (``ray``), one spaCy model per worker.

Engines only extract; the caller stays the one writer to the store. Results come back in input
order, each document paired with its ``Extraction`` or with the exception its extraction raised
(one failing document never stops the stream)::

    for doc, result in extract_stream(docs, settings, engine="local", workers=4):
        ...
"""
from __future__ import annotations

import gc
from collections.abc import Iterable, Iterator
from contextlib import contextmanager, nullcontext
from typing import Protocol

from ..models import Document, Extraction
from ..settings import Settings

ENGINES = ("local", "ray")
_YOUNG_THRESHOLD = 10_000  # allocations between two collections of the youngest generation (freeze_loaded)

Result = tuple[Document, Extraction | Exception]


class ExtractionEngine(Protocol):
    """What every engine offers: its pipeline version and an ordered stream of results."""

    @property
    def version(self) -> str: ...

    def extract_stream(self, docs: Iterable[Document]) -> Iterator[Result]: ...

    def close(self) -> None: ...


@contextmanager
def open_engine(settings: Settings, engine: str = "local", workers: int | None = None,
                address: str | None = None, cascade: bool = True) -> Iterator[ExtractionEngine]:
    """Start an engine (workers load the model once each) and stop it on exit.

    workers: worker processes or Ray actors (default ``settings.workers``); local with 1 extracts
    in this process. address: a Ray cluster to join ("auto", "ray://head:10001"); none starts a
    local Ray. cascade: the extractor's relevance pre-filter (results are the same either way)."""
    workers = max(1, workers if workers is not None else settings.workers)
    if engine == "local":
        if address is not None:
            raise ValueError("--address is for the ray engine")
        if workers == 1:
            from ..nlp.extract import Extractor
            from .inprocess import InProcessEngine
            opened: ExtractionEngine = InProcessEngine(Extractor(settings, cascade=cascade))
        else:
            from .local import LocalEngine
            opened = LocalEngine(settings, workers, cascade=cascade)
    elif engine == "ray":
        from .ray_engine import RayEngine
        opened = RayEngine(settings, workers, address=address, cascade=cascade)
    else:
        raise ValueError(f"unknown engine {engine!r}; choose one of {', '.join(ENGINES)}")
    try:
        with loaded_for_good() if engine == "local" and workers == 1 else nullcontext():
            yield opened
    finally:
        opened.close()


def freeze_loaded() -> tuple[int, int, int]:
    """Leave what this process has loaded (the model, the lexicon, the gazetteers: some 270,000
    objects that live as long as the extractor) out of the garbage collector's full passes
    (``gc.freeze``), which would walk them all each time, a few times per ingest; garbage is
    collected first. And collect the youngest generation every ``_YOUNG_THRESHOLD`` allocations
    instead of Python's 700: an extraction makes millions of short-lived objects (tokens, records,
    hits) that reference counting frees as it goes; the collector only looks for cycles among them.
    No value changes, only when unreachable cycles are freed. Returns the collector's thresholds
    before."""
    gc.collect()
    gc.freeze()
    before = gc.get_threshold()
    gc.set_threshold(max(before[0], _YOUNG_THRESHOLD), *before[1:])
    return before


@contextmanager
def loaded_for_good() -> Iterator[None]:
    """``freeze_loaded`` for the time an engine in this process runs."""
    before = freeze_loaded()
    try:
        yield
    finally:
        gc.set_threshold(*before)
        gc.unfreeze()


def extract_stream(docs: Iterable[Document], settings: Settings, engine: str = "local",
                   workers: int | None = None, address: str | None = None,
                   cascade: bool = True) -> Iterator[Result]:
    """Extract ``docs`` with a new engine, in input order; the engine stops when the stream ends."""
    with open_engine(settings, engine, workers, address, cascade) as opened:
        yield from opened.extract_stream(docs)
