"""Claim series: values by source and report date, as points, table and JSON."""
import json
from datetime import date

from rich.console import Console

from nkwatch.resolve import claim_series, series_dicts, series_table

from .factories import claim

SLUG = "dprk-troops-russia"
DOCS = {"intel": date(2025, 3, 21), "kyiv": date(2025, 4, 28), "seoul": None, "other": date(2025, 1, 1)}
METHODS = {"intel": "inferred", "kyiv": "header", "seoul": "unknown", "other": "header"}


def claims():
    return [
        claim("seoul", "killed", 600, start=300, end=330, bound="approx", source="South Korean assessments",
              subject=SLUG),
        claim("seoul", "troops", 15000, start=200, end=240, bound="approx", source="South Korean assessments",
              subject=SLUG),
        claim("kyiv", "reinforcements", 3000, start=120, end=160, bound="approx", source="Ukrainian officials",
              subject=SLUG),
        claim("kyiv", "troops", 11000, start=80, end=110, bound="approx", source="Ukrainian officials",
              subject=SLUG),
        claim("intel", "troops", 10000, start=50, end=90, bound="ge", period="2024",
              source="South Korean and Western intelligence agencies", subject=SLUG),
        claim("other", "troops", 500, subject="dprk-arms-russia"),
        claim("other", "range_km", 1500, mention_id="m1", unit="km", source="KCNA"),
    ]


def test_series_in_report_date_order_with_undated_reports_last():
    points = claim_series(claims(), SLUG, ("troops", "reinforcements", "killed"), DOCS, METHODS)
    assert [(p.shown_date, p.property, p.shown_value, p.source) for p in points] == [
        ("2025-03-21 (inferred)", "troops", ">10,000", "South Korean and Western intelligence agencies"),
        ("2025-04-28", "troops", "~11,000", "Ukrainian officials"),
        ("2025-04-28", "reinforcements", "~3,000", "Ukrainian officials"),
        ("undated", "troops", "~15,000", "South Korean assessments"),
        ("undated", "killed", "~600", "South Korean assessments"),
    ]


def test_one_property_and_claims_of_event_members():
    assert [p.value for p in claim_series(claims(), SLUG, "troops", DOCS, METHODS)] == [10000, 11000, 15000]
    by_member = claim_series(claims(), None, None, DOCS, METHODS, mention_ids={"m1"})
    assert [(p.property, p.shown_value) for p in by_member] == [("range_km", "1,500 km")]


def test_json_and_table():
    points = claim_series(claims(), SLUG, None, DOCS, METHODS)
    dicts = series_dicts(points)
    assert json.loads(json.dumps(dicts)) == dicts
    assert dicts[0]["report_date"] == "2025-03-21" and dicts[0]["report_date_method"] == "inferred"
    assert dicts[-1]["report_date"] is None and dicts[0]["evidence"] == [50, 90]
    console = Console(record=True, width=160)
    console.print(series_table(points, title="troops"))
    text = console.export_text()
    assert ">10,000" in text and "Ukrainian officials" in text and "undated" in text


def test_ranges_and_units_are_shown():
    point = claim_series([claim("x", "flight_time_s", 7961, value_max=7973, unit="s", subject="e")],
                         "e", None, {}, {})[0]
    assert point.shown_value == "7,961–7,973 s" and point.shown_date == "undated"
