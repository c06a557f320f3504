"""Exports of stored events, claims and mentions, all of them or those a filter keeps.

    csv | json | parquet   events, claims or mentions with their sources and evidence (rows.py, formats.py)
    geojson                events at their coordinates (formats.py)
    cns                    launch events in the CNS missile-test column layout, one row per missile (cns.py)
    plover                 events as PLOVER records, one JSON object per line (plover.py, data/plover.toml)
    acled                  events as an ACLED-style CSV (acled.py, data/acled.toml)

Every row carries its sources and its evidence: the document (name, URL, publication date), the
character span in the document's original text and the text of that span. Events carry one
evidence entry per member mention. In CSV, lists are joined with '; ' and evidence is a JSON list;
in Parquet they are typed lists (of structs for evidence); in JSON and GeoJSON they are nested.
"""
from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

from ..settings import Settings
from ..store import Store, StoredEvent
from .acled import ACLED_COLUMNS, acled_rows
from .cns import CNS_COLUMNS, cns_rows, cns_type_names
from .formats import geojson, text_out, write_csv, write_json, write_json_lines, write_parquet
from .plover import plover_records
from .rows import SCHEMAS, claim_rows, event_rows, mention_rows

__all__ = ["ACLED_COLUMNS", "CNS_COLUMNS", "EVENTS_ONLY", "FORMATS", "KINDS", "SCHEMAS", "ExportResult",
           "all_events", "event_rows", "export"]

FORMATS = ("csv", "json", "parquet", "geojson", "cns", "plover", "acled")
KINDS = ("events", "claims", "mentions")
EVENTS_ONLY = ("geojson", "cns", "plover", "acled")


@dataclass(frozen=True)
class ExportResult:
    """rows written; left_out: events the format cannot hold (GeoJSON: no coordinates; cns: not a
    launch of a CNS class; plover: no category, date or source actor; acled: no day, week or
    month date); flagged: CNS rows standing for a launch of unknown missile count."""
    rows: int
    left_out: int = 0
    flagged: int = 0


def all_events(store: Store, **filters: Any) -> list[StoredEvent]:
    """Every stored event ``Store.events`` keeps for ``filters``, in full, in its order."""
    return store.event_details([r.id for r in store.events(**filters, limit=None)])


def export(store: Store, fmt: str, kind: str, out: str | Path | TextIO, settings: Settings,
           reference_classes: Collection[str] = (), reference_states: Collection[str] = (),
           filters: Mapping[str, Any] | None = None) -> ExportResult:
    """Write ``kind`` in ``fmt`` to ``out`` (a path, or a text stream for every format but parquet).
    ``filters``: the keyword arguments of the store query of ``kind`` (``Store.events``,
    ``Store.claim_records``, ``Store.mention_records``): only the rows it keeps. geojson, cns,
    plover and acled export events; cns keeps weapons tests of ``reference_classes`` carried out by
    one of ``reference_states`` (North Korea's, as the CNS database records)."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r} (one of {', '.join(FORMATS)})")
    if kind not in KINDS:
        raise ValueError(f"unknown kind {kind!r} (one of {', '.join(KINDS)})")
    if fmt in EVENTS_ONLY and kind != "events":
        raise ValueError(f"{fmt} exports events only")
    if fmt == "parquet" and not isinstance(out, (str, Path)):
        raise ValueError("parquet is written to a file: give -o FILE")
    filters = dict(filters or {})
    events = all_events(store, **filters) if kind == "events" else []
    rows = (event_rows(events) if kind == "events" else claim_rows(store.claim_records(**filters))
            if kind == "claims" else mention_rows(store.mention_records(**filters)))
    if fmt == "parquet":
        write_parquet(rows, SCHEMAS[kind], out)
        return ExportResult(len(rows))
    with text_out(out) as stream:
        if fmt == "csv":
            write_csv(rows, SCHEMAS[kind].names, stream)
        elif fmt == "json":
            write_json(rows, stream)
        elif fmt == "geojson":
            collection, left_out = geojson(rows)
            write_json(collection, stream)
            return ExportResult(len(collection["features"]), left_out)
        elif fmt == "cns":
            cns, left_out, flagged = cns_rows(events, cns_type_names(settings), reference_classes, reference_states)
            write_csv(cns, CNS_COLUMNS, stream)
            return ExportResult(len(cns), left_out, flagged)
        elif fmt == "plover":
            records, left_out = plover_records(events, settings)
            write_json_lines(records, stream)
            return ExportResult(len(records), left_out)
        else:
            acled, left_out = acled_rows(events, settings)
            write_csv(acled, ACLED_COLUMNS, stream)
            return ExportResult(len(acled), left_out)
    return ExportResult(len(rows))
