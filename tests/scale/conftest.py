"""Fixtures for the scale tests: a local Ray that is shut down and whose files are removed
afterwards. (The PostgreSQL fixtures are suite-wide, in tests/conftest.py.)"""
from __future__ import annotations

import os
import secrets
import tempfile
from pathlib import Path

import pytest

RAY_ENV = ("RAY_AUTH_TOKEN", "RAY_USAGE_STATS_ENABLED")


@pytest.fixture(scope="session")
def local_ray():
    """``ray.init(num_cpus=2)`` on this machine with its session files in a temporary folder,
    shut down and removed at the end of the session (one start for every test that needs it).
    A token of the session's own keeps Ray from writing one to ~/.ray."""
    ray = pytest.importorskip("ray")
    from nkwatch.engines.ray_engine import remove_tree
    temp = Path(tempfile.mkdtemp(prefix="nkwatch-ray-"))
    saved = {name: os.environ.get(name) for name in RAY_ENV}
    os.environ.update({"RAY_AUTH_TOKEN": secrets.token_hex(32), "RAY_USAGE_STATS_ENABLED": "0"})
    try:
        ray.init(num_cpus=2, include_dashboard=False, _temp_dir=str(temp), log_to_driver=False,
                 configure_logging=False)
        yield ray
    finally:  # also when the start failed half-way
        ray.shutdown()
        remove_tree(temp)
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
