"""The web app's pure helpers on small invented inputs: text segments with kept, boilerplate and
evidence spans, the chart geometry, how dates, values and URLs are shown, upload names."""
from __future__ import annotations

from datetime import date, datetime

import pytest

from nkwatch.models import Boilerplate, Document, Span
from nkwatch.resolve import FieldChoice, SourcedValue
from nkwatch.store import EventRow
from nkwatch.web.chart import HEIGHT, WIDTH, nice_step, series_chart
from nkwatch.display import number
from nkwatch.names import Names
from nkwatch.settings import Settings
from nkwatch.web.present import MARKER_RADIUS, date_label, event_date, event_summary, safe_url
from nkwatch.web.routes.common import shown
from nkwatch.web.routes.events import field_facts
from nkwatch.web.routes.writes import upload_name
from nkwatch.web.segments import Mark, snippet_segments, text_segments

NAMES = Names.load(Settings())
TEXT = "Share this! North Korea fired a missile. It flew 600 km. Subscribe now."
#       0          11                          40                 56


def doc(kept=(), boilerplate=()) -> Document:
    return Document(name="invented.txt", text=TEXT, kept=list(kept), boilerplate=list(boilerplate))


def test_segments_cover_the_text_and_mark_boilerplate_and_evidence():
    cleaned = doc(kept=[Span(12, 56)], boilerplate=[Boilerplate(Span(0, 12), "share"),
                                                    Boilerplate(Span(57, len(TEXT)), "subscribe")])
    marks = [Mark(Span(12, 40), "mention", "m1"), Mark(Span(49, 55), "claim", "c1"), Mark(Span(12, 24), "claim", "c2")]
    segments = text_segments(cleaned, marks)
    assert "".join(s["text"] for s in segments) == TEXT
    assert all(a["end"] == b["start"] for a, b in zip(segments, segments[1:]))
    by_text = {s["text"]: s for s in segments}
    assert by_text["Share this! "]["boilerplate"] == "share"
    assert by_text["Subscribe now."]["boilerplate"] == "subscribe"
    assert by_text[" "]["boilerplate"] == ""  # outside the kept spans, no rule named
    assert by_text["North Korea "] | {"kinds": ("claim", "mention"), "first": ("m1", "c2")} == by_text["North Korea "]
    assert by_text["fired a missile."]["kinds"] == ("mention",) and by_text["fired a missile."]["first"] == ()
    assert by_text["600 km"]["ids"] == ("c1",) and by_text["600 km"]["boilerplate"] is None


def test_a_document_never_cleaned_is_all_kept():
    segments = text_segments(doc(), [Mark(Span(50, 80), "claim", "c")])  # a span past the end is cut
    assert [s["boilerplate"] for s in segments] == [None, None]
    assert segments[-1]["text"] == TEXT[50:] and "".join(s["text"] for s in segments) == TEXT


def test_snippet_segments():
    assert snippet_segments("…the **missile** flew **far**", "**") == [
        {"text": "…the ", "hit": False}, {"text": "missile", "hit": True}, {"text": " flew ", "hit": False},
        {"text": "far", "hit": True}]


@pytest.mark.parametrize("value, precision, bound, text", [
    ("2025-02-26", "day", "on", "2025-02-26"), ("2025-02", "month", "on", "2025-02 (month)"),
    ("2025-W11", "week", "on_or_before", "on or before 2025-W11 (week)"), (None, None, None, "undated")])
def test_dates_are_shown_at_their_precision(value, precision, bound, text):
    assert date_label(value, precision, bound)["text"] == text


def row(**changes) -> EventRow:
    values = dict(id="ev-1", type="weapons_test", label=None, long_running=None, date_value="2025-05", date_precision="month",
                  date_bound="on", date_start=date(2025, 5, 1), date_end=date(2025, 5, 31), weapon="KN-23",
                  weapon_class="srbm", count=2, place="East Sea", lat=39.5, lon=130.5, place_precision="sea",
                  disputed=[], sources=["KCNA"], actors=["North Korea"], conducted_by=["North Korea"], documents=1, mentions=1, first_report=None, last_report=None,
                  resolver_version="r", created_at=datetime(2025, 1, 1), updated_at=datetime(2025, 1, 1))
    return EventRow(**{**values, **changes})


def test_event_summary():
    summary = event_summary(row(), NAMES)
    assert summary["what"] == "2 x KN-23 / SRBM" and summary["radius"] == MARKER_RADIUS["sea"]
    assert summary["type_name"] == "Weapons test" and summary["headline"] == "SRBM test (KN-23), 2025-05 (month)"
    assert summary["date_shown"]["text"] == "2025-05 (month)" and summary["date_start"] == "2025-05-01"
    assert event_summary(row(place_precision=None), NAMES)["radius"] > MARKER_RADIUS["site"]
    assert event_summary(row(label="Troops abroad"), NAMES)["what"] == "Troops abroad"
    talks = row(type="diplomatic_engagement", weapon=None, weapon_class=None, count=None,
                actors=["Russia", "North Korea", "Vladimir Putin", "Kim Jong Un"])
    assert event_summary(talks, NAMES)["what"] == "Russia, North Korea, Vladimir Putin"
    assert event_summary(row(weapon=None, weapon_class=None, actors=[]), NAMES)["what"] == ""
    long = event_date(row(long_running="troops", date_start=date(2024, 10, 1), date_end=date(2025, 4, 28)))
    assert long["text"] == "2024-10-01..2025-04-28 (long-running)"  # as the CLI shows it


def test_numbers_and_claim_values():
    assert (number(12000.0), number(2.5), number(None)) == ("12,000", "2.5", "")
    assert shown({"value": 10000.0, "value_max": None, "bound": "ge", "unit": None}) == ">10,000"
    assert shown({"value": 7961.0, "value_max": 7973.0, "bound": "eq", "unit": "s"}) == "7,961–7,973 s"
    assert shown({"value": 600.0, "value_max": None, "bound": "approx", "unit": "km"}) == "~600 km"
    assert (shown(["KCNA", "JCS"]), shown(None), shown(3)) == ("KCNA, JCS", "", "3")


@pytest.mark.parametrize("url, safe", [
    ("https://news.example/a", "https://news.example/a"), (" http://x.example ", "http://x.example"),
    ("javascript:alert(1)", None), (" JaVaScRiPt:alert(1)", None), ("data:text/html,<script>", None),
    ("//evil.example", None), (None, None)])
def test_only_http_urls_become_links(url, safe):
    assert safe_url(url) == safe


def test_field_facts_mark_the_chosen_value():
    date_choice = FieldChoice("2025-05-10", "most precise", [SourcedValue("2025-05", ["A"], ["m1"]),
                                                             SourcedValue("2025-05-10", ["B"], ["m2"])])
    facts = field_facts("date", date_choice)
    assert [v["chosen"] for v in facts["values"]] == [False, True] and facts["shown"] == "2025-05-10"
    claim = FieldChoice(600.0, "compatible", [SourcedValue({"value": 600.0, "value_max": None, "bound": "approx",
                                                            "unit": "km"}, ["JCS"], ["m1"])])
    assert field_facts("claim:range_km", claim)["shown"] == "~600 km"
    srbm = FieldChoice("srbm", "given", [SourcedValue("srbm", ["KCNA"], ["m1"])])
    assert field_facts("weapon_class", srbm, NAMES)["shown"] == "SRBM" and field_facts("weapon_class", srbm)["shown"] == "srbm"
    disputed = FieldChoice(None, "sources disagree", [SourcedValue({"value": 600.0, "value_max": None, "bound": "eq",
                                                                    "unit": "km"}, ["JCS"], ["m1"]),
                                                      SourcedValue({"value": 800.0, "value_max": None, "bound": "eq",
                                                                    "unit": "km"}, ["KCNA"], ["m2"])], True)
    facts = field_facts("claim:range_km", disputed)
    assert facts["disputed"] and facts["shown"] == "" and not any(v["chosen"] for v in facts["values"])


def test_nice_steps():
    assert [nice_step(x) for x in (11000, 100, 7, 0.4)] == [5000, 20, 2, 0.1]


def point(value, source, day, bound="eq", value_max=None):
    return {"value": value, "value_max": value_max, "bound": bound, "source": source, "report_date": day,
            "shown": str(value), "claim_id": f"{source}-{day}"}


def test_series_chart_places_points_by_date_and_value_one_line_per_source():
    chart = series_chart([point(10000, "A", "2025-01-10"), point(11000, "B", "2025-03-01"),
                          point(12000, "A", "2025-04-20", value_max=14000), point(15000, "B", None)])
    plot = chart["plot"]
    assert (chart["width"], chart["height"]) == (WIDTH, HEIGHT)
    a, b = chart["series"]
    assert (a["source"], b["source"]) == ("A", "B") and a["css"] != b["css"]
    xs = [p["x"] for p in a["points"]]
    assert plot["left"] < xs[0] < b["points"][0]["x"] < xs[1] < plot["right"]  # margins at both ends
    assert a["points"][0]["y"] > b["points"][0]["y"] > a["points"][1]["y"]  # higher value, higher up
    assert a["points"][1]["y2"] < a["points"][1]["y"]  # a range drawn up to its upper value
    assert a["line"] == " ".join(f"{p['x']},{p['y']}" for p in a["points"])
    assert [p["source"] for p in chart["undated"]] == ["B"]
    assert [t["label"] for t in chart["y_ticks"]][-1] == "15,000"
    assert all(plot["left"] <= t["x"] <= WIDTH for t in chart["x_ticks"]) and chart["x_ticks"]


def test_series_chart_of_one_day_or_no_dates():
    one = series_chart([point(5, "A", "2025-01-10")])
    (only,) = one["series"][0]["points"]
    assert one["plot"]["left"] < only["x"] < one["plot"]["right"]
    empty = series_chart([point(5, "A", None)])
    assert empty["series"] == [] and len(empty["undated"]) == 1


@pytest.mark.parametrize("given, expected", [
    ("report.txt", "report.txt"), ("../../etc/passwd", "passwd.txt"), ("a b<c>.html", "a_b_c_.html"),
    (".hidden.json", "hidden.json"), ("feed.xml", "feed.xml")])
def test_upload_names(given, expected):
    assert upload_name(given, b"x") == expected


def test_upload_without_a_name_is_named_by_its_content():
    assert upload_name(None, b"one") != upload_name(None, b"two")
    assert upload_name("", b"one").startswith("upload-") and upload_name("", b"one").endswith(".txt")


def test_an_event_of_unknown_date_shows_when_it_was_reported():
    undated = row(date_value=None, date_precision=None, date_bound=None, date_start=None, date_end=None,
                  first_report=date(2024, 11, 1))
    shown = event_summary(undated, NAMES)["date_shown"]
    assert shown["text"] == "reported 2024-11-01" and shown["value"] is None and shown["reported"] == "2024-11-01"
    assert event_summary(row(date_value=None, first_report=None), NAMES)["date_shown"]["text"] == "undated"


def test_every_stored_code_has_a_name():
    from nkwatch.models import EVENT_TYPES, PLACE_PRECISIONS, WEAPON_CLASSES
    assert set(NAMES.event_types) == set(EVENT_TYPES) and set(NAMES.place_precisions) == set(PLACE_PRECISIONS)
    assert set(NAMES.weapon_classes) == set(NAMES.tests) == set(WEAPON_CLASSES)


@pytest.mark.parametrize("changes, headline", [
    (dict(weapon="Hwasong-19", weapon_class="icbm", count=1, date_value="2024-10-31", date_precision="day"),
     "ICBM test (Hwasong-19), 2024-10-31"),
    (dict(weapon=None, weapon_class=None, date_value=None, date_start=None, first_report=date(2024, 11, 1)),
     "Weapons test, reported 2024-11-01"),
    (dict(type="diplomatic_engagement", weapon=None, weapon_class=None, actors=["Russia", "North Korea"]),
     "Diplomatic engagement (Russia, North Korea), 2025-05 (month)"),
    (dict(type="troop_deployment", long_running="dprk-troops-russia", label="North Korean troops in Russia",
          weapon=None, weapon_class=None, date_start=date(2024, 10, 1), date_end=date(2025, 4, 28)),
     "North Korean troops in Russia, 2024-10-01..2025-04-28 (long-running)"),
])
def test_headline_says_what_happened_and_when(changes, headline):
    assert NAMES.headline(row(**changes)) == headline


def test_landmarks_that_places_csv_lists_sit_where_it_puts_them():
    import csv as csv_module
    from nkwatch.web.landmarks import load_landmarks
    settings = Settings()
    with open(settings.data_path("places.csv"), encoding="utf-8") as f:
        places = {r["name"]: r for r in csv_module.DictReader(line for line in f if not line.startswith("#"))}
    landmarks = load_landmarks(settings)
    shared = [s for s in landmarks["sites"] if s["name"] in places]
    assert len(shared) >= 8
    for site in shared:
        assert (site["lat"], site["lon"]) == (float(places[site["name"]]["lat"]), float(places[site["name"]]["lon"]))
    for site in landmarks["sites"]:
        assert 33 < site["lat"] < 43 and 124 < site["lon"] < 131 and site["kind"] and site["note"]
    assert {line["short"] for line in landmarks["lines"]} == {"MDL", "NLL"}
    assert all(len(line["points"]) >= 5 for line in landmarks["lines"])
