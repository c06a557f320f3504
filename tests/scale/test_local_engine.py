"""Multiprocess extraction gives exactly the sequential results, in input order, and
re-extraction on worker processes writes each stored document once."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from nkwatch.engines import open_engine
from nkwatch.engines.local import LocalEngine
from nkwatch.models import Document, to_dict
from nkwatch.nlp.extract import Extractor
from nkwatch.pipeline import Pipeline
from nkwatch.resolve_run import Resolver, reextract
from nkwatch.settings import Settings
from nkwatch.store import Store

from .articles import documents

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def settings() -> Settings:
    return Settings()


@pytest.fixture(scope="module")
def extractions(settings):
    extractor = Extractor(settings)
    return [extractor.extract(doc) for doc in documents()]


@pytest.fixture(scope="module")
def sequential(extractions):
    return [to_dict(e) for e in extractions]


@pytest.fixture(scope="module")
def two_workers(settings):
    engine = LocalEngine(settings, workers=2, chunk=1)  # one document per task: both workers busy
    yield engine
    engine.close()


def test_two_workers_equal_one_process_in_input_order(two_workers, sequential):
    docs = documents()
    results = list(two_workers.extract_stream(docs))
    assert [d.name for d, _ in results] == [d.name for d in docs]
    assert [to_dict(r) for _, r in results] == sequential
    assert any(r["mentions"] for r in sequential)  # the texts do hold events


def test_a_document_that_fails_does_not_stop_the_stream(two_workers, sequential):
    broken = Document(name="broken.txt", text=None)  # no text: the extractor cannot hash it
    results = list(two_workers.extract_stream([documents()[0], broken, documents()[1]]))
    assert [d.name for d, _ in results] == ["launch.txt", "broken.txt", "drill.txt"]
    assert isinstance(results[1][1], Exception)
    assert [to_dict(results[0][1]), to_dict(results[2][1])] == sequential[:2]


def test_stored_documents_are_extracted_once(tmp_path, settings, two_workers, extractions):
    with Store.open(settings.with_(db=str(tmp_path / "s.db"))) as store:
        ids = [store.add_document(doc).document_id for doc in documents()]
        pipeline, resolver = Pipeline(settings), Resolver.load(settings)
        report = reextract(store, pipeline, resolver, engine=two_workers)
        assert (report.documents, report.extracted, report.failures) == (len(ids), len(ids), [])
        assert store.needs_extraction(two_workers.version) == []
        assert reextract(store, pipeline, resolver, engine=two_workers).documents == 0  # nothing twice
        stored = {m.id for m in store.mentions(limit=None)}
    assert stored == {m.id for e in extractions for m in e.mentions}


def test_unknown_engine_and_address_without_ray(settings):
    with pytest.raises(ValueError, match="unknown engine"):
        with open_engine(settings, engine="spark"):
            pass
    with pytest.raises(ValueError, match="ray engine"):
        with open_engine(settings, engine="local", address="auto"):
            pass


WORKERS_THEN_WAIT = """
import time
from nkwatch.engines.local import LocalEngine
from nkwatch.models import Document, Span
from nkwatch.settings import Settings
if __name__ == "__main__":
    engine = LocalEngine(Settings(), workers=2, chunk=1)
    text = "North Korea fired a missile."
    list(engine.extract_stream([Document(name=str(i), text=text * (i + 1), kept=[Span(0, len(text))])
                                for i in range(4)]))  # both workers up
    print(*engine._pool._processes, flush=True)
    time.sleep(600)
"""


def _alive(pid: int) -> bool:
    """Is process ``pid`` running (not gone, not a zombie left for its new parent to reap)?"""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except (FileNotFoundError, ProcessLookupError):
        return False


@pytest.mark.slow
def test_workers_exit_when_their_parent_is_killed(tmp_path):
    (tmp_path / "run.py").write_text(WORKERS_THEN_WAIT)
    parent = subprocess.Popen([sys.executable, str(tmp_path / "run.py")], stdout=subprocess.PIPE, text=True)
    try:
        workers = [int(pid) for pid in parent.stdout.readline().split()]
        assert len(workers) == 2 and all(_alive(pid) for pid in workers)
        parent.kill()
        parent.wait()
        deadline = time.monotonic() + 20
        while any(_alive(pid) for pid in workers) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert not [pid for pid in workers if _alive(pid)]
    finally:
        parent.kill()
        for pid in workers if "workers" in locals() else []:
            if _alive(pid):
                os.kill(pid, signal.SIGKILL)
