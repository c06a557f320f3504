"""Fixtures for the store tests: a fresh SQLite store per test and invented articles."""
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
def settings(tmp_path) -> Settings:
    return Settings(db=str(tmp_path / "store.db"))


@pytest.fixture
def store(settings):
    with Store.open(settings) as opened:
        yield opened
