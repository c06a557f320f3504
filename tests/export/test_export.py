"""Exports read back with csv / json / pyarrow (and load_reference for the CNS layout): columns,
row counts, sources and evidence on every row, GeoJSON structure."""
from __future__ import annotations

import csv
import io
import json
from datetime import date

import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from nkwatch.cli import cli
from nkwatch.export import CNS_COLUMNS, KINDS, SCHEMAS, export
from nkwatch.reference import load_reference
from nkwatch.resolve_run import Resolver

from events.invented import TEXTS, Reports
from nkwatch.export import all_events, event_rows

CNS_CLASSES = {"icbm", "irbm", "mrbm", "srbm", "ballistic_unspecified", "hypersonic", "slbm", "space_launch"}
COUNTS = {"events": 4, "claims": 4, "mentions": 6}  # 2 launches merged, 2 troop reports in one event


def _read(path, fmt: str) -> tuple[list[str], list[dict]]:
    if fmt == "csv":
        with open(path, encoding="utf-8", newline="") as f:
            reader = csv.DictReader(f)
            return list(reader.fieldnames), list(reader)
    if fmt == "json":
        rows = json.loads(path.read_text(encoding="utf-8"))
        return list(rows[0]), rows
    table = pq.read_table(path)
    return table.schema.names, table.to_pylist()


@pytest.mark.parametrize("fmt", ["csv", "json", "parquet"])
@pytest.mark.parametrize("kind", KINDS)
def test_round_trip_columns_and_rows(store, settings, tmp_path, kind, fmt):
    path = tmp_path / f"{kind}.{fmt}"
    result = export(store, fmt, kind, path, settings)
    columns, rows = _read(path, fmt)
    assert columns == SCHEMAS[kind].names
    assert result.rows == len(rows) == COUNTS[kind]
    if fmt == "parquet":
        assert pq.read_schema(path).equals(SCHEMAS[kind])


def test_every_row_carries_sources_and_evidence(store, settings, tmp_path):
    export(store, "parquet", "events", tmp_path / "e.parquet", settings)
    events = pq.read_table(tmp_path / "e.parquet").to_pylist()
    launch = next(e for e in events if e["weapon_class"] == "srbm")
    assert launch["sources"] == ["Joint Chiefs of Staff", "KCNA"] and launch["count"] == 2
    assert launch["date"] == "2025-05-10" and launch["date_start"] == date(2025, 5, 10)
    assert json.loads(launch["fields"])["claim:range_km"]["disputed"] is True
    assert [e["url"] for e in launch["evidence"]] == ["https://news.example/jcs", "https://news.example/kcna"]
    for row in launch["evidence"]:
        name = row["document"].removesuffix(".txt")
        assert TEXTS[name][row["start"]:row["end"]] == row["text"] and row["published"]
    for kind in ("claims", "mentions"):
        export(store, "json", kind, tmp_path / f"{kind}.json", settings)
        for row in json.loads((tmp_path / f"{kind}.json").read_text(encoding="utf-8")):
            name = row["document"].removesuffix(".txt")
            assert TEXTS[name][row["start"]:row["end"]] == row["evidence_text"]
            assert row["source"] if kind == "claims" else row["sources"]
            assert row["event_id"]
    claims = json.loads((tmp_path / "claims.json").read_text(encoding="utf-8"))
    assert {c["property"]: c["event_id"] for c in claims}["troops"] == "dprk-troops-russia"


def test_csv_flattens_lists_and_keeps_evidence_as_json(store, settings):
    out = io.StringIO()
    export(store, "csv", "events", out, settings)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    launch = next(r for r in rows if r["weapon_class"] == "srbm")
    assert launch["sources"] == "Joint Chiefs of Staff; KCNA" and launch["disputed"] == "claim:range_km"
    assert [e["start"] for e in json.loads(launch["evidence"])] == [
        TEXTS["jcs"].index("North Korea fired"), TEXTS["kcna"].index("The missile bureau")]


def test_geojson_is_a_feature_collection_of_located_events(store, settings):
    out = io.StringIO()
    result = export(store, "geojson", "events", out, settings)
    collection = json.loads(out.getvalue())
    assert collection["type"] == "FeatureCollection" and isinstance(collection["features"], list)
    assert (result.rows, result.left_out) == (1, 3)  # only the East Sea launch has coordinates
    for feature in collection["features"]:
        assert set(feature) == {"type", "id", "geometry", "properties"} and feature["type"] == "Feature"
        geometry = feature["geometry"]
        assert geometry["type"] == "Point" and len(geometry["coordinates"]) == 2
        lon, lat = geometry["coordinates"]
        assert -180 <= lon <= 180 and -90 <= lat <= 90 and all(isinstance(x, float) for x in (lon, lat))
        assert isinstance(feature["properties"], dict)
    props = collection["features"][0]["properties"]
    assert (props["place"], props["place_precision"]) == ("East Sea", "sea")
    assert props["evidence"] and props["sources"] == ["Joint Chiefs of Staff", "KCNA"]
    assert collection["features"][0]["geometry"]["coordinates"] == [130.5, 39.5]


def test_cns_layout_one_row_per_missile(store, settings, tmp_path):
    path = tmp_path / "cns.csv"
    result = export(store, "cns", "events", path, settings, CNS_CLASSES)
    assert (result.rows, result.left_out, result.flagged) == (3, 2, 1)  # 2 SRBMs + 1 ICBM of unknown count
    with open(path, encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        assert tuple(reader.fieldnames) == CNS_COLUMNS
        rows = list(reader)
    srbm = [r for r in rows if r["Missile Type"] == "SRBM"]
    assert [r["Additional Information"].split(";")[0] for r in srbm] == ["missile 1 of 2", "missile 2 of 2"]
    assert "600 km (Joint Chiefs of Staff)" in srbm[0]["Distance Travelled"]
    assert "https://news.example/kcna" in srbm[0]["Source(s)"] and "KCNA" in srbm[0]["Source(s)"]
    icbm, = [r for r in rows if r["Missile Type"] == "ICBM"]
    assert "missile count unknown" in icbm["Additional Information"]
    read_back = load_reference(path, settings)
    assert [(r.date, r.weapon_class) for r in read_back] == [(date(2025, 5, 10), "srbm")] * 2 + [
        (date(2025, 10, 30), "icbm")]


def test_export_command(store, settings, tmp_path):
    runner = CliRunner()
    base = ["--db", settings.db, "export"]
    out = runner.invoke(cli, [*base, "--format", "json", "--claims"])
    assert out.exit_code == 0 and len(json.loads(out.stdout)) == 4 and "4 rows" in out.stderr
    geo = runner.invoke(cli, [*base, "--format", "geojson"])
    assert "3 events without coordinates left out" in geo.stderr
    assert runner.invoke(cli, [*base, "--format", "parquet"]).exit_code == 2
    assert runner.invoke(cli, [*base, "--format", "cns", "--mentions"]).exit_code == 2
    cns = runner.invoke(cli, [*base, "--format", "cns", "-o", str(tmp_path / "c.csv")])
    assert cns.exit_code == 0 and "3 rows" in cns.stderr
    assert Resolver.load(settings).rules.reference_classes == CNS_CLASSES


def test_conducted_by_in_every_export_and_cns_keeps_north_koreas_launches(store, settings, tmp_path):
    resolver = Resolver.load(settings)
    Reports(store, resolver).add("minuteman")
    rows = {r["weapon"]: r for r in event_rows(all_events(store))}
    assert rows["Minuteman III"]["conducted_by"] == ["United States"]
    assert [r.weapon for r in store.events(conducted_by="united states")] == ["Minuteman III"]
    assert "Minuteman III" not in [r.weapon for r in store.events(conducted_by="North Korea")]
    out = io.StringIO()
    export(store, "cns", "events", out, settings, resolver.rules.reference_classes, resolver.rules.reference_actors)
    cns = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert cns and all(r["Missile Name"] != "Minuteman III" for r in cns)
    path = tmp_path / "e.parquet"
    export(store, "parquet", "events", path, settings)
    assert ["United States"] in pq.read_table(path).column("conducted_by").to_pylist()
    mentions = io.StringIO()
    export(store, "csv", "mentions", mentions, settings)
    assert "United States" in {r["conducted_by"] for r in csv.DictReader(io.StringIO(mentions.getvalue()))}
