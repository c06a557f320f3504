"""Fixtures for the watch and alert tests: a scripted web site and a webhook receiver on loopback,
settings with short delays, timeouts and backoffs, and the invented articles' pipeline."""
from __future__ import annotations

import pytest

from nkwatch.settings import Settings

from .loopback import Hooks, Site

SECRET = "hook-secret-7c1e"
# What the tests change from the defaults: nothing waits long.
FAST = {"host_delay": 0.0, "fetch_timeout": 1.0, "fetch_retries": 3, "fetch_backoff": 0.02,
        "fetch_max_bytes": 256 * 1024, "alert_backoff": 0.05, "alert_attempts": 4}
# The same, as the environment of a `nkwatch` subprocess.
FAST_ENV = {"NKWATCH_HOST_DELAY": "0.02", "NKWATCH_FETCH_TIMEOUT": "2", "NKWATCH_FETCH_RETRIES": "3",
            "NKWATCH_FETCH_BACKOFF": "0.05", "NKWATCH_ALERT_BACKOFF": "0.1", "NKWATCH_ALERT_ATTEMPTS": "5"}


@pytest.fixture
def site():
    with Site() as running:
        yield running


@pytest.fixture
def hooks():
    with Hooks(SECRET) as running:
        yield running


@pytest.fixture
def fast(tmp_path) -> Settings:
    return Settings(db=str(tmp_path / "watch.db"), **FAST)

