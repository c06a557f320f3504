"""Manual merge and split decisions, replayed in order after every automatic resolution so that
they survive re-extraction and re-resolution (mention ids are stable: doc + type + evidence span).
Replaying a decision that is already in effect changes nothing."""
from __future__ import annotations

import hashlib
from dataclasses import replace
from .events import CanonicalEvent, Decision, Member


def _moved(member: Member, rule: str, note: str) -> Member:
    explanation = replace(member.explanation, rule=rule, notes=[*member.explanation.notes, note])
    return replace(member, explanation=explanation)


def split_event_id(decision: Decision) -> str:
    """The id of the event a split creates: stable for the same set of mentions."""
    key = ",".join(sorted(decision.mention_ids))
    return "ev-split-" + hashlib.sha1(key.encode()).hexdigest()[:10]


def _where(events: dict[str, CanonicalEvent]) -> dict[str, str]:
    return {mid: e.id for e in events.values() for mid in e.member_ids}


def _merge(events: dict[str, CanonicalEvent], decision: Decision, when: str) -> set[str]:
    where = _where(events)
    targets = [e for e in decision.event_ids if e in events] + \
              [where[m] for m in decision.mention_ids if m in where]
    targets = list(dict.fromkeys(targets))
    if len(targets) < 2:
        return set()
    keep = events[targets[0]]
    for other_id in targets[1:]:
        other = events.pop(other_id)
        note = f"manual merge of {other_id} into {keep.id}{when}"
        keep.members.extend(_moved(m, "merge", note) for m in other.members)
        keep.claims.extend(c for c in other.claims if c.id not in {k.id for k in keep.claims})
    return {keep.id, *targets[1:]}


def _split(events: dict[str, CanonicalEvent], decision: Decision, when: str) -> set[str]:
    where = _where(events)
    ids = [m for m in decision.mention_ids if m in where]
    if not ids:
        return set()
    new_id = split_event_id(decision)
    sources = {where[m] for m in ids}
    if sources == {new_id} or (len(sources) == 1 and set(events[where[ids[0]]].member_ids) == set(ids)):
        return set()
    taken: list[Member] = []
    moved_claims = []
    for source in sources:
        event = events[source]
        taken += [m for m in event.members if m.id in ids]
        event.members = [m for m in event.members if m.id not in ids]
        moved_claims += [c for c in event.claims if c.mention_id in ids]
        event.claims = [c for c in event.claims if c.mention_id not in ids]
    target = events.get(new_id) or CanonicalEvent(new_id, taken[0].mention.type)
    target.members.extend(_moved(m, "split", f"manual split from {where[m.id]}{when}") for m in taken)
    target.claims.extend(moved_claims)
    events[new_id] = target
    return {new_id, *sources}


def apply_decisions(events: dict[str, CanonicalEvent], decisions: list[Decision]) -> set[str]:
    """Apply ``decisions`` (in ``at`` order, undated first) to ``events`` (id -> event, changed in
    place); returns the ids of the events changed, including those merged away."""
    changed: set[str] = set()
    for decision in sorted(decisions, key=lambda d: (d.at is not None, d.at.timestamp() if d.at else 0.0)):
        when = f" (decision of {decision.at:%Y-%m-%d %H:%M})" if decision.at else ""
        apply = _merge if decision.kind == "merge" else _split
        changed |= apply(events, decision, when)
    return changed
