"""Exports of stored events, claims and mentions as CSV, JSON, Parquet and GeoJSON, and of launch
events in the CNS missile-test column layout (one row per missile).

Every row carries its sources and its evidence: the document (name, URL, publication date), the
character span in the document's original text and the text of that span. Events carry one
evidence entry per member mention. In CSV, lists are joined with '; ' and evidence is a JSON list;
in Parquet they are typed lists (of structs for evidence); in JSON and GeoJSON they are nested.
"""
from __future__ import annotations

import csv
import json
import tomllib
from collections.abc import Collection, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any, TextIO

import pyarrow as pa
import pyarrow.parquet as pq

from .reference.classes import CLASSES_FILE
from .resolve.rules import recorded_states
from .settings import Settings
from .store import FactRecord, Store, StoredEvent, StoredMention

FORMATS = ("csv", "json", "parquet", "geojson", "cns")
KINDS = ("events", "claims", "mentions")

EVIDENCE = pa.struct([("id", pa.string()), ("document", pa.string()), ("url", pa.string()),
                      ("published", pa.date32()), ("start", pa.int64()), ("end", pa.int64()),
                      ("text", pa.string())])
STRINGS = pa.list_(pa.string())

SCHEMAS: dict[str, pa.Schema] = {
    "events": pa.schema([
        ("id", pa.string()), ("type", pa.string()), ("label", pa.string()), ("long_running", pa.string()),
        ("date", pa.string()), ("date_precision", pa.string()), ("date_bound", pa.string()),
        ("date_start", pa.date32()), ("date_end", pa.date32()), ("weapon", pa.string()),
        ("weapon_class", pa.string()), ("count", pa.int64()), ("place", pa.string()),
        ("place_precision", pa.string()), ("lat", pa.float64()), ("lon", pa.float64()),
        ("conducted_by", STRINGS), ("actors", STRINGS),
        ("disputed", STRINGS), ("sources", STRINGS), ("documents", pa.int64()), ("mentions", pa.int64()),
        ("first_report", pa.date32()), ("last_report", pa.date32()), ("fields", pa.string()),
        ("evidence", pa.list_(EVIDENCE)),
    ]),
    "claims": pa.schema([
        ("id", pa.string()), ("event_id", pa.string()), ("subject", pa.string()), ("property", pa.string()),
        ("value", pa.float64()), ("value_max", pa.float64()), ("bound", pa.string()), ("unit", pa.string()),
        ("period", pa.string()), ("source", pa.string()), ("mention_id", pa.string()),
        ("document", pa.string()), ("url", pa.string()), ("published", pa.date32()),
        ("published_method", pa.string()), ("start", pa.int64()), ("end", pa.int64()),
        ("evidence_text", pa.string()),
    ]),
    "mentions": pa.schema([
        ("id", pa.string()), ("event_id", pa.string()), ("type", pa.string()), ("modality", pa.string()),
        ("confidence", pa.float64()), ("date", pa.string()), ("date_precision", pa.string()),
        ("date_method", pa.string()), ("date_bound", pa.string()), ("weapon", pa.string()),
        ("weapon_class", pa.string()), ("count", pa.int64()), ("place", pa.string()),
        ("place_precision", pa.string()), ("lat", pa.float64()), ("lon", pa.float64()),
        ("actors", STRINGS), ("conducted_by", STRINGS), ("sources", STRINGS), ("document", pa.string()),
        ("url", pa.string()),
        ("published", pa.date32()), ("published_method", pa.string()), ("start", pa.int64()),
        ("end", pa.int64()), ("evidence_text", pa.string()),
    ]),
}

# The CNS North Korea Missile Test Database columns, in its order.
CNS_COLUMNS = ("Date", "Date Entered/Updated", "Launch Time (UTC)", "Missile Name", "Missile Type",
               "Launch Agency/Authority", "Facility Name", "Facility Location", "Other Name",
               "Facility Latitude", "Facility Longitude", "Landing Location", "Apogee",
               "Distance Travelled", "Confirmation Status", "Test Outcome", "Additional Information",
               "Source(s)")


@dataclass(frozen=True)
class ExportResult:
    """rows written; left_out: events without coordinates (GeoJSON) or of a class the CNS layout
    does not record (cns); flagged: CNS rows standing for a launch of unknown missile count."""
    rows: int
    left_out: int = 0
    flagged: int = 0


# -- rows ---------------------------------------------------------------------------------------

def event_rows(events: Iterable[StoredEvent]) -> list[dict[str, Any]]:
    """One row per event: reconciled fields, sources, counts and one evidence entry per member."""
    rows = []
    for stored in events:
        r, event = stored.row, stored.event
        evidence = []
        for member in event.members:
            m, doc = member.mention, stored.documents[member.mention.doc]
            evidence.append({"id": member.id, "document": doc.name, "url": doc.url, "published": doc.published,
                             "start": m.evidence.start, "end": m.evidence.end,
                             "text": stored.texts.get(member.id, "")})
        rows.append({
            "id": r.id, "type": r.type, "label": r.label, "long_running": r.long_running,
            "date": r.date_value, "date_precision": r.date_precision, "date_bound": r.date_bound,
            "date_start": r.date_start, "date_end": r.date_end, "weapon": r.weapon,
            "weapon_class": r.weapon_class, "count": r.count, "place": r.place,
            "place_precision": r.place_precision, "lat": r.lat, "lon": r.lon,
            "conducted_by": r.conducted_by, "actors": r.actors, "disputed": r.disputed,
            "sources": r.sources, "documents": r.documents, "mentions": r.mentions,
            "first_report": r.first_report, "last_report": r.last_report,
            "fields": json.dumps(_fields(event), ensure_ascii=False, default=str), "evidence": evidence,
        })
    return rows


def _fields(event) -> dict:
    return {name: {"value": c.value, "reason": c.reason, "disputed": c.disputed, "bound": c.bound,
                   "values": [{"value": v.value, "sources": v.sources} for v in c.values]}
            for name, c in event.fields.items()}


def _document_columns(record: FactRecord) -> dict[str, Any]:
    doc = record.document
    evidence = (record.fact.mention if isinstance(record.fact, StoredMention) else record.fact.claim).evidence
    return {"document": doc.name, "url": doc.url, "published": doc.published,
            "published_method": doc.published_method, "start": evidence.start, "end": evidence.end,
            "evidence_text": record.text}


def claim_rows(records: Iterable[FactRecord]) -> list[dict[str, Any]]:
    """One row per claim, with its event and evidence."""
    rows = []
    for record in records:
        c = record.fact.claim
        rows.append({"id": record.fact.id, "event_id": record.event_id, "subject": c.subject,
                     "property": c.property, "value": c.value, "value_max": c.value_max, "bound": c.bound,
                     "unit": c.unit, "period": c.period, "source": c.source, "mention_id": c.mention_id,
                     **_document_columns(record)})
    return rows


def mention_rows(records: Iterable[FactRecord]) -> list[dict[str, Any]]:
    """One row per mention, with its event and evidence."""
    rows = []
    for record in records:
        m = record.fact.mention
        rows.append({"id": record.fact.id, "event_id": record.event_id, "type": m.type,
                     "modality": m.modality, "confidence": m.confidence, "date": m.date.value,
                     "date_precision": m.date.precision, "date_method": m.date.method,
                     "date_bound": m.date.bound, "weapon": m.weapon, "weapon_class": m.weapon_class,
                     "count": m.count, "place": m.place.name if m.place else None,
                     "place_precision": m.place.precision if m.place else None,
                     "lat": m.place.lat if m.place else None, "lon": m.place.lon if m.place else None,
                     "actors": list(m.actors), "conducted_by": list(m.conducted_by), "sources": list(m.sources),
                     **_document_columns(record)})
    return rows


# -- formats ------------------------------------------------------------------------------------

def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, list):
        if value and isinstance(value[0], dict):
            return json.dumps(value, ensure_ascii=False, default=str)
        return "; ".join(str(v) for v in value)
    return str(value)


def write_csv(rows: list[dict[str, Any]], columns: Iterable[str], out: TextIO) -> None:
    """CSV with a header row; lists joined with '; ', lists of objects as JSON."""
    columns = list(columns)
    writer = csv.writer(out)
    writer.writerow(columns)
    for row in rows:
        writer.writerow([_cell(row.get(c)) for c in columns])


def write_json(value: Any, out: TextIO) -> None:
    json.dump(value, out, ensure_ascii=False, indent=2, default=_json_default)
    out.write("\n")


def _json_default(value: Any) -> Any:
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    raise TypeError(f"cannot write {type(value).__name__} as JSON")


def write_parquet(rows: list[dict[str, Any]], schema: pa.Schema, path: str | Path) -> None:
    pq.write_table(pa.Table.from_pylist(rows, schema=schema), path)


def geojson(rows: list[dict[str, Any]]) -> tuple[dict, int]:
    """A FeatureCollection of the event rows that have coordinates (Point, [lon, lat]), every
    other column a property (place_precision says how precise the point is); and how many rows
    were left out for want of coordinates."""
    features = []
    for row in rows:
        if row["lat"] is None or row["lon"] is None:
            continue
        properties = {k: v for k, v in row.items() if k not in ("lat", "lon")}
        properties["fields"] = json.loads(row["fields"])
        features.append({"type": "Feature", "id": row["id"],
                         "geometry": {"type": "Point", "coordinates": [row["lon"], row["lat"]]},
                         "properties": properties})
    return {"type": "FeatureCollection", "features": features}, len(rows) - len(features)


def cns_type_names(settings: Settings) -> dict[str, str]:
    """nkwatch weapon class -> CNS 'Missile Type' (the inverse of cns_classes.toml [types])."""
    with open(settings.data_path(CLASSES_FILE), "rb") as f:
        types = tomllib.load(f)["types"]
    return {cls: name for name, cls in types.items()}


def _claim_value(stored: StoredEvent, prop: str) -> str:
    """'1,000 km (KCNA); 600 km (JCS)': every value an event's claims give for ``prop``."""
    choice = stored.event.fields.get(f"claim:{prop}")
    if choice is None:
        return "Unknown"
    parts = []
    for v in choice.values:
        value = v.value["value"]
        text = f"{value:,.0f}" if v.value.get("value_max") is None else f"{value:,.0f}-{v.value['value_max']:,.0f}"
        parts.append(f"{text} km ({', '.join(v.sources)})")
    return "; ".join(parts)


def cns_rows(events: Iterable[StoredEvent], type_names: dict[str, str], classes: Collection[str],
             states: Collection[str] = ()) -> tuple[list[dict[str, str]], int, int]:
    """Weapons-test events of ``classes`` carried out by one of ``states`` (all when empty) in the
    CNS layout, one row per missile (the event's count; an unknown count gives one row, flagged in
    Additional Information). Dates are the reported (Pyongyang) dates. Returns (rows, events left
    out, flagged rows)."""
    rows, left_out, flagged = [], 0, 0
    for stored in events:
        r, event = stored.row, stored.event
        if r.type != "weapons_test" or r.weapon_class not in classes or (
                states and not recorded_states(r.conducted_by, r.actors, states)):
            left_out += 1
            continue
        notes = [f"nkwatch event {r.id}; date {r.date_value or 'unknown'} "
                 f"({r.date_precision or 'no'} precision, reported local date)"]
        n = r.count or 1
        if r.count is None:
            notes.append("missile count unknown: one row stands for the launch")
            flagged += 1
        if r.disputed:
            notes.append(f"sources disagree on {', '.join(r.disputed)}")
        evidence = []
        for member in event.members:
            doc = stored.documents[member.mention.doc]
            span = member.mention.evidence
            evidence.append(f"{doc.url or doc.name} [{span.start}-{span.end}] "
                            f"\"{' '.join(stored.texts.get(member.id, '').split())}\"")
        sources = "; ".join([*r.sources, *evidence])
        for number in range(1, n + 1):
            rows.append({
                "Date": r.date_value or "Unknown", "Date Entered/Updated": r.updated_at.date().isoformat(),
                "Launch Time (UTC)": "Unknown", "Missile Name": r.weapon or "Unknown",
                "Missile Type": type_names.get(r.weapon_class, "Unknown"),
                "Launch Agency/Authority": ", ".join(r.conducted_by) or "Unknown",
                "Facility Name": r.place if r.place_precision == "site" else "Unknown",
                "Facility Location": r.place if r.place and r.place_precision != "site" else "Unknown",
                "Other Name": "", "Facility Latitude": "" if r.lat is None else f"{r.lat:.4f}",
                "Facility Longitude": "" if r.lon is None else f"{r.lon:.4f}",
                "Landing Location": "Unknown", "Apogee": _claim_value(stored, "apogee_km"),
                "Distance Travelled": _claim_value(stored, "range_km"),
                "Confirmation Status": "Unknown", "Test Outcome": "Unknown",
                "Additional Information": "; ".join([f"missile {number} of {r.count or 'unknown'}", *notes]),
                "Source(s)": sources,
            })
    return rows, left_out, flagged


# -- one export ---------------------------------------------------------------------------------

def all_events(store: Store) -> list[StoredEvent]:
    """Every stored event in full, in date order."""
    return store.event_details([r.id for r in store.events(limit=None)])


def export(store: Store, fmt: str, kind: str, out: str | Path | TextIO, settings: Settings,
           reference_classes: Collection[str] = (), reference_states: Collection[str] = ()) -> ExportResult:
    """Write ``kind`` in ``fmt`` to ``out`` (a path, or a text stream for every format but parquet).
    geojson and cns export events; cns keeps weapons tests of ``reference_classes`` carried out by
    one of ``reference_states`` (North Korea's, as the CNS database records)."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r} (one of {', '.join(FORMATS)})")
    if kind not in KINDS:
        raise ValueError(f"unknown kind {kind!r} (one of {', '.join(KINDS)})")
    if fmt in ("geojson", "cns") and kind != "events":
        raise ValueError(f"{fmt} exports events only")
    if fmt == "parquet" and not isinstance(out, (str, Path)):
        raise ValueError("parquet is written to a file: give -o FILE")
    events = all_events(store) if kind == "events" else []
    rows = (event_rows(events) if kind == "events" else
            claim_rows(store.claim_records()) if kind == "claims" else mention_rows(store.mention_records()))
    result = ExportResult(len(rows))
    if fmt == "parquet":
        write_parquet(rows, SCHEMAS[kind], out)
        return result
    if fmt == "cns":
        cns, left_out, flagged = cns_rows(events, cns_type_names(settings), reference_classes, reference_states)
        result = ExportResult(len(cns), left_out, flagged)
    with _text_out(out) as stream:
        if fmt == "csv":
            write_csv(rows, SCHEMAS[kind].names, stream)
        elif fmt == "json":
            write_json(rows, stream)
        elif fmt == "geojson":
            collection, left_out = geojson(rows)
            write_json(collection, stream)
            result = ExportResult(len(collection["features"]), left_out)
        else:
            write_csv(cns, CNS_COLUMNS, stream)
    return result


@contextmanager
def _text_out(out: str | Path | TextIO) -> Iterator[TextIO]:
    """A path opened for writing text (UTF-8, CSV-safe newlines), or a stream used as is."""
    if isinstance(out, (str, Path)):
        with open(out, "w", encoding="utf-8", newline="") as f:
            yield f
    else:
        yield out
