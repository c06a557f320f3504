"""The resolution rules (data/resolution.toml) loaded once into a ``ResolutionRules`` object that
is passed to every resolve function."""
from __future__ import annotations

import re
import tomllib
from collections.abc import Collection
from dataclasses import dataclass, field
from pathlib import Path

from ..models import EVENT_TYPES, WEAPON_CLASSES
from ..settings import Settings

RULES_FILE = "resolution.toml"


@dataclass(frozen=True)
class LongRunning:
    """A long-running event: one event absorbing every mention of ``types`` that names one alias
    of each party group (in actors, place or evidence sentence) and no ``exclude`` word."""
    slug: str
    label: str
    types: frozenset[str]
    parties: tuple[re.Pattern, ...]
    exclude: re.Pattern | None


@dataclass(frozen=True)
class ResolutionRules:
    threshold: float
    ambiguity_margin: float
    report_window_days: int
    undated_joins: bool
    weights: dict[str, float]
    date_scores: tuple[tuple[int, float], ...]
    rare_classes: dict[str, int]              # class -> days an overlap may span and count as a week
    stop_words: frozenset[str]
    generic_classes: tuple[str, ...]
    general_classes: dict[str, frozenset[str]]
    also_classes: dict[str, frozenset[str]]   # symmetric
    place_aliases: dict[str, str]             # lower-case alias -> canonical place
    coast: dict[str, str]                     # lower-case coastal site -> canonical sea
    actor_aliases: dict[str, str]             # lower-case alias -> canonical actor
    long_running: tuple[LongRunning, ...]
    reference_classes: frozenset[str]
    reference_weapons: frozenset[str]  # weapons of other classes the reference records too
    reference_actors: frozenset[str]   # whose launches the reference records (actors.toml names)
    unknown_time_slack_days: int
    claim_tolerance: float
    provenance: dict = field(default_factory=dict, compare=False)

    def long_running_by_slug(self, slug: str) -> LongRunning | None:
        return next((lr for lr in self.long_running if lr.slug == slug), None)


def words_pattern(words: list[str]) -> re.Pattern | None:
    """One case-insensitive pattern matching any of ``words`` as whole words."""
    if not words:
        return None
    alternatives = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])", re.I)


def _inverse(table: dict[str, list[str]]) -> dict[str, str]:
    return {alias.lower(): canonical for canonical, aliases in table.items()
            for alias in [canonical, *aliases]}


def _check_classes(path: Path, names) -> None:
    bad = set(names) - set(WEAPON_CLASSES)
    if bad:
        raise ValueError(f"{path}: not weapon classes: {sorted(bad)}")


def recorded_states(conducted_by: Collection[str], actors: Collection[str], states: Collection[str]) -> bool:
    """Whether an event is one of ``states``' (the reference's North Korea): a state that carried it
    out is one of them; an event of unknown conductor (stored before conducted_by existed) when its
    reports name no actor, or one of them."""
    if conducted_by:
        return bool(set(conducted_by) & set(states))
    return not actors or bool(set(actors) & set(states))


def load_rules(settings: Settings | None = None, path: str | Path | None = None) -> ResolutionRules:
    """Read resolution.toml (from ``path`` or the settings' data folder) and check its vocabularies."""
    path = Path(path) if path else (settings or Settings()).data_path(RULES_FILE)
    with open(path, "rb") as f:
        data = tomllib.load(f)
    matching, classes = data["matching"], data["classes"]
    general = {k: frozenset(v) for k, v in classes.get("general", {}).items()}
    also: dict[str, set[str]] = {}
    for a, others in classes.get("also", {}).items():
        for b in others:
            also.setdefault(a, set()).add(b)
            also.setdefault(b, set()).add(a)
    _check_classes(path, [*matching.get("rare_classes", {}), *classes["generic"], *general, *(c for v in general.values() for c in v),
                          *also, *data["reference"]["classes"]])
    long_running = []
    for entry in data.get("long_running", []):
        bad = set(entry["types"]) - set(EVENT_TYPES)
        if bad:
            raise ValueError(f"{path}: long-running {entry['slug']}: not event types {sorted(bad)}")
        long_running.append(LongRunning(
            slug=entry["slug"], label=entry["label"], types=frozenset(entry["types"]),
            parties=tuple(words_pattern(group) for group in entry["parties"]),
            exclude=words_pattern(entry.get("exclude", []))))
    coast = {site.lower(): sea for sea, sites in data["places"].get("coast", {}).items() for site in sites}
    return ResolutionRules(
        threshold=float(matching["threshold"]),
        ambiguity_margin=float(matching["ambiguity_margin"]),
        report_window_days=int(matching["report_window_days"]),
        undated_joins=bool(matching["undated_joins"]),
        weights={k: float(v) for k, v in matching["weights"].items()},
        date_scores=tuple((int(w), float(s)) for w, s in matching["date_scores"]["widths"]),
        rare_classes={k: int(v) for k, v in matching.get("rare_classes", {}).items()},
        stop_words=frozenset(data["text"]["stop_words"]) | frozenset(data["text"]["ignore"]),
        generic_classes=tuple(classes["generic"]),
        general_classes=general,
        also_classes={k: frozenset(v) for k, v in also.items()},
        place_aliases=_inverse(data["places"].get("aliases", {})),
        coast=coast,
        actor_aliases=_inverse(data["actors"].get("aliases", {})),
        long_running=tuple(long_running),
        reference_classes=frozenset(data["reference"]["classes"]),
        reference_weapons=frozenset(data["reference"].get("weapons", [])),
        reference_actors=frozenset(data["reference"]["actors"]),
        unknown_time_slack_days=int(data["reference"]["unknown_time_slack_days"]),
        claim_tolerance=float(data["reconcile"]["claim_tolerance"]),
        provenance=data.get("provenance", {}),
    )
