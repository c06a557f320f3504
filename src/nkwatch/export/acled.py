"""Events as rows of an ACLED-style CSV (the columns of the Armed Conflict Location & Event Data
Project's data, those nkwatch can fill): event and sub-event type by the event's type
(data/acled.toml), the states that carried it out as actor1 (and actor2 for two-sided types),
the place with ACLED's spatial precision, the date with its time precision, the sources, a note
saying what happened with the first report's evidence, and the fatalities its claims give
(``claim:killed``; 0 when none). Events of unknown date, or dated coarser than a month, are left
out: ACLED records events by day."""
from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from ..names import Names
from ..settings import Settings
from ..store import StoredEvent
from .coding import Actors, code_events, event_rule

ACLED_FILE = "acled.toml"
ACLED_COLUMNS = ("event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
                 "sub_event_type", "actor1", "assoc_actor_1", "actor2", "assoc_actor_2", "location", "latitude",
                 "longitude", "geo_precision", "source", "notes", "fatalities")


def acled_rows(events: Iterable[StoredEvent], settings: Settings) -> tuple[list[dict[str, Any]], int]:
    """The row of every event ACLED's layout can hold, and how many events were left out."""
    return code_events(events, settings, ACLED_FILE, acled_row)


def acled_row(stored: StoredEvent, mapping: dict[str, Any], actors: Actors, names: Names) -> dict | None:
    row = stored.row
    time_precision = mapping["time_precision"].get(row.date_precision or "")
    if row.date_start is None or row.long_running or time_precision is None:
        return None
    if row.date_bound == "on_or_before":  # known only as on or before its report day
        time_precision = max(time_precision, mapping["time_precision"]["week"])
    rule = event_rule(mapping["types"], stored)
    side1, side2 = _sides(stored, rule, actors)

    def named(states: list[str]) -> str:
        return "; ".join(s if actors.is_organization(s) else
                         mapping["actor_names"][rule["actor"]].format(state=s) for s in states)

    evidence = next((" ".join(stored.texts.get(m.id, "").split()) for m in stored.event.members), "")
    return {
        "event_id_cnty": row.id, "event_date": row.date_start.isoformat(), "year": row.date_start.year,
        "time_precision": time_precision, "disorder_type": rule["disorder_type"], "event_type": rule["event_type"],
        "sub_event_type": rule["sub_event_type"], "actor1": named(side1[:1]), "assoc_actor_1": named(side1[1:]),
        "actor2": named(side2[:1]), "assoc_actor_2": named(side2[1:]), "location": row.place or "",
        "latitude": row.lat, "longitude": row.lon,
        "geo_precision": mapping["geo_precision"].get(row.place_precision or "") if row.lat is not None else None,
        "source": "; ".join(row.sources), "notes": f"{names.headline(row)}. {evidence}".strip(),
        "fatalities": _fatalities(stored),
    }


def _sides(stored: StoredEvent, rule: dict[str, Any], actors: Actors) -> tuple[list[str], list[str]]:
    """The states on each side: those that carried it out, and with a ``counterpart`` the other
    states its reports name; a two-sided type (``sides`` = 2) puts the first of them all against
    the others."""
    conducted = list(stored.row.conducted_by)
    others = [s for s in actors.named_states(stored) if s not in conducted]
    if rule.get("sides") == 2:
        parties = conducted + others
        return parties[:1], parties[1:]
    return (conducted, others) if rule.get("counterpart") else (conducted, [])


def _fatalities(stored: StoredEvent) -> int:
    """The number killed the event's claims give (the reconciled choice), 0 when none."""
    choice = stored.event.fields.get("claim:killed")
    return int(choice.value) if choice and choice.value is not None else 0
