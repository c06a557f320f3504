"""Fixtures of the extractor tests."""
from __future__ import annotations

import pytest

from nkwatch.settings import Settings

from .helpers import FakeTagger


@pytest.fixture(scope="session")
def settings() -> Settings:
    return Settings()


@pytest.fixture(scope="session")
def extractor(settings):
    from nkwatch.nlp.extract import Extractor
    return Extractor(settings, tagger=FakeTagger())
