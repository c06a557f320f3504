"""Extraction on every core of this machine: a pool of worker processes, each loading the
extractor (spaCy model, lexicon, temporal tagger) once, fed chunks of documents in order.

Workers are spawned (not forked), so they share no state, locks or connections with the caller,
and each runs its numeric libraries on one thread (``open_engine`` extracts in the calling
process instead when one worker is asked for). A worker ends when the process that started it is
gone, even killed without closing the pool (a worker waiting for work would otherwise wait forever). As with any spawned pool, a script that starts
one must do so under ``if __name__ == "__main__":`` (the ``nkwatch`` command does).
"""
from __future__ import annotations

import os
import pickle
import threading
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from functools import cached_property
from multiprocessing import get_context, parent_process
from multiprocessing.connection import wait

from ..models import Document
from ..settings import Settings
from . import Result, freeze_loaded
from .batching import CHUNK, chunked, extract_chunk, ordered

INFLIGHT_PER_WORKER = 2
THREAD_VARIABLES = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS")


class LocalEngine:
    """``workers`` processes, each with its own extractor."""

    def __init__(self, settings: Settings, workers: int, cascade: bool = True, chunk: int = CHUNK):
        self.workers, self.chunk = workers, chunk
        self._pool = ProcessPoolExecutor(workers, mp_context=get_context("spawn"), initializer=_start_worker,
                                         initargs=(settings, cascade))

    @cached_property
    def version(self) -> str:
        return self._pool.submit(_worker_version).result()

    def extract_stream(self, docs: Iterable[Document]) -> Iterator[Result]:
        pool = self._pool
        return ordered(chunked(docs, self.chunk), lambda c: pool.submit(_worker_extract, c),
                       lambda f: f.result(), self.workers * INFLIGHT_PER_WORKER)

    def close(self) -> None:
        self._pool.shutdown(cancel_futures=True)


# The one extractor of a worker process, built by the pool's initializer (process state, not config).
_worker: dict = {}


def _start_worker(settings: Settings, cascade: bool) -> None:
    threading.Thread(target=_exit_with_parent, daemon=True, name="nkwatch-parent-watch").start()
    for name in THREAD_VARIABLES:
        os.environ.setdefault(name, "1")
    from ..nlp.extract import Extractor
    _worker["extractor"] = Extractor(settings, cascade=cascade)
    freeze_loaded()  # the worker's model lives as long as the worker


def _exit_with_parent() -> None:
    """Wait for the parent process to end (its sentinel becomes ready), then end this worker."""
    wait([parent_process().sentinel])
    os._exit(1)


def _worker_version() -> str:
    return _worker["extractor"].version


def _worker_extract(docs: list[Document]) -> list:
    return [_picklable(outcome) for outcome in extract_chunk(_worker["extractor"], docs)]


def _picklable(outcome):
    """The outcome itself, or for an exception that cannot cross processes, a RuntimeError
    carrying its type and message."""
    if isinstance(outcome, Exception):
        try:
            pickle.dumps(outcome)
        except Exception:
            return RuntimeError(f"{type(outcome).__name__}: {outcome}")
    return outcome
