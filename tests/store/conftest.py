"""Fixtures for the store tests: invented articles, and a fresh store per test on every backend:
each test that uses ``settings`` (or ``store``) runs on SQLite and on PostgreSQL (marker
``postgresql``: needs NKWATCH_TEST_PG_URL, see tests/conftest.py). Tests of one backend's own
features use ``sqlite_settings`` / ``pg_settings`` instead."""
from __future__ import annotations

import pytest

from nkwatch.settings import Settings
from nkwatch.store import Store

# Invented news-style texts, written for these tests.
ARTICLES = {
    "launch": ("Seoul, March 4 -- North Korea fired two short-range ballistic missiles off its east "
               "coast on Tuesday, South Korea's Joint Chiefs of Staff said. The missiles flew about "
               "350 km before falling into the sea."),
    "drill": ("Washington, June 9 -- South Korean and American troops began a ten-day combined "
              "exercise near the border, the defence ministry announced, calling the drills defensive."),
    "meeting": ("Moscow, Nov. 2 -- The foreign ministers of Russia and North Korea met in the Kremlin "
                "to discuss cooperation, state media reported."),
}


@pytest.fixture
def articles() -> dict[str, str]:
    return dict(ARTICLES)


@pytest.fixture
def sqlite_settings(tmp_path) -> Settings:
    return Settings(db=str(tmp_path / "store.db"))


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgresql)])
def settings(request) -> Settings:
    """A new store on each backend. On PostgreSQL, tests that use ``store`` share the session's
    migrated schema (emptied before each); those that open or migrate the store themselves get a
    new empty schema."""
    if request.param == "sqlite":
        return request.getfixturevalue("sqlite_settings")
    name = "pg_migrated_url" if "store" in request.fixturenames else "pg_db_url"
    return Settings(db=request.getfixturevalue(name))


@pytest.fixture
def store(settings, day_counts_in_step):
    with Store.open(settings) as opened:
        yield opened
        day_counts_in_step(opened)
