"""Extraction as Ray actors: each actor loads the extractor once and extracts chunks of documents;
Ray's ``ActorPool`` hands chunks to idle actors and returns results in submission order.

Without ``address`` a local Ray is started with one CPU per actor, its session files in a
temporary folder; ``close`` shuts it down (its processes end) and removes the folder. With one
(``auto`` on a cluster node, ``ray://head:10001`` from outside), the cluster's Ray is joined and
left running. A Ray already initialized in this process is used as it is. Every node needs nkwatch
and the spaCy model installed; documents travel to the actors and extractions back, so the store
stays with the caller (the one writer).
"""
from __future__ import annotations

import os
import secrets
import shutil
import tempfile
import time
from collections.abc import Iterable, Iterator
from functools import cached_property
from pathlib import Path

from ..models import Document
from ..settings import Settings
from . import Result
from .batching import CHUNK, chunked, extract_chunk, ordered

INFLIGHT_PER_ACTOR = 2
# 107 bytes minus what Ray and we add: /nkwatch-ray-XXXXXXXX/session_<date>_<time>_<pid>/sockets/plasma_store
MAX_TEMP_ROOT = 20


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
        self._temp_dir: str | None = None
        self._saved_env: dict[str, str | None] = {}
        self._actors: list = []
        try:
            if self._owns_ray:
                self._start(address)
            actor = ray.remote(num_cpus=1)(ExtractorActor)
            self._actors = [actor.remote(settings, cascade) for _ in range(workers)]
            self._pool = ActorPool(self._actors)
        except BaseException:
            self.close()  # no Ray processes or session files left behind by a failed start
            raise

    def _start(self, address: str | None) -> None:
        # A tool run is no Ray deployment: no usage report is sent home.
        env = {"RAY_USAGE_STATS_ENABLED": os.environ.get("RAY_USAGE_STATS_ENABLED", "0")}
        if address is None and not _auth_configured():
            # Ray writes a new local cluster's token to ~/.ray/auth_token unless one is given:
            # a token of this run only (token authentication stays on), gone with it.
            env["RAY_AUTH_TOKEN"] = secrets.token_hex(32)
        self._saved_env = {name: os.environ.get(name) for name in env}
        os.environ.update(env)
        if address is None:
            self._temp_dir = tempfile.mkdtemp(prefix="nkwatch-ray-", dir=_short_temp_root())
            self._ray.init(num_cpus=self.workers, include_dashboard=False, log_to_driver=False,
                           configure_logging=False, _temp_dir=self._temp_dir)
        else:
            self._ray.init(address=address, log_to_driver=False, configure_logging=False)

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
        if self._owns_ray and self._ray.is_initialized():
            self._ray.shutdown()
        self._owns_ray = False
        if self._temp_dir is not None:
            remove_tree(self._temp_dir)
            self._temp_dir = None
        for name, value in self._saved_env.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
        self._saved_env = {}


def remove_tree(path: str | Path, attempts: int = 10) -> None:
    """Remove a Ray session folder: Ray's processes may still write a last log line while they
    exit after ``ray.shutdown()``, re-creating what was removed, so remove again until it stays."""
    for _ in range(attempts):
        shutil.rmtree(path, ignore_errors=True)
        if not Path(path).exists():
            return
        time.sleep(0.5)


def _short_temp_root() -> str:
    """The temporary folder, or /tmp when it is too deep for the Unix sockets Ray makes in its
    session folder (a socket path holds at most 107 bytes)."""
    root = tempfile.gettempdir()
    return root if len(root) <= MAX_TEMP_ROOT else "/tmp"


def _auth_configured() -> bool:
    """Has the user chosen Ray's authentication (mode, token or token file)?"""
    names = ("RAY_AUTH_MODE", "RAY_AUTH_TOKEN", "RAY_AUTH_TOKEN_PATH")
    return any(name in os.environ for name in names) or (Path.home() / ".ray" / "auth_token").exists()
