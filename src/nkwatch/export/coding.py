"""What the event-coding exports (PLOVER, ACLED-style) share: a mapping file's rule for one event
(its type's entry, overridden by its weapon class and by the words that triggered its reports),
and who its actors are (data/actors.toml: the state each named actor belongs to, and its kind)."""
from __future__ import annotations

import tomllib
from dataclasses import dataclass
from collections.abc import Callable, Iterable
from typing import Any

from ..names import Names
from ..settings import Settings
from ..store import StoredEvent

ACTORS_FILE = "actors.toml"


def load_mapping(settings: Settings, name: str) -> dict[str, Any]:
    with open(settings.data_path(name), "rb") as f:
        return tomllib.load(f)


def event_rule(types: dict[str, Any], stored: StoredEvent) -> dict[str, Any]:
    """The entry of the event's type in ``types``, with the overrides of its weapon class
    (``classes``) and of the first ``cues`` rule one of whose words is in a cue of its reports."""
    row = stored.row
    entry = types.get(row.type, {})
    rule = {k: v for k, v in entry.items() if k not in ("classes", "cues")}
    rule |= entry.get("classes", {}).get(row.weapon_class or "", {})
    cues = [cue.lower() for member in stored.event.members for cue in member.mention.cues]
    for cue_rule in entry.get("cues", []):
        if any(word in cue for word in cue_rule["words"] for cue in cues):
            rule |= {k: v for k, v in cue_rule.items() if k != "words"}
            break
    return rule


@dataclass(frozen=True)
class Actors:
    """The state (or organization) each actor name belongs to, and its kind (country, person,
    military, organization)."""
    states: dict[str, str]
    kinds: dict[str, str]

    @classmethod
    def load(cls, settings: Settings) -> "Actors":
        entries = load_mapping(settings, ACTORS_FILE)["actor"]
        return cls({a["name"]: a.get("country") or a["name"] for a in entries},
                   {a["name"]: a.get("kind", "") for a in entries})

    def state(self, name: str) -> str:
        """The state an actor belongs to ('Vladimir Putin' -> 'Russia'); a state is its own."""
        return self.states.get(name, name)

    def is_organization(self, state: str) -> bool:
        return self.kinds.get(state) == "organization"

    def named_states(self, stored: StoredEvent) -> list[str]:
        """The states the event's reports name (through their actors), most named first."""
        return list(dict.fromkeys(self.state(a) for a in stored.row.actors))


def code_events(events: Iterable[StoredEvent], settings: Settings, mapping_file: str,
                code: Callable[[StoredEvent, dict[str, Any], "Actors", Names], dict | None]) -> tuple[list[dict], int]:
    """``code(event, mapping, actors, names)`` of every event with the mapping of ``mapping_file``
    (None: the event has no coded form), and how many events were left out."""
    mapping = load_mapping(settings, mapping_file)
    actors, names = Actors.load(settings), Names.load(settings)
    coded = [code(stored, mapping, actors, names) for stored in events]
    kept = [c for c in coded if c is not None]
    return kept, len(coded) - len(kept)
