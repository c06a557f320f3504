"""Launch events in the CNS North Korea Missile Test Database column layout, one row per missile."""
from __future__ import annotations

import tomllib
from collections.abc import Collection, Iterable

from ..reference.classes import CLASSES_FILE
from ..resolve.rules import recorded_states
from ..settings import Settings
from ..store import StoredEvent

# The CNS North Korea Missile Test Database columns, in its order.
CNS_COLUMNS = ("Date", "Date Entered/Updated", "Launch Time (UTC)", "Missile Name", "Missile Type",
               "Launch Agency/Authority", "Facility Name", "Facility Location", "Other Name",
               "Facility Latitude", "Facility Longitude", "Landing Location", "Apogee",
               "Distance Travelled", "Confirmation Status", "Test Outcome", "Additional Information",
               "Source(s)")


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
