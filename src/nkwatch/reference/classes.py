"""Mapping CNS missile types and names to nkwatch weapon classes (data/cns_classes.toml)."""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from ..models import WEAPON_CLASSES
from ..settings import Settings

CLASSES_FILE = "cns_classes.toml"


def name_key(name: str) -> str:
    """A missile name with case, spaces and punctuation ignored: 'New IRBM (2022)' -> 'newirbm2022'."""
    return re.sub(r"[^0-9a-z]+", "", name.lower())


@dataclass(frozen=True)
class ClassMap:
    """CNS 'Missile Type' (lower case) -> class, and per-name (class, alternatives) refinements."""
    types: dict[str, str]
    names: dict[str, tuple[str, tuple[str, ...]]] = field(default_factory=dict)

    def classify(self, name: str | None, missile_type: str | None) -> tuple[str, tuple[str, ...]]:
        """(weapon_class, alternatives) of one row: the name's entry if listed, else its type's class.

        An unknown or unlisted type falls back to the class of 'Unknown' (CNS lists ballistic
        missiles and space launches only)."""
        if name and name_key(name) in self.names:
            return self.names[name_key(name)]
        return self.types.get((missile_type or "unknown").lower(), self.types["unknown"]), ()


def load_class_map(path: str | Path | None = None, settings: Settings | None = None) -> ClassMap:
    """Read cns_classes.toml (from ``path`` or the settings' data folder) and check its classes."""
    path = Path(path) if path else (settings or Settings()).data_path(CLASSES_FILE)
    with open(path, "rb") as f:
        data = tomllib.load(f)
    types = {k.lower(): v for k, v in data["types"].items()}
    if "unknown" not in types:
        raise ValueError(f"{path}: [types] needs an 'Unknown' entry")
    names = {name_key(n): (e["class"], tuple(e.get("also", ()))) for n, e in data.get("names", {}).items()}
    used = set(types.values()) | {c for cls, also in names.values() for c in (cls, *also)}
    bad = used - set(WEAPON_CLASSES)
    if bad:
        raise ValueError(f"{path}: not weapon classes: {sorted(bad)}")
    return ClassMap(types, names)
