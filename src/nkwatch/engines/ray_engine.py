"""Extraction as Ray actors: each actor loads the extractor once and extracts chunks of documents;
Ray's ``ActorPool`` hands chunks to idle actors and returns results in submission order.

Without ``address`` a local Ray is started with one CPU per actor (and shut down on ``close``);
with one (``auto`` on a cluster node, ``ray://head:10001`` from outside), the cluster's Ray is
joined and left running. Every node needs nkwatch and the spaCy model installed; documents travel
to the actors and extractions back, so the store stays with the caller.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import cached_property

from ..models import Document
from ..settings import Settings
from . import Result
from .batching import chunked, extract_chunk, ordered

CHUNK = 16
INFLIGHT_PER_ACTOR = 2


class ExtractorActor:
    """One extractor in one Ray worker process."""

    def __init__(self, settings: Settings, cascade: bool) -> None:
        from ..nlp.extract import Extractor
        self.extractor = Extractor(settings, cascade=cascade)

    def version(self) -> str:
        return self.extractor.version

    def extract(self, docs: list[Document]) -> list:
        return extract_chunk(self.extractor, docs)


class RayEngine:
    """``workers`` actors on a local or remote Ray."""

    def __init__(self, settings: Settings, workers: int, address: str | None = None,
                 cascade: bool = True, chunk: int = CHUNK):
        import ray
        from ray.util import ActorPool
        self._ray, self.workers, self.chunk = ray, workers, chunk
        self._owns_ray = not ray.is_initialized()
        if self._owns_ray:
            if address is None:
                ray.init(num_cpus=workers, include_dashboard=False, log_to_driver=False)
            else:
                ray.init(address=address, log_to_driver=False)
        actor = ray.remote(num_cpus=1)(ExtractorActor)
        self._actors = [actor.remote(settings, cascade) for _ in range(workers)]
        self._pool = ActorPool(self._actors)

    @cached_property
    def version(self) -> str:
        return self._ray.get(self._actors[0].version.remote())

    def extract_stream(self, docs: Iterable[Document]) -> Iterator[Result]:
        pool = self._pool

        def submit(chunk: list[Document]) -> None:
            pool.submit(lambda actor, value: actor.extract.remote(value), chunk)

        # ActorPool returns results in submission order, so the handle itself carries nothing.
        return ordered(chunked(docs, self.chunk), submit, lambda _: pool.get_next(),
                       self.workers * INFLIGHT_PER_ACTOR)

    def close(self) -> None:
        for actor in self._actors:
            self._ray.kill(actor)
        self._actors = []
        if self._owns_ray:
            self._ray.shutdown()
