"""The event tests (tests/events: resolution in the store, manual decisions, and the events,
claims, timeline, extract and reconcile commands) and the export tests (tests/export, with the
export command) run again against PostgreSQL."""
from __future__ import annotations

import pytest

from nkwatch.settings import Settings

from .reuse import TESTS, adopt

pytestmark = pytest.mark.postgresql

# Tests that build a SQLite file of their own (an old schema revision, a tmp_path store).
SQLITE_ONLY = frozenset({"test_migrates_up_from_0001_keeping_stored_documents"})

adopt(globals(), TESTS / "events" / "conftest.py")
adopt(globals(), TESTS / "events" / "test_events_store.py", SQLITE_ONLY)
adopt(globals(), TESTS / "events" / "test_events_cli.py")


@pytest.fixture
def settings(pg_db_url) -> Settings:
    return Settings(db=pg_db_url)
