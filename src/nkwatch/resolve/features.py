"""Matching features between a mention and a canonical event: date intervals, weapon class,
weapon name, place, actors, evidence text. Each feature gives a score; a few facts block a match
outright (another type, disjoint dates, incompatible classes, the same document)."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..models import Mention, Place
from .events import CanonicalEvent, MatchExplanation, Member
from .intervals import Interval, intersect, mention_interval, width
from .rules import ResolutionRules

_WORD = re.compile(r"[a-z0-9][a-z0-9'-]*")


def tokens(text: str | None, rules: ResolutionRules) -> frozenset[str]:
    """Content words of a sentence: lower case, digits' thousands separators dropped, stop words
    and the domain's ubiquitous words left out."""
    if not text:
        return frozenset()
    words = _WORD.findall(re.sub(r"(?<=\d),(?=\d{3})", "", text.lower()))
    return frozenset(w.strip("'-") for w in words if w.strip("'-") not in rules.stop_words and len(w) > 1)


def jaccard(a: frozenset[str] | set[str], b: frozenset[str] | set[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def class_relation(a: str | None, b: str | None, rules: ResolutionRules) -> float | None:
    """1.0 same class; 0.7 two names reports of one launch use; 0.5 a general class covering the
    other; 0.0 unknown or generic; None when the classes cannot describe one weapon."""
    if not a or not b:
        return 0.0
    if a == b:
        return 1.0
    if b in rules.also_classes.get(a, ()):
        return 0.7
    if b in rules.general_classes.get(a, ()) or a in rules.general_classes.get(b, ()):
        return 0.5
    if (a in rules.generic_classes and a not in rules.general_classes) or \
            (b in rules.generic_classes and b not in rules.general_classes):
        return 0.0
    return None


def weapon_key(name: str) -> str:
    return re.sub(r"[^0-9a-z]+", "", name.lower())


def weapon_relation(a: str | None, b: str | None) -> float:
    """+1 same weapon name; +0.5 one name extends the other (a variant); -1 different names."""
    if not a or not b:
        return 0.0
    ka, kb = weapon_key(a), weapon_key(b)
    if ka == kb:
        return 1.0
    if ka.startswith(kb) or kb.startswith(ka):
        return 0.5
    return -1.0


def place_key(place: Place, rules: ResolutionRules) -> tuple[str, str | None]:
    """(canonical name, the sea it is or lies on) of a place."""
    name = " ".join(re.sub(r"^the\s+", "", place.name.lower()).split())
    canonical = rules.place_aliases.get(name, name)
    if canonical in rules.coast.values():
        return canonical, canonical
    sea = rules.coast.get(name) or next(
        (s for site, s in rules.coast.items() if name.startswith(site + " ")), None)
    return canonical, sea


def place_relation(a: Place | None, b: Place | None, rules: ResolutionRules) -> float:
    """+1 same place; +0.7 a sea and a site on it; -1 places on different seas; 0 otherwise."""
    if a is None or b is None:
        return 0.0
    (name_a, sea_a), (name_b, sea_b) = place_key(a, rules), place_key(b, rules)
    if name_a == name_b:
        return 1.0
    if sea_a and sea_b:
        return 0.7 if sea_a == sea_b else -1.0
    return 0.0


def canonical_actors(actors: list[str], rules: ResolutionRules) -> set[str]:
    out = set()
    for actor in actors:
        name = re.sub(r"['’]s$", "", actor.strip()).lower()
        out.add(rules.actor_aliases.get(name, name))
    return out


def date_score(span: Interval, other: Interval, rules: ResolutionRules, rare_class: str | None = None) -> float:
    """How much two overlapping intervals say about being one event: by the wider one's width.
    For a rare class both sides agree on, an overlap within its spacing counts as a week's."""
    wider = max(width(span), width(other))
    if rare_class and wider <= rules.rare_classes.get(rare_class, 0):
        wider = min(wider, 7)
    return next((score for days, score in rules.date_scores if wider <= days), 0.0)


@dataclass
class EventProfile:
    """What a candidate event offers for matching, kept up to date as members join."""
    event: CanonicalEvent
    docs: set[str] = field(default_factory=set)
    interval: Interval | None = None
    classes: set[str] = field(default_factory=set)
    weapons: set[str] = field(default_factory=set)
    places: list[Place] = field(default_factory=list)
    actors: set[str] = field(default_factory=set)
    token_sets: list[frozenset[str]] = field(default_factory=list)

    def add(self, member: Member, rules: ResolutionRules) -> None:
        m = member.mention
        self.docs.add(m.doc)
        span = mention_interval(m.date, rules.report_window_days)
        if span is not None:
            self.interval = span if self.interval is None else (intersect(self.interval, span) or self.interval)
        if m.weapon_class:
            self.classes.add(m.weapon_class)
        if m.weapon:
            self.weapons.add(m.weapon)
        if m.place:
            self.places.append(m.place)
        self.actors |= canonical_actors(m.actors, rules)
        if member.tokens:
            self.token_sets.append(member.tokens)


def _months(span: Interval | None, limit: int = 24) -> list[tuple[int, int]] | None:
    """The (year, month) pairs an interval touches; None when unknown or wider than ``limit``."""
    if span is None:
        return None
    first, last = span[0].year * 12 + span[0].month - 1, span[1].year * 12 + span[1].month - 1
    if last - first >= limit:
        return None
    return [divmod(n, 12) for n in range(first, last + 1)]


@dataclass
class CandidateIndex:
    """Candidate events by type and month, so that a mention is scored only against events whose
    dates can overlap its own (undated and very wide events are always candidates)."""
    by_month: dict[tuple[str, int, int], list[EventProfile]] = field(default_factory=dict)
    wide: dict[str, list[EventProfile]] = field(default_factory=dict)
    every: dict[str, list[EventProfile]] = field(default_factory=dict)

    def add(self, prof: EventProfile) -> None:
        kind = prof.event.type
        self.every.setdefault(kind, []).append(prof)
        months = _months(prof.interval)
        if months is None:
            self.wide.setdefault(kind, []).append(prof)
        for year, month in months or ():
            self.by_month.setdefault((kind, year, month), []).append(prof)

    def candidates(self, kind: str, span: Interval | None) -> list[EventProfile]:
        months = _months(span)
        if months is None:
            return list(self.every.get(kind, ()))
        found = {id(p): p for p in self.wide.get(kind, ())}
        for year, month in months:
            found.update((id(p), p) for p in self.by_month.get((kind, year, month), ()))
        return list(found.values())


def profile(event: CanonicalEvent, rules: ResolutionRules) -> EventProfile:
    prof = EventProfile(event)
    for member in event.members:
        prof.add(member, rules)
    return prof


def score(mention: Mention, mention_tokens: frozenset[str], prof: EventProfile,
          rules: ResolutionRules) -> MatchExplanation | None:
    """The match of a mention with a candidate event, or None when something rules it out."""
    if mention.type != prof.event.type or mention.doc in prof.docs:
        return None
    w = rules.weights
    features: dict[str, float] = {}
    agreed: list[str] = []
    notes: list[str] = []

    span = mention_interval(mention.date, rules.report_window_days)
    if span is None or prof.interval is None:
        if not rules.undated_joins:
            return None
        features["date"] = 0.0
    else:
        if intersect(span, prof.interval) is None:
            return None
        rare = mention.weapon_class if prof.classes == {mention.weapon_class} else None
        features["date"] = w["date"] * date_score(span, prof.interval, rules, rare)
        agreed.append("date")

    relations = [class_relation(mention.weapon_class, c, rules) for c in prof.classes] or [0.0]
    if any(r is None for r in relations):
        return None
    features["class"] = w["class"] * min(relations)
    if features["class"] > 0:
        agreed.append("weapon_class")

    weapon = max((weapon_relation(mention.weapon, x) for x in prof.weapons), default=0.0)
    features["weapon"] = w["weapon"] * weapon
    if weapon > 0:
        agreed.append("weapon")
    elif weapon < 0:
        notes.append(f"weapon {mention.weapon!r} differs from {sorted(prof.weapons)}")

    places = [place_relation(mention.place, p, rules) for p in prof.places]
    place_value = max(places) if places and max(places) > 0 else min(places, default=0.0)
    features["place"] = w["place"] * place_value
    if place_value > 0:
        agreed.append("place")
    elif place_value < 0:
        notes.append("places on different seas")

    actors = jaccard(canonical_actors(mention.actors, rules), prof.actors)
    features["actors"] = w["actors"] * actors
    if actors > 0:
        agreed.append("actors")

    text = max((jaccard(mention_tokens, t) for t in prof.token_sets), default=0.0)
    features["text"] = w["text"] * text
    if text > 0:
        agreed.append("text")

    features = {k: round(v, 3) for k, v in features.items()}
    return MatchExplanation("matched", round(sum(features.values()), 3), features, agreed, notes)
