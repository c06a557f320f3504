"""Fixtures for the export tests: a store holding the invented reports of tests/events, resolved."""
from __future__ import annotations

import pytest

from nkwatch.resolve_run import Resolver
from nkwatch.settings import Settings
from nkwatch.store import Store

from events.invented import Reports


@pytest.fixture
def settings(tmp_path) -> Settings:
    return Settings(db=str(tmp_path / "export.db"))


@pytest.fixture
def store(settings):
    with Store.open(settings) as opened:
        Reports(opened, Resolver.load(settings)).add("jcs", "kcna", "cruise", "troops1", "troops2", "icbm")
        yield opened
