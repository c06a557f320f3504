"""The extracting commands on each engine store what one process stores: ``ingest --workers 2``,
``ingest --no-extract`` then ``extract --workers 2``, and ``ingest --engine ray`` (on the test's
local Ray); each document is extracted once."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from nkwatch.cli import cli

from .articles import TEXTS

pytestmark = pytest.mark.model

TIMESTAMPS = ("created_at", "updated_at")


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    root = tmp_path_factory.mktemp("articles")
    for name, text in TEXTS.items():
        (root / f"{name}.txt").write_text(text + "\n", encoding="utf-8")
    return root


def run(db, *args: str):
    result = CliRunner().invoke(cli, ["--db", str(db), *args], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result


def extracted_count(output: str) -> int:
    for line in output.splitlines():
        cells = [c.strip() for c in line.strip("│| ").split("│")]
        if len(cells) == 2 and cells[0] == "extracted":
            return int(cells[1])
    raise AssertionError(f"no extracted count in {output}")


def contents(db) -> dict:
    """What the store holds, as the commands show it (timestamps left out)."""
    events = json.loads(run(db, "events", "--json").stdout)
    return {"events": [{k: v for k, v in e.items() if k not in TIMESTAMPS} for e in events],
            "claims": json.loads(run(db, "claims", "--json").stdout),
            "docs": [(d["name"], d["mentions"]) for d in json.loads(run(db, "docs", "--json").stdout)]}


@pytest.fixture(scope="module")
def one_process(folder, tmp_path_factory) -> dict:
    db = tmp_path_factory.mktemp("one") / "one.db"
    assert extracted_count(run(db, "ingest", str(folder)).stdout) == len(TEXTS)
    found = contents(db)
    assert found["events"] and found["claims"]  # the articles do report events and numbers
    return found


def test_ingest_on_two_worker_processes(folder, tmp_path, one_process):
    db = tmp_path / "two.db"
    assert extracted_count(run(db, "ingest", "--workers", "2", str(folder)).stdout) == len(TEXTS)
    assert contents(db) == one_process
    assert extracted_count(run(db, "ingest", "--workers", "2", str(folder)).stdout) == 0  # nothing twice


def test_extract_on_two_worker_processes(folder, tmp_path, one_process):
    db = tmp_path / "later.db"
    run(db, "ingest", "--no-extract", str(folder))
    first = run(db, "extract", "--workers", "2")
    assert f"{len(TEXTS)} of {len(TEXTS)} documents extracted" in first.stdout
    assert "0 of 0 documents" in run(db, "extract", "--workers", "2").stdout
    assert contents(db) == one_process


@pytest.mark.ray
def test_ingest_on_ray_actors(folder, tmp_path, one_process, local_ray):
    db = tmp_path / "ray.db"
    assert extracted_count(run(db, "ingest", "--engine", "ray", "--workers", "2", str(folder)).stdout) == len(TEXTS)
    assert contents(db) == one_process
    assert local_ray.is_initialized()  # a Ray the command did not start is left running


def test_address_goes_with_the_ray_engine(folder, tmp_path):
    result = CliRunner().invoke(cli, ["--db", str(tmp_path / "x.db"), "ingest", "--address", "auto",
                                      str(folder)])
    assert result.exit_code == 2 and "--address goes with --engine ray" in result.output
