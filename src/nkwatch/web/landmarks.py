"""The map's layer of places analysts know (data/landmarks.toml): sites as labelled points, the
MDL and the NLL as labelled lines."""
from __future__ import annotations

import tomllib
from typing import Any

from ..settings import Settings

LANDMARKS_FILE = "landmarks.toml"


def load_landmarks(settings: Settings) -> dict[str, list[dict[str, Any]]]:
    """{"sites": [{name, kind, lat, lon, note}], "lines": [{name, short, kind, points, note}]}"""
    with open(settings.data_path(LANDMARKS_FILE), "rb") as f:
        data = tomllib.load(f)
    return {"sites": data.get("site", []), "lines": data.get("line", [])}
