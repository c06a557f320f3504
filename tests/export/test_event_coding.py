"""PLOVER records and ACLED-style rows of six invented reports, written for these tests with
hand-built extractions, read back and checked field by field against what a person coding them by
hand with data/plover.toml and data/acled.toml would write."""
from __future__ import annotations

import csv
import io
import json
from datetime import date

import pytest

from nkwatch.export import ACLED_COLUMNS, export
from nkwatch.models import Claim, DateValue, Document, Extraction, Mention, Place, Span
from nkwatch.resolve.intervals import precision_of
from nkwatch.resolve_run import Resolver
from nkwatch.settings import Settings
from nkwatch.store import Store

# name: (text, publication day, evidence phrase, mention fields, killed)
REPORTS = {
    "launch": ("Seoul, March 3 -- North Korea fired a short-range ballistic missile into the East Sea on Monday, "
               "the Joint Chiefs of Staff said.", date(2025, 3, 3),
               "North Korea fired a short-range ballistic missile into the East Sea on Monday",
               dict(type="weapons_test", weapon_class="srbm", count=1, date="2025-03-03",
                    place=Place("East Sea", "sea", 40.0, 131.0), actors=["North Korea"],
                    sources=["Joint Chiefs of Staff"], conducted_by=["North Korea"], cues=["fired"]), None),
    "drill": ("Seoul, March 12 -- The United States and South Korea held joint drills this week, the "
              "allies said.", date(2025, 3, 12), "The United States and South Korea held joint drills this week",
              dict(type="military_exercise", date="2025-W11", actors=["United States", "South Korea"],
                   sources=["the allies"], conducted_by=["United States", "South Korea"], cues=["drills"]), None),
    "arms": ("Kyiv, April 2 -- North Korea shipped artillery shells to Russia in March, Ukrainian "
             "intelligence said.", date(2025, 4, 2), "North Korea shipped artillery shells to Russia in March",
             dict(type="arms_transfer", weapon_class="artillery", date="2025-03", actors=["North Korea", "Russia"],
                  sources=["Ukrainian intelligence"], conducted_by=["North Korea"], cues=["shipped"]), None),
    "battle": ("Kyiv, April 20 -- Russian artillery shelled Ukrainian positions in Kursk on April 19, "
               "killing 30 soldiers, the general staff said.", date(2025, 4, 20),
               "Russian artillery shelled Ukrainian positions in Kursk on April 19",
               dict(type="combat_operation", weapon_class="artillery", date="2025-04-19",
                    place=Place("Kursk Oblast", "area", 51.5, 36.0), actors=["Russia", "Ukraine"],
                    sources=["the general staff"], conducted_by=["Russia", "Ukraine"], cues=["shelled"]), 30.0),
    "balloons": ("Seoul, May 6 -- North Korea flew trash balloons across the border on May 5, the "
                 "military said.", date(2025, 5, 6), "North Korea flew trash balloons across the border on May 5",
                 dict(type="border_incident", date="2025-05-05", actors=["North Korea", "South Korea"],
                      sources=["the military"], conducted_by=["North Korea"], cues=["balloons"]), None),
    "parade": ("Pyongyang, Sept. 10 -- Kim Jong Un attended a military parade, state media reported.",
               date(2025, 9, 10), "Kim Jong Un attended a military parade",
               dict(type="ceremony", actors=["Kim Jong Un"], sources=["state media"], conducted_by=["North Korea"],
                    cues=["parade"]), None),
}


@pytest.fixture
def coded(tmp_path):
    settings = Settings(db=str(tmp_path / "coding.db"))
    resolver = Resolver.load(settings)
    with Store.open(settings) as store:
        for name, (text, published, phrase, fields, killed) in REPORTS.items():
            doc = Document(name=f"{name}.txt", text=text, published=published, published_method="header",
                           url=f"https://news.example/{name}", title=name.title())
            start = text.index(phrase)
            value = fields.pop("date", None)
            when = DateValue(value, precision_of(value), "explicit") if value else DateValue()
            mention = Mention(doc.hash, evidence=Span(start, start + len(phrase)), date=when, **fields)
            fields["date"] = value
            claims = [] if killed is None else [Claim(doc.hash, "killed", killed, Span(text.index("30"),
                                                text.index("30") + 11), source="the general staff",
                                                mention_id=mention.id)]
            doc_id = store.add_document(doc).document_id
            store.save_resolved(doc_id, Extraction(doc.hash, "test-1", [mention], claims), resolver)
        yield store, settings


def by_text(rows: list[dict], key: str) -> dict[str, dict]:
    """Rows by the report each came from (the evidence phrase their text holds)."""
    found = {}
    for row in rows:
        text = json.dumps(row[key])
        found.update({name: row for name, report in REPORTS.items() if report[2] in text})
    return found


def test_plover_records_field_by_field(coded, tmp_path):
    store, settings = coded
    path = tmp_path / "events.plover.jsonl"
    result = export(store, "plover", "events", path, settings)
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert (result.rows, result.left_out) == (len(records), 2) == (4, 2)  # no category: balloons; no date: parade
    found = by_text(records, "event_text")
    assert set(found) == {"launch", "drill", "arms", "battle"}
    expected = {
        "launch": dict(date="2025-03-03", enddate=None, date_precision="day", source=[("PRK", "North Korea")],
                       recipient=[], event=["MOBILIZE"], mode=["weapons"], context=["military"], quad_code=4,
                       event_scale=-5.3, event_loc={"name": "East Sea", "latitude": 40.0, "longitude": 131.0,
                                                    "precision": "sea"}),
        "drill": dict(date="2025-03-10", enddate="2025-03-16", date_precision="week",
                      source=[("USA", "United States"), ("KOR", "South Korea")], recipient=[], event=["COOPERATE"],
                      mode=[], context=["military"], quad_code=2, event_scale=6.8, event_loc=None),
        "arms": dict(date="2025-03-01", enddate="2025-03-31", date_precision="span",  # joined dprk-arms-russia
                     source=[("PRK", "North Korea")], recipient=[("RUS", "Russia")], event=["AID"], mode=["military"],
                     context=["military"], quad_code=2, event_scale=7.4, event_loc=None),
        "battle": dict(date="2025-04-19", enddate=None, date_precision="day",
                       source=[("RUS", "Russia"), ("UKR", "Ukraine")], recipient=[], event=["ASSAULT"],
                       mode=["heavy-weapons"], context=["military"], quad_code=4, event_scale=-9.3,
                       event_loc={"name": "Kursk Oblast", "latitude": 51.5, "longitude": 36.0, "precision": "area"}),
    }
    for name, fields in expected.items():
        record = found[name]
        for field, value in fields.items():
            got = record[field]
            if field in ("source", "recipient"):
                got = [(a["code"], a["actor_text"]) for a in got]
            assert got == value, (name, field)
        assert record["event_text"] == [REPORTS[name][2]]
        assert record["cite_info"] == [{"url": f"https://news.example/{name}", "title": name.title(),
                                        "publication": None, "date": REPORTS[name][1].isoformat()}]
        assert record["id"] and record["coder"].startswith("nkwatch ")
    assert found["launch"]["comment"] == "SRBM test, 2025-03-03"


def test_acled_rows_column_by_column(coded, tmp_path):
    store, settings = coded
    path = tmp_path / "events.acled.csv"
    result = export(store, "acled", "events", path, settings)
    with open(path, encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        assert tuple(reader.fieldnames) == ACLED_COLUMNS
        rows = list(reader)
    assert (result.rows, result.left_out) == (len(rows), 2) == (4, 2)  # parade: no date; arms: long-running
    found = {name: row for name, row in by_text(rows, "notes").items()}
    military = "Military Forces of {}".format
    expected = {  # event_date, year, time_precision, disorder_type, event_type, sub_event_type, actor1,
                  # assoc_actor_1, actor2, assoc_actor_2, location, latitude, longitude, geo_precision, source,
                  # fatalities
        "launch": ("2025-03-03", "2025", "1", "Strategic developments", "Strategic developments", "Other",
                   military("North Korea"), "", "", "", "East Sea", "40.0", "131.0", "3", "Joint Chiefs of Staff",
                   "0"),
        "drill": ("2025-03-10", "2025", "2", "Strategic developments", "Strategic developments", "Other",
                  military("United States"), military("South Korea"), "", "", "", "", "", "", "the allies", "0"),
        "battle": ("2025-04-19", "2025", "1", "Political violence", "Explosions/Remote violence",
                   "Shelling/artillery/missile attack", military("Russia"), "", military("Ukraine"), "",
                   "Kursk Oblast", "51.5", "36.0", "2", "the general staff", "30"),
        "balloons": ("2025-05-05", "2025", "1", "Strategic developments", "Strategic developments", "Other",
                     military("North Korea"), "", military("South Korea"), "", "", "", "", "", "the military", "0"),
    }
    columns = [c for c in ACLED_COLUMNS if c not in ("event_id_cnty", "notes")]
    for name, values in expected.items():
        assert [found[name][c] for c in columns] == list(values), name
        assert found[name]["notes"].endswith(REPORTS[name][2]) and found[name]["event_id_cnty"].startswith("ev-")
    assert found["battle"]["notes"].startswith("Combat operation (Artillery), 2025-04-19. Russian artillery")


def test_coded_exports_honour_filters_and_download(coded, tmp_path):
    store, settings = coded
    out = io.StringIO()
    result = export(store, "acled", "events", out, settings, filters={"type": "combat_operation"})
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert result.rows == len(rows) == 1 and rows[0]["event_type"] == "Explosions/Remote violence"
    with pytest.raises(ValueError, match="events only"):
        export(store, "plover", "claims", io.StringIO(), settings)


def test_export_command_codes_the_events_a_filter_keeps(coded, tmp_path):
    from click.testing import CliRunner

    from nkwatch.cli import cli
    store, settings = coded
    runner = CliRunner()
    out = runner.invoke(cli, ["--db", settings.db, "export", "--format", "plover", "--type", "weapons_test"])
    assert out.exit_code == 0, out.output
    assert [json.loads(line)["event"] for line in out.stdout.splitlines()] == [["MOBILIZE"]]
    assert "1 records (plover, events); 0 events of no PLOVER category" in out.stderr
    acled = runner.invoke(cli, ["--db", settings.db, "export", "--format", "acled"])
    assert "4 rows (acled, events); 2 events of unknown date" in acled.stderr
    refused = runner.invoke(cli, ["--db", settings.db, "export", "--format", "csv", "--claims", "--type", "ceremony"])
    assert refused.exit_code == 2 and "the filters select events" in refused.output
