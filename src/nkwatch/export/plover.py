"""Events as PLOVER records (Political Language Ontology for Verifiable Event Records, manual draft
0.7b1), one JSON object per line as PLOVER suggests: the event category, mode and context of the
event's type (data/plover.toml), the states that carried it out as ``source`` and, for the types
that have one, the other states its reports name as ``recipient`` (ISO 3166-1 alpha-3 codes),
its dates, place, evidence texts and source documents. Fields beyond PLOVER's own
(``date_precision``, ``date_bound``, ``event_loc.precision``) say how precise the date and place
are. Events PLOVER cannot hold are left out: no category for their type, no date, no known
source actor."""
from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from .. import __version__
from ..names import Names
from ..settings import Settings
from ..store import StoredEvent
from .coding import Actors, code_events, event_rule

PLOVER_FILE = "plover.toml"


def plover_records(events: Iterable[StoredEvent], settings: Settings) -> tuple[list[dict[str, Any]], int]:
    """The PLOVER record of every event that has one, and how many events were left out."""
    return code_events(events, settings, PLOVER_FILE, plover_record)


def plover_record(stored: StoredEvent, mapping: dict[str, Any], actors: Actors, names: Names) -> dict | None:
    row = stored.row
    rule = event_rule(mapping["types"], stored)
    sources = [s for s in row.conducted_by if s in mapping["codes"]]
    if not rule.get("event") or row.date_start is None or not sources:
        return None
    event, mode = rule["event"], rule.get("mode", "")
    if len(sources) > 1 and "joint_event" in rule:
        event, mode = rule["joint_event"], rule.get("joint_mode", "")
    category = mapping["categories"][event]
    others = [a for a in row.actors if actors.state(a) not in sources] if rule.get("counterpart") else []
    record: dict[str, Any] = {
        "id": row.id, "date": row.date_start.isoformat(),
        "enddate": row.date_end.isoformat() if row.date_end != row.date_start else None,
        "date_precision": row.date_precision or ("span" if row.long_running else None), "date_bound": row.date_bound,
        "source": _actor_list(sources, mapping, actors), "recipient": _actor_list(others, mapping, actors),
        "event": [event], "mode": [mode] if mode else [], "context": list(rule.get("context", [])),
        "quad_code": category["quad"], "event_scale": category["scale"],
        "event_loc": None if not row.place else {"name": row.place, "latitude": row.lat, "longitude": row.lon,
                                                 "precision": row.place_precision},
        "event_text": [" ".join(stored.texts.get(m.id, "").split()) for m in stored.event.members],
        "cite_info": [{"url": d.url, "title": d.title, "publication": d.site,
                       "date": d.published.isoformat() if d.published else None} for d in stored.documents.values()],
        "coder": f"nkwatch {__version__}", "coded_date": row.updated_at.date().isoformat(),
        "comment": names.headline(row),
    }
    return record


def _actor_list(named: list[str], mapping: dict[str, Any], actors: Actors) -> list[dict[str, str]]:
    """PLOVER actor objects of ``named`` (states, or actors standing for one): code, sector (for
    armed forces), actor_text; names of no known state are left out, each object given once."""
    out: dict[tuple, dict[str, str]] = {}
    for name in named:
        code = mapping["codes"].get(actors.state(name))
        if code is None:
            continue
        actor = {"code": code, "actor_text": name}
        if sector := mapping["sectors"].get(actors.kinds.get(name, "")):
            actor["sector"] = sector
        out.setdefault((code, name), actor)
    return list(out.values())
