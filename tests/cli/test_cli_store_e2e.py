"""The seed articles in ../shared through `nkwatch ingest --no-extract`, twice."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from nkwatch.cli import cli


@pytest.mark.e2e
def test_seed_articles_ingest_once(shared, tmp_path):
    seeds = shared / "corpus" / "seeds"
    db = str(tmp_path / "seeds.db")
    count = len(list(seeds.glob("*.txt")))
    first = CliRunner().invoke(cli, ["--db", db, "ingest", str(seeds), "--no-extract"])
    assert first.exit_code == 0, first.output
    listed = json.loads(CliRunner().invoke(cli, ["--db", db, "docs", "--json"]).stdout)
    assert len(listed) == count and all(d["revision"] == 1 for d in listed)
    texts = {p.name: p.read_bytes().decode("utf-8") for p in seeds.glob("*.txt")}
    for row in listed:  # stored byte-exact
        shown = json.loads(CliRunner().invoke(cli, ["--db", db, "docs", "show", str(row["id"]), "--json"]).stdout)
        assert shown["document"]["text"] == texts[row["name"]]
    again = CliRunner().invoke(cli, ["--db", db, "ingest", str(seeds), "--no-extract"])
    assert again.exit_code == 0 and json.loads(
        CliRunner().invoke(cli, ["--db", db, "docs", "--json"]).stdout) == listed
    hits = json.loads(CliRunner().invoke(cli, ["--db", db, "search", "missile", "--json"]).stdout)
    assert hits and all(h["snippet"] for h in hits)
