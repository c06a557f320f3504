"""Ingest killed with SIGKILL at several points (while reading, while a document is stored,
while extracting, while an extraction is stored), then run again: the store passes SQLite's
integrity checks (the tables and both full-text indexes) and holds exactly what one clean run
stores. The killed run is a fork of this process (the model already loaded), which kills itself
when its run reaches the point."""
from __future__ import annotations

import os
import shutil
import signal
import sqlite3

import pytest

from nkwatch.ingest import run as ingest_run
from nkwatch.engines import inprocess
from nkwatch.ingest.run import ingest
from nkwatch.pipeline import Pipeline
from nkwatch.settings import Settings
from nkwatch.store import Store
from nkwatch.store import documents as doc_sql
from nkwatch.store import store as store_module
from nkwatch.store.evidence_index import TABLE as EVIDENCE_FTS
from nkwatch.store.fts import TABLE as DOCUMENTS_FTS

pytestmark = [pytest.mark.model, pytest.mark.e2e, pytest.mark.slow]

TABLES = ("documents", "mentions", "mention_sources", "claims", "events", "event_members", "decisions")
WHEN = ("ingested_at", "created_at", "updated_at", "at")  # when it happened differs between runs


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline(Settings())


@pytest.fixture(scope="module")
def corpus(shared, tmp_path_factory):
    """The seeds and 13 news articles: more documents than one extraction chunk of a worker (16)."""
    root = tmp_path_factory.mktemp("crash-corpus")
    shutil.copytree(shared / "corpus" / "seeds", root / "seeds")
    (root / "news").mkdir()
    for path in sorted((shared / "corpus" / "news").glob("*.txt"))[:13]:
        shutil.copy(path, root / "news" / path.name)
    return root


def run(db, corpus, pipeline) -> ingest_run.IngestReport:
    with Store.open(Settings(db=str(db))) as store:
        return ingest([str(corpus)], store, pipeline)


def tables(db) -> dict[str, list]:
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        for fts in (DOCUMENTS_FTS, EVIDENCE_FTS):  # raises when an index and its table disagree
            conn.execute(f"INSERT INTO {fts}({fts}) VALUES ('integrity-check')")
        out = {}
        for table in TABLES:
            cursor = conn.execute(f"SELECT * FROM {table}")
            keep = [i for i, d in enumerate(cursor.description) if d[0] not in WHEN]
            out[table] = sorted((tuple(row[i] for i in keep) for row in cursor), key=repr)
        return out


@pytest.fixture(scope="module")
def clean(corpus, pipeline, tmp_path_factory):
    db = tmp_path_factory.mktemp("clean") / "clean.db"
    report = run(db, corpus, pipeline)
    assert report.ok and report.documents == report.extracted == 18
    return tables(db)


def kill() -> None:
    os.kill(os.getpid(), signal.SIGKILL)


def after_call(calls: int, original):
    """``original``, killing this process when its ``calls``-th call has run: inside the write
    transaction that would store its work, before the commit."""
    count = [0]

    def wrapped(*args, **kwargs):
        result = original(*args, **kwargs)
        count[0] += 1
        if count[0] == calls:
            kill()
        return result
    return wrapped


def after_items(calls: int, items: int, original):
    """``original`` (a generator function), killing this process once its ``calls``-th call has
    yielded ``items`` items."""
    count = [0]

    def wrapped(*args):
        count[0] += 1
        for n, item in enumerate(original(*args)):
            if count[0] == calls and n == items:
                kill()
            yield item
    return wrapped


def in_the_second_chunk(pipeline) -> None:
    """Extract in chunks of 16 (as worker processes take them; in one process they hold 64, more
    than the corpus) and die in the second one, once the first chunk's extractions are stored."""
    inprocess.CHUNK = 16  # in the forked run only
    pipeline.extract_many = after_items(2, 1, pipeline.extract_many)


# point -> what to change in the forked run (its pipeline given), so that the run dies there
POINTS = {
    "read": lambda p: setattr(p, "read", after_items(1, 10, p.read)),  # the 10th of 18 documents read
    "store a document": lambda p: setattr(doc_sql, "AddResult", after_call(12, doc_sql.AddResult)),
    "extract": lambda p: in_the_second_chunk(p),
    "store an extraction": lambda p: setattr(store_module.ext_sql, "replace",
                                             after_call(14, store_module.ext_sql.replace)),
}


@pytest.mark.parametrize("point", POINTS)
def test_an_ingest_killed_then_resumed_equals_a_clean_run(point, corpus, pipeline, clean, tmp_path):
    db = tmp_path / "killed.db"
    child = os.fork()
    if child == 0:  # the run to kill: never returns into pytest
        try:
            POINTS[point](pipeline)
            run(db, corpus, pipeline)
        finally:
            os._exit(3)  # reached only if the point was never reached
    _, status = os.waitpid(child, 0)
    assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL, f"the run ended with {status}"
    killed = tables(db)  # intact right after the kill too
    assert killed != clean and (point == "read") == (killed["documents"] == [])
    report = run(db, corpus, pipeline)
    assert report.ok, report.failures
    assert tables(db) == clean
