"""Canonical events and what the resolver says about them: members with the reason each joined,
reconciled fields with the values each source gave, manual decisions, the result of one run."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from ..models import Claim, Mention
from .intervals import precision_of


@dataclass
class MatchExplanation:
    """Why a mention is in its event.

    rule: 'founded' (first mention of a new event), 'matched' (scored against the event),
          'long_running' (absorbed by a long-running event definition), 'merge' / 'split' (a manual
          decision), 'kept' (already a member before this run).
    score: the total match score (0 for other rules); features: each feature's contribution;
    agreed: the fields that agreed; notes: anything else worth showing (runner-up, conflicts).
    """
    rule: str
    score: float = 0.0
    features: dict[str, float] = field(default_factory=dict)
    agreed: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


@dataclass
class Member:
    """One mention of a canonical event, as extracted, with why it joined and the content words of
    its evidence sentence (kept for text similarity with later mentions)."""
    mention: Mention
    explanation: MatchExplanation
    tokens: frozenset[str] = frozenset()

    @property
    def id(self) -> str:
        return self.mention.id


@dataclass
class SourcedValue:
    """One value a field took, with who gave it (attributed sources, or the document when none)."""
    value: Any
    sources: list[str]
    mention_ids: list[str] = field(default_factory=list)


@dataclass
class FieldChoice:
    """A reconciled field: the chosen value, why, and every value given (``disputed`` when they
    cannot all be true together). ``bound`` is 'on_or_before' for a date known only from reports."""
    value: Any
    reason: str
    values: list[SourcedValue] = field(default_factory=list)
    disputed: bool = False
    bound: str | None = None


@dataclass
class CanonicalEvent:
    """A real-world happening: the mentions reporting it and its reconciled fields.

    id: stable: the slug of a long-running event, else 'ev-' + the founding mention's id prefix.
    fields: 'date', 'weapon', 'weapon_class', 'count', 'place', 'sources' and one entry per claim
    property as 'claim:<property>'; claims: the attributed numbers that belong to the event.
    """
    id: str
    type: str
    members: list[Member] = field(default_factory=list)
    fields: dict[str, FieldChoice] = field(default_factory=dict)
    claims: list[Claim] = field(default_factory=list)
    long_running: str | None = None
    label: str | None = None

    @property
    def member_ids(self) -> list[str]:
        return [m.id for m in self.members]

    @property
    def docs(self) -> set[str]:
        return {m.mention.doc for m in self.members}

    def value(self, name: str) -> Any:
        choice = self.fields.get(name)
        return choice.value if choice else None

    @property
    def date(self) -> str | None:
        return self.value("date")

    @property
    def date_precision(self) -> str | None:
        return precision_of(self.date)

    @property
    def weapon_class(self) -> str | None:
        return self.value("weapon_class")

    @property
    def count(self) -> int | None:
        return self.value("count")

    @property
    def disputed(self) -> list[str]:
        """Names of the fields whose sources disagree."""
        return [name for name, choice in self.fields.items() if choice.disputed]


@dataclass(frozen=True)
class Decision:
    """A manual decision, replayed after every automatic resolution.

    merge: the events named in ``event_ids`` and those holding any of ``mention_ids`` become one
           (keeping the first listed event id that still exists).
    split: ``mention_ids`` leave their event and form one event of their own.
    """
    kind: str  # 'merge' | 'split'
    event_ids: tuple[str, ...] = ()
    mention_ids: tuple[str, ...] = ()
    at: datetime | None = None
    note: str | None = None

    def __post_init__(self) -> None:
        if self.kind not in ("merge", "split"):
            raise ValueError(f"unknown decision kind {self.kind!r}")
        if self.kind == "split" and not self.mention_ids:
            raise ValueError("a split names the mentions to take out")


@dataclass
class ResolutionResult:
    """What one resolve run did.

    assignments: every mention given (except skipped ones) -> its event id;
    new_events / updated_events: events created / changed by the run (complete, reconciled);
    removed_events: ids of existing events that no longer exist (merged away or emptied);
    explanations: mention id -> why it is in its event; skipped: mention id -> reason;
    unattached_claims: ids of claims whose mention and subject name no event.
    """
    assignments: dict[str, str] = field(default_factory=dict)
    new_events: list[CanonicalEvent] = field(default_factory=list)
    updated_events: list[CanonicalEvent] = field(default_factory=list)
    removed_events: list[str] = field(default_factory=list)
    explanations: dict[str, MatchExplanation] = field(default_factory=dict)
    skipped: dict[str, str] = field(default_factory=dict)
    unattached_claims: list[str] = field(default_factory=list)

    @property
    def events(self) -> list[CanonicalEvent]:
        return [*self.new_events, *self.updated_events]


def event_to_dict(event: CanonicalEvent) -> dict:
    """JSON-ready dict of an event: reconciled fields with their values by source, members with
    their explanations, claim ids."""
    def jsonable(v: Any) -> Any:
        if hasattr(v, "__dataclass_fields__"):
            return {k: jsonable(getattr(v, k)) for k in v.__dataclass_fields__}
        if isinstance(v, (list, tuple, set, frozenset)):
            return [jsonable(x) for x in v]
        if isinstance(v, dict):
            return {k: jsonable(x) for k, x in v.items()}
        return v
    return {
        "id": event.id, "type": event.type, "long_running": event.long_running, "label": event.label,
        "date": event.date, "date_precision": event.date_precision, "disputed": event.disputed,
        "fields": {name: jsonable(choice) for name, choice in event.fields.items()},
        "members": [{"mention_id": m.id, "doc": m.mention.doc,
                     "evidence": [m.mention.evidence.start, m.mention.evidence.end],
                     "explanation": jsonable(m.explanation)} for m in event.members],
        "claims": [c.id for c in event.claims],
    }
