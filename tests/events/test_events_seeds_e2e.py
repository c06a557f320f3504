"""End to end over ../shared/corpus/seeds: ingest with the real pipeline resolves the cruise-missile
test into one event from two documents, the troop deployment into one long-running event, and
the deployment's claim series comes out by source and report date."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from nkwatch.cli import cli

pytestmark = [pytest.mark.e2e, pytest.mark.model]


@pytest.fixture(scope="module")
def seeds_db(shared, tmp_path_factory) -> str:
    db = str(tmp_path_factory.mktemp("seeds") / "seeds.db")
    result = CliRunner().invoke(cli, ["--db", db, "ingest", str(shared / "corpus" / "seeds")])
    assert result.exit_code == 0, result.output
    return db


def run(db: str, *args: str):
    return CliRunner(env={"COLUMNS": "200"}).invoke(cli, ["--db", db, *args], catch_exceptions=False)


def test_one_event_per_real_world_happening(seeds_db):
    tests = json.loads(run(seeds_db, "events", "--type", "weapons_test", "--weapon-class", "cruise",
                           "--json").stdout)
    cruise = [e for e in tests if e["date_value"] == "2025-02-26"]
    assert len(cruise) == 1 and cruise[0]["documents"] == 2
    deployment = json.loads(run(seeds_db, "events", "show", "dprk-troops-russia", "--json").stdout)
    assert len({m["doc"] for m in deployment["members"]}) >= 4


def _series(db: str, *properties: str) -> list[tuple]:
    points = json.loads(run(db, "claims", "series", *properties, "--event", "dprk-troops-russia",
                            "--json").stdout)
    return [(p["property"], p["value"], p["source"], p["report_date"], p["report_date_method"]) for p in points]


def test_troop_claim_series(seeds_db):
    assert _series(seeds_db, "troops", "reinforcements", "killed") == [
        ("troops", 10000, "intelligence agencies", "2025-03-21", "inferred"),
        ("troops", 11000, "Ukrainian officials", "2025-04-28", "header"),
        ("reinforcements", 3000, "Ukrainian officials", "2025-04-28", "header"),
        ("troops", 15000, "South Korean assessments", None, "unknown"),
        ("killed", 600, "South Korean assessments", None, "unknown"),
    ]
    table = run(seeds_db, "claims", "series", "troops", "--event", "dprk-troops-russia").stdout
    assert ">10,000" in table and "2025-03-21 (inferred)" in table and "~15,000" in table and "undated" in table


def test_troop_claim_bounds(seeds_db):
    points = json.loads(run(seeds_db, "claims", "series", "troops", "killed", "--event", "dprk-troops-russia",
                            "--json").stdout)
    assert [p["shown"] for p in points] == [">10,000", "~11,000", "~15,000", "~600"]


def test_reinforcements_are_approximate(seeds_db):
    points = json.loads(run(seeds_db, "claims", "series", "reinforcements", "--event", "dprk-troops-russia",
                            "--json").stdout)
    assert [p["shown"] for p in points] == ["~3,000"]
