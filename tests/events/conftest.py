"""Fixtures for the event tests: a fresh store, the packaged resolver, invented reports."""
from __future__ import annotations

import pytest

from nkwatch.settings import Settings
from nkwatch.store import Store

from .invented import Reports


@pytest.fixture
def settings(tmp_path) -> Settings:
    return Settings(db=str(tmp_path / "events.db"))


@pytest.fixture
def store(settings, day_counts_in_step):
    with Store.open(settings) as opened:
        yield opened
        day_counts_in_step(opened)


@pytest.fixture
def reports(store, resolver) -> Reports:
    return Reports(store, resolver)
