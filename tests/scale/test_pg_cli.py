"""The CLI's store commands (tests/cli/test_cli_store_commands.py), run again with
``--db postgresql+psycopg://...``."""
from __future__ import annotations

import pytest

from .reuse import TESTS, adopt

pytestmark = pytest.mark.postgresql

adopt(globals(), TESTS / "cli" / "test_cli_store_commands.py")


@pytest.fixture
def db(pg_db_url) -> str:
    return pg_db_url
