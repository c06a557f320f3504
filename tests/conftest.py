"""Suite-wide fixtures: where ../shared is, a store that never touches the user's ./nkwatch.db,
and PostgreSQL stores for the tests that run against a real server as well as SQLite.

Hypothesis (property and fuzz tests, ``tests/fuzz``): every test runs at most
``NKWATCH_FUZZ_EXAMPLES`` examples (default 60) with no deadline, and the failures it finds are kept
in ``.hypothesis/examples`` at the repository root, replayed first on the next run.

PostgreSQL fixtures need ``NKWATCH_TEST_PG_URL`` (``scripts/pg-start`` prints one); without it the
tests that use them are skipped with that reason (and ``.ci/run`` fails on skips). A test gets a
schema of its own, selected through the connection's ``search_path``: a new empty one
(``pg_db_url``, ``pg_settings``) or the session's migrated one, emptied (``pg_migrated_url``).
"""
from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import settings as hypothesis_settings
from hypothesis.database import DirectoryBasedExampleDatabase
from sqlalchemy import MetaData, create_engine
from sqlalchemy.engine import make_url

from nkwatch.pipeline import Pipeline
from nkwatch.resolve_run import Resolver
from nkwatch.settings import Settings
from nkwatch.store import Store

REPO = Path(__file__).resolve().parents[1]
SHARED = (REPO / ".." / "shared").resolve()

hypothesis_settings.register_profile(
    "nkwatch", max_examples=int(os.environ.get("NKWATCH_FUZZ_EXAMPLES", "60")), deadline=None,
    database=DirectoryBasedExampleDatabase(str(REPO / ".hypothesis" / "examples")))
hypothesis_settings.load_profile("nkwatch")


@pytest.fixture(scope="session")
def shared() -> Path:
    if not SHARED.is_dir():
        pytest.fail(f"../shared is missing beside the checkout ({SHARED}); the end-to-end tests need it")
    return SHARED


@pytest.fixture(scope="session")
def pipeline() -> Pipeline:
    """One extraction pipeline (one model load) for the suite's tests that need the real one."""
    return Pipeline(Settings())


@pytest.fixture(scope="session")
def resolver() -> Resolver:
    return Resolver.load(Settings())


@pytest.fixture
def day_counts_in_step():
    """A check that the timeline's day counts (store/day_counts.py, kept by triggers) are the events'
    own; the store and event fixtures run it after every test, whatever the test wrote."""
    return _day_counts_in_step


def _day_counts_in_step(store) -> None:
    from sqlalchemy import func, select

    from nkwatch.store import day_counts
    from nkwatch.store.schema import events
    with store.engine.connect() as conn:
        kept = sorted(day_counts.counts(conn), key=repr)
        day = func.coalesce(events.c.timeline_day, day_counts.NO_DAY)
        counted = conn.execute(select(events.c.type, day, func.count(), func.count(events.c.date_end))
                               .group_by(events.c.type, day))
        assert kept == sorted(((t, None if d == day_counts.NO_DAY else d, n, k) for t, d, n, k in counted), key=repr)


@pytest.fixture(autouse=True)
def _isolated_db(tmp_path, monkeypatch):
    """Every test gets its own store path unless it sets one itself."""
    monkeypatch.setenv("NKWATCH_DB", str(tmp_path / "test.db"))


# -- PostgreSQL --------------------------------------------------------------------------------

PG_ENV = "NKWATCH_TEST_PG_URL"


@pytest.fixture(scope="session")
def pg_url() -> str:
    url = os.environ.get(PG_ENV)
    if not url:
        pytest.skip(f"{PG_ENV} is not set (scripts/pg-start starts a server and prints the URL)")
    return url


@pytest.fixture(scope="session")
def pg_admin(pg_url):
    engine = create_engine(make_url(pg_url).set(drivername="postgresql+psycopg"))
    yield engine
    engine.dispose()


def _new_schema(admin, prefix: str) -> str:
    schema = f"{prefix}_{uuid.uuid4().hex[:12]}"
    with admin.begin() as conn:
        conn.exec_driver_sql(f'CREATE SCHEMA "{schema}"')
    return schema


def _drop_schema(admin, schema: str) -> None:
    with admin.begin() as conn:
        conn.exec_driver_sql(f'DROP SCHEMA "{schema}" CASCADE')


def _schema_url(pg_url: str, schema: str) -> str:
    """``pg_url`` with connections that see only ``schema`` (commits not waiting for the disk)."""
    options = f"-csearch_path={schema} -csynchronous_commit=off"
    return make_url(pg_url).update_query_dict({"options": options}).render_as_string(hide_password=False)


@pytest.fixture(scope="session")
def pg_schema(pg_url, pg_admin):
    """``with pg_schema(prefix) as url``: a URL whose connections see only a new, empty schema,
    dropped when the block ends (for fixtures of any scope)."""
    @contextmanager
    def schema_url(prefix: str = "nkwatch_test") -> Iterator[str]:
        schema = _new_schema(pg_admin, prefix)
        try:
            yield _schema_url(pg_url, schema)
        finally:
            _drop_schema(pg_admin, schema)
    return schema_url


@pytest.fixture
def pg_db_url(pg_schema, monkeypatch) -> Iterator[str]:
    """A URL whose connections see only a new, empty schema (dropped after the test); also set
    as NKWATCH_DB for code that reads its settings from the environment."""
    with pg_schema() as url:
        monkeypatch.setenv("NKWATCH_DB", url)
        yield url


@dataclass(frozen=True)
class _MigratedSchema:
    name: str
    tables: list[str]     # children before parents: the order rows can be deleted in
    sequences: list[str]


@pytest.fixture(scope="session")
def _pg_migrated_schema(pg_url, pg_admin):
    schema = _new_schema(pg_admin, "nkwatch_test_migrated")
    with Store.open(Settings(db=_schema_url(pg_url, schema))):
        pass
    reflected = MetaData()
    reflected.reflect(pg_admin, schema=schema)
    with pg_admin.connect() as conn:
        sequences = conn.exec_driver_sql(
            "SELECT sequencename FROM pg_sequences WHERE schemaname = %(schema)s",
            {"schema": schema}).scalars().all()
    tables = [t.name for t in reversed(reflected.sorted_tables) if t.name != "alembic_version"]
    # the event counts last: the triggers on events count the events deleted before them out
    tables.sort(key=lambda name: name == "event_day_counts")
    try:
        yield _MigratedSchema(schema, tables, sequences)
    finally:
        _drop_schema(pg_admin, schema)


@pytest.fixture
def pg_migrated_url(pg_url, pg_admin, _pg_migrated_schema, monkeypatch) -> str:
    """Like ``pg_db_url``, but a schema migrated to head once per session and emptied (every
    table but alembic's, ids restarted) before each test: saves a migration per test."""
    schema = _pg_migrated_schema
    with pg_admin.begin() as conn:  # DELETE: far quicker than TRUNCATE on a few rows
        for table in schema.tables:
            conn.exec_driver_sql(f'DELETE FROM "{schema.name}"."{table}"')
        for sequence in schema.sequences:
            conn.exec_driver_sql(f'ALTER SEQUENCE "{schema.name}"."{sequence}" RESTART')
    url = _schema_url(pg_url, schema.name)
    monkeypatch.setenv("NKWATCH_DB", url)
    return url


@pytest.fixture
def pg_settings(pg_db_url) -> Settings:
    return Settings(db=pg_db_url)


def _forbidden_skips(config) -> int:
    """With NKWATCH_TEST_NO_SKIPS=1 (set by .ci/run), a skipped test fails the run: in CI every
    service a test needs (PostgreSQL, Chromium, Ray) is installed, so a skip means lost coverage.
    An expected failure (xfail) counts as a skip: a known defect is a failing test, not a pass.
    The number of skips and xfails that break that rule (0 when it does not apply)."""
    if os.environ.get("NKWATCH_TEST_NO_SKIPS") != "1":
        return 0
    stats = config.pluginmanager.get_plugin("terminalreporter").stats
    return len(stats.get("skipped", [])) + len(stats.get("xfailed", []))


def pytest_sessionfinish(session, exitstatus):
    if exitstatus == 0 and _forbidden_skips(session.config):
        session.exitstatus = 1


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    if skipped := _forbidden_skips(config):
        terminalreporter.write_line(f"NKWATCH_TEST_NO_SKIPS=1: {skipped} test(s) skipped or xfailed; failing the run",
                                    red=True)
