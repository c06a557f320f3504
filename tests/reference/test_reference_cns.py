"""Reading the CNS database forms from small invented files: xlsx, latin-1 CSV, nk-missile-tests JSON."""
import json
from datetime import date, datetime, time

import openpyxl
import pytest

from nkwatch.models import WEAPON_CLASSES
from nkwatch.reference import load_reference
from nkwatch.reference.classes import load_class_map, name_key

HEADER = ["F1", "Date", "Date Entered/Updated", "Launch Time (UTC)", "Missile Name", "Missile Type",
          "Launch Agency/Authority", "Facility Name", "Facility Location", "Other Name",
          "Facility Latitude", "Facility Longitude", "Landing Location", "Apogee",
          "Distance Travelled", "Confirmation Status", "Test Outcome", "Additional Information",
          "Source(s)"]

CSV_TEXT = (
    "Invented test sheet in the CNS layout\r\n"
    + ",".join(HEADER) + "\r\n"
    + '1,Sep-85,23-Dec-16,,Scud-B,SRBM,,Test Ground A,"Coastal County, North Province",,'
      "40.85,129.66,Unknown,Unknown,Unknown,Confirmed,Success,,http://x.example/1\r\n"
    + '2,13-Mar-23,3/23/2023,10:51:00 PM,Hwasong-16B,IRBM,,Hill\xa0Site,"Near the hill\xa0, (North Korea)",'
      'Old name,39.11°,125.99,Sea of Japan or East Sea,"between 25 and 90 km","1,380 km",Confirmed,'
      'Success,"Invented note about a launch.","https://a.example/1\nhttps://b.example/2"\r\n'
    + ",,,,,,,,,,,,,,,,,,\r\n"
    + '3,14-Mar-23,3/23/2023,Unknown,Unknown,Unknown,,Unknown,Unknown,,Unknown,Unknown,,,N/A,'
      "Unconfirmed,Unknown,,\r\n"
    + "Source: invented footnote row,,,,,,,,,,,,,,,,,,\r\n"
)


@pytest.fixture
def csv_file(tmp_path):
    path = tmp_path / "cns" / "db.csv"
    path.parent.mkdir()
    path.write_bytes(CSV_TEXT.encode("latin-1"))
    return path


def test_csv_rows_and_quirks(csv_file):
    rows = load_reference(csv_file)
    assert [r.ref_id for r in rows] == ["1", "2", "3"]  # blank, title and footnote rows skipped
    first, second, third = rows
    assert (first.date, first.date_precision) == (date(1985, 9, 1), "month")
    assert first.dataset == "cns/db.csv"
    assert (second.date, second.time, second.local_date) == (date(2023, 3, 13), time(22, 51), date(2023, 3, 14))
    assert second.facility == "Hill Site"  # latin-1 non-breaking space read and normalised
    assert second.lat == 39.11 and second.lon == 125.99
    assert (second.apogee_km, second.apogee_km_max, second.distance_km) == (25.0, 90.0, 1380.0)
    assert (second.weapon_class, second.class_alternatives) == ("irbm", ("hypersonic",))
    assert second.sources == ("https://a.example/1", "https://b.example/2")
    assert second.updated == date(2023, 3, 23)
    assert (second.outcome, second.confirmation) == ("success", "confirmed")
    assert second.raw["Facility Name"] == "Hill\xa0Site"
    assert third.missile_name is None and third.missile_type is None and third.facility is None
    assert third.time is None and third.local_date == third.date
    assert third.weapon_class == "ballistic_unspecified"
    assert (third.lat, third.distance_km, third.outcome, third.confirmation) == (None, None, None, "unconfirmed")


def test_csv_in_utf8_reads_the_same(tmp_path, csv_file):
    utf8 = tmp_path / "utf8.csv"
    utf8.write_text(CSV_TEXT, encoding="utf-8-sig")
    a, b = load_reference(csv_file), load_reference(utf8)
    assert [r.facility for r in a] == [r.facility for r in b]


def test_data_row_with_bad_date_is_an_error(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text(",".join(HEADER) + "\n7,someday,,,Scud-B,SRBM,,Site,,,,,,,,Confirmed,Success,,\n")
    with pytest.raises(ValueError, match="row 2: unreadable date"):
        load_reference(path)


def test_file_without_header_is_an_error(tmp_path):
    path = tmp_path / "other.csv"
    path.write_text("a,b,c\n1,2,3\n")
    with pytest.raises(ValueError, match="header"):
        load_reference(path)


@pytest.fixture
def xlsx_file(tmp_path):
    book = openpyxl.Workbook()
    summary = book.active
    summary.title = "Data Summary"
    summary.append(["Confirmation Status", "(All)"])
    tests = book.create_sheet("Missile Tests")
    tests.append([None] * len(HEADER))  # blank first row, as published
    tests.append(HEADER)
    tests.append([1, datetime(1990, 5, 1), datetime(2016, 12, 23), None, "Nodong", "MRBM", None,
                  "Test Ground A", "Coastal County", None, 40.85, 129.66, "Unknown", "Unknown",
                  "Unknown", "Confirmed", "Failure", None, "http://x.example/1"])
    tests.append(["=A3+1", datetime(2019, 10, 31), datetime(2019, 11, 4), time(7, 35), "KN-25", "SRBM",
                  None, "Airbase B", "=VLOOKUP(H4,Table1,7,FALSE)", None, 39.41, 125.89,
                  "Sea of Japan or East Sea", "90 km", "370 km", "Confirmed", "Success", "1 of 2",
                  "https://a.example/1; https://b.example/2"])
    tests.append([3, datetime(2019, 10, 31), datetime(2019, 11, 4), time(7, 38), "KN-25", "SRBM",
                  None, "Airbase B", None, None, 39.41, 125.89, "Sea of Japan or East Sea", "90 km",
                  "370 km", "Confirmed", "Success", "2 of 2", "https://a.example/1"])
    tests.append([None] * len(HEADER))
    tests.append(["Data: invented for a test"])
    tests["B3"].number_format = "mmm-yy"
    for row in (4, 5):
        tests[f"B{row}"].number_format = "d-mmm-yy"
        tests[f"D{row}"].number_format = "h:mm:ss AM/PM"
    path = tmp_path / "db.xlsx"
    book.save(path)
    return path


def test_xlsx_rows_and_quirks(xlsx_file):
    rows = load_reference(xlsx_file)
    assert [r.ref_id for r in rows] == ["1", "2", "3"]  # uncached formula F1: row number instead
    first, second, third = rows
    assert (first.date, first.date_precision, first.weapon_class) == (date(1990, 5, 1), "month", "mrbm")
    assert (first.outcome, first.time, first.updated) == ("failure", None, date(2016, 12, 23))
    assert (second.date, second.date_precision, second.time) == (date(2019, 10, 31), "day", time(7, 35))
    assert second.facility_location is None  # formula without a cached value
    assert (second.apogee_km, second.distance_km, second.notes) == (90.0, 370.0, "1 of 2")
    assert second.sources == ("https://a.example/1", "https://b.example/2")
    assert third.raw["Launch Time (UTC)"] == "07:38:00"


@pytest.fixture
def nagix_dir(tmp_path):
    folder = tmp_path / "nk-missile-tests"
    folder.mkdir()
    tests = {"timeBins": [
        {"year": 1990, "data": [{"date": "1990-05", "time": "unknown", "missile": "nodong",
                                 "facility": "tonghae", "landing": "unknown", "apogee": "unknown",
                                 "distance": "unknown", "bearing": 90, "outcome": "failure",
                                 "description": "Invented."}]},
        {"year": 2024, "data": [
            {"date": "2024-03-17", "time": "22:44 (UTC)", "series": 1, "missile": "kn-25",
             "facility": "samsok-test", "landing": "sea-of-japan", "apogee": 50, "distance": "350",
             "bearing": 70, "outcome": "success", "description": "1 of 2"},
            {"date": "2024-03-17", "time": "22:44 (UTC)", "series": 2, "missile": "kn-25",
             "facility": "samsok-test", "landing": "sea-of-japan", "apogee": 50, "distance": "350",
             "bearing": 70, "outcome": "success", "description": "2 of 2"},
            {"date": "2024-05-27", "time": "13:43 (UTC)", "missile": "unknown", "facility": "unknown",
             "landing": "na", "apogee": "na", "distance": "unknown", "bearing": 181,
             "outcome": "unknown", "description": "Invented."},
            {"date": "2024-06-30", "time": "20:05 (UTC)", "missile": "hwasong-16b",
             "facility": "not-listed", "landing": "sea-of-japan", "apogee": "100", "distance": 1000,
             "bearing": 80, "outcome": "success", "description": "Invented.",
             "sources": ["https://a.example/1"]}]}]}
    missiles = {"nodong": {"name": "Nodong", "type": "MRBM"}, "kn-25": {"name": "KN-25", "type": "SRBM"},
                "hwasong-16b": {"name": "Hwasong-16B", "type": "IRBM", "maneuver": "glide"},
                "unknown": {"name": "Unknown", "type": "Unknown"}}
    facilities = {"facilities": {
        "tonghae": {"name": "Tonghae Satellite Launching Ground", "lat": 40.85, "lon": 129.67},
        "samsok-test": {"name": "Samsok test site", "lat": 39.11, "lon": 125.99},
        "unknown": {"name": "Unknown", "lat": 39.2, "lon": 125.67}}}
    for name, data in (("tests.json", tests), ("missiles.json", missiles), ("facilities.json", facilities)):
        (folder / name).write_text(json.dumps(data))
    return folder


def test_nk_missile_tests_json(nagix_dir):
    rows = load_reference(nagix_dir / "tests.json")
    assert [r.ref_id for r in rows] == ["1", "2", "3", "4", "5"]
    assert all(r.dataset == "nk-missile-tests/tests.json" for r in rows)
    early, first, _, satellite, last = rows
    assert (early.date_precision, early.missile_name, early.weapon_class) == ("month", "Nodong", "mrbm")
    assert (first.date, first.local_date, first.time) == (date(2024, 3, 17), date(2024, 3, 18), time(22, 44))
    assert (first.facility, first.lat, first.apogee_km, first.distance_km) == ("Samsok test site", 39.11, 50.0, 350.0)
    assert first.landing == "sea of japan" and first.raw["series"] == 1
    assert satellite.missile_name is None and satellite.facility is None
    assert (satellite.lat, satellite.lon, satellite.landing, satellite.outcome) == (None, None, None, None)
    assert (last.facility, last.lat) == ("not listed", None)  # slug not in facilities.json
    assert (last.weapon_class, last.class_alternatives, last.apogee_km) == ("irbm", ("hypersonic",), 100.0)
    assert last.sources == ("https://a.example/1",)


def test_json_without_sibling_files_uses_slugs(tmp_path, nagix_dir):
    alone = tmp_path / "alone.json"
    alone.write_text((nagix_dir / "tests.json").read_text())
    rows = load_reference(alone)
    assert rows[1].missile_name == "kn 25" and rows[1].weapon_class == "ballistic_unspecified"


def test_json_that_is_not_a_tests_file_is_an_error(nagix_dir):
    with pytest.raises(ValueError, match="timeBins"):
        load_reference(nagix_dir / "missiles.json")


def test_unsupported_file_type(tmp_path):
    with pytest.raises(ValueError, match="not a reference file type"):
        load_reference(tmp_path / "db.ods")


def test_class_map_covers_types_and_normalises_names():
    classes = load_class_map()
    assert classes.classify(None, "SLV") == ("space_launch", ())
    assert classes.classify("Unknown", "HGV") == ("hypersonic", ())
    assert classes.classify(None, "Cruise") == ("ballistic_unspecified", ())  # unlisted type
    assert classes.classify("hwasong 16-b", "IRBM") == ("irbm", ("hypersonic",))
    assert name_key("New IRBM (2022)") == name_key("New IRBM 2022")
    assert set(classes.types.values()) <= set(WEAPON_CLASSES)


def test_class_map_rejects_unknown_classes(tmp_path):
    path = tmp_path / "classes.toml"
    path.write_text('[types]\nUnknown = "ballistic_unspecified"\nSRBM = "short_range"\n')
    with pytest.raises(ValueError, match="short_range"):
        load_class_map(path)
