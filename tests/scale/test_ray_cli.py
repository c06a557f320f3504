"""``nkwatch ingest --engine ray`` as a user runs it: the command starts a local Ray, extracts on
its actors, and leaves no Ray process and no file behind (session files, ~/.ray)."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from .articles import TEXTS

pytestmark = [pytest.mark.ray, pytest.mark.model, pytest.mark.slow]


def processes_mentioning(text: str) -> list[str]:
    found = []
    for entry in Path("/proc").iterdir():
        try:
            cmdline = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            continue
        if entry.name.isdigit() and text in cmdline:
            found.append(f"{entry.name}: {cmdline[:200]}")
    return found


@pytest.fixture
def short_temp():
    """A temporary folder short enough for Ray's socket paths (pytest's tmp_path is too deep)."""
    path = Path(tempfile.mkdtemp(prefix="nk-", dir="/tmp"))
    yield path
    shutil.rmtree(path, ignore_errors=True)


def test_a_ray_the_command_starts_is_gone_with_it(tmp_path, short_temp):
    folder, home, temp = tmp_path / "articles", tmp_path / "home", short_temp
    for path in (folder, home):
        path.mkdir()
    for name, text in TEXTS.items():
        (folder / f"{name}.txt").write_text(text + "\n", encoding="utf-8")
    env = {**os.environ, "HOME": str(home), "TMPDIR": str(temp)}
    for name in ("RAY_ADDRESS", "RAY_AUTH_MODE", "RAY_AUTH_TOKEN", "RAY_AUTH_TOKEN_PATH"):
        env.pop(name, None)
    done = subprocess.run(
        [sys.executable, "-c", "from nkwatch.cli import main; main()", "--db", str(tmp_path / "ray.db"),
         "ingest", "--engine", "ray", "--workers", "1", str(folder)],
        env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    assert f"│ extracted              │ {len(TEXTS)} │" in done.stdout
    assert list(temp.iterdir()) == [] and list(home.iterdir()) == []
    assert processes_mentioning(str(temp)) == []
