"""``nkwatch serve`` as a user starts it: a process on 127.0.0.1 over the store given by --db,
read-only unless NKWATCH_TOKEN is set."""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from click.testing import CliRunner

from nkwatch.cli import cli

NKWATCH = Path(sys.executable).with_name("nkwatch")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve(db: Path, port: int, **env) -> subprocess.Popen:
    environment = {k: v for k, v in os.environ.items() if k != "NKWATCH_TOKEN"} | env
    return subprocess.Popen([str(NKWATCH), "--db", str(db), "serve", "--port", str(port)], env=environment,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def wait_for(url: str, process: subprocess.Popen) -> httpx.Response:
    deadline = time.monotonic() + 30
    while True:
        try:
            return httpx.get(url)
        except httpx.TransportError:
            assert process.poll() is None, process.stderr.read()
            assert time.monotonic() < deadline, "nkwatch serve did not answer"
            time.sleep(0.1)


@pytest.mark.parametrize("token", [None, "s3cret"])
def test_serve_answers_on_localhost_over_the_store(tmp_path, token):
    port = free_port()
    process = serve(tmp_path / "empty.db", port, **({"NKWATCH_TOKEN": token} if token else {}))
    try:
        page = wait_for(f"http://127.0.0.1:{port}/events.json", process)
        assert page.status_code == 200 and page.json()["events"] == []
        write = httpx.post(f"http://127.0.0.1:{port}/api/events/merge", json={"events": ["a", "b"]},
                           headers={"authorization": f"Bearer {token}"} if token else {})
        assert write.status_code == (400 if token else 403)  # with the token: past the guard, unknown events
    finally:
        process.terminate()
        _, err = process.communicate(timeout=15)
    assert f"http://127.0.0.1:{port}/" in err
    assert ("read-only" in err) == (token is None)


def test_serve_refuses_a_store_it_cannot_open(tmp_path):
    result = CliRunner().invoke(cli, ["--db", str(tmp_path / "missing" / "x.db"), "serve", "--port", "1"])
    assert result.exit_code == 1 and "cannot open the store" in result.output
