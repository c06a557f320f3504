"""Suite-wide fixtures: where ../shared is, and a store that never touches the user's ./nkwatch.db."""
from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = (REPO / ".." / "shared").resolve()


@pytest.fixture(scope="session")
def shared() -> Path:
    if not SHARED.is_dir():
        pytest.fail(f"../shared is missing beside the checkout ({SHARED}); the end-to-end tests need it")
    return SHARED


@pytest.fixture(autouse=True)
def _isolated_db(tmp_path, monkeypatch):
    """Every test gets its own store path unless it sets one itself."""
    monkeypatch.setenv("NKWATCH_DB", str(tmp_path / "test.db"))
