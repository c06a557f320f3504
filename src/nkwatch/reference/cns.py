"""Reading the CNS North Korea Missile Test Database in every published form.

- the CNS/NTI spreadsheet (.xlsx: a 'Missile Tests' sheet whose header row need not be the first;
  formulas read through their cached values; month-only dates recognised by their number format),
- its CSV export (.csv, latin-1 or UTF-8; blank, title and footnote rows skipped),
- the CNS-derived JSON of nagix/nk-missile-tests (tests.json, with missiles.json and facilities.json
  beside it giving names, types and coordinates).

Every form becomes a list of ``ReferenceLaunch``, one per missile, in file order.
"""
from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Sequence
from pathlib import Path

import openpyxl

from ..settings import Settings
from . import values
from .classes import ClassMap, load_class_map
from .models import ReferenceLaunch

# CNS column headers (lower case, single-spaced) -> the field they feed.
COLUMNS = {
    "f1": "ref_id", "date": "date", "date entered/updated": "updated",
    "launch time (utc)": "time", "launch time": "time",
    "missile name": "missile_name", "missile type": "missile_type",
    "launch agency/authority": "launch_agency", "facility name": "facility",
    "facility location": "facility_location", "other name": "facility_other_name",
    "facility latitude": "lat", "facility longitude": "lon", "landing location": "landing",
    "apogee": "apogee", "distance travelled": "distance", "distance traveled": "distance",
    "confirmation status": "confirmation", "test outcome": "outcome",
    "additional information": "notes", "source(s)": "sources", "sources": "sources",
}
# A row with fewer filled cells than this is a blank, title or footnote row, not a launch.
MIN_FILLED = 3
HEADER_SEARCH_ROWS = 20


def load_reference(path: str | Path, settings: Settings | None = None) -> list[ReferenceLaunch]:
    """Read one reference file (.xlsx, .csv or nk-missile-tests .json) into launches, one per missile."""
    path = Path(path)
    classes = load_class_map(settings=settings)
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        return read_xlsx(path, classes)
    if suffix == ".csv":
        return read_csv(path, classes)
    if suffix == ".json":
        return read_nk_missile_tests(path, classes)
    raise ValueError(f"{path}: not a reference file type (xlsx, csv, json)")


def _dataset(path: Path) -> str:
    return f"{path.parent.name}/{path.name}" if path.parent.name else path.name


def _normal_header(cell) -> str:
    return " ".join(str(cell or "").replace("\ufeff", "").split()).lower()


def _header_index(rows: Sequence[Sequence]) -> int:
    """Index of the header row: the first with both 'Date' and 'Missile Name' columns."""
    for i, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        names = {_normal_header(c) for c in row}
        if {"date", "missile name"} <= names:
            return i
    raise ValueError("no CNS header row (with 'Date' and 'Missile Name') found")


def _filled(cell) -> bool:
    return cell is not None and str(cell).strip() != ""


def read_table(rows: Sequence[Sequence], dataset: str, classes: ClassMap) -> list[ReferenceLaunch]:
    """Launches from the rows of a CNS sheet or CSV (any rows above the header are ignored)."""
    start = _header_index(rows)
    header = [str(c).replace("\ufeff", "").strip() if _filled(c) else None for c in rows[start]]
    fields = {i: COLUMNS.get(_normal_header(h)) for i, h in enumerate(header) if h}
    launches = []
    for number, row in enumerate(rows[start + 1:], start=start + 2):
        if sum(_filled(c) for c in row) < MIN_FILLED:
            continue
        cells = {f: row[i] for i, f in fields.items() if f and i < len(row)}
        raw = {h: values.iso(row[i]) for i, h in enumerate(header) if h and i < len(row)}
        try:
            launches.append(_launch(cells, raw, dataset, str(len(launches) + 1), classes))
        except ValueError as e:
            raise ValueError(f"{dataset}: row {number}: {e}") from None
    return launches


def _launch(cells: dict, raw: dict, dataset: str, ordinal: str, classes: ClassMap) -> ReferenceLaunch:
    when = values.day(cells.get("date"))
    if when is None:
        raise ValueError("no date")
    utc_time = values.clock(cells.get("time"))
    name, kind = values.text(cells.get("missile_name")), values.text(cells.get("missile_type"))
    weapon_class, alternatives = classes.classify(name, kind)
    apogee, apogee_max = values.kilometres(cells.get("apogee"))
    distance, distance_max = values.kilometres(cells.get("distance"))
    updated = values.day(cells.get("updated"))
    ref = cells.get("ref_id")
    return ReferenceLaunch(
        dataset=dataset,
        ref_id=str(int(ref)) if isinstance(ref, (int, float)) else (values.text(ref) or ordinal),
        date=when[0], date_precision=when[1], time=utc_time,
        local_date=values.local_day(when[0], utc_time),
        missile_name=name, missile_type=kind,
        weapon_class=weapon_class, class_alternatives=alternatives,
        launch_agency=values.text(cells.get("launch_agency")),
        facility=values.text(cells.get("facility")),
        facility_location=values.text(cells.get("facility_location")),
        facility_other_name=values.text(cells.get("facility_other_name")),
        lat=values.coordinate(cells.get("lat")), lon=values.coordinate(cells.get("lon")),
        landing=values.text(cells.get("landing")),
        apogee_km=apogee, apogee_km_max=apogee_max,
        distance_km=distance, distance_km_max=distance_max,
        outcome=values.lowered(cells.get("outcome")),
        confirmation=values.lowered(cells.get("confirmation")),
        notes=values.text(cells.get("notes")),
        sources=values.source_list(cells.get("sources")),
        updated=updated[0] if updated else None,
        raw=raw,
    )


def read_csv(path: Path, classes: ClassMap) -> list[ReferenceLaunch]:
    """The CNS CSV export: UTF-8 if it decodes as such, else Windows-1252/latin-1."""
    data = path.read_bytes()
    for encoding in ("utf-8-sig", "cp1252", "latin-1"):
        try:
            content = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    rows = list(csv.reader(io.StringIO(content, newline="")))
    return read_table(rows, _dataset(path), classes)


def _xlsx_value(cell):
    """A cell's value; a date shown as month and year only (format without 'd') becomes 'YYYY-MM'."""
    value = cell.value
    fmt = (getattr(cell, "number_format", "") or "").lower()
    if hasattr(value, "year") and hasattr(value, "month") and "y" in fmt and "d" not in fmt:
        return f"{value.year:04d}-{value.month:02d}"
    return value


def read_xlsx(path: Path, classes: ClassMap) -> list[ReferenceLaunch]:
    """The CNS spreadsheet: the first sheet with a CNS header row; formulas as cached values."""
    workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    try:
        for sheet in workbook.worksheets:
            rows = [[_xlsx_value(c) for c in row] for row in sheet.iter_rows()]
            try:
                _header_index(rows)
            except ValueError:
                continue
            return read_table(rows, _dataset(path), classes)
    finally:
        workbook.close()
    raise ValueError(f"{path}: no sheet with a CNS header row")


def _sibling(path: Path, name: str) -> dict:
    sibling = path.with_name(name)
    if not sibling.exists():
        return {}
    return json.loads(sibling.read_text(encoding="utf-8"))


def _slug_text(slug) -> str | None:
    """'sea-of-japan' -> 'sea of japan'; None for unknown."""
    value = values.text(slug)
    return value.replace("-", " ") if value else None


def read_nk_missile_tests(path: Path, classes: ClassMap) -> list[ReferenceLaunch]:
    """tests.json of nagix/nk-missile-tests ({timeBins: [{year, data: [row...]}]} or a list of rows).

    Missile and facility slugs are resolved through missiles.json and facilities.json beside it
    when present; the 'unknown' facility's placeholder coordinates are dropped."""
    data = json.loads(path.read_text(encoding="utf-8"))
    if isinstance(data, dict) and "timeBins" not in data:
        raise ValueError(f"{path}: not an nk-missile-tests tests file (no 'timeBins')")
    rows: Iterable[dict] = (
        [r for b in data["timeBins"] for r in b["data"]] if isinstance(data, dict) else data)
    missiles = _sibling(path, "missiles.json")
    facilities = _sibling(path, "facilities.json").get("facilities", {})
    dataset = _dataset(path)
    launches = []
    for number, row in enumerate(rows, start=1):
        missile = missiles.get(row.get("missile"), {})
        slug = values.text(row.get("facility"))
        facility = facilities.get(row.get("facility"), {}) if slug else {}
        cells = {
            "date": row.get("date"), "time": row.get("time"),
            "missile_name": missile.get("name") or _slug_text(row.get("missile")),
            "missile_type": missile.get("type"),
            "facility": facility.get("name") or _slug_text(slug),
            "lat": facility.get("lat"), "lon": facility.get("lon"),
            "landing": _slug_text(row.get("landing")),
            "apogee": row.get("apogee"), "distance": row.get("distance"),
            "outcome": row.get("outcome"), "notes": row.get("description"),
            "sources": row.get("sources"),
        }
        try:
            launches.append(_launch(cells, dict(row), dataset, str(number), classes))
        except ValueError as e:
            raise ValueError(f"{dataset}: record {number}: {e}") from None
    return launches
