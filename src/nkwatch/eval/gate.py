"""The evaluation gate: quality floors pinned in eval/baseline.json with the hash of the corpus.

baseline.json: ``{"<name>": {"gold": PATH, "docs": PATH, "corpus_sha256": HEX, "floors": {METRIC: x}}}``,
paths relative to the folder of baseline.json. METRIC is a dotted path into the score result
("events.f1"); a name ending in ``_max`` is a ceiling on that metric ("dates.wrong_max": 0).
Floors only go up unless lowering is asked for explicitly.
"""
from __future__ import annotations

import hashlib
import json
import math
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Mapping

from ..models import content_hash

# Metrics written as floors by an update (others may be added by hand and are then kept updated).
FLOOR_METRICS = ("events.precision", "events.recall", "events.f1", "dates.strict", "dates.relaxed",
                 "args.weapon_class", "args.count", "args.sources", "args.conducted_by", "args.location",
                 "args.actors", "claims.recall", "claims.precision", "claims.value_accuracy", "clusters.b3_f1")
CEILING_METRICS = ("events.negatives_fp", "events.duplicates", "claims.duplicates", "dates.wrong")
MAX_SUFFIX = "_max"
DIGITS = 4  # floors are rounded down (ceilings up) to this many decimals


class BaselineError(ValueError):
    """A baseline file or entry that cannot be used."""


@dataclass
class GateResult:
    ok: bool
    messages: list[str] = field(default_factory=list)


def metric(result: Mapping[str, Any], path: str) -> Any:
    """The value at a dotted path of a score result; KeyError when there is none."""
    value: Any = result
    for part in path.split("."):
        if not isinstance(value, Mapping) or part not in value:
            raise KeyError(path)
        value = value[part]
    return value


def corpus_sha256(gold_path: str | Path, texts: Mapping[str, str], names: Iterable[str]) -> str:
    """Hash of the gold file's bytes and of the text of every document it names (``texts`` by name)."""
    h = hashlib.sha256(Path(gold_path).read_bytes())
    for name in sorted(names):
        text = texts.get(name)
        h.update(f"\n{name}\0{content_hash(text) if text is not None else 'missing'}".encode())
    return h.hexdigest()


def load_baseline(path: str | Path) -> dict[str, dict]:
    path = Path(path)
    if not path.is_file():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise BaselineError(f"{path}: {exc}") from None
    if not isinstance(data, dict):
        raise BaselineError(f"{path}: expected an object of named entries")
    return data


def save_baseline(path: str | Path, data: Mapping[str, dict]) -> None:
    Path(path).write_text(json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n",
                          encoding="utf-8")


def entry_paths(baseline_path: str | Path, entry: Mapping[str, Any]) -> tuple[Path, Path]:
    """The gold file and documents folder of an entry, resolved against the baseline's folder."""
    if not entry.get("gold") or not entry.get("docs"):
        raise BaselineError("baseline entry without 'gold' and 'docs' paths")
    base = Path(baseline_path).parent
    return base / entry["gold"], base / entry["docs"]


def relative_to_baseline(baseline_path: str | Path, path: str | Path) -> str:
    """``path`` as stored in an entry: relative to the baseline's folder, with forward slashes."""
    rel = os.path.relpath(Path(path).resolve(), Path(baseline_path).resolve().parent)
    return Path(rel).as_posix()


def check_floors(result: Mapping[str, Any], floors: Mapping[str, float]) -> list[str]:
    """One message per metric below its floor (or above its ceiling), undefined or unknown."""
    failures = []
    for name, bound in sorted(floors.items()):
        ceiling = name.endswith(MAX_SUFFIX)
        path = name[:-len(MAX_SUFFIX)] if ceiling else name
        try:
            value = metric(result, path)
        except KeyError:
            failures.append(f"{name}: no such metric")
            continue
        if value is None:
            failures.append(f"{name}: undefined (floor {bound})")
        elif ceiling and value > bound:
            failures.append(f"{path} = {value:g} above its ceiling {bound:g}")
        elif not ceiling and value < bound:
            failures.append(f"{path} = {value:.4f} below its floor {bound:.4f}")
    return failures


def check_baseline(entry: Mapping[str, Any], result: Mapping[str, Any], corpus_hash: str) -> GateResult:
    """The gate for one entry: every floor held on the corpus the floors were measured on."""
    floors = entry.get("floors") or {}
    if not floors:
        return GateResult(True, ["no floors set"])
    messages = []
    pinned = entry.get("corpus_sha256")
    if pinned and pinned != corpus_hash:
        messages.append(f"corpus changed since the floors were set (sha256 {corpus_hash[:12]}, "
                        f"baseline {pinned[:12]}): re-measure with --update-baseline")
    messages += check_floors(result, floors)
    return GateResult(not messages, messages or [f"{len(floors)} floors held"])


def _rounded(value: float, ceiling: bool) -> float:
    if isinstance(value, int):
        return value
    scaled = round(value * 10 ** DIGITS, 6)  # no float noise: 0.29 * 1e4 is 2899.9999999999995
    return (math.ceil(scaled) if ceiling else math.floor(scaled)) / 10 ** DIGITS


def new_floors(old: Mapping[str, float], result: Mapping[str, Any]) -> tuple[dict[str, float], list[str]]:
    """Floors from the current figures (the standard metrics plus any already in ``old``) and the
    names of the ones that would go down (a ceiling going up, or a metric now undefined)."""
    names = {*FLOOR_METRICS, *(m + MAX_SUFFIX for m in CEILING_METRICS), *old}
    floors: dict[str, float] = {}
    lowered: list[str] = []
    for name in sorted(names):
        ceiling = name.endswith(MAX_SUFFIX)
        try:
            value = metric(result, name[:-len(MAX_SUFFIX)] if ceiling else name)
        except KeyError:
            value = None
        if value is None:
            if name in old:
                lowered.append(f"{name}: {old[name]} -> undefined (floor dropped)")
            continue
        floors[name] = _rounded(value, ceiling)
        if name in old and (floors[name] > old[name] if ceiling else floors[name] < old[name]):
            lowered.append(f"{name}: {old[name]} -> {floors[name]}")
    return floors, lowered
