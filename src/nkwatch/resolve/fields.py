"""Field reconciliation on a canonical event: one value per field chosen from its mentions and
claims, with the reason, every value by source, and a dispute flag when they cannot all be true.

Rules: date = the most precise value consistent with most of the others (explicit before
relative before report date on ties); weapon = the most specific name (a variant over its
family); class = a specific class over a generic one, then the most reported; count = the most
reported, then the largest; place = the most precise (site > area > sea > country), then the most
reported; actors = all of them, the most often named first; conducted_by = the states the most
reports give (disputed when reports give other states). Claims: per property, disputed when
the numbers' ranges do not meet.
"""
from __future__ import annotations

import math
from collections.abc import Callable, Hashable
from typing import Any

from ..models import Claim, Mention
from .events import CanonicalEvent, FieldChoice, SourcedValue
from .features import class_relation, place_key, place_relation, weapon_key, weapon_relation
from .intervals import date_interval, intersect, mention_interval, precision_of, width
from .rules import ResolutionRules

# What reconcile_event computes, in versions: bump it when that changes, so that events stored by
# another version get their fields again (``Store.refresh_events``). 2: actors. 3: conducted_by.
FIELDS_VERSION = 3

_METHOD_RANK = {"explicit": 3, "relative": 2, "report_date": 1, "unknown": 0}
_PLACE_RANK = {"site": 4, "area": 3, "sea": 2, "country": 1, "undisclosed": 0}


def _unattributed(doc: str) -> str:
    return f"unattributed (doc {doc[:8]})"


def source_label(mention: Mention) -> str:
    """Who gave a mention's values: its attributed sources, else its document."""
    return ", ".join(mention.sources) if mention.sources else _unattributed(mention.doc)


def _add(groups: dict[Hashable, SourcedValue], key: Hashable, shown: Any, label: str, ref: str) -> None:
    """Count one more report (mention or claim id ``ref``, given by ``label``) of the value ``key``."""
    entry = groups.setdefault(key, SourcedValue(shown, []))
    if label not in entry.sources:
        entry.sources.append(label)
    entry.mention_ids.append(ref)


def _add_claim(groups: dict[Hashable, SourcedValue], key: Hashable, shown: Any, claim: Claim) -> None:
    _add(groups, key, shown, claim.source or _unattributed(claim.doc), claim.mention_id or claim.id)


def _group(mentions: list[Mention], key: Callable[[Mention], Hashable | None],
           shown: Callable[[Mention], Any]) -> dict[Hashable, SourcedValue]:
    groups: dict[Hashable, SourcedValue] = {}
    for m in mentions:
        k = key(m)
        if k is not None:
            _add(groups, k, shown(m), source_label(m), m.id)
    return groups


def reconcile_date(mentions: list[Mention], rules: ResolutionRules) -> FieldChoice | None:
    dated = [m for m in mentions if date_interval(m.date.value)]
    if not dated:
        return None
    spans = {m.id: mention_interval(m.date, rules.report_window_days) for m in dated}
    groups = _group(dated, lambda m: (m.date.value, m.date.bound), lambda m: m.date.value)
    by_value = {m.id: (m.date.value, m.date.bound) for m in dated}

    def consistent(key) -> int:
        span = spans[groups[key].mention_ids[0]]
        return sum(1 for m in dated if intersect(span, spans[m.id]) is not None)

    def rank(key) -> tuple:
        first = next(m for m in dated if by_value[m.id] == key)
        return (consistent(key), key[1] == "on", -width(spans[first.id]),
                max(_METHOD_RANK.get(m.date.method, 0) for m in dated if by_value[m.id] == key),
                len(groups[key].mention_ids))

    best = max(sorted(groups), key=rank)
    agree = consistent(best)
    method = max((m.date.method for m in dated if by_value[m.id] == best), key=lambda x: _METHOD_RANK.get(x, 0))
    reason = (f"{best[0]} ({precision_of(best[0])}, {method}) is consistent with {agree} of "
              f"{len(dated)} dated reports and the most precise such value")
    bound = None
    if best[1] == "on_or_before":
        bound = "on_or_before"
        reason += "; known only as on or before the report date"
    disputed = agree < len(dated)
    if disputed:
        reason += "; other dates disagree"
    return FieldChoice(best[0], reason, list(groups.values()), disputed, bound)


def reconcile_weapon(mentions: list[Mention]) -> FieldChoice | None:
    groups = _group(mentions, lambda m: weapon_key(m.weapon) if m.weapon else None, lambda m: m.weapon)
    if not groups:
        return None
    best = max(sorted(groups), key=lambda k: (len(k), len(groups[k].mention_ids)))
    disputed = any(weapon_relation(groups[a].value, groups[b].value) < 0 for a in groups for b in groups)
    reason = f"{groups[best].value}: the most specific name given"
    if disputed:
        reason += "; sources name different weapons"
    return FieldChoice(groups[best].value, reason, list(groups.values()), disputed)


def reconcile_class(mentions: list[Mention], rules: ResolutionRules) -> FieldChoice | None:
    groups = _group(mentions, lambda m: m.weapon_class, lambda m: m.weapon_class)
    if not groups:
        return None
    order = {k: i for i, k in enumerate(groups)}
    best = max(groups, key=lambda k: (k not in rules.generic_classes, len(groups[k].mention_ids), -order[k]))
    disputed = any(class_relation(a, b, rules) is None for a in groups for b in groups)
    specific = "a specific class" if best not in rules.generic_classes else "no specific class given"
    reason = f"{best}: {specific}, given by {len(groups[best].mention_ids)} of {sum(len(g.mention_ids) for g in groups.values())} reports"
    if len(groups) > 1 and not disputed:
        reason += "; the other classes are compatible descriptions"
    if disputed:
        reason += "; sources give incompatible classes"
    return FieldChoice(best, reason, list(groups.values()), disputed)


def reconcile_count(mentions: list[Mention], claims: list[Claim]) -> FieldChoice | None:
    groups = _group(mentions, lambda m: m.count, lambda m: m.count)
    for claim in claims:
        if claim.property == "count" and claim.bound == "eq" and claim.value_max is None:
            _add_claim(groups, int(claim.value), int(claim.value), claim)
    if not groups:
        return None
    best = max(groups, key=lambda k: (len(groups[k].sources), k))
    disputed = len(groups) > 1
    reason = f"{best}: given by {len(groups[best].sources)} source(s)"
    if disputed:
        reason += "; sources give different counts"
    return FieldChoice(best, reason, list(groups.values()), disputed)


def reconcile_place(mentions: list[Mention], rules: ResolutionRules) -> FieldChoice | None:
    placed = [m for m in mentions if m.place]
    def shown(m: Mention) -> str:  # the canonical name of an alias ('Sea of Japan' -> 'East Sea')
        canonical = place_key(m.place, rules)[0]
        return canonical if canonical in rules.place_aliases.values() else m.place.name

    groups = _group(placed, lambda m: place_key(m.place, rules)[0], shown)
    if not groups:
        return None
    precision = {place_key(m.place, rules)[0]: m.place.precision for m in placed}
    best = max(sorted(groups), key=lambda k: (_PLACE_RANK.get(precision[k], 0), len(groups[k].mention_ids)))
    disputed = any(place_relation(a.place, b.place, rules) < 0 for a in placed for b in placed)
    reason = f"{groups[best].value}: the most precise place given ({precision[best]})"
    if disputed:
        reason += "; sources place it on different seas"
    return FieldChoice(groups[best].value, reason, list(groups.values()), disputed)


def claim_range(claim: Claim, tolerance: float) -> tuple[float, float]:
    """The values a claim allows: '>10,000' is [10000, inf), '~600' is 600 +- tolerance."""
    low, high = claim.value, claim.value_max if claim.value_max is not None else claim.value
    if claim.bound == "ge":
        return low, math.inf
    if claim.bound == "le":
        return -math.inf, high
    return low * (1 - tolerance), high * (1 + tolerance)


def reconcile_claims(claims: list[Claim], rules: ResolutionRules, series: bool) -> dict[str, FieldChoice]:
    """One 'claim:<property>' field per property. For a long-running event (``series``) values are
    a series over time, never a dispute."""
    out: dict[str, FieldChoice] = {}
    for prop in sorted({c.property for c in claims}):
        group = [c for c in claims if c.property == prop]
        values: dict[tuple, SourcedValue] = {}
        for c in group:
            _add_claim(values, (c.value, c.value_max, c.bound),
                       {"value": c.value, "value_max": c.value_max, "bound": c.bound, "unit": c.unit}, c)
        ranges = [claim_range(c, rules.claim_tolerance) for c in group]
        agree = max(r[0] for r in ranges) <= min(r[1] for r in ranges)
        if series:
            out[f"claim:{prop}"] = FieldChoice(None, f"{len(group)} values over time: see the claim series",
                                               list(values.values()))
        elif agree:
            first = next(iter(values.values()))
            out[f"claim:{prop}"] = FieldChoice(first.value["value"], f"{len(values)} value(s), all compatible",
                                               list(values.values()))
        else:
            by = "; ".join(f"{v.value['value']:g} ({', '.join(v.sources)})" for v in values.values())
            out[f"claim:{prop}"] = FieldChoice(None, f"sources disagree: {by}", list(values.values()), True)
    return out


def reconcile_actors(mentions: list[Mention]) -> FieldChoice | None:
    """Every actor the reports name, the most often named first (then in order of appearance):
    several actors are all true together, so never disputed."""
    groups: dict[Hashable, SourcedValue] = {}
    for m in mentions:
        for actor in dict.fromkeys(m.actors):
            _add(groups, actor, actor, source_label(m), m.id)
    if not groups:
        return None
    order = sorted(groups.values(), key=lambda v: -len(v.mention_ids))
    return FieldChoice([v.value for v in order],
                       f"named by the {len(mentions)} report(s); the most often named first", order)


def reconcile_conducted_by(mentions: list[Mention]) -> FieldChoice | None:
    """The states that carried it out as most reports give them (ties: the first report's); other
    answers are kept beside it and make the field disputed."""
    groups = _group(mentions, lambda m: tuple(sorted(m.conducted_by)) or None, lambda m: list(m.conducted_by))
    if not groups:
        return None
    order = sorted(groups.values(), key=lambda v: -len(v.mention_ids))
    chosen = order[0]
    reason = f"given by {len(chosen.mention_ids)} of {len(mentions)} report(s)"
    return FieldChoice(chosen.value, reason, order, len(order) > 1)


def reconcile_event(event: CanonicalEvent, rules: ResolutionRules) -> CanonicalEvent:
    """Fill ``event.fields`` from its members and claims (in place; returns the event)."""
    mentions = [m.mention for m in event.members]
    fields: dict[str, FieldChoice] = {}
    if event.long_running:
        fields["date"] = FieldChoice(None, "long-running event: no single date; see its reports and claims")
    choices = {
        "date": None if event.long_running else reconcile_date(mentions, rules),
        "weapon": reconcile_weapon(mentions),
        "weapon_class": reconcile_class(mentions, rules),
        "count": reconcile_count(mentions, event.claims),
        "place": reconcile_place(mentions, rules),
        "actors": reconcile_actors(mentions),
        "conducted_by": reconcile_conducted_by(mentions),
    }
    fields.update({k: v for k, v in choices.items() if v is not None})
    sources = sorted({s for m in mentions for s in m.sources})
    fields["sources"] = FieldChoice(sources, f"{len(sources)} source(s) across {len(event.docs)} document(s)")
    fields.update(reconcile_claims(event.claims, rules, series=bool(event.long_running)))
    event.fields = fields
    return event
