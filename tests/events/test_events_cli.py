"""events / claims / timeline / extract / reconcile through click's CliRunner, over invented reports."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from nkwatch.cli import cli

from .invented import extraction
from .test_events_store import HandExtractor

# An invented reference sheet in the CNS layout: the 10 May launch (two missiles, launch time
# known: 22:30 UTC on 9 May is 10 May in Pyongyang) and a launch on 20 May nobody reported.
CNS_HEADER = ("F1,Date,Date Entered/Updated,Launch Time (UTC),Missile Name,Missile Type,Launch Agency/Authority,"
              "Facility Name,Facility Location,Other Name,Facility Latitude,Facility Longitude,Landing Location,"
              "Apogee,Distance Travelled,Confirmation Status,Test Outcome,Additional Information,Source(s)")
CNS_ROWS = ["1,9-May-25,,10:30:00 PM,KN-23,SRBM,,Coast Site,East County,,39.1,127.5,East Sea,50 km,600 km,"
            "Confirmed,Success,,https://news.example/jcs",
            "2,9-May-25,,10:31:00 PM,KN-23,SRBM,,Coast Site,East County,,39.1,127.5,East Sea,50 km,600 km,"
            "Confirmed,Success,,https://news.example/jcs",
            "3,20-May-25,,Unknown,Unknown,IRBM,,Unknown,Unknown,,,,,,,Unconfirmed,Unknown,,"]


@pytest.fixture
def db(settings, reports) -> str:
    reports.add("jcs", "kcna", "cruise", "troops1", "troops2")
    return settings.db


def run(db: str, *args: str):
    """The command's result; tables are drawn 200 columns wide, as on a wide terminal."""
    return CliRunner(env={"COLUMNS": "200"}).invoke(cli, ["--db", db, *args], catch_exceptions=False)


def test_events_list_filters_and_json(db):
    listed = json.loads(run(db, "events", "--type", "weapons_test", "--json").stdout)
    assert [(e["date_shown"], e["weapon_class"], e["documents"]) for e in listed] == [
        ("2025-05-10", "srbm", 2), ("2025-06-01", "cruise", 1)]
    assert [e["id"] for e in json.loads(run(db, "events", "--source", "KCNA", "--json").stdout)] == [listed[0]["id"]]
    assert json.loads(run(db, "events", "--weapon-class", "icbm", "--json").stdout) == []
    table = run(db, "events", "--since", "2025-06")
    assert table.exit_code == 0 and "cruise" in table.stdout and "srbm" not in table.stdout
    assert run(db, "events", "--since", "yesterday").exit_code == 1


def test_events_show_explains_fields_and_members(db):
    launch = json.loads(run(db, "events", "--type", "weapons_test", "--json").stdout)[0]["id"]
    shown = json.loads(run(db, "events", "show", launch, "--json").stdout)
    assert shown["disputed"] == ["claim:range_km"] and shown["fields"]["count"]["value"] == 2
    assert [m["explanation"]["rule"] for m in shown["members"]] == ["founded", "matched"]
    assert shown["members"][0]["document"]["url"] == "https://news.example/jcs"
    assert shown["members"][0]["evidence_text"].startswith("North Korea fired two short-range")
    assert sorted(c["evidence_text"] for c in shown["claims"]) == ["800 km", "about 600 km"]
    plain = run(db, "events", "show", launch[:8])
    assert plain.exit_code == 0 and "[disputed]" in plain.stdout and "matched" in plain.stdout
    assert run(db, "events", "show", "ev-nothing").exit_code == 1


def test_merge_and_split_commands(db):
    launch, cruise = [e["id"] for e in json.loads(run(db, "events", "--type", "weapons_test", "--json").stdout)]
    merged = run(db, "events", "merge", launch, cruise, "--note", "one salvo")
    assert merged.exit_code == 0 and "3 mention(s) from 3 document(s)" in merged.stdout
    cruise_mention = extraction("cruise").mentions[0].id
    split = run(db, "events", "split", launch, cruise_mention[:10])
    assert split.exit_code == 0 and "split into ev-split-" in split.stdout
    assert len(json.loads(run(db, "events", "--type", "weapons_test", "--json").stdout)) == 2
    assert run(db, "events", "merge", launch, "ev-nothing").exit_code == 1


def test_timeline_shows_precision_sources_and_disputes(db):
    rows = json.loads(run(db, "timeline", "--json").stdout)
    assert [(r["type"], r["date_shown"]) for r in rows] == [
        ("troop_deployment", "2025-03-01..2025-06-30 (long-running)"),
        ("weapons_test", "2025-05-10"), ("weapons_test", "2025-06-01")]
    assert rows[1]["sources"] == ["Joint Chiefs of Staff", "KCNA"] and rows[1]["disputed"] == ["claim:range_km"]
    table = run(db, "timeline", "--type", "weapons_test", "--until", "2025-05")
    assert table.exit_code == 0 and "2025-05-10" in table.stdout and "2025-06-01" not in table.stdout


def test_place_and_text_filters(db):
    def listed(*args):
        return [(e["type"], e["date_shown"]) for e in json.loads(run(db, *args, "--json").stdout)]
    assert listed("timeline", "--place", "east sea") == [("weapons_test", "2025-05-10")]
    assert listed("events", "--text", "TACTICAL BALLISTIC") == [("weapons_test", "2025-05-10")]  # evidence
    assert listed("timeline", "--text", "joint chiefs") == [("weapons_test", "2025-05-10")]      # a source
    assert listed("events", "--text", "no such words") == []


def test_claims_list_and_series(db):
    series = json.loads(run(db, "claims", "series", "troops", "reinforcements", "--event",
                            "dprk-troops-russia", "--json").stdout)
    assert [(p["property"], p["shown"], p["source"], p["report_date"]) for p in series] == [
        ("troops", "~12,000", "Ukrainian officials", "2025-06-05"),
        ("reinforcements", "3,000", "the spy agency", "2025-07-09")]
    assert series[0]["evidence_text"] == "about 12,000" and series[0]["document"] == "troops1.txt"
    table = run(db, "claims", "series", "troops", "--event", "dprk-troops-russia")
    assert table.exit_code == 0 and "~12,000" in table.stdout and "3,000" not in table.stdout
    listed = json.loads(run(db, "claims", "--property", "range_km", "--json").stdout)
    assert sorted(c["value"] for c in listed) == [600, 800] and all(c["event_id"] for c in listed)
    assert run(db, "claims", "series", "troops", "--event", "ev-nothing").exit_code == 1


def test_extract_command_reextracts_other_versions(db, monkeypatch):
    monkeypatch.setattr("nkwatch.cli.events.Pipeline", lambda settings: HandExtractor(version="test-2"))
    before = run(db, "timeline", "--json").stdout
    first = run(db, "extract")
    assert first.exit_code == 0 and "5 of 5 documents extracted" in first.stdout
    assert "0 of 0 documents" in run(db, "extract").stdout
    assert "5 of 5" in run(db, "extract", "--all").stdout
    def strip(rows):
        return [{k: v for k, v in r.items() if k not in ("updated_at", "resolver_version")} for r in json.loads(rows)]
    assert strip(run(db, "timeline", "--json").stdout) == strip(before)


def test_reconcile_against_an_invented_cns_sheet(db, tmp_path):
    sheet = tmp_path / "cns.csv"
    sheet.write_text("\n".join([CNS_HEADER, *CNS_ROWS]) + "\n", encoding="latin-1")
    result = json.loads(run(db, "reconcile", "--reference", str(sheet), "--since", "2025-05-01",
                            "--until", "2025-05-31", "--json").stdout)
    assert (result["reference_days"], result["matched_days"], result["day_recall"]) == (2, 1, 0.5)
    match, = result["matched"]
    assert (match["event"]["date"], len(match["rows"]), match["disagreements"]) == ("2025-05-10", 2, [])
    missed, = result["missed_reference_days"]
    assert missed["day"] == "2025-05-20" and "no extracted weapons test" in missed["reason"]
    plain = run(db, "reconcile", "--reference", str(sheet))
    assert plain.exit_code == 0 and "2025-05-20" in plain.stdout
    assert run(db, "reconcile", "--reference", str(tmp_path / "none.csv")).exit_code == 1
