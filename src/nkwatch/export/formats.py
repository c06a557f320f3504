"""The generic formats: CSV (lists joined with '; ', evidence as a JSON list), JSON, Parquet
(typed lists, evidence as lists of structs) and GeoJSON (events at their coordinates)."""
from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path
from typing import Any, TextIO

import pyarrow as pa
import pyarrow.parquet as pq

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


def write_json_lines(records: Iterable[Any], out: TextIO) -> None:
    """One JSON object per line (JSON Lines)."""
    for record in records:
        out.write(json.dumps(record, ensure_ascii=False, default=_json_default))
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


@contextmanager
def text_out(out: str | Path | TextIO) -> Iterator[TextIO]:
    """A path opened for writing text (UTF-8, CSV-safe newlines), or a stream used as is."""
    if isinstance(out, (str, Path)):
        with open(out, "w", encoding="utf-8", newline="") as f:
            yield f
    else:
        yield out
