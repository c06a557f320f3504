"""The export tests (tests/export: every kind and format, and the export command) run again
against PostgreSQL."""
from __future__ import annotations

import pytest

from nkwatch.settings import Settings

from .reuse import TESTS, adopt

pytestmark = pytest.mark.postgresql

adopt(globals(), TESTS / "export" / "conftest.py")
adopt(globals(), TESTS / "export" / "test_export.py")


@pytest.fixture
def settings(pg_db_url) -> Settings:
    return Settings(db=pg_db_url)
